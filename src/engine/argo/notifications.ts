/**
 * Argo CD notification facts, once: the `argocd-notifications-cm` key forms, the service types and
 * the fields each needs, the template blocks and which of their fields are Go templates, the
 * subscription annotation forms, the `$secret` reference syntax and the expression namespaces
 * v3.5.1 registers. Predicates return a message (lower case, the value, the fix) or undefined.
 *
 * Sources (notifications-engine@0cff13b8a717, Argo CD v3.5.1's pin):
 * `pkg/api/config.go` (ParseConfig: key forms, `replaceServiceConfigSecrets`, keyPattern `[$][\w-]+`),
 * `pkg/services/services.go` (the `NewService` switch, the `Notification` struct),
 * `pkg/services/*.go` (each service's options struct and yaml keys, and which template fields its
 * `GetTemplater` parses), `pkg/subscriptions/annotations.go` (subscribe annotations),
 * `pkg/subscriptions/global.go` (global subscriptions); argo-cd@v3.5.1
 * `util/notification/expression/expr.go` (the `time`, `strings`, `repo` namespaces) and
 * `docs/operator-manual/notifications/functions.md` (documents `sync.GetInfoItem`, never registered).
 */
import { NOTIFICATIONS_CONFIGMAP, NOTIFICATIONS_SECRET } from './config-names';
import { NOTIFICATIONS_SUBSCRIBE_PREFIX, NOTIFICATIONS_SUBSCRIPTIONS } from '../core/annotation-keys';
import { didYouMean } from '../core/did-you-mean';
import { labelSelectorError } from '../core/label-selector';
import { lazy } from '../core/lazy';

// The YAML parser loads only when a notifications ConfigMap is read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = lazy(() => require('yaml') as typeof import('yaml'));

// The ConfigMap notifications-controller reads, and the Secret `$name` references resolve to.
export { NOTIFICATIONS_CONFIGMAP, NOTIFICATIONS_SECRET };

/** The service types `services.NewService` knows (21 at v3.5.1). */
export const SERVICE_TYPES: readonly string[] = [
  'awssqs', 'email', 'slack', 'mattermost', 'rocketchat', 'grafana', 'opsgenie', 'webhook', 'telegram', 'github', 'teams',
  'teams-workflows', 'googlechat', 'pushover', 'alertmanager', 'pagerduty', 'pagerdutyv2', 'newrelic', 'webex', 'nats', 'gcppubsub',
];

/**
 * The options each typed service cannot deliver without (yaml keys of the service's options
 * struct): without them every send fails.
 */
export const SERVICE_REQUIRED_FIELDS: { readonly [type: string]: readonly string[] } = {
  'slack': ['token'],
  'webhook': ['url'],
  'email': ['host'],
  'teams-workflows': ['recipientUrls'],
  'github': ['appID', 'installationID', 'privateKey'],
  'googlechat': ['webhooks'],
  'opsgenie': ['apiUrl', 'apiKeys'],
  'pagerdutyv2': ['serviceKeys'],
  'alertmanager': ['targets'],
  'grafana': ['apiUrl', 'apiKey'],
  'telegram': ['token'],
  'mattermost': ['apiURL', 'token'],
};

/**
 * The blocks of a template (`services.Notification` json keys) and, per block, the fields that
 * are NOT Go templates (every other string field is parsed by the service's `GetTemplater`).
 * `webhook` is a map of webhook service name → `{method, path, body}`.
 */
export const TEMPLATE_BLOCKS: { readonly [block: string]: readonly string[] } = {
  'awssqs': [],
  'gcppubsub': [],
  'email': [],
  'slack': ['deliveryPolicy', 'notifyBroadcast'],
  'mattermost': [],
  'rocketchat': [],
  'teams': [],
  'teams-workflows': [],
  'webhook': ['method'],
  'opsgenie': [],
  'github': ['requiredContexts', 'autoMerge', 'transientEnvironment'],
  'alertmanager': ['startsAt'],
  'googlechat': [],
  'pagerduty': [],
  'pagerdutyv2': [],
  'newrelic': [],
};

/** A `$key` reference in a service configuration (notifications-engine's keyPattern). */
export const SECRET_REFERENCE = /[$][\w-]+/g;

