import * as fs from 'fs';
import * as path from 'path';
import { Command, Option } from 'commander';
import { ConstructValidationError, RenderedObject, redirectStdoutToStderr, runApp } from '../runtime/app-runner';
import { InputError, UsageError } from '../runtime/errors';
import { formatConstructProblem } from '../runtime/format';
import { entryFromAppCommand, parseYaml, readCdk8sYaml } from '../runtime/project-config';
import { serialize } from '../runtime/yaml-stream';
import { BuildEnvironment, BuildEnvironmentError, PluginParameterValue } from '../../cmp/build-environment';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Manifest } from '../../engine/validation/problem';

/** Where argocd-cmp-server reads plugin.yaml (`--config-dir-path` default). */
export const SIDECAR_PLUGIN_CONFIG = '/home/argocd/cmp-server/config/plugin.yaml';

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
  const config = path.join(dir, 'cdk8s.yaml');
  if (fs.existsSync(config)) {
    let parsed: any;
    try {
      parsed = readCdk8sYaml(fs.readFileSync(config, 'utf-8')) ?? {};
    } catch (e) {
      throw new InputError(`cannot parse cdk8s.yaml: ${(e as Error).message}`);
    }
    if (typeof parsed.app === 'string') {
      const entry = entryFromAppCommand(parsed.app);
      if (!entry) throw new InputError(`cannot find an entry file in 'app: ${parsed.app}' of cdk8s.yaml: name the .ts or .js file, e.g. 'app: npx ts-node main.ts'`);
      return { entry: path.resolve(dir, entry), from: 'cdk8s.yaml app' };
    }
    if (parsed.apps && typeof parsed.apps === 'object') {
      const entries = Object.entries(parsed.apps);
      if (entries.length === 1 && typeof entries[0][1] === 'string') return { entry: path.resolve(dir, entries[0][1] as string), from: `cdk8s.yaml apps.${entries[0][0]}` };
      throw new InputError(`cdk8s.yaml has ${entries.length} apps (${entries.map(([n]) => n).join(', ')}): choose one with the plugin env CDK8S_ARGOCD_ENTRY (ARGOCD_ENV_CDK8S_ARGOCD_ENTRY)`);
    }
  }
  return { entry: path.join(dir, 'main.ts'), from: 'default' };
}

/** Reads the plugin's static parameter announcements (their defaults are applied to the app's parameters). */
function pluginConfig(options: GenerateOptions): { config?: Manifest; defaults: PluginParameterValue[] } {
  const explicit = options.pluginConfig ?? process.env.CDK8S_ARGOCD_PLUGIN_CONFIG;
  const file = explicit ?? (fs.existsSync(SIDECAR_PLUGIN_CONFIG) ? SIDECAR_PLUGIN_CONFIG : undefined);
  if (!file) return { defaults: [] };
  let config: Manifest;
  try {
    config = parseYaml(fs.readFileSync(file, 'utf-8'));
  } catch (e) {
    throw new InputError(`cannot read the plugin config ${file}: ${(e as Error).message}`);
  }
  const announcements = config?.spec?.parameters?.static;
  const defaults: PluginParameterValue[] = [];
  for (const a of Array.isArray(announcements) ? announcements : []) {
    if (!a || typeof a.name !== 'string') continue;
    const type = a.collectionType || 'string';
    if (type === 'array' && Array.isArray(a.array)) defaults.push({ name: a.name, array: a.array });
    else if (type === 'map' && a.map && typeof a.map === 'object') defaults.push({ name: a.name, map: a.map });
    else if (type === 'string' && typeof a.string === 'string') defaults.push({ name: a.name, string: a.string });
  }
  return { config, defaults };
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
  const plugin = pluginConfig(options);
  try {
    BuildEnvironment.setParameterDefaults(plugin.defaults);
    // Malformed parameters fail before the app runs, whether or not it reads them.
    BuildEnvironment.parseParameters(process.env.ARGOCD_APP_PARAMETERS ?? '');
  } catch (e) {
    if (e instanceof BuildEnvironmentError) throw new InputError(e.message);
    throw e;
  }

  let objects: RenderedObject[];
  try {
    objects = runApp(entry).flatMap((app) => app.charts.flatMap((c) => c.objects));
  } catch (e) {
    if (e instanceof ConstructValidationError) throw new InputError(`the app failed validation:\n${e.lines.join('\n')}`);
    throw e;
  }
  const manifests = objects.map((o) => o.manifest);
  const problems = validateManifests(manifests, { plugins: plugin.config ? [plugin.config] : undefined });
  for (const p of problems) process.stderr.write(`${formatConstructProblem(objects[p.index!].constructPath, p)}\n`);
  if (hasErrors(problems, options.strict)) {
    throw new InputError(`validation failed (${problems.length} problem${problems.length === 1 ? '' : 's'}): nothing was output`);
  }
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

export function generateCommand(): Command {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  return new Command('generate')
    .description('the Config Management Plugin entry point: run the app in the current directory, validate, print one YAML stream (nothing on any error)')
    .option('--app <file>', 'the app entry file (default: ARGOCD_ENV_CDK8S_ARGOCD_ENTRY, else app of cdk8s.yaml, else main.ts)')
    .option('--env <NAME=VALUE>', 'set ARGOCD_ENV_NAME, as source.plugin.env would (repeatable)', collect)
    .option('--parameter <name=value>', 'a string plugin parameter, as source.plugin.parameters would (repeatable)', collect)
    .option('--parameters <json>', 'ARGOCD_APP_PARAMETERS as Argo CD sends it, e.g. \'[{"name":"values","array":["a"]}]\'')
    .option('--plugin-config <file>', `the plugin.yaml whose announced parameter defaults apply (default: CDK8S_ARGOCD_PLUGIN_CONFIG, else ${SIDECAR_PLUGIN_CONFIG} if present)`)
    .addOption(new Option('--format <format>', 'output: YAML documents, or one JSON document per object (faster; same YAML stream for Argo CD)').choices(['yaml', 'json']).default('yaml'))
    .option('--allow-empty', 'allow zero objects (also ARGOCD_ENV_ALLOW_EMPTY=true)', false)
    .option('--strict', 'fail on warnings too', false)
    .action((options: GenerateOptions) => generate(options));
}
