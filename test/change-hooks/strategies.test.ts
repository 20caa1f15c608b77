import { ApiObject, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-30';
import { cdnSetting, find } from './helpers';
import { Application, Destination, SyncOption } from '../../src';
import { ChangeHookStrategy } from '../../src/change-hooks/change-hook-strategy';
import { HookAction } from '../../src/change-hooks/hook-action';
import { ChangeKind, ResourceChangeHook } from '../../src/change-hooks/resource-change-hook';
import { TargetResource } from '../../src/change-hooks/target-resource';
import { planSync } from '../../src/engine/plan';

const purge = HookAction.job({ image: 'curlimages/curl:8.10.1', command: ['curl', '-X', 'POST', 'http://cdn-api/purge'] });

describe('hashNamedJob', () => {
  function setting(ignoreExtraneous?: boolean) {
    const s = cdnSetting();
    ApiObject.of(s.nginxConfig).metadata.addAnnotation('argocd.argoproj.io/sync-wave', '3');
    const hook = new ResourceChangeHook(s.chart, 'cdn-purge', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: purge,
      strategy: ChangeHookStrategy.hashNamedJob({ ignoreExtraneous }),
    });
    return { ...s, hook };
  }
  const jobOf = (out: any[]) => out.find((o) => o.kind === 'Job');

  test('a plain Job named by the hash, in the wave after the target, without TTL', () => {
    const { chart, hook } = setting();
    const job = jobOf(Testing.synth(chart));
    expect(job.metadata.name).toMatch(/^cdn-purge-[0-9a-f]{10}$/);
    expect(job.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '4',
      'argocd.argoproj.io/compare-options': 'IgnoreExtraneous',
      'change-hooks.cdk8s-argocd.io/hook': JSON.stringify({
        id: 'cdn-purge', strategy: 'hashNamedJob', application: 'shop', target: { group: '', kind: 'ConfigMap', name: 'nginx-config', namespace: 'shop' },
      }),
    });
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBeUndefined();
    expect(job.spec.ttlSecondsAfterFinished).toBeUndefined();
    expect(job.spec.template.spec.containers).toEqual([{
      name: 'action',
      image: 'curlimages/curl:8.10.1',
      command: ['curl', '-X', 'POST', 'http://cdn-api/purge'],
      env: [{ name: 'CHANGE_HOOK_CONTENT_HASH', value: hook.contentHash }],
    }]);
    const plan = planSync(Testing.synth(chart).filter((o) => o.kind !== 'Application')).map((t) => `${t.phase} ${t.wave} ${t.kind}`);
    expect(plan).toEqual(['Sync 3 ConfigMap', 'Sync 4 Job']);
  });

  test('the name is stable while the target is, and changes when the target or the action changes', () => {
    const a = jobOf(Testing.synth(setting().chart)).metadata.name;
    expect(jobOf(Testing.synth(setting().chart)).metadata.name).toBe(a);
    const other = cdnSetting();
    new ResourceChangeHook(other.chart, 'cdn-purge', {
      application: other.application,
      target: TargetResource.fromApiObject(other.nginxConfig),
      action: HookAction.job({ image: 'curlimages/curl:8.11.0', command: ['curl', '-X', 'POST', 'http://cdn-api/purge'] }),
      strategy: ChangeHookStrategy.hashNamedJob(),
    });
    ApiObject.of(other.nginxConfig).metadata.addAnnotation('argocd.argoproj.io/sync-wave', '3');
    expect(jobOf(Testing.synth(other.chart)).metadata.name).not.toBe(a);
    const edited = setting();
    ApiObject.of(edited.nginxConfig).metadata.addLabel('tier', 'edge');
    expect(jobOf(Testing.synth(edited.chart)).metadata.name).not.toBe(a);
  });

  test('ignoreExtraneous: false leaves the compare option out', () => {
    expect(jobOf(Testing.synth(setting(false).chart)).metadata.annotations['argocd.argoproj.io/compare-options']).toBeUndefined();
  });
});