/** The helper namespaces v3.5.1 gives trigger expressions (and templates), with their functions. */
export const EXPRESSION_NAMESPACES: { readonly [namespace: string]: readonly string[] } = {
  time: ['Now', 'Parse', 'Nanosecond', 'Microsecond', 'Millisecond', 'Second', 'Minute', 'Hour'],
  strings: ['ReplaceAll', 'ToUpper', 'ToLower'],
  repo: ['RepoURLToHTTPS', 'FullNameByRepoURL', 'QueryEscape', 'GetCommitMetadata', 'GetAppDetails'],
};

/** Functions the Argo CD docs describe that v3.5.1 never registers. */
export const UNREGISTERED_FUNCTIONS: readonly string[] = ['sync.GetInfoItem'];

/** `service.<type>` or `service.<type>.<name>`: the type and the service name; undefined for other keys. */
export function parseServiceKey(key: string): { type: string; name: string } | undefined {
  if (!key.startsWith('service.')) return undefined;
  const parts = key.split('.');
  if (parts.length === 2) return { type: parts[1], name: parts[1] };
  if (parts.length === 3) return { type: parts[1], name: parts[2] };
  return undefined;
}

/** A `service.` key that notifications-engine rejects (and with it the whole ConfigMap). */
export function serviceKeyError(key: string): string | undefined {
  if (!key.startsWith('service.') || parseServiceKey(key) !== undefined) return undefined;
  return `invalid service key ${JSON.stringify(key)}: notifications-engine expects 'service.<type>' or 'service.<type>.<name>' (2 or 3 dot-separated parts) and rejects the whole ConfigMap: remove the extra dots from the name`;
}

/** A service type `NewService` does not know. */
export function serviceTypeError(type: string): string | undefined {
  if (SERVICE_TYPES.includes(type)) return undefined;
  const hint = didYouMean(type, SERVICE_TYPES);
  return `service type ${JSON.stringify(type)} is not supported by notifications-engine${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}: use one of ${SERVICE_TYPES.join(', ')}`;
}

/** A trigger or service name with a dot, which subscription annotations cannot name. */
export function notificationNameError(what: 'trigger' | 'service', name: string): string | undefined {
  if (name === '') return `${what} name is empty: give it a name`;
  if (!name.includes('.')) return undefined;
  return `${what} name ${JSON.stringify(name)} contains ".": the subscribe annotation 'notifications.argoproj.io/subscribe.<trigger>.<service>' is split on dots, so it can never name it: use "-" instead`;
}

/** A `$` in a service value that does not form a secret reference, e.g. `$` alone or `${token}`. */
export function secretReferenceError(value: string): string | undefined {
  const bad = /[$](?![\w-])/.exec(value);
  if (!bad) return undefined;
  return `${JSON.stringify(value)} has a "$" not followed by a key name: a secret reference is $<key> with the key of ${NOTIFICATIONS_SECRET} made of letters, digits, "_" and "-" (no braces)`;
}

/** The secret keys a service configuration value references (`$key` → `key`). */
export function secretReferencesIn(value: string): string[] {
  return [...value.matchAll(SECRET_REFERENCE)].map((m) => m[0].slice(1));
}

/** A trigger or template name is also a ConfigMap key suffix: the key must be a valid ConfigMap key. */
export function configMapKeyError(key: string): string | undefined {
  if (key.length > 253 || !/^[-._a-zA-Z0-9]+$/.test(key)) {
    return `ConfigMap key ${JSON.stringify(key)} is not valid: use letters, digits, "-", "_" and "." (at most 253 characters)`;
  }
  return undefined;
}

/** One subscription read from an annotation. */
export interface AnnotationSubscription {
  /** The annotation key it comes from. */
  readonly key: string;
  /** The trigger; empty means the default triggers. */
  readonly trigger: string;
  readonly service: string;
  readonly recipients: readonly string[];
}

/** How the long-form subscriptions annotation is written (the fix in its messages). */
const LONG_FORM_SHAPE = 'write a list of {trigger: [<trigger>...], destinations: [{service: <service>, recipients: [...]}]}';

/**
 * The fields of a long-form subscription (`subscriptions.Subscription`: `Trigger` has no json tag,
 * so its key is "trigger") and of a destination (`Destination`: `service`, `recipients`).
 */
export const LONG_FORM_FIELDS: readonly string[] = ['trigger', 'destinations'];
/** The fields of a long-form subscription's destination. */
export const DESTINATION_FIELDS: readonly string[] = ['service', 'recipients'];
/** The fields of a global subscription (`rawSubscription` json tags in `pkg/subscriptions/global.go`). */
export const GLOBAL_SUBSCRIPTION_FIELDS: readonly string[] = ['recipients', 'triggers', 'selector'];

