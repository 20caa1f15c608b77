import { validateManifests } from '../../../../src';
import { Manifest } from '../../../../src/engine/validation/problem';
import { application, withChange } from '../fixtures';

const TARGET = { group: '', kind: 'ConfigMap', name: 'nginx-config', namespace: 'shop' };
const config = (annotations: Record<string, string> = {}): Manifest =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx-config', namespace: 'shop', annotations }, data: { a: 'b' } });

function marker(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ id: 'cdn-purge', strategy: 'postSyncGate', application: 'shop', target: TARGET, failSyncOnError: true, ...fields });
}
function gateJob(fields: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'cdn-purge-run',
      namespace: 'shop',
      annotations: { 'argocd.argoproj.io/hook': 'PostSync', 'change-hooks.cdk8s-argocd.io/hook': marker(fields) },
    },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'action', image: 'curl' }] } } },
  };
}
const shop = (syncOptions: string[], extra: Record<string, unknown> = {}) => withChange(application(), (a) => {
  a.metadata.name = 'shop';
  a.spec.syncPolicy = { automated: { prune: true }, syncOptions, retry: { limit: 3 }, ...extra };
});
const PATH = '/metadata/annotations/change-hooks.cdk8s-argocd.io~1hook';
const changeHookProblems = (objects: Manifest[]) => validateManifests(objects).filter((p) => p.rule.startsWith('change-hook/'));

describe('change-hook rules', () => {
  test('are silent on a valid gate with its target and Application', () => {
    expect(changeHookProblems([shop([]), config(), gateJob()])).toEqual([]);
  });

  test('fails when the target of a gate is not rendered', () => {
    const problems = changeHookProblems([gateJob()]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', rule: 'change-hook/target-not-rendered', kind: 'Job', path: PATH })]);
    expect(problems[0].message).toBe('change hook "cdn-purge" watches ConfigMap shop/nginx-config, which is not among the rendered objects, so the hook never fires: render the target in the same chart or point the hook at an object that exists');
  });

  test('fails when the target is a hook or skipped', () => {
    const [hook] = changeHookProblems([config({ 'argocd.argoproj.io/hook': 'PreSync' }), gateJob()]);
    expect(hook).toMatchObject({ rule: 'change-hook/target-is-hook' });
    expect(hook.message).toMatch(/^target ConfigMap shop\/nginx-config is a resource hook, which Argo CD runs rather than applies/);
    const [skip] = changeHookProblems([config({ 'argocd.argoproj.io/hook': 'Skip' }), gateJob()]);
    expect(skip.message).toMatch(/is skipped by the sync \(hook type Skip\)/);
  });

  test('fails when a gate\'s Application syncs with Replace=true', () => {
    const problems = changeHookProblems([shop(['Replace=true']), config(), gateJob()]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', rule: 'change-hook/replace-wipes-state', path: PATH })]);
    expect(problems[0].message).toMatch(/^Application "shop" syncs with "Replace=true", which replaces the change hooks' state ConfigMap on every sync/);
  });

  test('warns when a failing gate fails an automated sync without retry, not with failSyncOnError: false', () => {
    const noRetry = withChange(shop([]), (a) => delete a.spec.syncPolicy.retry);
    const problems = changeHookProblems([noRetry, config(), gateJob()]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', rule: 'change-hook/no-retry' })]);
    expect(problems[0].message).toMatch(/set syncPolicy.retry \(e.g. \{ limit: 3 \}\) or use postSyncGate\(\{ failSyncOnError: false \}\)$/);
    expect(changeHookProblems([noRetry, config(), gateJob({ failSyncOnError: false })])).toEqual([]);
  });

  test('fails when the hook id is not a DNS label or a literal holds a quote', () => {
    const problems = changeHookProblems([config(), gateJob({ id: 'CDN.purge' })]);
    expect(problems.map((p) => p.rule)).toEqual(['change-hook/name']);
    expect(problems[0].message).toMatch(/^change hook id "CDN.purge" must be a DNS label .* use e.g. "cdn-purge"$/);
    const quoted = changeHookProblems([gateJob({ target: { ...TARGET, name: "it's" } })]);
    expect(quoted.map((p) => p.rule)).toEqual(['change-hook/literal', 'change-hook/target-not-rendered']);
    expect(quoted[0].message).toMatch(/^target name "it's" cannot be embedded in a trigger expression/);
  });

  describe('notification strategy with automatic detection', () => {
    const notified = (syncOptions: string[], detection = 'auto') => withChange(shop(syncOptions), (a) => {
      a.metadata.annotations = {
        'change-hooks.cdk8s-argocd.io/notify.cdn-purge': marker({ strategy: 'notification', changeDetection: detection, failSyncOnError: undefined }),
      };
    });
    const NPATH = '/metadata/annotations/change-hooks.cdk8s-argocd.io~1notify.cdn-purge';

    test('fails under server-side apply or Replace without ApplyOutOfSyncOnly', () => {
      const problems = changeHookProblems([notified(['ServerSideApply=true'])]);
      expect(problems).toEqual([expect.objectContaining({ severity: 'error', rule: 'change-hook/ambiguous-change-detection', kind: 'Application', path: NPATH })]);
      expect(problems[0].message).toBe('Application "shop" syncs with "ServerSideApply=true" without "ApplyOutOfSyncOnly=true", so the sync result says "serverside-applied"/"replaced" whether or not ConfigMap shop/nginx-config changed and the trigger cannot tell: use ChangeDetection.APPLY_OUT_OF_SYNC_ONLY (adds "ApplyOutOfSyncOnly=true" to the Application) or ChangeDetection.ANY_APPLY (fires on every apply)');
      const onTarget = changeHookProblems([notified([]), config({ 'argocd.argoproj.io/sync-options': 'Replace=true' })]);
      expect(onTarget.map((p) => p.message)).toEqual([expect.stringMatching(/^ConfigMap shop\/nginx-config carries sync option "Replace=true" without "ApplyOutOfSyncOnly=true"/)]);
    });

    test('is silent with ApplyOutOfSyncOnly, with explicit detection, and under client-side apply', () => {
      expect(changeHookProblems([notified(['ServerSideApply=true', 'ApplyOutOfSyncOnly=true'])])).toEqual([]);
      expect(changeHookProblems([notified(['ServerSideApply=true'], 'anyApply')])).toEqual([]);
      expect(changeHookProblems([notified([]), config()])).toEqual([]);
    });

    test('warns for a kind whose healthy message replaces the verdict in a multi-step sync', () => {
      const statefulSet = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' }, spec: {} };
      const later = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop', annotations: { 'argocd.argoproj.io/sync-wave': '1' } } };
      const app = withChange(notified([]), (a) => {
        a.metadata.annotations['change-hooks.cdk8s-argocd.io/notify.cdn-purge'] = marker({
          strategy: 'notification', changeDetection: 'auto', target: { group: 'apps', kind: 'StatefulSet', name: 'db', namespace: 'shop' },
        });
      });
      const problems = changeHookProblems([app, statefulSet, later]);
      expect(problems).toEqual([expect.objectContaining({ severity: 'warning', rule: 'change-hook/health-message-overwrite' })]);
      expect(problems[0].message).toMatch(/^apps\/StatefulSet shop\/db is a kind whose healthy status has a message; .* use ChangeDetection.APPLY_OUT_OF_SYNC_ONLY$/);
      expect(changeHookProblems([app, statefulSet])).toEqual([]);
    });
  });
});
