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
import { lazy } from '../core/lazy';
import { NOTIFICATIONS_SUBSCRIBE_PREFIX, NOTIFICATIONS_SUBSCRIPTIONS } from '../core/annotation-keys';
import { didYouMean } from '../core/did-you-mean';

// The YAML parser loads only when a notifications ConfigMap is read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = lazy(() => require('yaml') as typeof import('yaml'));

/** The ConfigMap notifications-controller reads. */
export const NOTIFICATIONS_CONFIGMAP = 'argocd-notifications-cm';
/** The Secret whose keys `$name` references in service configurations resolve to. */
export const NOTIFICATIONS_SECRET = 'argocd-notifications-secret';

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
      let list: unknown;
      try {
        list = yaml().parse(String(value));
      } catch (e) {
        errors.push({ key, message: `annotation ${key} does not parse as YAML (${(e as Error).message.split('\n')[0]}): write a list of {trigger: [...], destinations: [{service, recipients: [...]}]}` });
        continue;
      }
      if (!Array.isArray(list)) {
        errors.push({ key, message: `annotation ${key} must be a YAML list of {trigger: [...], destinations: [{service, recipients: [...]}]}, got ${JSON.stringify(value)}` });
        continue;
      }
      for (const item of list) {
        const triggers: string[] = Array.isArray(item?.trigger) ? item.trigger.map(String) : [];
        const destinations: Array<{ service?: unknown; recipients?: unknown }> = Array.isArray(item?.destinations) ? item.destinations : [];
        for (const trigger of triggers.length ? triggers : ['']) {
          for (const d of destinations) {
            subscriptions.push({ key, trigger, service: String(d?.service ?? ''), recipients: Array.isArray(d?.recipients) ? d.recipients.map(String) : [] });
          }
        }
      }
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

/** A condition of a trigger as the ConfigMap holds it. */
export interface TriggerConditionConfig {
  readonly when?: string;
  readonly oncePer?: string;
  readonly send?: readonly string[];
  readonly description?: string;
}

/** A global subscription of the `subscriptions` key. */
export interface GlobalSubscriptionConfig {
  readonly recipients?: readonly string[];
  readonly triggers?: readonly string[];
  readonly selector?: string;
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
  readonly errors: Array<{ key: string; rule: string; message: string }>;
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
      out.subscriptions.push(...((r.value ?? []) as GlobalSubscriptionConfig[]));
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
