import {
  notificationNameError, NOTIFICATIONS_CONFIGMAP, NOTIFICATIONS_SECRET, NotificationsConfigData, parseNotificationsConfig,
  secretReferenceError, secretReferencesIn, SERVICE_REQUIRED_FIELDS, serviceKeyError, serviceTypeError, subscriptionsOf,
  templateBlockError, templateFieldsOf, UNREGISTERED_FUNCTIONS,
} from '../../argo/notifications';
import { pointer } from '../../core/json-pointer';
import { compileExpr } from '../../expr';
import { templateParseErrors } from '../../notifications/render-template';
import { error, Finding, Manifest, warning } from '../problem';
import { CrossObjectRule, IndexedFinding, RuleContext } from './rule';

function isNotificationsConfigMap(o: Manifest): boolean {
  return o?.apiVersion === 'v1' && o.kind === 'ConfigMap' && o.metadata?.name === NOTIFICATIONS_CONFIGMAP;
}

function isNotificationsSecret(o: Manifest): boolean {
  return o?.apiVersion === 'v1' && o.kind === 'Secret' && o.metadata?.name === NOTIFICATIONS_SECRET;
}

function isArgo(o: Manifest, kind: string): boolean {
  return o?.kind === kind && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('argoproj.io/');
}

/** Whether an expression's tree reads `<namespace>.<name>` of a namespace nobody registers. */
function unregisteredCalls(when: string): string[] {
  let tree: unknown;
  try {
    tree = compileExpr(when).tree;
  } catch {
    return [];
  }
  const found = new Set<string>();
  const walk = (n: any) => {
    if (n === null || typeof n !== 'object') return;
    if (n.kind === 'Member' && n.node?.kind === 'Identifier' && (n.property?.kind === 'String' || n.property?.kind === 'Constant')) {
      const name = `${n.node.value}.${String(n.property.value)}`;
      if (UNREGISTERED_FUNCTIONS.includes(name)) found.add(name);
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(tree);
  return [...found];
}

/** Every string scalar (keys too) of a parsed service configuration, with its JSON pointer segments. */
function stringsOf(value: unknown, at: string[], out: Array<{ at: string[]; value: string }> = []): Array<{ at: string[]; value: string }> {
  if (typeof value === 'string') {out.push({ at, value });} else if (Array.isArray(value)) {value.forEach((v, i) => stringsOf(v, [...at, String(i)], out));} else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ at, value: k });
      stringsOf(v, [...at, k], out);
    }
  }
  return out;
}

