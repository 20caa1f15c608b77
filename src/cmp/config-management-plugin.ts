// The YAML library is loaded on first use: apps that import cdk8s-argocd in the plugin never pay for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof import('yaml') => require('yaml');

/** How Argo CD's UI collects a parameter (`collectionType`). */
export enum ParameterCollectionType {
  /** A single string (Argo CD's default). */
  STRING = 'string',
  /** A list of strings. */
  ARRAY = 'array',
  /** A map of string to string. */
  MAP = 'map',
}

/** A parameter the plugin announces (`spec.parameters.static[]`), shown in Argo CD's UI. */
export interface ParameterAnnouncement {
  /** The parameter name, as Applications set it in `source.plugin.parameters[].name`. */
  readonly name: string;
  /**
   * Title shown in the UI.
   * @default - none
   */
  readonly title?: string;
  /**
   * Tooltip shown in the UI.
   * @default - none
   */
  readonly tooltip?: string;
  /**
   * Whether the UI asks for it. Argo CD does not enforce it; the `plugin/parameter` rule does.
   * @default false
   */
  readonly required?: boolean;
  /**
   * UI hint for the items' type.
   * @default - "string"
   */
  readonly itemType?: string;
  /**
   * Whether it is a string, an array or a map.
   * @default ParameterCollectionType.STRING
   */
  readonly collectionType?: ParameterCollectionType;
  /**
   * Default of a string parameter. Argo CD never sends defaults; `cdk8s-argocd generate` applies them.
   * @default - none
   */
  readonly string?: string;
  /**
   * Default of an array parameter.
   * @default - none
   */
  readonly array?: string[];
  /**
   * Default of a map parameter.
   * @default - none
   */
  readonly map?: { [key: string]: string };
}

/** A command the sidecar runs: `command[0]` with `command[1:] + args`, no shell. */
export interface PluginCommand {
  /** The executable and its first arguments. */
  readonly command: string[];
  /**
   * More arguments.
   * @default - none
   */
  readonly args?: string[];
}

/** How the plugin claims applications that do not name it (`spec.discover`). */
export interface PluginDiscovery {
  /**
   * A Go `filepath.Glob` pattern relative to the application directory.
   * @default - not used
   */
  readonly fileName?: string;
  /**
   * A zglob pattern (supports `**`) relative to the application directory.
   * @default - not used
   */
  readonly glob?: string;
  /**
   * A command that must exit 0 and print something for the plugin to match.
   * @default - not used
   */
  readonly command?: string[];
}

/** Props of `ConfigManagementPlugin`. */
export interface ConfigManagementPluginProps {
  /**
   * `metadata.name`. Applications dial `<name>-<version>` (or `<name>` with no version).
   * @default "cdk8s-argocd"
   */
  readonly name?: string;
  /**
   * `spec.version`: part of the socket name Applications select.
   * @default "v1"
   */
  readonly version?: string;
  /**
   * `spec.generate`: prints the manifests.
   * @default - `cdk8s-argocd generate`
   */
  readonly generate?: PluginCommand;
  /**
   * `spec.init`: runs before generate (stdout ignored).
   * @default - none
   */
  readonly init?: PluginCommand;
  /**
   * `spec.discover`. The default is narrowed to a marker file so the plugin does not claim
   * unrelated applications (Argo CD tries every plugin's discovery before Helm and Kustomize).
   * Set `discover: {}` to turn discovery off (then only Applications naming the plugin use it).
   * @default - `fileName: ./.cdk8s-argocd` (a marker file next to the app)
   */
  readonly discover?: PluginDiscovery;
  /**
   * Announced parameters (`spec.parameters.static`). You can also add them with `addParameter()`.
   * @default - none
   */
  readonly parameters?: ParameterAnnouncement[];
  /**
   * A command printing a JSON array of more announcements (`spec.parameters.dynamic`).
   * @default - none
   */
  readonly dynamicParameters?: PluginCommand;
  /**
   * Keep the repository's file modes (default: files arrive with 0644).
   * @default false
   */
  readonly preserveFileMode?: boolean;
  /**
   * Offer the repo-server's git credentials to the plugin (ASKPASS).
   * @default false
   */
  readonly provideGitCreds?: boolean;
}

