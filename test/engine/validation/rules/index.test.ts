import { validateManifests } from '../../../../src/engine/validation';
import { CROSS_OBJECT_RULES, OBJECT_RULES } from '../../../../src/engine/validation/rules';
import { applicationSetRule } from '../../../../src/engine/validation/rules/application-set';
import { notificationsRule } from '../../../../src/engine/validation/rules/notifications';
import { projectGlobRule } from '../../../../src/engine/validation/rules/project-glob';
import { projectPermissionsRule } from '../../../../src/engine/validation/rules/project-permissions';

describe('the rule lists', () => {
  test('a rule that loads on first use carries the id of the rule it loads', () => {
    // (the id is written in rules/index.ts too, so the rule can be named before its module loads)
    const listed = new Map([...OBJECT_RULES, ...CROSS_OBJECT_RULES].map((r) => [r.id, r]));
    for (const loaded of [applicationSetRule, notificationsRule, projectGlobRule, projectPermissionsRule]) {
      expect(listed.has(loaded.id)).toBe(true);
    }
  });

  test('every rule id is listed once', () => {
    const ids = [...OBJECT_RULES, ...CROSS_OBJECT_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('the rules that load on first use run when their objects are in the input', () => {
    const app = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'argocd' },
      spec: { project: 'team', source: { repoURL: 'https://github.com/o/r.git', path: 'x' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'x' } },
    };
    const project = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'team', namespace: 'argocd' }, spec: { sourceRepos: ['https://github.com/other/*'], destinations: [{ server: '*', namespace: '*' }] } };

    test('a notifications ConfigMap after other objects (and another ConfigMap)', () => {
      const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: {} };
      const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-notifications-cm', namespace: 'argocd' }, data: { 'trigger.on-x': '- when: app.status.sync.status == "Synced"\n  send: [missing]' } };
      expect(validateManifests([app, other, cm], { projects: [project] }).map((p) => `${p.rule} ${p.index}`))
        .toEqual(['project-permissions/source-repo 0', 'notifications/send 2']);
    });

    test('project permissions with the AppProject in the input, or only given with the projects option', () => {
      expect(validateManifests([app, project]).map((p) => p.rule)).toEqual(['project-permissions/source-repo']);
      expect(validateManifests([app], { projects: [project] }).map((p) => p.rule)).toEqual(['project-permissions/source-repo']);
      expect(validateManifests([app])).toEqual([]);
    });
  });
});
