/**
 * Differential test of src/engine/notifications/render-template.ts against Go's text/template +
 * Sprig TxtFuncMap (test/differential/notification-templates/main.go, Debian's Go 1.19 and
 * Sprig 3.2.3), with the variables Argo CD v3.5.1 gives notification templates.
 *
 * fast-check generates Applications (metadata, labels, annotations, sync and health status,
 * operation states with sync results, integer and fractional numbers, or parts missing) and
 * notification-style templates built from fragments (`.app.metadata.name`, ranges over
 * `.app.status.operationState.syncResult.resources`, `.context.argocdUrl`, `.serviceType`,
 * `.recipient`, `.secrets`, `call .strings.*`, Sprig functions, `toJson` of app subtrees, kinds
 * of numbers, nil member access); the eight upstream catalog templates are rendered for every
 * generated Application. Output or error text must be identical. Not generated: the `repo` and
 * `time` namespaces (render-template.ts leaves `time` out; `repo` needs Argo CD's git-urls) and
 * Sprig functions whose result depends on the clock, randomness or Go's map order.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { GoProgram } from './go-program';
import { templateFieldsOf } from '../../src/engine/argo/notifications';
import { renderNotificationTemplate, TemplateInputs } from '../../src/engine/notifications/render-template';
import { UPSTREAM } from '../upstream/upstream';

interface Input {
  name: string;
  template: string;
  app: unknown;
  appProject?: unknown;
  context: Record<string, string>;
  secrets: Record<string, string>;
  selfService: boolean;
  service: string;
  recipient: string;
}

interface Output {
  output?: string;
  error?: string;
}

const go = GoProgram.build('notification-templates');

function inputsOf(i: Input): TemplateInputs {
  const { app, appProject, context, secrets, selfService, service, recipient } = i;
  return { app, appProject, context, secrets, selfService, service, recipient };
}

/** Ours, through the public entry point: a template whose only field is `message`. */
function ours(i: Input): Output {
  const { rendered, errors } = renderNotificationTemplate(i.name, { message: i.template }, inputsOf(i));
  return errors.length ? { error: errors[0].error } : { output: rendered.message as string };
}

interface Result {
  compared: number;
  goErrors: number;
  disagree: Array<{ input: Input; go: Output; mine: Output }>;
}

function compare(inputs: Input[], mine: (i: Input, k: number) => Output): Result {
  const theirs = go.run<Input, Output>(inputs);
  const disagree: Result['disagree'] = [];
  inputs.forEach((input, k) => {
    const o = mine(input, k);
    if (o.output !== theirs[k].output || o.error !== theirs[k].error) disagree.push({ input, go: theirs[k], mine: o });
  });
  return { compared: inputs.length, goErrors: theirs.filter((t) => t.error !== undefined).length, disagree };
}

function report(label: string, r: Result): void {
  // eslint-disable-next-line no-console
  console.log(`${label}: ${r.compared} compared, ${r.goErrors} Go errors, ${r.disagree.length} disagreements`);
  for (const d of r.disagree.slice(0, 5)) {
    // eslint-disable-next-line no-console
    console.log(JSON.stringify({ template: d.input.template, go: d.go, mine: d.mine, app: d.input.app }));
  }
}

// ---------------------------------------------------------------------------------------------
// Applications