/** The marker file the default discovery looks for. */
export const DEFAULT_DISCOVERY_MARKER = '.cdk8s-argocd';

/**
 * The `plugin.yaml` of a Config Management Plugin sidecar (not a Kubernetes object: the sidecar
 * reads it from `/home/argocd/cmp-server/config/plugin.yaml`).
 *
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/config-management-plugins/
 */
export class ConfigManagementPlugin {
  /**
   * Reads a plugin.yaml (YAML or JSON text) into a model.
   * @throws Error when the text is not a valid plugin.yaml (same checks as argocd-cmp-server)
   */
  public static fromYaml(text: string): ConfigManagementPlugin {
    const doc = yaml().parse(text);
    const problems = ConfigManagementPlugin.validateSpec(doc);
    if (problems.length > 0) throw new Error(`invalid plugin.yaml: ${problems.join('; ')}`);
    const spec = doc.spec ?? {};
    const discover = spec.discover ?? {};
    return new ConfigManagementPlugin({
      name: doc.metadata.name,
      version: spec.version ?? '',
      generate: spec.generate,
      init: spec.init,
      discover: { fileName: discover.fileName, glob: discover.find?.glob, command: discover.find?.command },
      parameters: spec.parameters?.static,
      dynamicParameters: spec.parameters?.dynamic,
      preserveFileMode: spec.preserveFileMode,
      provideGitCreds: spec.provideGitCreds,
    });
  }

  /**
   * Checks a plain plugin.yaml object the way argocd-cmp-server does at start-up
   * (`cmpserver/plugin/config.go` ValidatePluginConfig: kind, metadata.name, generate.command), and
   * what else would make the plugin unusable (name characters, parameter announcements).
   * @returns the problems, empty when valid
   */
  public static validateSpec(config: unknown): string[] {
    const problems: string[] = [];
    if (config === null || typeof config !== 'object' || Array.isArray(config)) return ['plugin.yaml must be a YAML object'];
    const c = config as { [k: string]: any };
    if (c.kind !== 'ConfigManagementPlugin') problems.push(`kind must be ConfigManagementPlugin, got ${JSON.stringify(c.kind)}`);
    const name = c.metadata?.name;
    if (typeof name !== 'string' || name === '') problems.push('metadata.name must be set: it names the plugin socket');
    const spec = c.spec ?? {};
    if (!Array.isArray(spec.generate?.command) || spec.generate.command.length === 0) problems.push('spec.generate.command must be a non-empty list: it prints the manifests');
    const version = spec.version ?? '';
    const dial = typeof name === 'string' ? (version ? `${name}-${version}` : name) : '';
    if (dial && !/^[A-Za-z0-9._-]+$/.test(dial)) problems.push(`plugin name ${JSON.stringify(dial)} (metadata.name and spec.version) must use only letters, digits, ".", "_" and "-": it is a socket file name`);
    for (const key of ['init', 'generate']) {
      const cmd = spec[key];
      if (cmd !== undefined && (!Array.isArray(cmd.command ?? []) || !Array.isArray(cmd.args ?? []))) problems.push(`spec.${key}.command and args must be lists of strings`);
    }
    const announcements = spec.parameters?.static ?? [];
    if (!Array.isArray(announcements)) {
      problems.push('spec.parameters.static must be a list of parameter announcements');
    } else {
      const seen = new Set<string>();
      announcements.forEach((p: any, i: number) => problems.push(...announcementProblems(p, `spec.parameters.static[${i}]`, seen)));
    }
    const dynamic = spec.parameters?.dynamic;
    if (dynamic !== undefined && (!Array.isArray(dynamic.command) || dynamic.command.length === 0)) problems.push('spec.parameters.dynamic.command must be a non-empty list');
    return problems;
  }

  /** `metadata.name`. */
  public readonly name: string;
  /** `spec.version` (empty for none). */
  public readonly version: string;
  /** The name an Application sets in `source.plugin.name` to select this plugin: `<name>-<version>` or `<name>`. */
  public readonly pluginName: string;
  /** `spec.preserveFileMode`. */
  public readonly preserveFileMode: boolean;
  /** `spec.provideGitCreds`. */
  public readonly provideGitCreds: boolean;
  /** `spec.discover` (empty when discovery is off). */
  public readonly discover: PluginDiscovery;

