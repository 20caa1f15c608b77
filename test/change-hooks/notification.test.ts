import { Chart, Duration, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-30';
import * as YAML from 'yaml';
import { Application, ApplicationSource, Destination, SyncOption } from '../../src';
import { ChangeDetection, ChangeHookStrategy } from '../../src/change-hooks/change-hook-strategy';
import { HookAction } from '../../src/change-hooks/hook-action';
import { ChangeKind, ResourceChangeHook } from '../../src/change-hooks/resource-change-hook';
import { TargetResource } from '../../src/change-hooks/target-resource';
import { evaluateTrigger } from '../../src/engine/notifications/evaluate-trigger';
import { renderNotificationTemplate } from '../../src/engine/notifications/render-template';
import { triggerEnvironment } from '../../src/engine/notifications/trigger-environment';
import { NotificationsConfig } from '../../src/notifications/notifications-config';

const webhook = HookAction.webhook({ url: 'https://hooks.example.com', path: '/argocd/resource-changed', headers: { Authorization: 'Bearer $web-changed-hook-token' } });

/** Application "shop" with Deployment shop/web (and a ClusterRole), notifications in the platform chart. */
interface SettingOptions {
  syncOptions?: SyncOption[];
  on?: ChangeKind[];
  changeDetection?: ChangeDetection;
  staleAfter?: Duration;
  requireHealthy?: boolean;
  clusterRole?: boolean;
}
function setting(options: SettingOptions = {}) {
  const app = Testing.app();
  const platform = new Chart(app, 'platform');
  const workload = new Chart(app, 'workload', { namespace: 'shop' });
  const config = new NotificationsConfig(platform, 'notifications');
  const application = new Application(platform, 'shop-app', {
    name: 'shop',
    source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/shop.git', path: 'dist/workload', targetRevision: 'main' }),
    destination: Destination.inCluster('shop'),
    syncPolicy: options.syncOptions ? { syncOptions: options.syncOptions } : undefined,
  });
  const web = new k8s.KubeDeployment(workload, 'web', {
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  });
  const role = new k8s.KubeClusterRole(workload, 'reader', { metadata: { name: 'reader' } });
  const target = options.clusterRole ? TargetResource.fromApiObject(role, { clusterScoped: true }) : TargetResource.fromApiObject(web);
  const hook = new ResourceChangeHook(workload, 'web-changed', {
    application,
    target,
    action: webhook,
    on: options.on,
    strategy: ChangeHookStrategy.notification({
      changeDetection: options.changeDetection, staleAfter: options.staleAfter, requireHealthy: options.requireHealthy,
    }),
  });
  return { app, platform, workload, config, application, hook };
}

/** The trigger as Argo CD reads it back from the rendered argocd-notifications-cm. */
function renderedTrigger(platform: Chart, name = 'on-web-changed'): any[] {
  const cm = Testing.synth(platform).find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'argocd-notifications-cm');
  return YAML.parse(cm.data[`trigger.${name}`]);
}

const STARTED = '2026-03-01T10:00:00Z';
const FINISHED = '2026-03-01T10:00:40Z';
const NOW = '2026-03-01T10:05:00Z';

function result(res: Record<string, unknown>): Record<string, unknown> {
  return { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'web', status: 'Synced', hookPhase: 'Running', syncPhase: 'Sync', ...res };
}
interface Operation { phase?: string; syncOptions?: string[]; dryRun?: boolean; finishedAt?: string; revision?: string; revisions?: string[] }
function appWith(resources: unknown[] | undefined, op: Operation = {}): unknown {
  const syncResult: Record<string, unknown> = { revision: op.revision ?? 'abc123' };
  if (op.revisions) syncResult.revisions = op.revisions;
  if (resources !== undefined) syncResult.resources = resources;
  return {
    metadata: { name: 'shop', namespace: 'argocd' },
    status: {
      sync: { status: 'Synced' },
      health: { status: 'Healthy' },
      operationState: {
        operation: { sync: { revision: 'abc123', syncOptions: op.syncOptions, dryRun: op.dryRun } },
        phase: op.phase ?? 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: STARTED,
        finishedAt: op.finishedAt ?? FINISHED,
        syncResult,
      },
    },
  };
}