/**
 * encoding/json's lookup of a struct field in a JSON object: keys match the field name
 * case-insensitively and the last matching key wins.
 */
export function goJsonField(object: Record<string, unknown>, field: string): unknown {
  let found: unknown;
  for (const [k, v] of Object.entries(object)) if (k.toLowerCase() === field.toLowerCase()) found = v;
  return found;
}

/** A key encoding/json ignores (no field matches it case-insensitively). */
export function unknownFieldError(field: string, known: readonly string[]): string | undefined {
  if (known.some((k) => k.toLowerCase() === field.toLowerCase())) return undefined;
  const hint = didYouMean(field, known);
  return `field ${JSON.stringify(field)} is not known to notifications-engine, which ignores it${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}: use ${known.join(', ')}`;
}

/** A JSON value unmarshalled into a Go `[]string`: null is empty; anything but a list of strings is a type error. */
function goStringList(value: unknown, report: (message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report(`must be a list of strings, got ${JSON.stringify(value)}`);
    return [];
  }
  const bad = value.filter((x) => typeof x !== 'string');
  if (bad.length) report(`must be a list of strings, got ${JSON.stringify(bad[0])} in ${JSON.stringify(value)}`);
  return value.filter((x): x is string => typeof x === 'string');
}

/**
 * A global subscription's selector that `labels.Parse` rejects: `DefaultSubscription.UnmarshalJSON`
 * then fails, and with it `ParseConfig` (the whole ConfigMap).
 */
export function subscriptionSelectorError(selector: string): string | undefined {
  const problem = labelSelectorError(selector);
  if (problem === undefined) return undefined;
  return `selector ${JSON.stringify(selector)} is not a Kubernetes label selector (${problem}): notifications-engine rejects the whole ConfigMap; write it as labels.Parse reads it, e.g. "team=web,env in (prod,staging),!legacy"`;
}

/** Splits `a;b; c` as notifications-engine does (trimmed, empties dropped). */
export function parseRecipients(value: string): string[] {
  return value.split(';').map((r) => r.trim()).filter((r) => r !== '');
}

/**
 * The subscriptions of an Application's or AppProject's annotations, as `Annotations.iterate`
 * reads them; `errors` lists long-form values that do not parse.
 */
export function subscriptionsOf(
  annotations: { readonly [key: string]: string } | undefined,
): { subscriptions: AnnotationSubscription[]; errors: Array<{ key: string; message: string }> } {
  const subscriptions: AnnotationSubscription[] = [];
  const errors: Array<{ key: string; message: string }> = [];
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (key.startsWith(NOTIFICATIONS_SUBSCRIBE_PREFIX)) {
      const parts = key.slice(NOTIFICATIONS_SUBSCRIBE_PREFIX.length).split('.');
      const [trigger, service] = parts.length >= 2 ? [parts[0], parts[1]] : ['', parts[0]];
      subscriptions.push({ key, trigger, service, recipients: value === '' ? [''] : parseRecipients(String(value)) });
    } else if (key.startsWith(NOTIFICATIONS_SUBSCRIPTIONS)) {
      const problem = (message: string) => errors.push({ key, message: `annotation ${key} ${message}` });
      let list: unknown;
      try {
        list = value === '' ? undefined : yaml().parse(String(value));
      } catch (e) {
        problem(`does not parse as YAML (${(e as Error).message.split('\n')[0]}): ${LONG_FORM_SHAPE}`);
        continue;
      }
      if (list === undefined || list === null) {
        problem(`is empty: notifications-engine logs "Subscription is not defined" and notifies nobody; ${LONG_FORM_SHAPE}`);
        continue;
      }
      if (!Array.isArray(list)) {
        problem(`must be a YAML list, got ${JSON.stringify(list)}: ${LONG_FORM_SHAPE}`);
        continue;
      }
      list.forEach((item: unknown, i: number) => {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          problem(`item ${i} must be a mapping, got ${JSON.stringify(item)}: ${LONG_FORM_SHAPE}`);
          return;
        }
        const entry = item as Record<string, unknown>;
        for (const field of Object.keys(entry)) {
          const unknown = unknownFieldError(field, LONG_FORM_FIELDS);
          if (unknown) problem(`item ${i}: ${unknown}${field.toLowerCase() === 'triggers' ? '; without "trigger" the subscription falls back to the default triggers' : ''}`);
        }
        const triggers = goStringList(goJsonField(entry, 'trigger'), (m) => problem(`item ${i} trigger ${m}`));
        const rawDestinations = goJsonField(entry, 'destinations');
        const destinations: Array<{ service: string; recipients: string[] }> = [];
        if (rawDestinations !== undefined && rawDestinations !== null && !Array.isArray(rawDestinations)) {
          problem(`item ${i} destinations must be a list of {service, recipients: [...]}, got ${JSON.stringify(rawDestinations)}`);
        }
        (Array.isArray(rawDestinations) ? rawDestinations : []).forEach((d: unknown, j: number) => {
          if (d === null || typeof d !== 'object' || Array.isArray(d)) {
            problem(`item ${i} destination ${j} must be a mapping {service, recipients: [...]}, got ${JSON.stringify(d)}`);
            return;
          }
          const dest = d as Record<string, unknown>;
          for (const field of Object.keys(dest)) {
            const unknown = unknownFieldError(field, DESTINATION_FIELDS);
            if (unknown) problem(`item ${i} destination ${j}: ${unknown}`);
          }
          const service = goJsonField(dest, 'service');
          if (service !== undefined && service !== null && typeof service !== 'string') problem(`item ${i} destination ${j} service must be a string, got ${JSON.stringify(service)}`);
          const recipients = goStringList(goJsonField(dest, 'recipients'), (m) => problem(`item ${i} destination ${j} recipients ${m}`));
          destinations.push({ service: typeof service === 'string' ? service : '', recipients });
        });
        if (destinations.length === 0) {
          problem(`item ${i} has no destinations: it notifies nobody; add destinations: [{service: <name>, recipients: [...]}]`);
        }
        // Annotations.iterate: no trigger means the default triggers (trigger "").
        for (const trigger of triggers.length ? triggers : ['']) {
          for (const d of destinations) subscriptions.push({ key, trigger, service: d.service, recipients: d.recipients });
        }
      });
    }
  }
  return { subscriptions, errors };
}