describe('childApplication', () => {
  function setting(gate = false) {
    const app = Testing.app();
    const workload = new Chart(app, 'workload', { namespace: 'shop', disableResourceNameHashes: true });
    const cdn = new Chart(app, 'cdn', { namespace: 'shop', disableResourceNameHashes: true });
    const parent = Application.fromApplicationName(workload, 'parent', 'shop');
    const cfg = new k8s.KubeConfigMap(cdn, 'nginx-config', { metadata: { name: 'nginx-config' }, data: { a: 'b' } });
    const hook = new ResourceChangeHook(workload, 'cdn-purge', {
      application: parent,
      target: TargetResource.fromApiObject(cfg),
      action: purge,
      strategy: ChangeHookStrategy.childApplication({
        repoURL: 'https://github.com/example-org/shop.git', path: 'dist/workload', targetRevision: 'main', destination: Destination.inCluster('shop'), gate,
      }),
    });
    return { app, workload, cdn, hook };
  }

  test('an Application for the target\'s chart file, and a PostSync Job in that chart', () => {
    const { workload, cdn, hook } = setting();
    const child = find(Testing.synth(workload), 'Application', 'shop-cdn-purge');
    expect(hook.childApplication?.name).toBe('shop-cdn-purge');
    expect(child.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
    expect(child.spec).toEqual({
      project: 'default',
      source: { repoURL: 'https://github.com/example-org/shop.git', path: 'dist/workload', targetRevision: 'main', directory: { include: 'cdn.k8s.yaml' } },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' },
      syncPolicy: { automated: { prune: true }, retry: { limit: 3 } },
    });
    const job = find(Testing.synth(cdn), 'Job', 'cdn-purge-run');
    expect(job.metadata.annotations['argocd.argoproj.io/hook']).toBe('PostSync');
    expect(job.metadata.annotations['argocd.argoproj.io/hook-delete-policy']).toBe('BeforeHookCreation');
    expect(JSON.parse(job.metadata.annotations['change-hooks.cdk8s-argocd.io/hook'])).toMatchObject({ strategy: 'childApplication', application: 'shop-cdn-purge' });
    expect(job.spec.template.spec.containers[0].command).toEqual(['curl', '-X', 'POST', 'http://cdn-api/purge']);
  });

  test('gate: true gates the child\'s PostSync Job with the content hash', () => {
    const { cdn } = setting(true);
    const out = Testing.synth(cdn);
    expect(find(out, 'ConfigMap', 'shop-cdn-purge-change-hooks-state')).toBeDefined();
    expect(find(out, 'Job', 'cdn-purge-run').spec.template.spec.initContainers[0].name).toBe('gate');
    expect(find(out, 'Job', 'cdn-purge-record')).toBeDefined();
  });

  test('fails when the target is in the hook\'s own chart', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'cdn-purge', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: purge,
      strategy: ChangeHookStrategy.childApplication({ repoURL: 'https://github.com/example-org/shop.git', path: 'dist' }),
    })).toThrow(/^\[workload\/cdn-purge\] childApplication moves the target into an Application of its own, so the target must be in a chart of its own/);
  });

  test('fails when the parent is a reference and no destination is given', () => {
    const app = Testing.app();
    const cdn = new Chart(app, 'cdn', { namespace: 'shop' });
    const workload = new Chart(app, 'workload');
    const cfg = new k8s.KubeConfigMap(cdn, 'nginx-config', { metadata: { name: 'nginx-config' } });
    expect(() => new ResourceChangeHook(workload, 'cdn-purge', {
      application: Application.fromApplicationName(workload, 'p', 'shop'),
      target: TargetResource.fromApiObject(cfg),
      action: purge,
      strategy: ChangeHookStrategy.childApplication({ repoURL: 'https://github.com/example-org/shop.git', path: 'dist' }),
    })).toThrow(/childApplication needs a destination, and Application "shop" is a reference/);
  });

  test('fails when a gated child syncs with Replace=true', () => {
    const app = Testing.app();
    const cdn = new Chart(app, 'cdn', { namespace: 'shop' });
    const workload = new Chart(app, 'workload');
    const cfg = new k8s.KubeConfigMap(cdn, 'nginx-config', { metadata: { name: 'nginx-config' } });
    expect(() => new ResourceChangeHook(workload, 'cdn-purge', {
      application: Application.fromApplicationName(workload, 'p', 'shop'),
      target: TargetResource.fromApiObject(cfg),
      action: purge,
      strategy: ChangeHookStrategy.childApplication({
        repoURL: 'https://github.com/example-org/shop.git',
        path: 'dist',
        destination: Destination.inCluster('shop'),
        gate: true,
        syncPolicy: { syncOptions: [SyncOption.REPLACE] },
      }),
    })).toThrow(/Application "shop-cdn-purge" syncs with "Replace=true"/);
  });
});