/** The 20 fixture statuses of resource-hooks.md Appendix A: [name, app, expected, trigger variant]. */
const FIXTURES: Array<[string, unknown, boolean, 'default' | 'pruned' | 'cluster']> = [
  ['CSA configured, hookPhase Running (single wave)', appWith([result({ message: 'deployment.apps/web configured' })]), true, 'default'],
  ['CSA unchanged', appWith([result({ message: 'deployment.apps/web unchanged' })]), false, 'default'],
  ['CSA created', appWith([result({ message: 'deployment.apps/web created' })]), true, 'default'],
  ['CSA configured with a kubectl warning appended', appWith([result({ message: 'deployment.apps/web configured. Warning: spec.template.spec.containers[0].env[1]: hides previous definition' })]), true, 'default'],
  ['decoy: web-2 configured, web unchanged', appWith([result({ name: 'web-2', message: 'deployment.apps/web-2 configured' }), result({ message: 'deployment.apps/web unchanged' })]), false, 'default'],
  ['SSA serverside-applied without ApplyOutOfSyncOnly', appWith([result({ message: 'deployment.apps/web serverside-applied' })], { syncOptions: ['ServerSideApply=true'] }), false, 'default'],
  ['SSA + ApplyOutOfSyncOnly, web present', appWith([result({ message: 'deployment.apps/web serverside-applied' })], { syncOptions: ['ServerSideApply=true', 'ApplyOutOfSyncOnly=true'] }), true, 'default'],
  ['SSA + ApplyOutOfSyncOnly, web absent', appWith([result({ name: 'api', message: 'deployment.apps/api serverside-applied' })], { syncOptions: ['ServerSideApply=true', 'ApplyOutOfSyncOnly=true'] }), false, 'default'],
  ['dry-run sync', appWith([result({ message: 'deployment.apps/web configured (dry run)' })], { dryRun: true }), false, 'default'],
  ['operation Running', appWith([result({ message: 'deployment.apps/web configured' })], { phase: 'Running' }), false, 'default'],
  ['operation Failed', appWith([result({ message: 'deployment.apps/web configured' })], { phase: 'Failed' }), false, 'default'],
  ['no operationState', { metadata: { name: 'shop' }, status: { sync: { status: 'OutOfSync' } } }, false, 'default'],
  ['no syncResult', (() => { const a: any = appWith([]); delete a.status.operationState.syncResult; return a; })(), false, 'default'],
  ['no resources', appWith(undefined, { syncOptions: ['ApplyOutOfSyncOnly=true'] }), false, 'default'],
  ['multi-source (revision "", revisions [...])', appWith([result({ message: 'deployment.apps/web configured' })], { revision: '', revisions: ['abc123', 'def456'] }), true, 'default'],
  ['finished 2 h ago with staleAfter 30 min', appWith([result({ message: 'deployment.apps/web configured' })], { finishedAt: '2026-03-01T08:04:00Z' }), false, 'default'],
  ['message overwritten by a health message', appWith([result({ hookPhase: 'Succeeded', message: 'Deployment is healthy' })]), false, 'default'],
  ['Pruned with the default on', appWith([result({ status: 'Pruned', message: 'pruned' })]), false, 'default'],
  ['Pruned with on: [created, configured, pruned]', appWith([result({ status: 'Pruned', message: 'pruned' })]), true, 'pruned'],
  ['cluster-scoped ClusterRole: result carries the app namespace, auth-reconcile prefix', appWith([result({
    group: 'rbac.authorization.k8s.io',
    kind: 'ClusterRole',
    name: 'reader',
    namespace: 'shop',
    message: 'clusterrole.rbac.authorization.k8s.io/reader reconciled. clusterrole.rbac.authorization.k8s.io/reader configured',
  })]), true, 'cluster'],
];