/** One subscription of the long form annotation. */
export interface LongFormSubscription {
  readonly triggers: readonly string[];
  readonly destinations: ReadonlyArray<{ readonly service: string; readonly recipients: readonly string[] }>;
}

/**
 * The annotations that subscribe an object: the short form
 * `notifications.argoproj.io/subscribe.<trigger>.<service>: r1;r2` per (trigger, service), and
 * the long form `notifications.argoproj.io/subscriptions` when given. Throws nothing: check names
 * with {@link notificationNameError} first.
 */
export function subscriptionAnnotations(
  short: ReadonlyArray<{ trigger?: string; service: string; recipients: readonly string[] }>,
  long: readonly LongFormSubscription[] = [],
): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const s of short) {
    const key = `${NOTIFICATIONS_SUBSCRIBE_PREFIX}${s.trigger ? `${s.trigger}.` : ''}${s.service}`;
    const recipients = [...(out[key] ? parseRecipients(out[key]) : []), ...s.recipients.filter((r) => r !== '')];
    out[key] = [...new Set(recipients)].join(';');
  }
  if (long.length > 0) {
    out[NOTIFICATIONS_SUBSCRIPTIONS] = yaml().stringify(long.map((l) => ({
      trigger: [...l.triggers],
      destinations: l.destinations.map((d) => ({ service: d.service, recipients: [...d.recipients] })),
    })));
  }
  return out;
}

/**
 * The long-form annotation value with `add` appended to what `existing` (a value this library
 * rendered, or undefined) holds.
 */
export function appendLongFormSubscriptions(existing: string | undefined, add: readonly LongFormSubscription[]): string {
  const before: unknown = existing === undefined || existing === '' ? [] : yaml().parse(existing);
  const list = [...(Array.isArray(before) ? before : []), ...add.map((l) => ({
    trigger: [...l.triggers],
    destinations: l.destinations.map((d) => ({ service: d.service, recipients: [...d.recipients] })),
  }))];
  return yaml().stringify(list);
}

/** A condition of a trigger as the ConfigMap holds it. */
export interface TriggerConditionConfig {
  readonly when?: string;
  readonly oncePer?: string;
  readonly send?: readonly string[];
  readonly description?: string;
}

/** A global subscription of the `subscriptions` key. */
export interface GlobalSubscriptionConfig {
  /** Its position in the `subscriptions` list. */
  readonly index: number;
  readonly recipients: readonly string[];
  readonly triggers: readonly string[];
  readonly selector: string;
}

