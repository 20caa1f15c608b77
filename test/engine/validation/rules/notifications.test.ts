import { Manifest } from '../../../../src/engine/validation/problem';
import { notificationsRule } from '../../../../src/engine/validation/rules/notifications';
import { application } from '../fixtures';

function cm(data: Record<string, string>, namespace = 'argocd'): Manifest {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-notifications-cm', namespace }, data };
}
const VALID = {
  'service.slack': 'token: $slack-token\n',
  'template.t': 'message: "{{.app.metadata.name}} synced"\n',
  'trigger.on-synced': "- when: app.status?.operationState?.phase == 'Succeeded'\n  send: [t]\n",
};
function check(...objects: Manifest[]): string[] {
  return notificationsRule.check({ objects, extraProjects: [], isArgoCdKind: () => false }).map((f) => `${f.finding.severity} ${f.finding.rule} ${f.finding.path}: ${f.finding.message}`);
}

describe('notifications/*', () => {
  test('is quiet on a valid ConfigMap and a valid subscription', () => {
    const app = application({ metadata: { name: 'a', namespace: 'argocd', annotations: { 'notifications.argoproj.io/subscribe.on-synced.slack': 'alerts' } } });
    expect(check(cm(VALID), app)).toEqual([]);
  });
  test('fails when a service key has four parts', () => {
    expect(check(cm({ ...VALID, 'service.webhook.my.hook': 'url: https://x\n' }))).toEqual([expect.stringMatching(/^error notifications\/service-key \/data\/service.webhook.my.hook: invalid service key "service.webhook.my.hook"/)]);
  });
  test('fails when the service type is unknown or a required field is missing', () => {
    expect(check(cm({ ...VALID, 'service.slak': 'token: $t\n', 'service.webhook.hook': 'headers: []\n' }))).toEqual([
      expect.stringMatching(/service-type .*service type "slak" is not supported by notifications-engine \(did you mean "slack"\?\)/),
      expect.stringMatching(/service-field .*service "hook" \(webhook\) has no "url"/),
    ]);
  });
  test('fails when a trigger is a mapping, not a list', () => {
    expect(check(cm({ ...VALID, 'trigger.on-x': 'when: "true"\nsend: [t]\n' }))).toEqual([expect.stringMatching(/trigger-list .*trigger.on-x must be a YAML list of conditions/)]);
  });
  test('fails when a trigger name contains a dot', () => {
    expect(check(cm({ ...VALID, 'trigger.on.x': '- when: "true"\n  send: [t]\n' }))).toEqual([expect.stringMatching(/notifications\/name .*trigger name "on.x" contains "."/)]);
  });
  test('fails when send names a missing template', () => {
    expect(check(cm({ ...VALID, 'trigger.on-x': '- when: "true"\n  send: [nope]\n' }))).toEqual([expect.stringMatching(/notifications\/send .*sends template "nope", which argocd-notifications-cm does not define/)]);
  });
  test('fails when a condition does not compile, with expr\'s message', () => {
    expect(check(cm({ ...VALID, 'trigger.on-x': '- when: "app.status ==="\n  send: [t]\n' }))).toEqual([expect.stringMatching(/notifications\/condition .*'when' does not compile: unexpected token/)]);
  });
  test('fails when a condition uses sync.GetInfoItem, which v3.5.1 never registers', () => {
    expect(check(cm({ ...VALID, 'trigger.on-x': "- when: sync.GetInfoItem(app, 'env') == 'prod'\n  send: [t]\n" }))).toEqual([expect.stringMatching(/unregistered-function .*calls sync.GetInfoItem, which the Argo CD docs describe but v3.5.1 never registers/)]);
  });
  test('fails when a template does not parse', () => {
    expect(check(cm({ ...VALID, 'template.bad': 'message: "{{ .app.metadata.name "\n' }))).toEqual([expect.stringMatching(/template-parse .*template "bad" field message does not parse: template: bad:1/)]);
  });
  test('fails when a self-service template uses .secrets', () => {
    const app = application({ metadata: { name: 'a', namespace: 'team-a' } });
    expect(check(cm({ ...VALID, 'template.t': 'message: "{{ .secrets.token }}"\n' }, 'team-a'), app)).toEqual([expect.stringMatching(/self-service-secrets .*uses .secrets/)]);
  });
  test('fails when a $secret reference is malformed or the Secret lacks the key', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'argocd-notifications-secret', namespace: 'argocd' }, stringData: { other: 'x' } };
    expect(check(cm({ ...VALID, 'service.webhook.hook': 'url: https://x/${token}\n' }), secret)).toEqual([
      expect.stringMatching(/secret-reference .*service "slack" references \$slack-token, but Secret argocd-notifications-secret has no key "slack-token"/),
      expect.stringMatching(/secret-reference .*has a "\$" not followed by a key name/),
    ]);
  });
  test('fails when a subscription names a missing trigger or service', () => {
    const app = application({ metadata: { name: 'a', namespace: 'argocd', annotations: { 'notifications.argoproj.io/subscribe.on-sync.slak': 'alerts' } } });
    expect(check(cm(VALID), app)).toEqual([
      expect.stringMatching(/subscription \/metadata\/annotations\/notifications.argoproj.io~1subscribe.on-sync.slak: .*names trigger "on-sync"/),
      expect.stringMatching(/names service "slak"/),
    ]);
  });
  test('warns when a template has a block notifications-engine ignores', () => {
    expect(check(cm({ ...VALID, 'template.t': 'message: hi\nslak: {}\n' }))).toEqual([expect.stringMatching(/^warning notifications\/template-field .*"slak" .*did you mean "slack"/)]);
  });

  describe('global subscriptions', () => {
    const subs = (yaml: string, extra: Record<string, string> = {}) => check(cm({ ...VALID, ...extra, subscriptions: yaml }));
    test('is quiet on subscriptions with selectors labels.Parse accepts and known triggers and services', () => {
      expect(subs('- recipients: [slack:alerts, slack]\n  triggers: [on-synced]\n  selector: team=web,env in (prod,staging),!legacy\n- recipients: [slack:all]\n  triggers: [on-synced]\n')).toEqual([]);
      // encoding/json matches field names case-insensitively
      expect(subs('- Recipients: [slack:alerts]\n  TRIGGERS: [on-synced]\n  Selector: team=web\n')).toEqual([]);
    });
    test('fails when a selector does not parse (the whole ConfigMap is rejected)', () => {
      expect(subs('- recipients: [slack:alerts]\n  triggers: [on-synced]\n  selector: team=web team=api\n')).toEqual([
        expect.stringMatching(/^error notifications\/selector \/data\/subscriptions: subscriptions\[0\] selector "team=web team=api" is not a Kubernetes label selector \(found 'team', expected: ',' or 'end of string'\): notifications-engine rejects the whole ConfigMap/),
      ]);
      expect(subs('- recipients: [slack:alerts]\n  triggers: [on-synced]\n  selector: Team/x in (a)\n')).toEqual([expect.stringMatching(/notifications\/selector .*key "Team\/x" has a prefix "Team" that is not a DNS-1123 subdomain/)]);
      expect(subs('- recipients: [slack:alerts]\n  triggers: [on-synced]\n  selector: 5\n')).toEqual([expect.stringMatching(/shape .*subscriptions\[0\] selector must be a label selector string, got 5/)]);
    });
    test('fails when a subscription names a missing trigger or service, or has the wrong shape', () => {
      expect(subs('- recipients: [slak:alerts]\n  triggers: [on-sync]\n')).toEqual([
        expect.stringMatching(/subscription \/data\/subscriptions: subscriptions\[0\] names trigger "on-sync", which argocd-notifications-cm does not define/),
        expect.stringMatching(/subscriptions\[0\] recipient "slak:alerts" names service "slak"/),
      ]);
      expect(subs('- recipients: slack:alerts\n  triggers: [on-synced]\n')).toEqual([expect.stringMatching(/shape .*subscriptions\[0\] recipients must be a list of strings, got "slack:alerts": notifications-engine rejects the whole ConfigMap/), expect.stringMatching(/warning .*has no recipients/)]);
      expect(subs('- slack:alerts\n')).toEqual([expect.stringMatching(/subscriptions\[0\] must be a mapping/)]);
    });
    test('warns when a subscription never notifies, ignores a field, or loses a recipient to ":"', () => {
      expect(subs('- recipients: [slack:alerts]\n  trigger: [on-synced]\n')).toEqual([
        expect.stringMatching(/^warning notifications\/subscription .*subscriptions\[0\]: field "trigger" is not known to notifications-engine, which ignores it \(did you mean "triggers"\?\)/),
        expect.stringMatching(/^warning .*subscriptions\[0\] names no triggers and argocd-notifications-cm sets no defaultTriggers: it never notifies/),
      ]);
      expect(subs('- recipients: [slack:a:b]\n', { defaultTriggers: '- on-synced\n' })).toEqual([expect.stringMatching(/^warning .*recipient "slack:a:b" has more than one ":": notifications-engine splits on every ":" and sends to "a" only/)]);
    });
  });

  describe('long-form subscriptions annotation', () => {
    const annotated = (value: string) => application({ metadata: { name: 'a', namespace: 'argocd', annotations: { 'notifications.argoproj.io/subscriptions': value } } });
    test('is quiet on the documented form', () => {
      expect(check(cm(VALID), annotated('- trigger: [on-synced]\n  destinations:\n    - service: slack\n      recipients: [a, b]\n'))).toEqual([]);
    });
    test('fails when it names a missing trigger or service', () => {
      expect(check(cm(VALID), annotated('- trigger: [on-sync]\n  destinations: [{service: slak, recipients: [a]}]\n'))).toEqual([
        expect.stringMatching(/subscription \/metadata\/annotations\/notifications.argoproj.io~1subscriptions: .*names trigger "on-sync"/),
        expect.stringMatching(/names service "slak"/),
      ]);
    });
    test('fails when it is written with "triggers" (ignored: the field is "trigger") or without destinations', () => {
      expect(check(cm(VALID), annotated('- triggers: [on-synced]\n  destinations: [{service: slack, recipients: [a]}]\n'))).toEqual([
        expect.stringMatching(/item 0: field "triggers" is not known to notifications-engine, which ignores it \(did you mean "trigger"\?\).*falls back to the default triggers/),
        expect.stringMatching(/names no trigger and argocd-notifications-cm sets no defaultTriggers/),
      ]);
      expect(check(cm(VALID), annotated('- trigger: [on-synced]\n'))).toEqual([expect.stringMatching(/item 0 has no destinations: it notifies nobody/)]);
      expect(check(cm(VALID), annotated('- trigger: on-synced\n  destinations: [{service: slack, recipients: [a]}]\n'))).toEqual([
        expect.stringMatching(/item 0 trigger must be a list of strings, got "on-synced"/),
        expect.stringMatching(/names no trigger/),
      ]);
    });
  });
});
