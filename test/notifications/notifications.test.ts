import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import {
  Expr, NotificationCatalog, NotificationsConfig, NotificationSecret, NotificationService, NotificationSubscriptions, NotificationTemplate,
  NotificationTrigger, notificationSubscriptionAnnotations,
} from '../../src';
import { subscriptionsOf } from '../../src/engine/argo/notifications';
// Not yet exported from src/index.ts (reported to the lead).
import { SubscriptionSelector } from '../../src/notifications/subscription';
import { UPSTREAM } from '../upstream/upstream';

function configMap(chart: Chart): any {
  return Testing.synth(chart).find((o) => o.kind === 'ConfigMap');
}
const parsed = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, YAML.parse(v)]));

describe('NotificationCatalog', () => {
  test('renders exactly what the upstream catalog holds', () => {
    const chart = Testing.chart();
    const config = new NotificationsConfig(chart, 'n');
    NotificationCatalog.all().forEach((t) => config.addTrigger(t));
    const upstream = YAML.parse(fs.readFileSync(path.join(UPSTREAM, 'notifications_catalog', 'install.yaml'), 'utf-8'));
    expect(parsed(configMap(chart).data)).toEqual(parsed(upstream.data));
  });
});

describe('NotificationsConfig', () => {
  test('renders services, templates, triggers, defaults, subscriptions and context, and names the secret keys', () => {
    const chart = Testing.chart();
    const slack = NotificationService.slack({ token: NotificationSecret.fromKey('slack-token') });
    const hook = NotificationService.webhook({ name: 'deploy-hook', url: 'https://hooks.example.com', headers: [{ name: 'Authorization', value: `Bearer ${NotificationSecret.fromKey('hook-token')}` }] });
    const template = new NotificationTemplate({ name: 'synced', message: '{{.app.metadata.name}} synced', webhooks: [{ service: 'deploy-hook', method: 'POST', body: '{"app": {{toJson .app.metadata.name}}}' }] });
    const trigger = new NotificationTrigger({ name: 'on-synced', conditions: [{ when: Expr.path('app.status?.operationState?.phase').eq(Expr.string('Succeeded')), send: [template], oncePer: Expr.path('app.status?.operationState?.startedAt') }] });
    const config = new NotificationsConfig(chart, 'n', { context: { argocdUrl: 'https://argocd.example.com' }, services: [slack, hook], defaultTriggers: [trigger] });
    config.addSubscription({ recipients: ['slack:alerts'], triggers: [trigger], selector: SubscriptionSelector.fromString('team=web') });
    config.addSubscription({ recipients: ['deploy-hook'], triggerNames: ['on-synced'], selector: SubscriptionSelector.matchLabels({ team: 'web', env: 'prod' }) });
    const cm = configMap(chart);
    expect(cm.metadata).toEqual({ name: 'argocd-notifications-cm', namespace: 'argocd' });
    expect(parsed(cm.data)).toEqual({
      'service.slack': { token: '$slack-token' },
      'service.webhook.deploy-hook': { url: 'https://hooks.example.com', headers: [{ name: 'Authorization', value: 'Bearer $hook-token' }] },
      'template.synced': { message: '{{.app.metadata.name}} synced', webhook: { 'deploy-hook': { method: 'POST', body: '{"app": {{toJson .app.metadata.name}}}' } } },
      'trigger.on-synced': [{ oncePer: 'app.status?.operationState?.startedAt', send: ['synced'], when: "app.status?.operationState?.phase == 'Succeeded'" }],
      'defaultTriggers': ['on-synced'],
      'subscriptions': [{ recipients: ['slack:alerts'], triggers: ['on-synced'], selector: 'team=web' }, { recipients: ['deploy-hook'], triggers: ['on-synced'], selector: 'env=prod,team=web' }],
      'context': { argocdUrl: 'https://argocd.example.com' },
    });
    expect(config.secretKeys).toEqual(['hook-token', 'slack-token']);
  });

  test('fails when a self-service template uses .secrets', () => {
    const chart = Testing.chart();
    const config = new NotificationsConfig(chart, 'n', { namespace: 'team-a', selfService: true });
    expect(() => config.addTemplate(new NotificationTemplate({ name: 't', message: '{{ .secrets.x }}' }))).toThrow(/\[.*n\] template "t" uses .secrets, which self-service notifications never provide/);
  });

  test('fails at synth when a trigger condition does not compile (the engine rule)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const config = new NotificationsConfig(chart, 'n');
    config.addService(NotificationService.custom('pushover', { token: '$po' }));
    expect(() => new NotificationTrigger({ name: 'x.y' })).toThrow(/trigger name "x.y" contains "."/);
    expect(() => NotificationSecret.fromKey('a.b')).toThrow(/secret key "a.b" cannot be referenced as \$a.b/);
    expect(() => NotificationService.custom('pushover2', {})).toThrow(/service type "pushover2" is not supported/);
    expect(() => Expr.raw('app.status ===')).toThrow(/unexpected token/);
    expect(app).toBeInstanceOf(App);
  });
});