/** Findings about one argocd-notifications-cm. */
function checkConfigMap(cm: Manifest, config: NotificationsConfigData, secret: Manifest | undefined, selfService: boolean): Finding[] {
  const findings: Finding[] = [];
  const data: Record<string, unknown> = cm.data ?? {};
  const at = (key: string, ...rest: string[]) => pointer('data', key, ...rest);
  for (const e of config.errors) findings.push((e.severity === 'warning' ? warning : error)(e.rule, at(e.key), e.message));

  for (const key of Object.keys(data)) {
    const keyProblem = serviceKeyError(key);
    if (keyProblem) findings.push(error('notifications/service-key', at(key), keyProblem));
  }

  const secretKeys = secret ? new Set([...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})]) : undefined;
  for (const [name, s] of config.services) {
    const typeProblem = serviceTypeError(s.type);
    if (typeProblem) findings.push(error('notifications/service-type', at(s.key), typeProblem));
    const nameProblem = notificationNameError('service', name);
    if (nameProblem) findings.push(error('notifications/name', at(s.key), nameProblem));
    const required = SERVICE_REQUIRED_FIELDS[s.type] ?? [];
    const cfg = (s.config ?? {}) as Record<string, unknown>;
    for (const field of required) {
      if (typeof cfg !== 'object' || cfg === null || cfg[field] === undefined || cfg[field] === null || cfg[field] === '') {
        findings.push(error('notifications/service-field', at(s.key), `service ${JSON.stringify(name)} (${s.type}) has no ${JSON.stringify(field)}: every send would fail; set ${field}${field === 'token' || field === 'apiKey' || field === 'privateKey' ? ` to a secret reference such as $${name}-${field.toLowerCase()}` : ''}`));
      }
    }
    for (const str of stringsOf(s.config, [])) {
      const refProblem = secretReferenceError(str.value);
      if (refProblem) findings.push(error('notifications/secret-reference', at(s.key), `service ${JSON.stringify(name)}: ${refProblem}`));
      if (secretKeys) {
        for (const ref of secretReferencesIn(str.value)) {
          if (!secretKeys.has(ref)) {
            findings.push(error('notifications/secret-reference', at(s.key), `service ${JSON.stringify(name)} references $${ref}, but Secret ${NOTIFICATIONS_SECRET} has no key ${JSON.stringify(ref)}: notifications-engine would send the literal "$${ref}"; add the key to the Secret or fix the reference`));
          }
        }
      }
    }
  }

  for (const [name, t] of config.templates) {
    for (const block of Object.keys(t.template)) {
      const blockProblem = templateBlockError(block);
      if (blockProblem) findings.push(warning('notifications/template-field', at(t.key), `template ${JSON.stringify(name)}: ${blockProblem}`));
    }
    for (const e of templateParseErrors(name, t.template)) {
      findings.push(error('notifications/template-parse', at(t.key), `template ${JSON.stringify(name)} field ${e.path.join('.')} does not parse: ${e.message}`));
    }
    for (const f of templateFieldsOf(t.template)) {
      if (selfService && /\.secrets\b/.test(f.text)) {
        findings.push(error('notifications/self-service-secrets', at(t.key), `template ${JSON.stringify(name)} field ${f.path.join('.')} uses .secrets, which self-service notifications (a ConfigMap in the Application's namespace) never provide: it renders <no value>; move the secret into a service configuration as a $key reference`));
      }
      for (const fn of UNREGISTERED_FUNCTIONS) {
        if (f.text.includes(`.${fn}`)) {
          findings.push(error('notifications/unregistered-function', at(t.key), `template ${JSON.stringify(name)} field ${f.path.join('.')} calls ${fn}, which the Argo CD docs describe but v3.5.1 never registers: the template fails to render; read the info item with index, e.g. (index .app.spec.info 0).value`));
        }
      }
    }
  }

  const triggerNames = new Set(config.triggers.keys());
  for (const [name, t] of config.triggers) {
    const nameProblem = notificationNameError('trigger', name);
    if (nameProblem) findings.push(error('notifications/name', at(t.key), nameProblem));
    t.conditions.forEach((c, i) => {
      const where = `trigger ${JSON.stringify(name)} condition ${i}`;
      if (c.when === undefined || c.when === '') {
        findings.push(warning('notifications/condition', at(t.key), `${where} has no 'when': notifications-engine reads it as false, so it never fires; write a condition`));
      } else {
        try {
          compileExpr(c.when);
        } catch (e) {
          findings.push(error('notifications/condition', at(t.key), `${where} 'when' does not compile: ${(e as Error).message}`));
        }
        for (const fn of unregisteredCalls(c.when)) {
          findings.push(error('notifications/unregistered-function', at(t.key), `${where} calls ${fn}, which the Argo CD docs describe but v3.5.1 never registers: the condition fails at run time and the trigger never fires; read the info item with e.g. filter(app.spec.info ?? [], {.name == 'x'})`));
        }
      }
      if (c.oncePer !== undefined && c.oncePer !== '') {
        try {
          compileExpr(c.oncePer);
        } catch (e) {
          findings.push(error('notifications/condition', at(t.key), `${where} 'oncePer' does not compile: ${(e as Error).message}`));
        }
      }
      if (c.send === undefined || c.send.length === 0) {
        findings.push(error('notifications/send', at(t.key), `${where} sends no template: add the template names to 'send'`));
      }
      for (const tpl of c.send ?? []) {
        if (!config.templates.has(tpl)) {
          findings.push(error('notifications/send', at(t.key), `${where} sends template ${JSON.stringify(tpl)}, which ${NOTIFICATIONS_CONFIGMAP} does not define: add template.${tpl} or fix the name (templates: ${[...config.templates.keys()].sort().join(', ') || 'none'})`));
        }
      }
    });
  }

  const knownTrigger = (trigger: string, key: string, where = key) => {
    if (!triggerNames.has(trigger)) {
      findings.push(error('notifications/subscription', at(key), `${where} names trigger ${JSON.stringify(trigger)}, which ${NOTIFICATIONS_CONFIGMAP} does not define: add trigger.${trigger} or fix the name (triggers: ${[...triggerNames].sort().join(', ') || 'none'})`));
    }
  };
  config.defaultTriggers.forEach((trigger) => knownTrigger(trigger, 'defaultTriggers'));
  for (const [service, triggers] of config.serviceDefaultTriggers) {
    if (!config.services.has(service)) {
      findings.push(error('notifications/subscription', at(`defaultTriggers.${service}`), `defaultTriggers.${service} names service ${JSON.stringify(service)}, which ${NOTIFICATIONS_CONFIGMAP} does not define: add service.<type>.${service} or fix the name`));
    }
    triggers.forEach((trigger) => knownTrigger(trigger, `defaultTriggers.${service}`));
  }
  // Global subscriptions (Config.GetGlobalDestinations): no triggers means the defaultTriggers;
  // a recipient is "<service>[:<recipient>]", split on every ":" with only the first two parts kept.
  for (const s of config.subscriptions) {
    const where = `subscriptions[${s.index}]`;
    for (const trigger of s.triggers) knownTrigger(trigger, 'subscriptions', where);
    if (s.triggers.length === 0 && config.defaultTriggers.length === 0) {
      findings.push(warning('notifications/subscription', at('subscriptions'), `${where} names no triggers and ${NOTIFICATIONS_CONFIGMAP} sets no defaultTriggers: it never notifies; add triggers: [<trigger>] or set defaultTriggers`));
    }
    if (s.recipients.length === 0) {
      findings.push(warning('notifications/subscription', at('subscriptions'), `${where} has no recipients: it notifies nobody; add recipients: ["<service>:<recipient>"]`));
    }
    for (const r of s.recipients) {
      const parts = r.split(':');
      if (!config.services.has(parts[0])) {
        findings.push(error('notifications/subscription', at('subscriptions'), `${where} recipient ${JSON.stringify(r)} names service ${JSON.stringify(parts[0])}, which ${NOTIFICATIONS_CONFIGMAP} does not define: write recipients as "<service>:<recipient>" with a configured service (services: ${[...config.services.keys()].sort().join(', ') || 'none'})`));
      }
      if (parts.length > 2) {
        findings.push(warning('notifications/subscription', at('subscriptions'), `${where} recipient ${JSON.stringify(r)} has more than one ":": notifications-engine splits on every ":" and sends to ${JSON.stringify(parts[1])} only; use a subscription annotation for recipients containing ":"`));
      }
    }
  }
  return findings;
}

