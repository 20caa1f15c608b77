import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';

/** An app to synthesize: a name (its folder under the output) and its entry file. */
export interface AppEntry {
  readonly name: string;
  readonly entry: string;
}

/** What `synth` renders when no `--app` is given. */
export interface ProjectConfig {
  readonly apps: AppEntry[];
  readonly output: string;
  /** Whether each app gets its own folder under `output` (several apps) or writes into it directly. */
  readonly folderPerApp: boolean;
}

/** The YAML parser, loaded only when a file needs it (generate should not pay for it on every render). */
export function parseYaml(text: string): any {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('yaml') as typeof import('yaml')).parse(text);
}

/**
 * A cdk8s.yaml: the usual plain `app:`, `language:` and `output:` lines are read directly (loading
 * the YAML parser costs more than a small render), anything else with the YAML parser.
 */
export function readCdk8sYaml(text: string): any {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const simple: { [key: string]: string } = {};
  for (const line of lines) {
    const m = /^(app|language|output):[ \t]*(["']?)([^"'#\n]+)\2[ \t]*$/.exec(line);
    if (!m) return parseYaml(text);
    simple[m[1]] = m[3].trim();
  }
  return simple;
}

/**
 * The entry file in a cdk8s `app` command: `npx ts-node main.ts` → `main.ts`,
 * `node lib/main.js` → `lib/main.js`.
 */
export function entryFromAppCommand(command: string): string | undefined {
  return command.split(/\s+/).reverse().find((t) => /\.(c|m)?(t|j)sx?$/.test(t));
}

/**
 * Reads `cdk8s.yaml` in `dir`: the standard `app` (one app, written into `output`), or an `apps`
 * map of name → entry file (each app written into `output/<name>/`).
 */
export function readProjectConfig(dir: string): ProjectConfig {
  const file = path.join(dir, 'cdk8s.yaml');
  if (!fs.existsSync(file)) {
    throw new InputError(`no cdk8s.yaml in ${dir}: pass --app FILE, or add a cdk8s.yaml with 'app: <entry file>' or an 'apps' map`);
  }
  let config: any;
  try {
    config = readCdk8sYaml(fs.readFileSync(file, 'utf-8')) ?? {};
  } catch (e) {
    throw new InputError(`cannot parse ${file}: ${(e as Error).message}`);
  }
  const output = typeof config.output === 'string' ? config.output : 'dist';
  if (config.apps !== undefined) {
    if (config.apps === null || typeof config.apps !== 'object' || Array.isArray(config.apps)) {
      throw new InputError(`'apps' in ${file} must be a map of app name to entry file, got ${JSON.stringify(config.apps)}`);
    }
    const apps = Object.entries(config.apps).map(([name, entry]) => {
      if (typeof entry !== 'string' || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
        throw new InputError(`'apps.${name}' in ${file} must map a lower-case name to an entry file, got ${JSON.stringify(entry)}`);
      }
      return { name, entry: path.join(dir, entry) };
    });
    return { apps, output: path.join(dir, output), folderPerApp: true };
  }
  if (typeof config.app !== 'string') {
    throw new InputError(`${file} has neither 'app' nor 'apps': add 'app: main.ts'`);
  }
  const entry = entryFromAppCommand(config.app);
  if (!entry) {
    throw new InputError(`cannot find an entry file in 'app: ${config.app}' of ${file}: name the .ts or .js file, e.g. 'app: npx ts-node main.ts'`);
  }
  return { apps: [{ name: 'app', entry: path.join(dir, entry) }], output: path.join(dir, output), folderPerApp: false };
}
