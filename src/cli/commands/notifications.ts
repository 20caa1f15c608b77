import * as fs from 'fs';
import { Command, Option } from 'commander';
import * as YAML from 'yaml';
import { NOTIFICATIONS_CONFIGMAP, NOTIFICATIONS_SECRET, parseNotificationsConfig, NotificationsConfigData } from '../../engine/argo/notifications';
import { formatValue } from '../../engine/expr';
import { evaluateTrigger } from '../../engine/notifications/evaluate-trigger';
import { renderNotificationTemplate } from '../../engine/notifications/render-template';
import { triggerEnvironment } from '../../engine/notifications/trigger-environment';
import { Manifest } from '../../engine/validation/problem';
import { EXIT_INVALID, EXIT_OK, InputError, UsageError } from '../runtime/errors';
import { parseManifestFile } from '../runtime/manifest-files';

interface CommonOptions {
  readonly config: string;
  readonly app: string;
  readonly project?: string;
  readonly secret?: string;
}

function objectsIn(file: string, flag: string): Manifest[] {
  if (!fs.existsSync(file)) throw new InputError(`${flag}: no such file: ${file}`);
  const { documents, failures } = parseManifestFile(file, fs.readFileSync(file, 'utf-8'));
  if (failures.length > 0) {
    const f = failures[0];
    throw new InputError(`${flag}: cannot parse YAML in ${f.file}:${f.line}:${f.column}: ${f.message}`);
  }
  return documents.map((d) => d.object);
}

function one(file: string, flag: string, kind: string, name?: string): Manifest {
  const objects = objectsIn(file, flag).filter((o) => o?.kind === kind);
  const named = name === undefined ? objects : objects.filter((o) => o.metadata?.name === name);
  const found = named.length > 0 ? named : objects;
  if (found.length === 0) throw new InputError(`${flag}: ${file} holds no ${kind}${name ? ` (looked for ${name})` : ''}: give a file with the ${kind}`);
  return found[0];
}

interface Inputs {
  readonly config: NotificationsConfigData;
  readonly selfService: boolean;
  readonly app: Manifest;
  readonly project?: Manifest;
  readonly secrets?: Record<string, string>;
}

function readInputs(options: CommonOptions): Inputs {
  const cm = one(options.config, '--config', 'ConfigMap', NOTIFICATIONS_CONFIGMAP);
  const config = parseNotificationsConfig(cm.data);
  if (config.errors.length > 0) {
    throw new InputError(`--config: ${config.errors.map((e) => e.message).join('; ')}`);
  }
  const app = one(options.app, '--app', 'Application');
  const project = options.project ? one(options.project, '--project', 'AppProject') : undefined;
  let secrets: Record<string, string> | undefined;
  if (options.secret) {
    const secret = one(options.secret, '--secret', 'Secret', NOTIFICATIONS_SECRET);
    secrets = {};
    for (const [k, v] of Object.entries(secret.data ?? {})) secrets[k] = Buffer.from(String(v), 'base64').toString('utf8');
    for (const [k, v] of Object.entries(secret.stringData ?? {})) secrets[k] = String(v);
  }
  const ns = cm.metadata?.namespace;
  const selfService = ns !== undefined && ns !== '' && ns !== 'argocd' && ns === app.metadata?.namespace;
  return { config, selfService, app, project, secrets };
}

/** The `trigger run --format json` document. */
export interface TriggerRunJson {
  readonly trigger: string;
  readonly conditions: Array<{ when: string; result: boolean; error?: string; oncePer?: string; send: string[] }>;
}

/** Runs a trigger of the ConfigMap against an Application; InputError when the trigger does not exist. */
export function runTrigger(name: string, options: CommonOptions & { now?: string }): TriggerRunJson {
  const inputs = readInputs(options);
  const trigger = inputs.config.triggers.get(name);
  if (!trigger) {
    throw new InputError(`trigger ${JSON.stringify(name)} does not exist in ${options.config} (found ${[...inputs.config.triggers.keys()].sort().join(', ') || 'none'}): give one of those names`);
  }
  const vars = triggerEnvironment({
    app: inputs.app, appProject: inputs.project, context: inputs.config.context, secrets: inputs.secrets, now: options.now,
  });
  if (inputs.selfService) vars.delete('secrets');
  const conditions = trigger.conditions.map((c) => ({ when: c.when, oncePer: c.oncePer, send: c.send ?? [] }));
  const results = evaluateTrigger(conditions, vars, { now: options.now });
  return {
    trigger: name,
    conditions: results.map((r) => {
      const error = r.error ?? (r.oncePerError ? `oncePer: ${r.oncePerError}` : undefined);
      return {
        when: r.when,
        result: r.result,
        ...(error !== undefined ? { error } : {}),
        // Go's %v, as notifications-engine prints the oncePer value into the state key (expr's formatValue).
        ...('oncePer' in r ? { oncePer: formatValue(r.oncePer) } : {}),
        send: [...r.send],
      };
    }),
  };
}

