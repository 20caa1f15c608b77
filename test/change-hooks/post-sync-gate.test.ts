import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-30';
import { cdnSetting, find } from './helpers';
import { Application, SyncOption } from '../../src';
import { ChangeHookStrategy, GatePhase } from '../../src/change-hooks/change-hook-strategy';
import { HookAction } from '../../src/change-hooks/hook-action';
import { ResourceChangeHook } from '../../src/change-hooks/resource-change-hook';
import { GATE_SCRIPT, RECORD_SCRIPT, RECORDER_SCRIPT } from '../../src/change-hooks/strategies/post-sync-gate';
import { TargetResource } from '../../src/change-hooks/target-resource';
import { planSync } from '../../src/engine/plan';

const purge = HookAction.job({ image: 'curlimages/curl:8.10.1', command: ['curl', '-fsS', '-X', 'POST'], args: ['http://cdn-api/purge'], env: { ZONE: 'shop' } });

describe('postSyncGate (the default for Job actions)', () => {
  test('bakes the target hash into a PostSync gate Job and records it in wave 1', () => {
    const s = cdnSetting();
    const hook = new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge });
    expect(hook.strategy.name).toBe('postSyncGate');
    const out = Testing.synth(s.chart);
    const hash = hook.contentHash!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const run = find(out, 'Job', 'cdn-purge-run');
    expect(run.metadata.namespace).toBe('shop');
    expect(run.metadata.annotations).toEqual({
      'argocd.argoproj.io/hook': 'PostSync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      'argocd.argoproj.io/sync-wave': '0',
      'change-hooks.cdk8s-argocd.io/hook': JSON.stringify({
        id: 'cdn-purge',
        strategy: 'postSyncGate',
        application: 'shop',
        target: { group: '', kind: 'ConfigMap', name: 'nginx-config', namespace: 'shop' },
        failSyncOnError: true,
      }),
    });
    const pod = run.spec.template.spec;
    expect(run.spec.backoffLimit).toBe(1);
    expect(run.spec.activeDeadlineSeconds).toBe(600);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.serviceAccountName).toBe('shop-change-hooks-state-gate');
    expect(pod.volumes).toEqual([{ name: 'gate', emptyDir: {} }]);
    const stateEnv = [
      { name: 'EXPECTED_HASH', value: hash },
      { name: 'STATE_CONFIGMAP', value: 'shop-change-hooks-state' },
      { name: 'STATE_KEY', value: 'cdn_purge' },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    ];
    expect(pod.initContainers).toEqual([{
      name: 'gate', image: 'alpine/k8s:1.31.2', command: ['/bin/sh', '-c', GATE_SCRIPT], env: stateEnv, volumeMounts: [{ name: 'gate', mountPath: '/gate' }],
    }]);
    expect(pod.containers).toEqual([{
      name: 'action',
      image: 'curlimages/curl:8.10.1',
      command: ['/bin/sh', '-c', 'if [ -f /gate/changed ]; then exec "$0" "$@"; fi; echo "target unchanged: action skipped"'],
      args: ['curl', '-fsS', '-X', 'POST', 'http://cdn-api/purge'],
      env: [{ name: 'ZONE', value: 'shop' }, { name: 'CHANGE_HOOK_GATE_FILE', value: '/gate/changed' }, { name: 'CHANGE_HOOK_CONTENT_HASH', value: hash }],
      volumeMounts: [{ name: 'gate', mountPath: '/gate' }],
    }]);

    const record = find(out, 'Job', 'cdn-purge-record');
    expect(record.metadata.annotations['argocd.argoproj.io/hook']).toBe('PostSync');
    expect(record.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('1');
    expect(record.spec.template.spec.serviceAccountName).toBe('shop-change-hooks-state-gate');
    expect(record.spec.template.spec.containers).toEqual([{ name: 'record', image: 'alpine/k8s:1.31.2', command: ['/bin/sh', '-c', RECORD_SCRIPT], env: stateEnv }]);
    expect(RECORD_SCRIPT).toContain('kubectl patch configmap "$STATE_CONFIGMAP" -n "$POD_NAMESPACE" --type merge -p "{\\"data\\":{\\"$STATE_KEY\\":\\"$EXPECTED_HASH\\"}}"');
    expect(GATE_SCRIPT).toContain('-o "jsonpath={.data.$STATE_KEY}"');
  });

  test('state ConfigMap without data and RBAC bound by resourceNames', () => {
    const s = cdnSetting();
    new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge });
    const out = Testing.synth(s.chart);
    expect(find(out, 'ConfigMap', 'shop-change-hooks-state')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shop-change-hooks-state', namespace: 'shop' } });
    expect(find(out, 'ServiceAccount', 'shop-change-hooks-state-gate').metadata.namespace).toBe('shop');
    expect(find(out, 'Role', 'shop-change-hooks-state-gate').rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], resourceNames: ['shop-change-hooks-state'], verbs: ['get', 'update', 'patch'] },
    ]);
    const binding = find(out, 'RoleBinding', 'shop-change-hooks-state-gate');
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'shop-change-hooks-state-gate' });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'shop-change-hooks-state-gate', namespace: 'shop' }]);
  });

  test('two hooks of one Application share the state; the action\'s own ServiceAccount is bound too', () => {
    const s = cdnSetting();
    const other = new k8s.KubeConfigMap(s.chart, 'search-schema', { metadata: { name: 'search-schema' }, data: { v: '1' } });
    new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge });
    new ResourceChangeHook(s.chart, 'reindex', {
      application: s.application,
      target: TargetResource.fromApiObject(other),
      action: HookAction.job({ image: 'search-tools:2', command: ['reindex'], serviceAccountName: 'indexer' }),
    });
    const out = Testing.synth(s.chart);
    expect(out.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'shop-change-hooks-state')).toHaveLength(1);
    expect(find(out, 'RoleBinding', 'shop-change-hooks-state-gate').subjects.map((x: any) => x.name)).toEqual(['shop-change-hooks-state-gate', 'indexer']);
    expect(find(out, 'Job', 'reindex-run').spec.template.spec.serviceAccountName).toBe('indexer');
    expect(find(out, 'Job', 'reindex-run').spec.template.spec.initContainers[0].env[2]).toEqual({ name: 'STATE_KEY', value: 'reindex' });
  });

  test('the hash follows changes made to the target after the hook was created', () => {
    const s = cdnSetting();
    const hook = new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge });
    const before = hook.contentHash;
    ApiObject.of(s.nginxConfig).addJsonPatch(JsonPatch.add('/data/extra', 'x'));
    const out = Testing.synth(s.chart);
    expect(hook.contentHash).not.toBe(before);
    expect(find(out, 'Job', 'cdn-purge-run').spec.template.spec.initContainers[0].env[0].value).toBe(hook.contentHash);
  });

  test('AFTER_TARGET_WAVE runs the Jobs as Sync hooks right after the target\'s wave; planSync shows where', () => {
    const s = cdnSetting();
    ApiObject.of(s.nginxConfig).metadata.addAnnotation('argocd.argoproj.io/sync-wave', '-2');
    new ResourceChangeHook(s.chart, 'cdn-purge', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: purge,
      strategy: ChangeHookStrategy.postSyncGate({ phase: GatePhase.AFTER_TARGET_WAVE, gateImage: 'example/kubectl:1' }),
    });
    const out = Testing.synth(s.chart).filter((o) => o.kind !== 'Application');
    const run = find(out, 'Job', 'cdn-purge-run');
    expect(run.metadata.annotations['argocd.argoproj.io/hook']).toBe('Sync');
    expect(run.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
    expect(find(out, 'Job', 'cdn-purge-record').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
    expect(run.spec.template.spec.initContainers[0].image).toBe('example/kubectl:1');
    // the state objects come no later than the gate
    expect(find(out, 'ConfigMap', 'shop-change-hooks-state').metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
    const plan = planSync(out).filter((t) => !t.prune).map((t) => `${t.phase} ${t.wave} ${t.kind}/${t.name}`);
    expect(plan).toEqual([
      'Sync -2 ConfigMap/nginx-config',
      'Sync -1 ServiceAccount/shop-change-hooks-state-gate',
      'Sync -1 ConfigMap/shop-change-hooks-state',
      'Sync -1 Role/shop-change-hooks-state-gate',
      'Sync -1 RoleBinding/shop-change-hooks-state-gate',
      'Sync -1 Job/cdn-purge-run',
      'Sync 0 Job/cdn-purge-record',
    ]);
  });

  test('planSync puts the default gate Jobs in PostSync, waves 0 and 1, after every resource', () => {
    const s = cdnSetting();
    new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge });
    const plan = planSync(Testing.synth(s.chart).filter((o) => o.kind !== 'Application')).map((t) => `${t.phase} ${t.wave} ${t.kind}/${t.name}`);
    expect(plan.slice(-2)).toEqual(['PostSync 0 Job/cdn-purge-run', 'PostSync 1 Job/cdn-purge-record']);
    expect(plan.slice(0, -2).every((t) => t.startsWith('Sync 0 '))).toBe(true);
  });

  test('failSyncOnError: false runs a recorder in the same pod and no record Job', () => {
    const s = cdnSetting();
    new ResourceChangeHook(s.chart, 'cdn-purge', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: purge,
      strategy: ChangeHookStrategy.postSyncGate({ failSyncOnError: false, stateConfigMapName: 'cdn-state' }),
    });
    const out = Testing.synth(s.chart);
    expect(out.some((o) => o.metadata.name === 'cdn-purge-record')).toBe(false);
    const containers = find(out, 'Job', 'cdn-purge-run').spec.template.spec.containers;
    expect(containers.map((c: any) => c.name)).toEqual(['action', 'recorder']);
    expect(containers[0].command[2]).toBe('if [ -f /gate/changed ]; then "$0" "$@"; echo "$?" > /gate/exit-code; else echo "target unchanged: action skipped"; echo skipped > /gate/exit-code; fi; exit 0');
    expect(containers[1].command).toEqual(['/bin/sh', '-c', RECORDER_SCRIPT]);
    expect(RECORDER_SCRIPT).toMatch(/exit 0$/);
    expect(containers[1].env[1]).toEqual({ name: 'STATE_CONFIGMAP', value: 'cdn-state' });
    expect(JSON.parse(find(out, 'Job', 'cdn-purge-run').metadata.annotations['change-hooks.cdk8s-argocd.io/hook']).failSyncOnError).toBe(false);
  });

  test('shellWrapper: false runs the command as given and leaves the gate file to the action', () => {
    const s = cdnSetting();
    new ResourceChangeHook(s.chart, 'cdn-purge', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: HookAction.job({ image: 'distroless/purge:1', command: ['/purge'], shellWrapper: false }),
    });
    const action = find(Testing.synth(s.chart), 'Job', 'cdn-purge-run').spec.template.spec.containers[0];
    expect(action.command).toEqual(['/purge']);
    expect(action.env[0]).toEqual({ name: 'CHANGE_HOOK_GATE_FILE', value: '/gate/changed' });
  });

  test('fails when the Application syncs with Replace=true', () => {
    const s = cdnSetting({ syncOptions: [SyncOption.REPLACE] });
    expect(() => new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge }))
      .toThrow(/^\[workload\/cdn-purge\] Application "shop" syncs with "Replace=true", which replaces the change hooks' state ConfigMap on every sync/);
  });

  test('fails when failSyncOnError: false meets shellWrapper: false', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'cdn-purge', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: HookAction.job({ image: 'x', command: ['/x'], shellWrapper: false }),
      strategy: ChangeHookStrategy.postSyncGate({ failSyncOnError: false }),
    })).toThrow(/needs the shell wrapper to capture the action's exit code/);
  });

  test('works with an Application managed elsewhere, placing the objects in the target\'s chart', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'workload', { namespace: 'shop' });
    const hooks = new Chart(app, 'hooks');
    const cfg = new k8s.KubeConfigMap(chart, 'nginx-config', { metadata: { name: 'nginx-config' }, data: { a: 'b' } });
    new ResourceChangeHook(hooks, 'cdn-purge', {
      application: Application.fromApplicationName(hooks, 'shop-ref', 'shop'), target: TargetResource.fromApiObject(cfg), action: purge,
    });
    expect(Testing.synth(hooks)).toEqual([]);
    expect(find(Testing.synth(chart), 'Job', 'cdn-purge-run').metadata.namespace).toBe('shop');
  });
});