/** `argocd-notifications-cm` read as notifications-engine's `ParseConfig` reads it. */
export interface NotificationsConfigData {
  readonly services: Map<string, { type: string; key: string; config: unknown }>;
  readonly templates: Map<string, { key: string; template: Record<string, unknown> }>;
  readonly triggers: Map<string, { key: string; conditions: TriggerConditionConfig[] }>;
  readonly defaultTriggers: string[];
  readonly serviceDefaultTriggers: Map<string, string[]>;
  readonly subscriptions: GlobalSubscriptionConfig[];
  readonly context: { [key: string]: string };
  /** Keys whose value does not have the shape notifications-engine expects. */
  readonly errors: Array<{ key: string; rule: string; message: string; severity?: 'warning' }>;
}

function firstLine(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0];
}

/** Reads the ConfigMap `data`; a key that does not parse is reported in `errors` and left out. */
export function parseNotificationsConfig(data: { readonly [key: string]: unknown } | undefined): NotificationsConfigData {
  const out: NotificationsConfigData = {
    services: new Map(),
    templates: new Map(),
    triggers: new Map(),
    defaultTriggers: [],
    serviceDefaultTriggers: new Map(),
    subscriptions: [],
    context: {},
    errors: [],
  };
  const parse = (key: string, value: unknown, what: string): { ok: boolean; value?: unknown } => {
    try {
      return { ok: true, value: yaml().parse(String(value ?? '')) };
    } catch (e) {
      out.errors.push({ key, rule: 'notifications/yaml', message: `${key} does not parse as YAML (${firstLine(e)}): fix the ${what}` });
      return { ok: false };
    }
  };
  const stringList = (key: string, v: unknown, what: string): string[] | undefined => {
    if (v === null || v === undefined) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    out.errors.push({ key, rule: 'notifications/shape', message: `${key} must be a YAML list of ${what}, got ${JSON.stringify(v)}: write it as "- name" lines` });
    return undefined;
  };
  for (const [key, raw] of Object.entries(data ?? {})) {
    if (key.startsWith('service.')) {
      const parsed = parseServiceKey(key);
      if (!parsed) continue; // serviceKeyError reports it
      const r = parse(key, raw, 'service configuration');
      if (r.ok) out.services.set(parsed.name, { type: parsed.type, key, config: r.value });
    } else if (key.startsWith('template.')) {
      const r = parse(key, raw, 'template');
      if (!r.ok) continue;
      const v = r.value ?? {};
      if (typeof v !== 'object' || Array.isArray(v)) {
        out.errors.push({ key, rule: 'notifications/shape', message: `${key} must be a YAML mapping with 'message' and service blocks, got ${JSON.stringify(v)}` });
        continue;
      }
      out.templates.set(key.slice('template.'.length), { key, template: v as Record<string, unknown> });
    } else if (key.startsWith('trigger.')) {
      const r = parse(key, raw, 'trigger');
      if (!r.ok) continue;
      const v = r.value ?? [];
      if (!Array.isArray(v)) {
        out.errors.push({ key, rule: 'notifications/trigger-list', message: `${key} must be a YAML list of conditions ("- when: ..."), got a ${typeof v === 'object' ? 'mapping' : typeof v}: notifications-engine fails to unmarshal it into []Condition and rejects the whole ConfigMap; put "- " before the first field` });
        continue;
      }
      out.triggers.set(key.slice('trigger.'.length), {
        key,
        conditions: v.map((c: any) => ({
          when: c?.when === undefined || c?.when === null ? undefined : String(c.when),
          oncePer: c?.oncePer === undefined || c?.oncePer === null ? undefined : String(c.oncePer),
          send: Array.isArray(c?.send) ? c.send.map(String) : [],
          description: c?.description,
        })),
      });
    } else if (key === 'defaultTriggers') {
      const r = parse(key, raw, 'list');
      const l = r.ok ? stringList(key, r.value, 'trigger names') : undefined;
      if (l) out.defaultTriggers.push(...l);
    } else if (key.startsWith('defaultTriggers.')) {
      const r = parse(key, raw, 'list');
      const l = r.ok ? stringList(key, r.value, 'trigger names') : undefined;
      if (l) out.serviceDefaultTriggers.set(key.slice('defaultTriggers.'.length), l);
    } else if (key === 'subscriptions') {
      const r = parse(key, raw, 'subscriptions');
      if (!r.ok) continue;
      if (r.value !== null && r.value !== undefined && !Array.isArray(r.value)) {
        out.errors.push({ key, rule: 'notifications/shape', message: `subscriptions must be a YAML list of {recipients, triggers, selector}, got ${JSON.stringify(r.value)}` });
        continue;
      }
      ((r.value ?? []) as unknown[]).forEach((item, index) => {
        const at = `subscriptions[${index}]`;
        const report = (message: string, rule = 'notifications/shape') => out.errors.push({ key, rule, message: `${at} ${message}` });
        if (item === null || typeof item !== 'object' || Array.isArray(item)) {
          report(`must be a mapping {recipients, triggers, selector}, got ${JSON.stringify(item)}: notifications-engine rejects the whole ConfigMap`);
          return;
        }
        const entry = item as Record<string, unknown>;
        for (const field of Object.keys(entry)) {
          const unknown = unknownFieldError(field, GLOBAL_SUBSCRIPTION_FIELDS);
          if (unknown) out.errors.push({ key, rule: 'notifications/subscription', severity: 'warning', message: `${at}: ${unknown}` });
        }
        const shapeError = (m: string) => report(`${m}: notifications-engine rejects the whole ConfigMap`);
        const recipients = goStringList(goJsonField(entry, 'recipients'), (m) => shapeError(`recipients ${m}`));
        const triggers = goStringList(goJsonField(entry, 'triggers'), (m) => shapeError(`triggers ${m}`));
        const rawSelector = goJsonField(entry, 'selector');
        if (rawSelector !== undefined && rawSelector !== null && typeof rawSelector !== 'string') {
          shapeError(`selector must be a label selector string, got ${JSON.stringify(rawSelector)}`);
          return;
        }
        const selector = typeof rawSelector === 'string' ? rawSelector : '';
        const selectorProblem = subscriptionSelectorError(selector);
        if (selectorProblem) {
          report(selectorProblem, 'notifications/selector');
          return;
        }
        out.subscriptions.push({ index, recipients, triggers, selector });
      });
    } else if (key === 'context') {
      const r = parse(key, raw, 'context');
      if (!r.ok) continue;
      const v = r.value ?? {};
      if (typeof v !== 'object' || Array.isArray(v)) {
        out.errors.push({ key, rule: 'notifications/shape', message: `context must be a YAML mapping of names to strings, got ${JSON.stringify(v)}` });
        continue;
      }
      for (const [k, x] of Object.entries(v)) out.context[k] = typeof x === 'string' ? x : JSON.stringify(x);
    }
  }
  return out;
}

