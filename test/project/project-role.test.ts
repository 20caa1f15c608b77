import { PolicyEffect, ProjectAction, ProjectPolicy, ProjectResource } from '../../src';
import { policyError, PROJECT_ACTIONS, PROJECT_SCOPED_RESOURCES } from '../../src/engine/argo/project';

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

  test('the typed resources and actions are exactly the ones the engine accepts', () => {
    const values = (cls: object) => Object.values(cls).filter((v) => v instanceof ProjectResource || v instanceof ProjectAction).map((v) => v.value);
    expect(values(ProjectResource).sort()).toEqual([...PROJECT_SCOPED_RESOURCES].sort());
    expect(values(ProjectAction).sort()).toEqual([...PROJECT_ACTIONS].sort());
  });
});