/** `argocd admin notifications trigger run`'s table (tabwriter minwidth 5, padding 2), then why a condition failed. */
export function triggerRunText(run: TriggerRunJson): string {
  const rows = [['CONDITION', 'RESULT'], ...run.conditions.map((c) => [c.when, String(c.result)])];
  const width = Math.max(5, ...rows.map((r) => r[0].length)) + 2;
  const lines = rows.map((r) => `${r[0].padEnd(width)}${r[1]}`);
  run.conditions.forEach((c, i) => {
    if (c.error) lines.push(`condition ${i}: not triggered: ${c.error}`);
    if (c.oncePer !== undefined) lines.push(`condition ${i}: oncePer ${c.oncePer}`);
  });
  return lines.join('\n') + '\n';
}

/** Renders a template of the ConfigMap for an Application; InputError when it does not exist. */
export function notifyTemplate(
  name: string,
  options: CommonOptions & { service?: string; recipient?: string },
): { rendered: Record<string, unknown>; errors: Array<{ path: readonly string[]; error?: string }> } {
  const inputs = readInputs(options);
  const template = inputs.config.templates.get(name);
  if (!template) {
    throw new InputError(`template ${JSON.stringify(name)} does not exist in ${options.config} (found ${[...inputs.config.templates.keys()].sort().join(', ') || 'none'}): give one of those names`);
  }
  if (options.service !== undefined && !inputs.config.services.has(options.service)) {
    process.stderr.write(`warning: --service: service ${JSON.stringify(options.service)} is not configured in ${options.config} (found ${[...inputs.config.services.keys()].sort().join(', ') || 'none'}); rendering with serviceType ${JSON.stringify(options.service)} anyway\n`);
  }
  return renderNotificationTemplate(name, template.template, {
    app: inputs.app,
    appProject: inputs.project,
    context: inputs.config.context,
    secrets: inputs.secrets,
    selfService: inputs.selfService,
    service: options.service ?? 'console',
    recipient: options.recipient,
  });
}

export function notificationsCommand(): Command {
  const command = new Command('notifications').description('evaluate notification triggers and render notification templates offline, as Argo CD v3.5.1 does');
  const common = (c: Command) => c
    .requiredOption('--config <file>', `file with the ${NOTIFICATIONS_CONFIGMAP} ConfigMap (YAML or JSON, may hold several documents)`)
    .requiredOption('--app <file>', 'file with the Application, with its status')
    .option('--project <file>', 'file with the AppProject (default: an empty map, as when Argo CD cannot read it)')
    .option('--secret <file>', `file with the ${NOTIFICATIONS_SECRET} Secret (.secrets in templates and triggers)`);

  const trigger = new Command('trigger').description('notification triggers');
  trigger.addCommand(common(new Command('run'))
    .description('evaluate a trigger against an Application: the offline twin of `argocd admin notifications trigger run`')
    .argument('<trigger>', 'trigger name (trigger.<name> in the ConfigMap)')
    .option('--now <rfc3339>', 'the clock of time.Now(), e.g. 2026-01-01T12:00:00Z (default: now)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Exit codes: 0 evaluated (fired or not), 1 invalid input, or a condition that fails to compile or run.
Examples:
  $ cdk8s-argocd notifications trigger run on-sync-succeeded --config argocd-notifications-cm.yaml --app guestbook.yaml
  $ cdk8s-argocd notifications trigger run on-deployed --config cm.yaml --app app.yaml --now 2026-01-01T12:00:00Z --format json`)
    .action((name: string, options: CommonOptions & { now?: string; format: string }) => {
      if (options.now !== undefined && Number.isNaN(Date.parse(options.now))) {
        throw new UsageError(`option '--now' must be an RFC 3339 time, got ${JSON.stringify(options.now)}: use e.g. --now 2026-01-01T12:00:00Z`);
      }
      const run = runTrigger(name, options);
      process.stdout.write(options.format === 'json' ? JSON.stringify(run, null, 2) + '\n' : triggerRunText(run));
      process.exitCode = run.conditions.some((c) => c.error !== undefined) ? EXIT_INVALID : EXIT_OK;
    }));

  const template = new Command('template').description('notification templates');
  template.addCommand(common(new Command('notify'))
    .description('render a template for an Application and print the message and service blocks: the twin of `argocd admin notifications template notify`')
    .argument('<template>', 'template name (template.<name> in the ConfigMap)')
    .option('--service <name>', 'the destination service: .serviceType and .context.notificationType (default: console, as upstream\'s console recipient)')
    .option('--recipient <recipient>', 'the .recipient variable', '')
    .addHelpText('after', `
Exit codes: 0 rendered, 1 invalid input or a field that fails to render (its error on stderr).
Examples:
  $ cdk8s-argocd notifications template notify app-sync-succeeded --config argocd-notifications-cm.yaml --app guestbook.yaml --service slack`)
    .action((name: string, options: CommonOptions & { service?: string; recipient?: string }) => {
      const { rendered, errors } = notifyTemplate(name, options);
      process.stdout.write(YAML.stringify(rendered, { lineWidth: 0 }));
      for (const e of errors) process.stderr.write(`error: ${e.path.join('.')}: ${e.error}\n`);
      process.exitCode = errors.length > 0 ? EXIT_INVALID : EXIT_OK;
    }));

  command.addCommand(trigger);
  command.addCommand(template);
  // main.ts overrides exits of the top-level commands only: the nested ones need it too.
  for (const c of [trigger, template, ...trigger.commands, ...template.commands]) c.exitOverride().showHelpAfterError('(run with --help for usage)');
  return command;
}