  private readonly generate: PluginCommand;
  private readonly init?: PluginCommand;
  private readonly dynamicParameters?: PluginCommand;
  private readonly announcements: ParameterAnnouncement[] = [];

  constructor(props: ConfigManagementPluginProps = {}) {
    this.name = props.name ?? 'cdk8s-argocd';
    this.version = props.version ?? 'v1';
    this.pluginName = this.version ? `${this.name}-${this.version}` : this.name;
    this.generate = props.generate ?? { command: ['cdk8s-argocd', 'generate'] };
    this.init = props.init;
    this.discover = props.discover ?? { fileName: `./${DEFAULT_DISCOVERY_MARKER}` };
    this.dynamicParameters = props.dynamicParameters;
    this.preserveFileMode = props.preserveFileMode ?? false;
    this.provideGitCreds = props.provideGitCreds ?? false;
    for (const p of props.parameters ?? []) this.addParameter(p);
    const problems = ConfigManagementPlugin.validateSpec({ ...this.toJson(), spec: { ...this.toJson().spec, parameters: undefined } });
    if (problems.length > 0) throw new Error(`invalid ConfigManagementPlugin: ${problems.join('; ')}`);
  }

  /**
   * Announces a parameter (`spec.parameters.static`).
   * @throws Error when the name repeats or the default does not match the collection type
   */
  public addParameter(parameter: ParameterAnnouncement): void {
    const problems = announcementProblems(parameter, `parameter ${JSON.stringify(parameter.name)}`, new Set(this.announcements.map((a) => a.name)));
    if (problems.length > 0) throw new Error(problems.join('; '));
    this.announcements.push({ ...parameter });
  }

  /** The announced parameters (copies). */
  public get parameters(): ParameterAnnouncement[] {
    return this.announcements.map((a) => ({ ...a }));
  }

  /** The plugin.yaml as a plain object. */
  public toJson(): { [key: string]: any } {
    const discover = this.discover.fileName
      ? { fileName: this.discover.fileName }
      : this.discover.glob || this.discover.command
        ? { find: clean({ glob: this.discover.glob, command: this.discover.command }) }
        : undefined;
    const parameters = this.announcements.length > 0 || this.dynamicParameters
      ? clean({
        static: this.announcements.length > 0 ? this.announcements.map((a) => clean({ ...a })) : undefined,
        dynamic: this.dynamicParameters && command(this.dynamicParameters),
      })
      : undefined;
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ConfigManagementPlugin',
      metadata: { name: this.name },
      spec: clean({
        version: this.version || undefined,
        init: this.init && command(this.init),
        generate: command(this.generate),
        discover,
        parameters,
        preserveFileMode: this.preserveFileMode,
        provideGitCreds: this.provideGitCreds,
      }),
    };
  }

  /** The plugin.yaml text. */
  public toYaml(): string {
    return yaml().stringify(this.toJson(), { lineWidth: 0 });
  }
}

function command(c: PluginCommand): any {
  return clean({ command: [...c.command], args: c.args && c.args.length > 0 ? [...c.args] : undefined });
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function announcementProblems(p: any, at: string, seen: Set<string>): string[] {
  if (p === null || typeof p !== 'object') return [`${at} must be an object with a name`];
  const problems: string[] = [];
  if (typeof p.name !== 'string' || p.name === '') problems.push(`${at} needs a name`);
  else if (seen.has(p.name)) problems.push(`${at} repeats parameter ${JSON.stringify(p.name)}: announce each name once`);
  else seen.add(p.name);
  const type = p.collectionType || 'string';
  if (!['string', 'array', 'map'].includes(type)) problems.push(`${at} has collectionType ${JSON.stringify(p.collectionType)}: use "string", "array" or "map"`);
  const defaults = ['string', 'array', 'map'].filter((k) => p[k] !== undefined);
  if (defaults.length > 1) problems.push(`${at} sets more than one default of "string", "array" and "map": keep the one of its collectionType`);
  else if (defaults.length === 1 && defaults[0] !== type) problems.push(`${at} has a ${defaults[0]} default but collectionType ${JSON.stringify(type)}: set collectionType: ${defaults[0]} or give a ${type} default`);
  return problems;
}
