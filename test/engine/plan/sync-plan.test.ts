import { analyzeSync, planSync } from '../../../src';
import { KIND_ORDER, kindRank } from '../../../src/engine/argo/sync-order';
import { Manifest } from '../../../src/engine/validation/problem';

interface Extra {
  ns?: string;
  wave?: string;
  hook?: string;
  policy?: string;
  apiVersion?: string;
  annotations?: Record<string, string>;
}

function obj(kind: string, name: string, extra: Extra = {}): Manifest {
  const annotations: Record<string, string> = { ...extra.annotations };
  if (extra.wave !== undefined) annotations['argocd.argoproj.io/sync-wave'] = extra.wave;
  if (extra.hook !== undefined) annotations['argocd.argoproj.io/hook'] = extra.hook;
  if (extra.policy !== undefined) annotations['argocd.argoproj.io/hook-delete-policy'] = extra.policy;
  const o: Manifest = { apiVersion: extra.apiVersion ?? 'v1', metadata: { name } };
  if (kind) o.kind = kind;
  if (extra.ns) o.metadata.namespace = extra.ns;
  if (Object.keys(annotations).length > 0) o.metadata.annotations = annotations;
  return o;
}

const brief = (tasks: { phase: string; wave: number; kind: string; name: string }[]) => tasks.map((t) => `${t.phase}/${t.wave}/${t.kind}/${t.name}`);

describe('planSync: ported from gitops-engine sync_tasks_test.go', () => {
  test('Test_syncTasks_kindOrder', () => {
    expect(kindRank('Namespace')).toBe(-35);
    expect(kindRank('APIService')).toBe(-1);
    expect(kindRank('MyCRD')).toBe(0);
    expect(KIND_ORDER).toHaveLength(35);
  });

  test('TestSortSyncTask: phase, wave, kind, name', () => {
    // GIVEN the upstream unsortedTasks (hook phases expressed as hook annotations)
    const unsorted = [
      obj('Pod', ''),
      obj('Service', ''),
      obj('PersistentVolume', ''),
      obj('', '', { hook: 'SyncFail' }),
      obj('', '', { wave: '1' }),
      obj('', 'b'),
      obj('', 'a'),
      obj('', '', { wave: '-1' }),
      obj('', ''),
      obj('', '', { hook: 'PreSync' }),
      obj('', '', { hook: 'PostSync' }),
      obj('ConfigMap', ''),
    ];
    // WHEN
    const tasks = planSync(unsorted);
    // THEN the upstream sortedTasks
    expect(brief(tasks)).toEqual([
      'PreSync/0//',
      'Sync/-1//',
      'Sync/0/ConfigMap/',
      'Sync/0/PersistentVolume/',
      'Sync/0/Service/',
      'Sync/0/Pod/',
      'Sync/0//',
      'Sync/0//a',
      'Sync/0//b',
      'Sync/1//',
      'PostSync/0//',
      'SyncFail/0//',
    ]);
  });

  test('TestSyncNamespaceAgainstCRD: a Namespace before a custom resource', () => {
    const tasks = planSync([obj('Workflow', '', { apiVersion: 'argoproj.io/v1alpha1' }), obj('Namespace', '')]);
    expect(tasks.map((t) => t.kind)).toEqual(['Namespace', 'Workflow']);
  });

  test('TestSyncTasksSort_NamespaceAndObjectInNamespace: namespaces bubble before their first user and inherit wave and phase', () => {
    const hook1 = obj('Job', 'mySyncHookJob1', { ns: 'myNamespace1', hook: 'PreSync', apiVersion: 'batch/v1' });
    const hook2 = obj('Job', 'mySyncHookJob2', { ns: 'myNamespace2', hook: 'PreSync', apiVersion: 'batch/v1' });
    const ns1 = obj('Namespace', 'myNamespace1', { wave: '1' });
    const ns2 = obj('Namespace', 'myNamespace2', { wave: '2' });
    const tasks = planSync([hook1, hook2, ns1, ns2]);
    expect(brief(tasks)).toEqual([
      'PreSync/0/Namespace/myNamespace1',
      'PreSync/0/Job/mySyncHookJob1',
      'PreSync/0/Namespace/myNamespace2',
      'PreSync/0/Job/mySyncHookJob2',
    ]);
    expect(tasks[0].hookTypes).toEqual([]);
  });

  test('TestSyncTasksSort_CRDAndCR: a CRD bubbles before its first custom resource', () => {
    const cr = obj('Workflow', 'wf', { apiVersion: 'argoproj.io/v1', hook: 'PreSync' });
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'workflows.argoproj.io' },
      spec: { group: 'argoproj.io', names: { kind: 'Workflow' } },
    };
    const tasks = planSync([cr, crd]);
    expect(brief(tasks)).toEqual(['PreSync/0/CustomResourceDefinition/workflows.argoproj.io', 'PreSync/0/Workflow/wf']);
  });

  test('a CRD does not move for a custom resource of another group', () => {
    const cr = obj('Workflow', 'wf', { apiVersion: 'example.com/v1', wave: '-1' });
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'w' }, spec: { group: 'argoproj.io', names: { kind: 'Workflow' } } };
    expect(planSync([cr, crd]).map((t) => t.kind)).toEqual(['Workflow', 'CustomResourceDefinition']);
  });

  test('Test_syncTasks_multiStep: single and double', () => {
    expect(analyzeSync([obj('Pod', 'p', { wave: '-1' })]).multiStep).toBe(false);
    const double = analyzeSync([obj('Pod', 'a', { wave: '-1', hook: 'PreSync' }), obj('Pod', 'b', { wave: '1', hook: 'PostSync' })]);
    expect(double.multiStep).toBe(true);
    expect(double.estimatedWaveDelaySeconds).toBe(2);
  });
});