describe('ResourceChangeHook checks', () => {
  test('fails when the hook id is not a DNS label', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'CdnPurge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge }))
      .toThrow(/^\[workload\/CdnPurge\] change hook id "CdnPurge" must be a DNS label of at most 52 characters without "." .*use e.g. "cdnpurge"$/);
  });

  test('fails when the action does not fit the strategy', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'a', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: HookAction.webhook({ url: 'https://cdn.example.com/purge' }),
      strategy: ChangeHookStrategy.hashNamedJob(),
    })).toThrow(/hashNamedJob runs a Job in the cluster and cannot call a webhook/);
    expect(() => new ResourceChangeHook(s.chart, 'b', {
      application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge, strategy: ChangeHookStrategy.notification(),
    })).toThrow(/ChangeHookStrategy.notification\(\) calls a webhook and cannot run a Job/);
  });

  test('fails when a Job strategy is asked for prunes or only one change kind', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'a', {
      application: s.application,
      target: TargetResource.fromApiObject(s.nginxConfig),
      action: purge,
      on: [ChangeKind.CREATED, ChangeKind.CONFIGURED, ChangeKind.PRUNED],
    })).toThrow(/postSyncGate compares the target's desired content with the last one processed, so it fires on any creation or change and never on a prune/);
    expect(() => new ResourceChangeHook(s.chart, 'b', {
      application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge, on: [],
    })).toThrow(/change kinds "on" is empty/);
  });

  test('fails when a hash strategy gets a target by reference', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'a', {
      application: s.application, target: TargetResource.of({ group: '', kind: 'ConfigMap', name: 'nginx-config' }), action: purge,
    })).toThrow(/change hook "a" uses postSyncGate, which hashes the target's rendered manifest, but ConfigMap shop\/nginx-config was given by reference/);
  });

  test('fails at synth when the target is a hook, or is no longer rendered', () => {
    const s = cdnSetting();
    ApiObject.of(s.nginxConfig).metadata.addAnnotation('argocd.argoproj.io/hook', 'PreSync');
    new ResourceChangeHook(s.chart, 'cdn-purge', { application: s.application, target: TargetResource.fromApiObject(s.nginxConfig), action: purge });
    expect(() => Testing.synth(s.chart)).toThrow(/target ConfigMap shop\/nginx-config is a resource hook/);

    const r = cdnSetting();
    new ResourceChangeHook(r.chart, 'cdn-purge', { application: r.application, target: TargetResource.fromApiObject(r.nginxConfig), action: purge });
    r.chart.node.tryRemoveChild('nginx-config');
    expect(() => r.app.synth()).toThrow(/change hook "cdn-purge" watches ConfigMap shop\/nginx-config, which is not among the rendered objects/);
  });

  test('fails when a literal of the target cannot be embedded', () => {
    const s = cdnSetting();
    expect(() => new ResourceChangeHook(s.chart, 'a', {
      application: s.application,
      target: TargetResource.of({ group: '', kind: 'ConfigMap', name: "o'hara" }),
      action: HookAction.webhook({ url: 'https://cdn.example.com' }),
    })).toThrow(/target name "o'hara" cannot be embedded in a trigger expression/);
  });

  test('a cluster-scoped target has no namespace', () => {
    const s = cdnSetting();
    const role = new k8s.KubeClusterRole(s.chart, 'reader', { metadata: { name: 'reader' } });
    ApiObject.of(role).addJsonPatch({ op: 'remove', path: '/metadata/namespace' } as any);
    expect(TargetResource.fromApiObject(role, { clusterScoped: true })._ref('shop')).toEqual({ group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'reader' });
    expect(TargetResource.of({ group: '', kind: 'ConfigMap', name: 'x' })._ref('shop')).toEqual({ group: '', kind: 'ConfigMap', name: 'x', namespace: 'shop' });
  });
});