const names = fc.constantFrom('guestbook', 'web-api', 'a', 'billing-prod', 'x-y-z');
const text = fc.constantFrom('', 'ok', 'successfully synced (all tasks run)', 'one or more objects failed to apply, reason: "x"', '<b>&amp;</b>', 'é ü', 'line\nbreak', 'a,b');
const timestamp = fc.constantFrom('2026-01-01T12:00:00Z', '2025-06-30T23:59:59Z', '2024-02-29T00:00:01Z');
const revision = fc.constantFrom('abc123def4567890abc123def4567890abc12345', '0123456', 'HEAD', '');
const number = fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(0.5, 2.25, -1.5, 1e-7, 123456789, 1e21));
const resource = fc.record({
  group: fc.constantFrom('', 'apps', 'batch'),
  version: fc.constantFrom('v1'),
  kind: fc.constantFrom('Deployment', 'Service', 'ConfigMap', 'Job'),
  namespace: fc.constantFrom('default', 'web', ''),
  name: names,
  status: fc.constantFrom('Synced', 'SyncFailed', 'Pruned', 'PruneSkipped'),
  message: text,
  hookPhase: fc.constantFrom('Running', 'Succeeded', 'Failed'),
  syncPhase: fc.constantFrom('PreSync', 'Sync', 'PostSync'),
}, { requiredKeys: ['kind', 'name', 'status'] });
const operationState = fc.record({
  phase: fc.constantFrom('Succeeded', 'Failed', 'Error', 'Running', 'Terminating'),
  message: text,
  startedAt: timestamp,
  finishedAt: timestamp,
  retryCount: fc.integer({ min: 0, max: 5 }),
  syncResult: fc.record({ revision, resources: fc.array(resource, { maxLength: 4 }) }, { requiredKeys: ['revision'] }),
}, { requiredKeys: ['phase', 'startedAt'] });
const labels = fc.dictionary(fc.constantFrom('team', 'env', 'app.kubernetes.io/name', 'tier'), fc.constantFrom('web', 'prod', 'staging', 'guestbook', ''), { maxKeys: 3 });
const application = fc.record({
  apiVersion: fc.constant('argoproj.io/v1alpha1'),
  kind: fc.constant('Application'),
  metadata: fc.record({ name: names, namespace: fc.constantFrom('argocd', 'team-a'), generation: fc.integer({ min: 1, max: 50 }), labels, annotations: labels }, { requiredKeys: ['name', 'namespace'] }),
  spec: fc.record({
    project: fc.constantFrom('default', 'web'),
    source: fc.record({ repoURL: fc.constantFrom('https://github.com/argoproj/argocd-example-apps.git', 'git@github.com:org/repo.git'), path: fc.constantFrom('guestbook', '.'), targetRevision: fc.constantFrom('HEAD', 'main', 'v1.2.3') }),
    destination: fc.record({ server: fc.constantFrom('https://kubernetes.default.svc'), namespace: fc.constantFrom('web', 'default') }),
  }),
  status: fc.record({
    sync: fc.record({ status: fc.constantFrom('Synced', 'OutOfSync', 'Unknown'), revision }),
    health: fc.record({ status: fc.constantFrom('Healthy', 'Degraded', 'Progressing', 'Missing'), message: text }, { requiredKeys: ['status'] }),
    operationState: fc.oneof(operationState, operationState, fc.constant(null)),
    summary: fc.record({ images: fc.array(fc.constantFrom('nginx:1.25', 'redis:7', 'ghcr.io/a/b@sha256:00'), { maxLength: 3 }) }),
    reconciledAt: timestamp,
    score: number,
  }, { requiredKeys: ['sync', 'health'] }),
}, { requiredKeys: ['apiVersion', 'kind', 'metadata', 'spec'] });

// ---------------------------------------------------------------------------------------------
// templates

const FRAGMENTS = [
  '{{.app.metadata.name}}', '{{.app.metadata.namespace}}', '{{.context.argocdUrl}}', '{{.serviceType}}', '{{.recipient}}', '{{.context.notificationType}}',
  '{{.context.argocdUrl}}/applications/{{.app.metadata.namespace}}/{{.app.metadata.name}}?operation=true',
  '{{.app.metadata.generation}}', '{{printf "%d" .app.metadata.generation}}', '{{printf "%v|%T" .app.status.score .app.status.score}}',
  '{{kindOf .app.metadata.generation}}', '{{eq .app.metadata.generation 2}}', '{{mul .app.metadata.generation 2}}', '{{add1 .app.status.operationState.retryCount}}',
  '{{toJson .app.status.sync}}', '{{toJson .app.metadata.labels}}', '{{toPrettyJson .app.spec.destination}}', '{{toJson .app.status.operationState.syncResult}}', '{{toJson .app.status.score}}',
  '{{range $i, $r := .app.status.operationState.syncResult.resources}}{{$i}}:{{$r.kind}}/{{$r.name}} {{end}}',
  '{{range .app.status.operationState.syncResult.resources}}{{if eq .status "Synced"}}{{.name | upper}};{{end}}{{end}}',
  '{{range $r := .app.status.operationState.syncResult.resources}}{{if $r.hookPhase}}{{$r.hookPhase}} {{$r.message | quote}}{{else}}-{{end}}{{end}}',
  '{{len .app.status.operationState.syncResult.resources}}', '{{ .app.status.operationState.syncResult.resources | toJson }}',
  '{{index .app.metadata.annotations "team"}}', '{{default "none" .app.metadata.labels.env}}', '{{.app.metadata.labels.env | quote}}',
  '{{call .strings.ToUpper .app.metadata.name}}', '{{call .strings.ReplaceAll .app.metadata.name "-" "_"}}', '{{call .strings.ToLower .app.status.health.status}}',
  '{{.secrets.token}}', '{{toString .secrets.token}}', '{{.secrets.missing}}',
  '{{with .app.status.health}}{{.status}}{{else}}unknown{{end}}', '{{if .app.status.operationState}}{{.app.status.operationState.phase}}{{end}}',
  '{{.missing}}', '{{.app.nope.deeper}}', '{{.app.status.operationState.message}}', '{{.app.status.operationState.syncResult.revision | trunc 7}}',
  '{{range $k, $v := .app.metadata.labels}}{{$k}}={{$v}};{{end}}', '{{len .app.metadata.labels}}', '{{b64enc .app.metadata.name}}',
  '{{.app.status.summary.images | join ","}}', '{{.app.spec.source.repoURL | trimSuffix ".git"}}', '{{.app.status.sync.revision | substr 0 7}}',
  '{{if eq .app.status.sync.status "Synced"}}:white_check_mark:{{else}}:warning:{{end}}', '{{.app.status.reconciledAt | replace "T" " "}}',
  '{{.appProject.metadata.name}}', '{{toJson .appProject}}', '{{dict "app" .app.metadata.name "ns" .app.metadata.namespace | toJson}}',
  '{{list .app.metadata.name .serviceType | join "/"}}', '{{hasKey .app.metadata.labels "team"}}', '{{.app.status.health.message | default "no message" | title}}',
  '{{ .app.status.score | int }}', '{{ .app.status.score | float64 }}', '{{ toYaml .app.status.sync }}', '{{ range .app.status.summary.images }}- {{ . }}\n{{ end }}',
  'plain text, no action', '{{', '{{ .app.metadata.name | nosuchfunc }}', '{{ template "x" }}',
];
const template = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).chain((parts) =>
  fc.constantFrom(' ', '\n', ' | ', '').map((sep) => parts.join(sep)));

