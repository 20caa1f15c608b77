import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { UPSTREAM } from '../../upstream/upstream';
import { runCli, tempDir } from '../run-cli';

jest.setTimeout(60_000);

const CATALOG = path.join(UPSTREAM, 'notifications_catalog', 'install.yaml');
const NOW = '2026-01-01T12:00:00Z';

type Status = 'succeeded' | 'failed' | 'running' | 'degraded' | 'deleting' | 'unknown' | 'no operation';
const ALL: Status[] = ['succeeded', 'failed', 'running', 'degraded', 'deleting', 'unknown', 'no operation'];

function operation(phase: string, finished = true): Record<string, unknown> {
  return { phase, startedAt: '2026-01-01T10:00:00Z', ...(finished ? { finishedAt: '2026-01-01T10:00:20Z' } : {}), syncResult: { revision: 'abc123' } };
}

/** An Application in each status the catalog distinguishes. */
function application(status: Status): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name: 'guestbook', namespace: 'argocd' };
  const spec = { project: 'default', source: { repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook' }, destination: { namespace: 'guestbook' } };
  const healthy = { sync: { status: 'Synced', revision: 'abc123' }, health: { status: 'Healthy', lastTransitionTime: '2026-01-01T10:00:30Z' } };
  const s: Record<Status, Record<string, unknown>> = {
    'succeeded': { metadata, spec, status: { ...healthy, operationState: operation('Succeeded') } },
    'failed': { metadata, spec, status: { ...healthy, operationState: { ...operation('Failed'), message: 'one or more objects failed to apply' } } },
    'running': { metadata, spec, status: { ...healthy, sync: { status: 'OutOfSync' }, operationState: operation('Running', false) } },
    'degraded': { metadata, spec, status: { ...healthy, health: { status: 'Degraded', lastTransitionTime: '2026-01-01T10:00:30Z' }, operationState: operation('Succeeded') } },
    'deleting': { metadata: { ...metadata, deletionTimestamp: '2026-01-01T11:00:00Z' }, spec, status: healthy },
    'unknown': { metadata, spec, status: { sync: { status: 'Unknown' }, health: { status: 'Missing' } } },
    'no operation': { metadata, spec, status: healthy },
  };
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', ...s[status] };
}

/** For each catalog trigger, the statuses that fire it. */
const FIRES: Record<string, Status[]> = {
  'on-created': ALL,
  'on-deleted': ['deleting'],
  'on-deployed': ['succeeded'],
  'on-health-degraded': ['degraded'],
  'on-sync-failed': ['failed'],
  'on-sync-running': ['running'],
  'on-sync-status-unknown': ['unknown'],
  'on-sync-succeeded': ['succeeded', 'degraded'],
};

const dir = tempDir(Object.fromEntries(ALL.map((s) => [`${s.replace(' ', '-')}.yaml`, YAML.stringify(application(s))])));
const appFile = (s: Status) => path.join(dir, `${s.replace(' ', '-')}.yaml`);

describe('cdk8s-argocd notifications trigger run', () => {
  const cases = Object.keys(FIRES).flatMap((t) => ALL.map((s) => [t, s, FIRES[t].includes(s)] as const));
  test.each(cases)('%s on a %s application fires: %s', (trigger, status, fires) => {
    const r = runCli(['notifications', 'trigger', 'run', trigger, '--config', CATALOG, '--app', appFile(status), '--now', NOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.trigger).toBe(trigger);
    expect(out.conditions).toHaveLength(1);
    expect(out.conditions[0].result).toBe(fires);
    expect(out.conditions[0].send).toEqual([trigger.replace(/^on-/, 'app-')]);
    if (fires) expect(out.conditions[0].oncePer).toBe(trigger === 'on-created' || trigger === 'on-deleted' ? 'guestbook' : status === 'deleting' || status === 'unknown' ? '<nil>' : 'abc123');
    else expect(out.conditions[0].oncePer).toBeUndefined();
  });

  test('prints the upstream table in text format, and the oncePer value printed with %v', () => {
    const r = runCli(['notifications', 'trigger', 'run', 'on-sync-status-unknown', '--config', CATALOG, '--app', appFile('unknown')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      'CONDITION                            RESULT',
      "app.status.sync.status == 'Unknown'  true",
      'condition 0: oncePer <nil>',
      '',
    ].join('\n'));
  });

  test('fails when a condition errors at run time, and says why (exit 1)', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm' },
      data: { 'trigger.broken': '- when: app.status.operationState.phase == "Succeeded"\n  send: [t]\n', 'template.t': 'message: hi\n' },
    };
    const d = tempDir({ 'cm.yaml': YAML.stringify(cm) });
    const r = runCli(['notifications', 'trigger', 'run', 'broken', '--config', path.join(d, 'cm.yaml'), '--app', appFile('no operation'), '--format', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.conditions[0]).toMatchObject({ result: false, send: ['t'] });
    expect(out.conditions[0].error).toMatch(/cannot fetch phase from <nil>/);
  });

  test('fails when the trigger does not exist, naming the ones that do (exit 1)', () => {
    const r = runCli(['notifications', 'trigger', 'run', 'on-sync-succeded', '--config', CATALOG, '--app', appFile('succeeded')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/trigger "on-sync-succeded" does not exist .*found on-created, .*on-sync-succeeded/);
  });

  test('fails when --now is not RFC 3339 (exit 2)', () => {
    const r = runCli(['notifications', 'trigger', 'run', 'on-created', '--config', CATALOG, '--app', appFile('succeeded'), '--now', 'yesterday']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/option '--now' must be an RFC 3339 time, got "yesterday"/);
  });

  test('fails when --config is missing (exit 2)', () => {
    const r = runCli(['notifications', 'trigger', 'run', 'on-created', '--app', appFile('succeeded')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/required option '--config <file>' not specified/);
  });
});

describe('cdk8s-argocd notifications template notify', () => {
  test.each(Object.keys(FIRES).map((t) => t.replace(/^on-/, 'app-')))('renders the catalog template %s for a sample Application', (template) => {
    const ctx = tempDir({ 'cm.yaml': fs.readFileSync(CATALOG, 'utf-8').replace('data:\n', 'data:\n  context: |\n    argocdUrl: https://argocd.example.com\n') });
    const r = runCli(['notifications', 'template', 'notify', template, '--config', path.join(ctx, 'cm.yaml'), '--app', appFile('failed'), '--service', 'slack']);
    expect(r.status).toBe(0);
    const out = YAML.parse(r.stdout);
    expect(out.message).toContain('guestbook');
    expect(out.message).not.toContain('{{');
    expect(out.email.subject).toMatch(/^(Application guestbook|New version of an application guestbook|Failed to sync application guestbook|Start syncing application guestbook)/);
    if (out.slack) {
      const attachments = JSON.parse(out.slack.attachments);
      expect(attachments[0].title).toBe('guestbook');
      expect(attachments[0].title_link).toBe('https://argocd.example.com/applications/guestbook');
      expect(out.slack.deliveryPolicy).toBe('Post');
    }
    expect(r.stderr).toMatch(/service "slack" is not configured/);
  });

  test('renders the slack-only parts for --service slack and leaves them out for email', () => {
    const slack = runCli(['notifications', 'template', 'notify', 'app-sync-failed', '--config', CATALOG, '--app', appFile('failed'), '--service', 'slack']);
    expect(YAML.parse(slack.stdout).message).toBe(':exclamation:  The sync operation of application guestbook has failed at 2026-01-01T10:00:20Z with the following error: one or more objects failed to apply\n'
      + 'Sync operation details are available at: <no value>/applications/guestbook?operation=true .\n');
    const email = runCli(['notifications', 'template', 'notify', 'app-sync-failed', '--config', CATALOG, '--app', appFile('failed')]);
    expect(YAML.parse(email.stdout).message).toMatch(/^ {2}The sync operation/);
  });

  test('fails when a field does not render, naming the field (exit 1)', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-notifications-cm' }, data: { 'template.t': 'message: "{{ .app.metadata.name | fail }}"\n' } };
    const d = tempDir({ 'cm.yaml': YAML.stringify(cm) });
    const r = runCli(['notifications', 'template', 'notify', 't', '--config', path.join(d, 'cm.yaml'), '--app', appFile('succeeded')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: message: template: t:1:.*guestbook/m);
  });
});
