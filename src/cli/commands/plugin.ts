import * as fs from 'fs';
import * as path from 'path';
import { Command, Option } from 'commander';
import * as YAML from 'yaml';
import { ConfigManagementPlugin, ParameterCollectionType, ParameterAnnouncement } from '../../cmp/config-management-plugin';
import { parsePackageSpec, PluginImage } from '../../cmp/plugin-image';
import { RepoServerSidecar } from '../../cmp/repo-server-sidecar';
import { UsageError } from '../runtime/errors';
import { ownPackageRoot } from '../runtime/typescript-loader';

export interface PluginCommandOptions {
  readonly print: string;
  readonly output?: string;
  readonly name: string;
  readonly version: string;
  readonly image?: string;
  readonly namespace: string;
  readonly base: string;
  readonly timeout?: string;
  readonly marker?: string;
  readonly discovery: boolean;
  readonly parameter?: string[];
  readonly addPackage?: string[];
}

/** The packages the plugin image installs: this CLI at its exact version, and its peers at the versions it is built and tested with. */
export function imagePackages(pkg: any, extra: string[] = []): string[] {
  const exact = (name: string): string => {
    const v = pkg.devDependencies?.[name];
    if (typeof v !== 'string' || !/^\d+\.\d+\.\d+/.test(v)) throw new Error(`the package.json of cdk8s-argocd pins no exact devDependency ${name} (got ${JSON.stringify(v)})`);
    return `${name}@${v}`;
  };
  const base = [`cdk8s-argocd@${pkg.version}`, ...['cdk8s', 'constructs', 'cdk8s-plus-30'].map(exact)];
  const names = (spec: string) => spec.slice(0, spec.lastIndexOf('@'));
  for (const spec of extra) {
    const parsed = parsePackageSpec(spec);
    if (typeof parsed === 'string') throw new UsageError(`--add-package ${parsed}`);
    if (base.some((b) => names(b) === parsed.name)) throw new UsageError(`--add-package ${spec}: the image already installs ${base.find((b) => names(b) === parsed.name)}`);
  }
  return [...base, ...extra];
}

function ownPackageJson(): any {
  return JSON.parse(fs.readFileSync(path.join(ownPackageRoot(), 'package.json'), 'utf-8'));
}

/** The sidecar image: --image, else the name the bundle's Dockerfile suggests (said on stderr). */
function sidecarImage(options: PluginCommandOptions, version: string): string {
  if (options.image !== undefined) return options.image;
  const image = `cdk8s-argocd:${version}`;
  process.stderr.write(`note: no --image: the sidecar image is ${image}; build it from the bundle's Dockerfile (cdk8s-argocd plugin --print bundle), `
    + `push it to a registry the cluster pulls from, and pass --image <registry>/${image}\n`);
  return image;
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

export function buildSidecar(options: PluginCommandOptions, image: string): RepoServerSidecar {
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
  return new RepoServerSidecar({ plugin, image, namespace: options.namespace, timeoutSeconds, tarExclusions: ['.git/*', 'node_modules/*'] });
}

/** Prints plugin.yaml, or writes the kustomize overlay / the whole bundle into a directory. */
export function pluginRun(options: PluginCommandOptions): void {
  const pkg = ownPackageJson();
  if (options.addPackage?.length && options.print !== 'bundle') throw new UsageError('--add-package goes into the Dockerfile: use it with --print bundle');
  const packages = imagePackages(pkg, options.addPackage);
  if (options.print === 'plugin-yaml') {
    process.stdout.write(buildSidecar(options, options.image ?? `cdk8s-argocd:${pkg.version}`).plugin.toYaml());
    return;
  }
  const sidecar = buildSidecar(options, sidecarImage(options, pkg.version));
  const files: { [name: string]: string } = {};
  for (const [name, content] of Object.entries(sidecar.kustomizeOverlay(options.base))) files[name] = yaml(content);
  if (options.print === 'bundle') {
    files['plugin.yaml'] = sidecar.plugin.toYaml();
    // The released package at this CLI's exact version: the Dockerfile builds anywhere, not only in a checkout.
    files.Dockerfile = new PluginImage({ packages }).dockerfile();
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
    .option('--image <image>', 'the sidecar image, built from the bundle\'s Dockerfile (default: cdk8s-argocd:<this version>, said on stderr)')
    .option('--namespace <ns>', 'the Argo CD namespace', 'argocd')
    .option('--base <path>', 'the Argo CD install the overlay patches (path or URL)', DEFAULT_BASE)
    .option('--timeout <seconds>', 'raise controller/server repo.server.timeout.seconds (and the sidecar ARGOCD_EXEC_TIMEOUT) to this')
    .option('--marker <file>', 'the marker file discovery looks for', '.cdk8s-argocd')
    .option('--no-discovery', 'no discovery: only Applications naming the plugin use it')
    .option('--parameter <name[:type][=default]>', 'announce a parameter (repeatable), e.g. stage=dev, files:array=a.yaml,b.yaml', collect)
    .option('--add-package <name@version>', 'with --print bundle: another package the image installs for the apps, exact version (repeatable)', collect)
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ cdk8s-argocd plugin                                  # plugin.yaml on stdout',
      '  $ cdk8s-argocd plugin --print bundle --image ghcr.io/example-org/cdk8s-argocd:<version> --output argocd-plugin',
      '  $ cdk8s-argocd plugin --print bundle --add-package lodash@4.17.21 --output argocd-plugin',
      '  $ cdk8s-argocd plugin --print overlay --image ghcr.io/example-org/cdk8s-argocd:<version> --timeout 180 --output overlay',
      '',
      'The bundle: the kustomize overlay over Argo CD\'s install.yaml, plugin.yaml, and a Dockerfile that installs',
      'this cdk8s-argocd version and cdk8s, constructs, cdk8s-plus-30 from the npm registry (docker build -t <image> .).',
    ].join('\n'))
    .action((options: PluginCommandOptions) => pluginRun(options));
}
