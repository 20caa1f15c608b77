import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import type { Command } from 'commander';
import { BuildEnvironment, BuildEnvironmentError } from '../../cmp/build-environment';
import { Manifest } from '../../engine/validation/problem';
import { redirectStdoutToStderr } from '../runtime/app-runner';
import { InputError, UsageError } from '../runtime/errors';
import { PluginContext, readPluginContext, SIDECAR_PLUGIN_CONFIG } from '../runtime/plugin-config';
import { readProjectConfig } from '../runtime/project-config';
import { renderAndValidate } from '../runtime/render';
import { serialize } from '../runtime/yaml-stream';

export interface GenerateOptions {
  readonly app?: string;
  readonly env?: string[];
  readonly parameter?: string[];
  readonly parameters?: string;
  readonly pluginConfig?: string;
  readonly format?: string;
  readonly allowEmpty?: boolean;
  readonly strict?: boolean;
}

/**
 * The entry file: `--app`, else `ARGOCD_ENV_CDK8S_ARGOCD_ENTRY`, else the `app` of cdk8s.yaml (or
 * its only `apps` entry), else `main.ts`. Entries from the environment must stay inside `dir`.
 */
export function findEntry(dir: string, flag: string | undefined, env: NodeJS.ProcessEnv): { entry: string; from: string } {
  if (flag) return { entry: path.resolve(dir, flag), from: '--app' };
  const fromEnv = env.ARGOCD_ENV_CDK8S_ARGOCD_ENTRY;
  if (fromEnv) {
    const entry = path.resolve(dir, fromEnv);
    if (path.relative(dir, entry).startsWith('..') || path.isAbsolute(fromEnv)) {
      throw new InputError(`ARGOCD_ENV_CDK8S_ARGOCD_ENTRY=${fromEnv} points outside the application directory: give a path relative to source.path`);
    }
    return { entry, from: 'ARGOCD_ENV_CDK8S_ARGOCD_ENTRY' };
  }
  if (fs.existsSync(path.join(dir, 'cdk8s.yaml'))) {
    // The same cdk8s.yaml reader as `synth`, so both commands render the same entry.
    const config = readProjectConfig(dir);
    if (config.apps.length === 1) {
      return { entry: config.apps[0].entry, from: config.folderPerApp ? `cdk8s.yaml apps.${config.apps[0].name}` : 'cdk8s.yaml app' };
    }
    throw new InputError(`cdk8s.yaml has ${config.apps.length} apps (${config.apps.map((a) => a.name).join(', ')}): choose one with the plugin env CDK8S_ARGOCD_ENTRY (ARGOCD_ENV_CDK8S_ARGOCD_ENTRY)`);
  }
  return { entry: path.join(dir, 'main.ts'), from: 'default' };
}

/** Applies `--env NAME=VALUE`, `--parameter name=value` and `--parameters JSON` to the environment (for runs outside Argo CD). */
function applyFlags(options: GenerateOptions): void {
  for (const pair of options.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env ${pair}: use --env NAME=VALUE (sets ARGOCD_ENV_NAME)`);
    process.env[`ARGOCD_ENV_${pair.slice(0, eq)}`] = pair.slice(eq + 1);
  }
  if (options.parameters !== undefined && options.parameter?.length) throw new UsageError('--parameters and --parameter cannot be combined: put every parameter in the --parameters JSON');
  if (options.parameters !== undefined) process.env.ARGOCD_APP_PARAMETERS = options.parameters;
  if (options.parameter?.length) {
    const params = options.parameter.map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--parameter ${pair}: use --parameter name=value (a string parameter; use --parameters JSON for arrays and maps)`);
      return { name: pair.slice(0, eq), string: pair.slice(eq + 1) };
    });
    process.env.ARGOCD_APP_PARAMETERS = JSON.stringify(params);
  }
}

/**
 * The objects the app renders, validated (problems reported on stderr), or throws. Only the plain
 * manifests leave this function: the app's construct tree can be collected before the output is
 * written (a third of the heap of a 10,000-object render).
 */
function validManifests(entry: string, plugin: PluginContext, strict: boolean | undefined): Manifest[] {
  const result = renderAndValidate(entry, plugin, strict);
  for (const line of result.lines) process.stderr.write(`${line}\n`);
  process.stderr.write(result.summary);
  if (result.failed) {
    throw new InputError(result.problems.length === 0
      ? 'the app did not render (see above): nothing was output'
      : `validation failed (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}): nothing was output`);
  }
  return result.objects.map((o) => o.manifest);
}

/**
 * Renders the app and returns the whole output, or throws. Nothing is written to stdout here.
 */
export function render(options: GenerateOptions): { output: string; count: number } {
  const format = options.format ?? 'yaml';
  if (!['yaml', 'json'].includes(format)) throw new UsageError(`--format ${format}: use yaml or json`);
  applyFlags(options);
  const { entry, from } = findEntry(process.cwd(), options.app, process.env);
  process.stderr.write(`generate: entry ${path.relative(process.cwd(), entry) || entry} (from ${from})\n`);
  if (!fs.existsSync(entry)) {
    throw new InputError(`the app entry ${path.relative(process.cwd(), entry)} does not exist: add it, set 'app' in cdk8s.yaml, or set the plugin env CDK8S_ARGOCD_ENTRY`);
  }
  const plugin = readPluginContext(options.pluginConfig);
  try {
    BuildEnvironment.setParameterDefaults(plugin.defaults);
    // Malformed parameters fail before the app runs, whether or not it reads them.
    BuildEnvironment.parseParameters(process.env.ARGOCD_APP_PARAMETERS ?? '');
  } catch (e) {
    if (e instanceof BuildEnvironmentError) throw new InputError(e.message);
    throw e;
  }

  const manifests = validManifests(entry, plugin, options.strict);
  const allowEmpty = options.allowEmpty || /^true$/i.test(process.env.ARGOCD_ENV_ALLOW_EMPTY ?? '');
  if (manifests.length === 0 && !allowEmpty) {
    throw new InputError('the app rendered zero objects, which Argo CD would treat as "delete everything": add charts, or set the plugin env ALLOW_EMPTY=true (ARGOCD_ENV_ALLOW_EMPTY) if empty is intended');
  }
  return { output: serialize(manifests, format), count: manifests.length };
}

