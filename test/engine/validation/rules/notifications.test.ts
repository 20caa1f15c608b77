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
});