describe('notification strategy', () => {
  const triggers = {
    default: renderedTrigger(setting().platform),
    pruned: renderedTrigger(setting({ on: [ChangeKind.CREATED, ChangeKind.CONFIGURED, ChangeKind.PRUNED] }).platform),
    cluster: renderedTrigger(setting({ clusterRole: true }).platform),
  };

  test('has exactly the 20 Appendix A fixtures', () => {
    expect(FIXTURES).toHaveLength(20);
  });

  test.each(FIXTURES.map(([name, app, fires, variant]) => [name, fires, app, variant] as const))('%s: fires %s', (_name, fires, app, variant) => {
    const [r] = evaluateTrigger(triggers[variant], triggerEnvironment({ app, now: NOW }));
    expect(r.result).toBe(fires);
    // never a run-time error, even when operationState, syncResult or resources are missing
    expect(r.error).toBeUndefined();
    if (fires) expect(r.oncePer).toBe(STARTED);
  });

  test('generates the service, template, trigger (a list with oncePer per operation) and the subscription', () => {
    const s = setting();
    const out = Testing.synth(s.platform);
    const cm = out.find((o) => o.metadata.name === 'argocd-notifications-cm');
    expect(YAML.parse(cm.data['service.webhook.web-changed-hook'])).toEqual({
      url: 'https://hooks.example.com',
      headers: [{ name: 'Authorization', value: 'Bearer $web-changed-hook-token' }, { name: 'Content-Type', value: 'application/json' }],
    });
    const template = YAML.parse(cm.data['template.web-changed']);
    expect(Object.keys(template.webhook)).toEqual(['web-changed-hook']);
    expect(template.webhook['web-changed-hook']).toMatchObject({ method: 'POST', path: '/argocd/resource-changed' });
    const trigger = YAML.parse(cm.data['trigger.on-web-changed']);
    expect(trigger).toEqual([{
      description: 'apps/Deployment shop/web was created or configured by a successful sync',
      oncePer: 'app.status?.operationState?.startedAt',
      send: ['web-changed'],
      when: s.hook.notification!.when.render(),
    }]);
    expect(trigger[0].when).toBe("app.status?.operationState?.phase == 'Succeeded'"
      + ' and not app.status.operationState.operation?.sync?.dryRun ?? false'
      + " and any(app.status.operationState.syncResult?.resources ?? [], {.group == 'apps' and .kind == 'Deployment' and .name == 'web'"
      + " and (.namespace ?? '') == 'shop' and (.status == 'Synced' and (.hookType ?? '') == ''"
      + " and ('ApplyOutOfSyncOnly=true' in (app.status.operationState.operation?.sync?.syncOptions ?? []) and not ((.message ?? '') contains ' unchanged')"
      + " or (.message ?? '') contains '/web created' or (.message ?? '') contains '/web configured'))})"
      + ' and time.Now().Sub(time.Parse(app.status.operationState.finishedAt)).Minutes() < 30');
    expect(trigger[0].when).toContain("(.message ?? '') contains '/web created' or (.message ?? '') contains '/web configured'");
    expect(trigger[0].when).toContain("'ApplyOutOfSyncOnly=true' in (app.status.operationState.operation?.sync?.syncOptions ?? [])");
    expect(trigger[0].when).toMatch(/time\.Now\(\)\.Sub\(time\.Parse\(app\.status\.operationState\.finishedAt\)\)\.Minutes\(\) < 30$/);
    const application = out.find((o) => o.kind === 'Application');
    expect(application.metadata.annotations['notifications.argoproj.io/subscribe.on-web-changed.web-changed-hook']).toBe('');
    expect(JSON.parse(application.metadata.annotations['change-hooks.cdk8s-argocd.io/notify.web-changed'])).toEqual({
      id: 'web-changed',
      strategy: 'notification',
      application: 'shop',
      target: { group: 'apps', kind: 'Deployment', name: 'web', namespace: 'shop' },
      changeDetection: 'auto',
    });
  });

  test('the webhook body renders to JSON carrying the target\'s results', () => {
    const cm = Testing.synth(setting().platform).find((o) => o.metadata.name === 'argocd-notifications-cm');
    const template = YAML.parse(cm.data['template.web-changed']);
    const app = appWith([result({ name: 'api', message: 'deployment.apps/api configured' }), result({ message: 'deployment.apps/web configured' })]);
    const { rendered, errors } = renderNotificationTemplate('web-changed', template, { app, service: 'web-changed-hook' });
    expect(errors).toEqual([]);
    const body = JSON.parse((rendered as any).webhook['web-changed-hook'].body);
    expect(body).toMatchObject({
      application: 'shop',
      appNamespace: 'argocd',
      revision: 'abc123',
      operationStartedAt: STARTED,
      operationFinishedAt: FINISHED,
      target: { group: 'apps', kind: 'Deployment', name: 'web', namespace: 'shop' },
    });
    expect(body.targetResults).toEqual([result({ message: 'deployment.apps/web configured' })]);
    expect(body.resources).toBeUndefined();
  });

  test('APPLY_OUT_OF_SYNC_ONLY adds the sync option and fires on presence', () => {
    const s = setting({ syncOptions: [SyncOption.SERVER_SIDE_APPLY], changeDetection: ChangeDetection.APPLY_OUT_OF_SYNC_ONLY });
    const application = Testing.synth(s.platform).find((o) => o.kind === 'Application');
    expect(application.spec.syncPolicy.syncOptions).toEqual(['ServerSideApply=true', 'ApplyOutOfSyncOnly=true']);
    const conditions = renderedTrigger(s.platform);
    const fire = (app: unknown) => evaluateTrigger(conditions, triggerEnvironment({ app, now: NOW }))[0].result;
    expect(fire(appWith([result({ message: 'deployment.apps/web serverside-applied' })], { syncOptions: ['ApplyOutOfSyncOnly=true'] }))).toBe(true);
    expect(fire(appWith([result({ name: 'api' })], { syncOptions: ['ApplyOutOfSyncOnly=true'] }))).toBe(false);
    const bare = setting({ changeDetection: ChangeDetection.APPLY_OUT_OF_SYNC_ONLY });
    expect(Testing.synth(bare.platform).find((o) => o.kind === 'Application').spec.syncPolicy).toEqual({ syncOptions: ['ApplyOutOfSyncOnly=true'] });
  });

  test('ANY_APPLY fires on unchanged too; staleAfter 0 disables the guard; requireHealthy waits for health', () => {
    const any = renderedTrigger(setting({ changeDetection: ChangeDetection.ANY_APPLY, staleAfter: Duration.minutes(0) }).platform);
    const old = appWith([result({ message: 'deployment.apps/web unchanged' })], { finishedAt: '2026-03-01T01:00:00Z' });
    expect(evaluateTrigger(any, triggerEnvironment({ app: old, now: NOW }))[0].result).toBe(true);
    expect(any[0].when).not.toContain('time.Now()');
    const healthy = renderedTrigger(setting({ requireHealthy: true }).platform);
    const app: any = appWith([result({ message: 'deployment.apps/web configured' })]);
    app.status.resources = [{ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web', health: { status: 'Progressing' } }];
    expect(evaluateTrigger(healthy, triggerEnvironment({ app, now: NOW }))[0].result).toBe(false);
    app.status.resources[0].health.status = 'Healthy';
    expect(evaluateTrigger(healthy, triggerEnvironment({ app, now: NOW }))[0].result).toBe(true);
  });

  test('fails when server-side apply hides the verdict and detection is automatic', () => {
    expect(() => setting({ syncOptions: [SyncOption.SERVER_SIDE_APPLY] }))
      .toThrow(/^\[workload\/web-changed\] Application "shop" syncs with "ServerSideApply=true" without "ApplyOutOfSyncOnly=true"/);
  });

  test('fails when there is no NotificationsConfig, or the Application is a reference', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'workload', { namespace: 'shop' });
    const cfg = new k8s.KubeConfigMap(chart, 'nginx-config', { metadata: { name: 'nginx-config' } });
    const application = new Application(chart, 'shop', { name: 'shop', destination: Destination.inCluster('shop'), source: ApplicationSource.git({ repoURL: 'https://github.com/x/y.git', path: '.' }) });
    expect(() => new ResourceChangeHook(chart, 'cdn-purge', { application, target: TargetResource.fromApiObject(cfg), action: webhook }))
      .toThrow(/the notification strategy adds its service, template and trigger to a NotificationsConfig, and the app has none: pass ChangeHookStrategy.notification\(\{ config \}\)/);
    expect(() => new ResourceChangeHook(chart, 'other', { application: Application.fromApplicationName(chart, 'r', 'shop'), target: TargetResource.fromApiObject(cfg), action: webhook }))
      .toThrow(/needs the Application construct, not a reference/);
  });
});