/**
 * `notifications/*`: argocd-notifications-cm as notifications-engine parses it (key forms, service
 * types and required fields, `$secret` references, triggers as lists of conditions that compile
 * and send existing templates, templates that parse, names subscriptions can address) and the
 * subscriptions of Applications and AppProjects against the ConfigMap in the input. A ConfigMap in
 * a namespace other than the one Argo CD runs in (`argocd`, or the namespace of an Application it
 * configures) is read as a self-service configuration.
 */
export const notificationsRule: CrossObjectRule = {
  id: 'notifications',
  check(context: RuleContext): IndexedFinding[] {
    const findings: IndexedFinding[] = [];
    const configs: Array<{ index: number; cm: Manifest; config: NotificationsConfigData }> = [];
    const appNamespaces = new Set<string>();
    context.objects.forEach((o) => {
      if (isArgo(o, 'Application') && typeof o.metadata?.namespace === 'string') appNamespaces.add(o.metadata.namespace);
    });
    context.objects.forEach((o, index) => {
      if (isNotificationsConfigMap(o)) configs.push({ index, cm: o, config: parseNotificationsConfig(o.data) });
    });
    const controlNamespace = configs.find((c) => !c.cm.metadata?.namespace || c.cm.metadata.namespace === 'argocd')?.cm.metadata?.namespace;
    for (const { index, cm, config } of configs) {
      const ns = cm.metadata?.namespace;
      const selfService = ns !== undefined && ns !== '' && ns !== 'argocd' && ns !== controlNamespace && appNamespaces.has(ns);
      const secret = context.objects.find((o) => isNotificationsSecret(o) && (o.metadata?.namespace ?? '') === (ns ?? ''));
      for (const finding of checkConfigMap(cm, config, selfService ? undefined : secret, selfService)) findings.push({ index, finding });
    }
    if (configs.length === 0) return findings;

    // Subscriptions on Applications and AppProjects: against the ConfigMap of their namespace
    // (self-service) or the controller's.
    context.objects.forEach((o, index) => {
      if (!isArgo(o, 'Application') && !isArgo(o, 'AppProject')) return;
      const { subscriptions, errors } = subscriptionsOf(o.metadata?.annotations);
      for (const e of errors) findings.push({ index, finding: error('notifications/subscription', pointer('metadata', 'annotations', e.key), e.message) });
      if (subscriptions.length === 0) return;
      const ns = o.metadata?.namespace;
      const matching = configs.filter((c) => (c.cm.metadata?.namespace ?? '') === (ns ?? '') || !c.cm.metadata?.namespace || c.cm.metadata.namespace === 'argocd');
      if (matching.length === 0) return;
      const triggers = new Set(matching.flatMap((c) => [...c.config.triggers.keys()]));
      const services = new Set(matching.flatMap((c) => [...c.config.services.keys()]));
      const defaults = matching.some((c) => c.config.defaultTriggers.length > 0 || c.config.serviceDefaultTriggers.size > 0);
      for (const s of subscriptions) {
        const where = pointer('metadata', 'annotations', s.key);
        if (s.trigger === '' && !defaults) {
          findings.push({ index, finding: error('notifications/subscription', where, `${s.key} names no trigger and ${NOTIFICATIONS_CONFIGMAP} sets no defaultTriggers: it never notifies; name a trigger (subscribe.<trigger>.<service>) or set defaultTriggers`) });
        } else if (s.trigger !== '' && !triggers.has(s.trigger)) {
          findings.push({ index, finding: error('notifications/subscription', where, `${s.key} names trigger ${JSON.stringify(s.trigger)}, which ${NOTIFICATIONS_CONFIGMAP} does not define: fix the name or add trigger.${s.trigger} (triggers: ${[...triggers].sort().join(', ') || 'none'})`) });
        }
        if (!services.has(s.service)) {
          findings.push({ index, finding: error('notifications/subscription', where, `${s.key} names service ${JSON.stringify(s.service)}, which ${NOTIFICATIONS_CONFIGMAP} does not define: fix the name or add service.<type>.${s.service} (services: ${[...services].sort().join(', ') || 'none'})`) });
        }
      }
    });
    return findings;
  },
};