/** One Go template of a template: where it is (path of keys) and its text. */
export interface TemplateField {
  readonly path: readonly string[];
  readonly text: string;
}

/** The fields of a template that notifications-engine parses as Go templates (`message` and the service blocks' string fields). */
export function templateFieldsOf(template: Record<string, unknown>): TemplateField[] {
  const fields: TemplateField[] = [];
  const walk = (value: unknown, path: string[], plain: readonly string[]) => {
    if (typeof value === 'string') {
      if (!plain.includes(path[path.length - 1])) fields.push({ path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, String(i)], plain));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k], plain);
    }
  };
  for (const [k, v] of Object.entries(template)) {
    if (k === 'message') {
      if (typeof v === 'string') fields.push({ path: [k], text: v });
    } else if (Object.prototype.hasOwnProperty.call(TEMPLATE_BLOCKS, k)) {
      walk(v, [k], TEMPLATE_BLOCKS[k]);
    }
  }
  return fields;
}

/** A template key notifications-engine does not know (silently ignored by its unmarshalling). */
export function templateBlockError(block: string): string | undefined {
  if (block === 'message' || Object.prototype.hasOwnProperty.call(TEMPLATE_BLOCKS, block)) return undefined;
  const known = ['message', ...Object.keys(TEMPLATE_BLOCKS)];
  const hint = didYouMean(block, known);
  return `template field ${JSON.stringify(block)} is not known to notifications-engine, which ignores it${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ''}: use one of ${known.join(', ')}`;
}

/** A key of argocd-notifications-secret that a `$key` reference cannot name whole. */
export function secretKeyError(key: string): string | undefined {
  if (/^[\w-]+$/.test(key)) return undefined;
  return `secret key ${JSON.stringify(key)} cannot be referenced as $${key}: notifications-engine's reference is [$][\\w-]+, so it stops at the first other character; rename the key of ${NOTIFICATIONS_SECRET} to letters, digits, "_" and "-"`;
}