describe('subscriptions', () => {
  test('render the short form, merging recipients', () => {
    const chart = Testing.chart();
    const cm = new NotificationsConfig(chart, 'n');
    const subs = NotificationSubscriptions.of(cm.apiObject);
    subs.subscribe(NotificationCatalog.ON_SYNC_FAILED, NotificationService.slack({ token: NotificationSecret.fromKey('t') }), ['a', 'b']);
    subs.subscribeByName('on-sync-failed', 'slack', ['b', 'c']);
    expect(configMap(chart).metadata.annotations).toEqual({ 'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'a;b;c' });
  });
  test('annotations for ApplicationSet templates', () => {
    expect(notificationSubscriptionAnnotations([{ trigger: 'on-deployed', service: 'deploy-hook' }, { service: 'slack', recipients: ['x'] }])).toEqual({
      'notifications.argoproj.io/subscribe.on-deployed.deploy-hook': '',
      'notifications.argoproj.io/subscribe.slack': 'x',
    });
    expect(() => notificationSubscriptionAnnotations([{ trigger: 'on.x', service: 's' }])).toThrow(/trigger name "on.x" contains "."/);
  });
});

describe('global subscriptions with selectors', () => {
  test('fails when a selector does not parse, naming the construct and the selector', () => {
    const config = new NotificationsConfig(Testing.chart(), 'n');
    expect(() => config.addSubscription({ recipients: ['slack:a'], selector: SubscriptionSelector.fromString('team=web team=api') }))
      .toThrow(/\[.*n\] subscription selector "team=web team=api" is not a Kubernetes label selector \(found 'team', expected: ',' or 'end of string'\)/);
    expect(() => config.addSubscription({ recipients: ['slack:a'], selector: SubscriptionSelector.matchLabels({ team: 'web api' }) }))
      .toThrow(/selector "team=web api" is not a Kubernetes label selector/);
  });
  test('fails at synth when a subscription names a trigger or service the ConfigMap lacks (the engine rule)', () => {
    const chart = Testing.chart();
    const config = new NotificationsConfig(chart, 'n', { services: [NotificationService.slack({ token: NotificationSecret.fromKey('t') })] });
    config.addSubscription({ recipients: ['slak:alerts'], triggerNames: ['on-sync-failed'], selector: SubscriptionSelector.matchLabels({ team: 'web' }) });
    expect(() => Testing.synth(chart)).toThrow(/subscriptions\[0\] names trigger "on-sync-failed", which argocd-notifications-cm does not define/);
  });
});

describe('long-form subscriptions', () => {
  test('addSubscription renders notifications.argoproj.io/subscriptions, read back by subscriptionsOf as notifications-engine reads it', () => {
    const chart = Testing.chart();
    const slack = NotificationService.slack({ token: NotificationSecret.fromKey('slack-token') });
    const hook = NotificationService.webhook({ name: 'deploy-hook', url: 'https://hooks.example.com' });
    const config = new NotificationsConfig(chart, 'n', { services: [slack, hook], triggers: [NotificationCatalog.ON_SYNC_FAILED, NotificationCatalog.ON_DEPLOYED] });
    const subs = NotificationSubscriptions.of(config.apiObject);
    subs.addSubscription({ triggers: [NotificationCatalog.ON_SYNC_FAILED], triggerNames: ['on-deployed'], destinations: [{ service: slack, recipients: ['#a', '#b'] }, { service: hook }] });
    subs.addSubscription({ triggers: [NotificationCatalog.ON_DEPLOYED], destinations: [{ serviceName: 'slack', recipients: ['#deploys'] }] });
    const annotations = configMap(chart).metadata.annotations;
    expect(YAML.parse(annotations['notifications.argoproj.io/subscriptions'])).toEqual([
      { trigger: ['on-sync-failed', 'on-deployed'], destinations: [{ service: 'slack', recipients: ['#a', '#b'] }, { service: 'deploy-hook', recipients: [] }] },
      { trigger: ['on-deployed'], destinations: [{ service: 'slack', recipients: ['#deploys'] }] },
    ]);
    expect(subs.keys).toEqual(['notifications.argoproj.io/subscriptions']);
    const read = subscriptionsOf(annotations);
    expect(read.errors).toEqual([]);
    const key = 'notifications.argoproj.io/subscriptions';
    expect(read.subscriptions).toEqual([
      { key, trigger: 'on-sync-failed', service: 'slack', recipients: ['#a', '#b'] },
      { key, trigger: 'on-sync-failed', service: 'deploy-hook', recipients: [] },
      { key, trigger: 'on-deployed', service: 'slack', recipients: ['#a', '#b'] },
      { key, trigger: 'on-deployed', service: 'deploy-hook', recipients: [] },
      { key, trigger: 'on-deployed', service: 'slack', recipients: ['#deploys'] },
    ]);
  });
  test('no triggers reads back as the default triggers (trigger "")', () => {
    const chart = Testing.chart();
    const config = new NotificationsConfig(chart, 'n');
    NotificationSubscriptions.of(config.apiObject).addSubscription({ destinations: [{ serviceName: 'slack', recipients: ['#x'] }] });
    expect(subscriptionsOf(configMap(chart).metadata.annotations).subscriptions).toEqual([
      { key: 'notifications.argoproj.io/subscriptions', trigger: '', service: 'slack', recipients: ['#x'] },
    ]);
  });
  test('fails when a destination gives both or neither of service and serviceName, or there is none', () => {
    const subs = NotificationSubscriptions.of(new NotificationsConfig(Testing.chart(), 'n').apiObject);
    expect(() => subs.addSubscription({ destinations: [{ recipients: ['x'] }] })).toThrow(/subscription destination 0 must give exactly one of service and serviceName/);
    expect(() => subs.addSubscription({ destinations: [] })).toThrow(/subscription has no destinations: it would notify nobody/);
    expect(() => subs.addSubscription({ triggerNames: ['on.x'], destinations: [{ serviceName: 'slack' }] })).toThrow(/trigger name "on.x" contains "."/);
  });
  test('fails at synth when an Application\'s long-form subscription names a trigger the ConfigMap lacks (the engine rule)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Application, Destination, ApplicationSource } = require('../../src');
    const chart = Testing.chart();
    const slack = NotificationService.slack({ token: NotificationSecret.fromKey('slack-token') });
    new NotificationsConfig(chart, 'n', { services: [slack], triggers: [NotificationCatalog.ON_SYNC_FAILED] });
    const app = new Application(chart, 'guestbook', {
      name: 'guestbook',
      source: ApplicationSource.git({ repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook', targetRevision: 'HEAD' }),
      destination: Destination.inCluster('guestbook'),
    });
    app.notifications.addSubscription({ triggers: [NotificationCatalog.ON_SYNC_FAILED], destinations: [{ service: slack, recipients: ['#alerts'] }] });
    expect(Testing.synth(chart).find((o) => o.kind === 'Application').metadata.annotations['notifications.argoproj.io/subscriptions']).toContain('on-sync-failed');
    app.notifications.addSubscription({ triggerNames: ['on-deployed'], destinations: [{ service: slack }] });
    expect(() => Testing.synth(chart)).toThrow(/notifications.argoproj.io\/subscriptions names trigger "on-deployed", which argocd-notifications-cm does not define/);
  });
});

describe('Expr', () => {
  const app = { metadata: { name: 'guestbook' }, status: { sync: { status: 'Synced' }, operationState: { phase: 'Failed', syncResult: { resources: [{ kind: 'Deployment', name: 'web', message: 'deployment.apps/web configured' }] } } } };
  test('renders with the parentheses precedence needs, and evaluates as notifications-engine does', () => {
    const phase = Expr.path('app.status?.operationState?.phase');
    const failed = phase.in(Expr.strings(['Error', 'Failed']));
    expect(failed.render()).toBe("app.status?.operationState?.phase in ['Error', 'Failed']");
    expect(failed.evaluate({ app })).toBe(true);
    const notContains = Expr.not(Expr.path('app.metadata.name').contains(Expr.string("it's")));
    expect(notContains.render()).toBe("not (app.metadata.name contains 'it\\'s')");
    expect(notContains.evaluate({ app })).toBe(true);
    const either = Expr.and(Expr.or(failed, Expr.bool(false)), Expr.path('app.status.sync.status').eq(Expr.string('Synced')));
    expect(either.render()).toBe("(app.status?.operationState?.phase in ['Error', 'Failed'] or false) and app.status.sync.status == 'Synced'");
    expect(either.evaluate({ app })).toBe(true);
    const changed = Expr.any(Expr.path('app.status.operationState.syncResult?.resources').orElse(Expr.list([])),
      Expr.and(Expr.element('kind').eq(Expr.string('Deployment')), Expr.element('message').orElse(Expr.string('')).contains(Expr.string('/web configured'))));
    expect(changed.render()).toBe("any(app.status.operationState.syncResult?.resources ?? [], {.kind == 'Deployment' and (.message ?? '') contains '/web configured'})");
    expect(changed.evaluate({ app })).toBe(true);
    expect(Expr.raw('1 + 2').times(Expr.number(3)).evaluate({ app })).toBe(9);
  });
  test('fails when a path is not a member path', () => {
    expect(() => Expr.path('app.status[0]')).toThrow(/is not a member path/);
  });
});

describe('Application.notifications', () => {
  test('subscribe sets the short-form annotation, validated against the ConfigMap at synth', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Application, Destination, ApplicationSource } = require('../../src');
    const chart = Testing.chart();
    const slack = NotificationService.slack({ token: NotificationSecret.fromKey('slack-token') });
    const config = new NotificationsConfig(chart, 'n', { services: [slack], triggers: [NotificationCatalog.ON_SYNC_FAILED] });
    const app = new Application(chart, 'guestbook', {
      name: 'guestbook',
      source: ApplicationSource.git({ repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook', targetRevision: 'HEAD' }),
      destination: Destination.inCluster('guestbook'),
    });
    app.notifications.subscribe(NotificationCatalog.ON_SYNC_FAILED, slack, ['alerts']);
    expect(config.secretKeys).toEqual(['slack-token']);
    const rendered = Testing.synth(chart).find((o) => o.kind === 'Application');
    expect(rendered.metadata.annotations).toEqual({ 'notifications.argoproj.io/subscribe.on-sync-failed.slack': 'alerts' });
    app.notifications.subscribeByName('on-deployed', 'slack', ['x']);
    expect(() => Testing.synth(chart)).toThrow(/names trigger "on-deployed", which argocd-notifications-cm does not define/);
  });
});