const input: fc.Arbitrary<Input> = fc.record({
  name: fc.constantFrom('app-sync-failed', 'custom'),
  template,
  app: application,
  appProject: fc.option(fc.record({ metadata: fc.record({ name: fc.constantFrom('default', 'web') }) }), { nil: undefined }),
  context: fc.constantFrom<Record<string, string>>({}, { argocdUrl: 'https://argocd.example.com' }, { argocdUrl: 'https://cd.example.com', env: 'prod' }),
  secrets: fc.constantFrom<Record<string, string>>({}, { token: 'hi' }),
  selfService: fc.boolean(),
  service: fc.constantFrom('', 'slack', 'webhook', 'deploy-hook'),
  recipient: fc.constantFrom('', '#alerts', 'ops@example.com'),
}, { requiredKeys: ['name', 'template', 'app', 'context', 'secrets', 'selfService', 'service', 'recipient'] });

describe('notification templates: ours vs Go text/template + Sprig TxtFuncMap', () => {
  test('generated notification-style templates on generated Applications', () => {
    const inputs = fc.sample(input, { numRuns: 4000, seed: 20260501 });
    const r = compare(inputs, (i) => ours(i));
    report('generated templates', r);
    expect(r.goErrors).toBeGreaterThan(0);
    expect(r.goErrors).toBeLessThan(r.compared);
    expect(r.disagree).toEqual([]);
  });

  test('the eight upstream catalog templates on generated Applications', () => {
    const catalog = YAML.parse(fs.readFileSync(path.join(UPSTREAM, 'notifications_catalog', 'install.yaml'), 'utf-8'));
    const templates = Object.entries(catalog.data as Record<string, string>)
      .filter(([k]) => k.startsWith('template.'))
      .map(([k, v]) => ({ name: k.slice('template.'.length), template: YAML.parse(v) as Record<string, unknown> }));
    expect(templates).toHaveLength(8);
    const apps = fc.sample(fc.record({ app: application, service: fc.constantFrom('slack', 'email', 'teams', 'webhook'), selfService: fc.boolean() }), { numRuns: 150, seed: 35 });
    const inputs: Input[] = [];
    const mine: Output[] = [];
    for (const { app, service, selfService } of apps) {
      for (const t of templates) {
        const base = { name: t.name, app, context: { argocdUrl: 'https://argocd.example.com' }, secrets: {}, selfService, service, recipient: '#alerts' };
        const { rendered, errors } = renderNotificationTemplate(t.name, t.template, inputsOf({ ...base, template: '' }));
        for (const f of templateFieldsOf(t.template)) {
          inputs.push({ ...base, template: f.text });
          const failed = errors.find((e) => e.path.join('.') === f.path.join('.'));
          let at: any = rendered;
          for (const k of f.path) at = at[k];
          mine.push(failed ? { error: failed.error } : { output: at as string });
        }
      }
    }
    const r = compare(inputs, (_, k) => mine[k]);
    report('catalog templates', r);
    expect(r.compared).toBeGreaterThan(150 * 8);
    expect(r.disagree).toEqual([]);
  });
});
