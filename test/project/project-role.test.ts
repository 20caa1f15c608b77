import { PolicyEffect, ProjectAction, ProjectPolicy, ProjectResource } from '../../src';
import { policyError } from '../../src/engine/validation/rules/app-project';

describe('ProjectPolicy', () => {
  test('renders Argo CD policy lines with the subject and project prefix filled in', () => {
    // WHEN
    const lines = [
      ProjectPolicy.allow(ProjectAction.GET),
      ProjectPolicy.deny(ProjectAction.DELETE, 'prod-*'),
      ProjectPolicy.of({ resource: ProjectResource.LOGS, action: ProjectAction.GET, object: 'web', effect: PolicyEffect.ALLOW }),
      ProjectPolicy.allow(ProjectAction.resourceAction('apps', 'Deployment', 'restart'), 'web'),
    ].map((p) => p.render('team', 'dev'));
    // THEN
    expect(lines).toEqual([
      'p, proj:team:dev, applications, get, team/*, allow',
      'p, proj:team:dev, applications, delete, team/prod-*, deny',
      'p, proj:team:dev, logs, get, team/web, allow',
      'p, proj:team:dev, applications, action/apps/Deployment/restart, team/web, allow',
    ]);
    expect(lines.map((l) => policyError('team', 'dev', l))).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('fromLine keeps the line verbatim', () => {
    expect(ProjectPolicy.fromLine('p, proj:a:b, applications, get, a/*, allow').render('x', 'y')).toEqual('p, proj:a:b, applications, get, a/*, allow');
  });
});