/**
 * The CMP entry point. Fails closed: the whole stream is rendered and validated before one write
 * to stdout; any error leaves stdout empty and exits non-zero. The app's own output goes to stderr.
 */
export function generate(options: GenerateOptions): void {
  const restore = redirectStdoutToStderr();
  let result: { output: string; count: number };
  try {
    result = render(options);
  } finally {
    restore();
  }
  process.stderr.write(`generate: ${result.count} object${result.count === 1 ? '' : 's'}\n`);
  process.stdout.write(result.output);
}

/**
 * generate's options, once: commander builds the command (help, errors) from this table, and
 * {@link parseGenerateArgs} reads the same options without loading commander.
 */
const GENERATE_OPTIONS: ReadonlyArray<{
  readonly name: keyof GenerateOptions;
  readonly flag: string;
  readonly value?: string;
  readonly multiple?: boolean;
  readonly choices?: string[];
  readonly default?: string | boolean;
  readonly description: string;
}> = [
  { name: 'app', flag: 'app', value: 'file', description: 'the app entry file (default: ARGOCD_ENV_CDK8S_ARGOCD_ENTRY, else app of cdk8s.yaml, else main.ts)' },
  { name: 'env', flag: 'env', value: 'NAME=VALUE', multiple: true, description: 'set ARGOCD_ENV_NAME, as source.plugin.env would (repeatable)' },
  { name: 'parameter', flag: 'parameter', value: 'name=value', multiple: true, description: 'a string plugin parameter, as source.plugin.parameters would (repeatable)' },
  { name: 'parameters', flag: 'parameters', value: 'json', description: 'ARGOCD_APP_PARAMETERS as Argo CD sends it, e.g. \'[{"name":"values","array":["a"]}]\'' },
  { name: 'pluginConfig', flag: 'plugin-config', value: 'file', description: `the plugin.yaml whose announced parameter defaults apply (default: CDK8S_ARGOCD_PLUGIN_CONFIG, else ${SIDECAR_PLUGIN_CONFIG} if present)` },
  { name: 'format', flag: 'format', value: 'format', choices: ['yaml', 'json'], default: 'yaml', description: 'output: YAML documents, or one JSON document per object (faster; same YAML stream for Argo CD)' },
  { name: 'allowEmpty', flag: 'allow-empty', default: false, description: 'allow zero objects (also ARGOCD_ENV_ALLOW_EMPTY=true)' },
  { name: 'strict', flag: 'strict', default: false, description: 'fail on warnings too' },
];

/**
 * generate's options read without commander, which is a tenth of a small render to load: Argo CD
 * runs `generate` with few or no flags on every render. Undefined for anything but plain, valid
 * options (`--help`, an unknown flag, a missing value, a value outside the choices …): commander
 * then parses and reports it as for every other command.
 */
export function parseGenerateArgs(args: readonly string[]): GenerateOptions | undefined {
  if (args.some((a) => a === '-h' || a === '--help' || a === '--' || a.startsWith('--no-'))) return undefined;
  const options: { [name: string]: { type: 'string' | 'boolean'; multiple?: boolean } } = {};
  for (const o of GENERATE_OPTIONS) options[o.flag] = { type: o.value ? 'string' : 'boolean', ...(o.multiple ? { multiple: true } : {}) };
  let parsed: { values: { [flag: string]: string | boolean | Array<string | boolean> | undefined }; positionals: string[] };
  try {
    parsed = util.parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  } catch {
    return undefined;
  }
  const result: { [name: string]: unknown } = {};
  for (const o of GENERATE_OPTIONS) {
    const value = parsed.values[o.flag];
    // A value that looks like a flag (`--app --strict`) is read differently by commander: let it decide.
    if (typeof value === 'string' && value.startsWith('-')) return undefined;
    if (Array.isArray(value) && value.some((v) => typeof v === 'string' && v.startsWith('-'))) return undefined;
    if (typeof value === 'string' && o.choices && !o.choices.includes(value)) return undefined;
    if (value !== undefined) result[o.name] = value;
    else if (o.default !== undefined) result[o.name] = o.default;
  }
  return result as GenerateOptions;
}

export function generateCommand(): Command {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Command: CommandClass, Option } = require('commander') as typeof import('commander');
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const command = new CommandClass('generate')
    .description('the Config Management Plugin entry point: run the app in the current directory, validate, print one YAML stream (nothing on any error)');
  for (const o of GENERATE_OPTIONS) {
    const option = new Option(`--${o.flag}${o.value ? ` <${o.value}>` : ''}`, o.description);
    if (o.multiple) option.argParser(collect);
    if (o.choices) option.choices(o.choices);
    if (o.default !== undefined) option.default(o.default);
    command.addOption(option);
  }
  return command.action((options: GenerateOptions) => generate(options));
}
