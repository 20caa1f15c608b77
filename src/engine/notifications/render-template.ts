/**
 * Renders a notification template as notifications-engine does.
 *
 * Ported from notifications-engine@0cff13b8a717 `pkg/templates/service.go` (Sprig `TxtFuncMap`
 * minus `env`/`expandenv`, no template options: a missing key prints `<no value>`),
 * `pkg/services/services.go` (`Notification.GetTemplater`: `message` and each block's string
 * fields are Go text/templates), `pkg/api/api.go` (`Send`: the variables plus `serviceType` — the
 * destination's service name — and `recipient`), and argo-cd@v3.5.1
 * `util/notification/settings/settings.go` (`initGetVars`: `app`, `context` with the legacy
 * `notificationType`, `secrets` as `[]byte` values — absent in self-service mode — and
 * `appProject` or an empty map) and `util/notification/expression/expr.go` (`Spawn`: `strings`
 * and `repo`, callable with `call`). The `time` namespace returns Go `time.Time` values, which
 * the template value model has no type for: it is left out here (a `call .time.Now` fails).
 *
 * The Application and AppProject reach templates as Kubernetes unstructured objects, whose JSON
 * decoding (k8s.io/apimachinery/pkg/util/json) makes integers `int64` and other numbers
 * `float64`: `{{printf "%d" .app.metadata.generation}}` prints `3`, `{{eq .app.metadata.generation 3}}`
 * compares. Integral numbers within ±2^53 are read as int64 here (as the expr environment does).
 */
import { fullNameByRepoURL, queryEscape, repoURLToHTTPS } from './trigger-environment';
import { templateFieldsOf } from '../argo/notifications';
import { executeTemplate, fromJsonValue, GoValue, notificationsFuncMap, parseTemplate, TemplateError } from '../template';
import { GoFunc, GoInt, GoMap, GoSlice, IFACE } from '../template/go-value';

/** Plain JSON inputs of a template rendering. */
export interface TemplateInputs {
  readonly app: unknown;
  readonly appProject?: unknown;
  readonly context?: Readonly<Record<string, string>>;
  /** The argocd-notifications-secret data, decoded; ignored in self-service mode. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Self-service mode: no `secrets` variable. */
  readonly selfService?: boolean;
  /** The destination's service name (`serviceType`, and `context.notificationType`). */
  readonly service?: string;
  readonly recipient?: string;
}

/** A JSON value as Kubernetes' unstructured decoding gives it to Go: integers int64, other numbers float64. */
function unstructuredValue(json: unknown): GoValue {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER ? new GoInt('int64', BigInt(v)) : v;
    if (Array.isArray(v)) return v.map(convert);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  return fromJsonValue(convert(json));
}

function stringFunc(impl: (s: string) => string): GoFunc {
  return new GoFunc(['string'], (s) => impl(s as string), { result: 'string' });
}

/** The template variables (`.app`, `.context`, `.secrets`, `.appProject`, `.serviceType`, `.recipient`, `.strings`, `.repo`). */
export function templateVariables(inputs: TemplateInputs): GoValue {
  const service = inputs.service ?? '';
  const context = new Map<string, GoValue>([['notificationType', service]]);
  for (const [k, v] of Object.entries(inputs.context ?? {})) context.set(k, v);
  const vars = new Map<string, GoValue>([
    ['app', unstructuredValue(inputs.app)],
    ['context', new GoMap('string', context)],
    ['appProject', inputs.appProject === undefined ? new GoMap(IFACE) : unstructuredValue(inputs.appProject)],
    ['serviceType', service],
    ['recipient', inputs.recipient ?? ''],
    ['strings', new GoMap(IFACE, new Map<string, GoValue>([
      ['ReplaceAll', new GoFunc(['string', 'string', 'string'], (s, o, n) => (s as string).split(o as string).join(n as string), { result: 'string' })],
      ['ToUpper', stringFunc((s) => s.toUpperCase())],
      ['ToLower', stringFunc((s) => s.toLowerCase())],
    ]))],
    ['repo', new GoMap(IFACE, new Map<string, GoValue>([
      ['RepoURLToHTTPS', stringFunc(repoURLToHTTPS)],
      ['FullNameByRepoURL', stringFunc(fullNameByRepoURL)],
      ['QueryEscape', stringFunc(queryEscape)],
    ]))],
  ]);
  if (!inputs.selfService) {
    const secrets = new Map<string, GoValue>();
    for (const [k, v] of Object.entries(inputs.secrets ?? {})) {
      secrets.set(k, new GoSlice('uint8', [...Buffer.from(v, 'utf8')].map((b) => new GoInt('uint8', BigInt(b)))));
    }
    vars.set('secrets', new GoMap('[]uint8', secrets));
  }
  return new GoMap(IFACE, vars);
}

/** One rendered field, or the error it failed with. */
export interface RenderedField {
  readonly path: readonly string[];
  readonly output?: string;
  readonly error?: string;
}

/** Parses every Go template field of a template; returns the parse errors (empty when all parse). */
export function templateParseErrors(name: string, template: Record<string, unknown>): Array<{ path: readonly string[]; message: string }> {
  const funcs = notificationsFuncMap();
  const errors: Array<{ path: readonly string[]; message: string }> = [];
  for (const f of templateFieldsOf(template)) {
    try {
      parseTemplate(name, f.text, funcs);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors.push({ path: f.path, message: e.message });
    }
  }
  return errors;
}

/**
 * Renders every Go template field of a template. Returns the template with each field replaced by
 * its output, and the fields that failed (their text is left as it was).
 */
export function renderNotificationTemplate(
  name: string,
  template: Record<string, unknown>,
  inputs: TemplateInputs,
): { rendered: Record<string, unknown>; errors: RenderedField[] } {
  const funcs = notificationsFuncMap();
  const data = templateVariables(inputs);
  const rendered = structuredClone(template);
  const errors: RenderedField[] = [];
  for (const f of templateFieldsOf(template)) {
    let output: string;
    try {
      output = executeTemplate(parseTemplate(name, f.text, funcs), data);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      errors.push({ path: f.path, error: e.message });
      continue;
    }
    let at: any = rendered;
    for (const k of f.path.slice(0, -1)) at = at[k];
    at[f.path[f.path.length - 1]] = output;
  }
  return { rendered, errors };
}