describe('planSync: hooks', () => {
  test('a hook with several types runs once per sync phase', () => {
    const tasks = planSync([obj('Job', 'j', { hook: 'PreSync,PostSync', apiVersion: 'batch/v1' })]);
    expect(brief(tasks)).toEqual(['PreSync/0/Job/j', 'PostSync/0/Job/j']);
    expect(tasks[0]).toMatchObject({ group: 'batch', hookTypes: ['PreSync', 'PostSync'], deletePolicies: ['BeforeHookCreation'] });
  });

  test('Skip alone, delete-only hooks and hooks with no valid type are left out; Skip with another type is not', () => {
    const plan = analyzeSync([
      obj('ConfigMap', 'skipped', { hook: 'Skip' }),
      obj('Job', 'cleanup', { hook: 'PostDelete' }),
      obj('Job', 'typo', { hook: 'Presync' }),
      obj('Job', 'helm-test', { annotations: { 'helm.sh/hook': 'test' } }),
      obj('Job', 'both', { hook: 'Skip,PostSync' }),
      obj('CustomResourceDefinition', 'crd', { annotations: { 'helm.sh/hook': 'crd-install' } }),
    ]);
    expect(brief(plan.tasks)).toEqual(['Sync/0/CustomResourceDefinition/crd', 'PostSync/0/Job/both']);
    expect(plan.skipped.map((s) => `${s.name}:${s.reason}`)).toEqual(['skipped:skip', 'cleanup:delete-hook', 'typo:no-phase', 'helm-test:no-phase']);
  });

  test('helm hooks and weights are mapped when no Argo CD hook is set', () => {
    const tasks = planSync([
      obj('Job', 'post', { annotations: { 'helm.sh/hook': 'post-install,post-upgrade', 'helm.sh/hook-weight': '5', 'helm.sh/hook-delete-policy': 'hook-succeeded' } }),
      obj('Job', 'pre', { annotations: { 'helm.sh/hook': 'pre-install', 'helm.sh/hook-weight': '-2' } }),
      obj('Job', 'argo-wins', { hook: 'Sync', annotations: { 'helm.sh/hook': 'pre-install' } }),
    ]);
    expect(brief(tasks)).toEqual(['PreSync/-2/Job/pre', 'Sync/0/Job/argo-wins', 'PostSync/5/Job/post']);
    expect(tasks[2].deletePolicies).toEqual(['HookSucceeded']);
  });

  test('an unparsable wave falls back to the helm weight, then 0', () => {
    const tasks = planSync([
      obj('ConfigMap', 'a', { wave: '1.5' }),
      obj('ConfigMap', 'b', { wave: ' 1', annotations: { 'helm.sh/hook-weight': '3' } }),
      obj('ConfigMap', 'c', { wave: '+2' }),
    ]);
    expect(brief(tasks)).toEqual(['Sync/0/ConfigMap/a', 'Sync/2/ConfigMap/c', 'Sync/3/ConfigMap/b']);
  });

  test('generateName hooks are listed by their prefix', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'migrate-', annotations: { 'argocd.argoproj.io/hook': 'PreSync' } } };
    expect(planSync([job])[0].name).toBe('migrate-');
  });
});

describe('planSync: prune', () => {
  const live = [
    obj('ConfigMap', 'keep'),
    obj('ConfigMap', 'old-0'),
    obj('Deployment', 'old-1', { wave: '1', apiVersion: 'apps/v1' }),
    obj('Service', 'old-2', { wave: '2' }),
    obj('Secret', 'never', { annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false' } }),
    obj('ConfigMap', 'last', { annotations: { 'argocd.argoproj.io/sync-options': 'PruneLast=true' } }),
  ];
  const desired = [obj('ConfigMap', 'keep'), obj('Deployment', 'app', { wave: '3', apiVersion: 'apps/v1' })];

  test('prune waves are reversed, Prune=false is kept, PruneLast goes after the last sync wave', () => {
    const plan = analyzeSync(desired, { live });
    expect(plan.prune.map((t) => `${t.wave}/${t.name}`)).toEqual(['0/old-2', '1/old-1', '2/old-0', '4/last']);
    expect(plan.tasks.map((t) => t.name)).toEqual(['keep', 'app']);
    expect(plan.multiStep).toBe(true);
  });

  test('the Application-level PruneLast moves every prune last', () => {
    const plan = analyzeSync(desired, { live, pruneLast: true });
    expect(plan.prune.map((t) => t.wave)).toEqual([4, 4, 4, 4]);
  });
});
