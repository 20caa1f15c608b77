import * as fs from 'fs';
import * as path from 'path';
import { Command, Option } from 'commander';
import * as YAML from 'yaml';
import { ConfigManagementPlugin, ParameterCollectionType, ParameterAnnouncement } from '../../cmp/config-management-plugin';
import { RepoServerSidecar } from '../../cmp/repo-server-sidecar';
import { UsageError } from '../runtime/errors';

export interface PluginCommandOptions {
  readonly print: string;
  readonly output?: string;
  readonly name: string;
  readonly version: string;
  readonly image: string;
  readonly namespace: string;
  readonly base: string;
  readonly timeout?: string;
  readonly marker?: string;
  readonly discovery: boolean;
  readonly parameter?: string[];
}

/** The Argo CD install the overlay patches by default: the pinned release's install.yaml. */
export const DEFAULT_BASE = 'https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/install.yaml';

function yaml(o: any): string {
  return YAML.stringify(o, { lineWidth: 0 });
}

/** `name[:string|array|map][=default]` → an announcement; array defaults are comma-separated, map defaults `k=v,k=v`. */
function parseParameter(spec: string): ParameterAnnouncement {
  const m = /^([^:=]+)(?::(string|array|map))?(?:=(.*))?$/.exec(spec);
  if (!m) throw new UsageError(`--parameter ${spec}: use name[:string|array|map][=default]`);
  const [, name, type = 'string', def] = m;
  const base = { name, collectionType: type as ParameterCollectionType };
  if (def === undefined) return base;
  if (type === 'array') return { ...base, array: def === '' ? [] : def.split(',') };
  if (type === 'map') {
    const map: { [k: string]: string } = {};
    for (const pair of def === '' ? [] : def.split(',')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--parameter ${spec}: a map default is k=v,k=v`);
      map[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return { ...base, map };
  }
  return { ...base, string: def };
}

export function buildSidecar(options: PluginCommandOptions): RepoServerSidecar {
  let timeoutSeconds: number | undefined;
  if (options.timeout !== undefined) {
    timeoutSeconds = Number(options.timeout);
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout ${options.timeout}: give whole seconds, e.g. --timeout 180`);
  }
  let plugin: ConfigManagementPlugin;
  try {
    plugin = new ConfigManagementPlugin({
      name: options.name,
      version: options.version,
      discover: options.discovery ? { fileName: `./${options.marker ?? '.cdk8s-argocd'}` } : {},
      parameters: (options.parameter ?? []).map(parseParameter),
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return new RepoServerSidecar({ plugin, image: options.image, namespace: options.namespace, timeoutSeconds, tarExclusions: ['.git/*', 'node_modules/*'] });
}

/** Prints plugin.yaml, or writes the kustomize overlay / the whole bundle into a directory. */
export function pluginRun(options: PluginCommandOptions): void {
  const sidecar = buildSidecar(options);
  if (options.print === 'plugin-yaml') {
    process.stdout.write(sidecar.plugin.toYaml());
    return;
  }
  const files: { [name: string]: string } = {};
  for (const [name, content] of Object.entries(sidecar.kustomizeOverlay(options.base))) files[name] = yaml(content);
  if (options.print === 'bundle') {
    files['plugin.yaml'] = sidecar.plugin.toYaml();
    const dockerfile = path.join(__dirname, '..', '..', '..', '..', 'Dockerfile');
    if (fs.existsSync(dockerfile)) files.Dockerfile = fs.readFileSync(dockerfile, 'utf-8');
    files['marker-example'] = `# put an empty file named ${options.marker ?? '.cdk8s-argocd'} next to cdk8s.yaml in each app directory the plugin should claim\n`;
  }
  if (!options.output) {
    // One stream on stdout: each file as a document, its name in a comment.
    process.stdout.write(Object.entries(files).filter(([n]) => n.endsWith('.yaml')).map(([n, text]) => `---\n# ${n}\n${text}`).join(''));
    return;
  }
  fs.mkdirSync(options.output, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(options.output, name), text);
    process.stderr.write(`  wrote ${path.join(options.output, name)}\n`);
  }
}

export function pluginCommand(): Command {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  return new Command('plugin')
    .description('print the Config Management Plugin plugin.yaml, or write the repo-server sidecar kustomize overlay or the whole install bundle')
    .addOption(new Option('--print <what>', 'plugin-yaml, overlay (kustomization + ConfigMap + patches) or bundle (overlay, plugin.yaml, Dockerfile)').choices(['plugin-yaml', 'overlay', 'bundle']).default('plugin-yaml'))
    .option('--output <dir>', 'write the overlay or bundle files into this directory (default: print them as one stream)')
    .option('--name <name>', 'plugin metadata.name', 'cdk8s-argocd')
    .option('--version <version>', 'plugin spec.version (Applications select <name>-<version>)', 'v1')
    .option('--image <image>', 'the sidecar image (build it from the Dockerfile)', 'ghcr.io/cdk8s-argocd/cmp:latest')
    .option('--namespace <ns>', 'the Argo CD namespace', 'argocd')
    .option('--base <path>', 'the Argo CD install the overlay patches (path or URL)', DEFAULT_BASE)
    .option('--timeout <seconds>', 'raise controller/server repo.server.timeout.seconds (and the sidecar ARGOCD_EXEC_TIMEOUT) to this')
    .option('--marker <file>', 'the marker file discovery looks for', '.cdk8s-argocd')
    .option('--no-discovery', 'no discovery: only Applications naming the plugin use it')
    .option('--parameter <name[:type][=default]>', 'announce a parameter (repeatable), e.g. stage=dev, files:array=a.yaml,b.yaml', collect)
    .action((options: PluginCommandOptions) => pluginRun(options));
}
