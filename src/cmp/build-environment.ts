/**
 * The build environment Argo CD hands a Config Management Plugin, as a typed view
 * (`reference/argocd-spec.md` a.4). Inside the sidecar, `cdk8s-argocd generate` runs the app with
 * these variables set; outside Argo CD the same variables (or none) give the same result, so an app
 * renders identically with `cdk8s-argocd synth` in a repository.
 *
 * Parameters: Argo CD never sends the defaults a plugin announces, so the announced static
 * defaults are applied here (`generate` reads them from the plugin's `plugin.yaml`; an app may also
 * pass its own defaults to the accessors).
 */

/** Shared between copies of this module (a repository may load its own copy of the library). */
const DEFAULTS_KEY = Symbol.for('cdk8s-argocd.build-environment.parameter-defaults');

/** A plugin parameter as Argo CD sends it in `ARGOCD_APP_PARAMETERS` (one of string, array, map). */
export interface PluginParameterValue {
  /** The parameter name. */
  readonly name: string;
  /**
   * The value of a string parameter.
   * @default - not a string parameter
   */
  readonly string?: string;
  /**
   * The value of an array parameter.
   * @default - not an array parameter
   */
  readonly array?: string[];
  /**
   * The value of a map parameter.
   * @default - not a map parameter
   */
  readonly map?: { [key: string]: string };
}

/** Options for `BuildEnvironment.fromVariables`. */
export interface BuildEnvironmentOptions {
  /**
   * Parameter defaults, as the plugin announces them (`spec.parameters.static`), applied to every
   * parameter Argo CD did not send.
   * @default - the defaults `cdk8s-argocd generate` read from the plugin's plugin.yaml, if any
   */
  readonly parameterDefaults?: PluginParameterValue[];
}

/** Thrown when `ARGOCD_APP_PARAMETERS` is not what Argo CD sends. */
export class BuildEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildEnvironmentError';
  }
}

/**
 * The typed build environment of an Argo CD Config Management Plugin.
 *
 * ```ts
 * const env = BuildEnvironment.current();
 * new Application(chart, 'web', { name: `${env.appName}-web`, ... });
 * const stage = env.stringParameter('stage', 'dev');
 * ```
 */
export class BuildEnvironment {
  /** The environment of this process (`process.env`). */
  public static current(options: BuildEnvironmentOptions = {}): BuildEnvironment {
    return new BuildEnvironment(process.env as { [key: string]: string }, options);
  }

  /** A build environment from explicit variables, e.g. in a unit test. */
  public static fromVariables(variables: { [name: string]: string }, options: BuildEnvironmentOptions = {}): BuildEnvironment {
    return new BuildEnvironment(variables, options);
  }

  /**
   * Parses `ARGOCD_APP_PARAMETERS` (a JSON array of `{name, string|array|map}`, or `null`).
   * @throws BuildEnvironmentError when the value is not what Argo CD sends
   */
  public static parseParameters(json: string): PluginParameterValue[] {
    if (json.trim() === '') return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      throw new BuildEnvironmentError(`ARGOCD_APP_PARAMETERS is not valid JSON (${(e as Error).message}): Argo CD sends a JSON array such as [{"name":"stage","string":"prod"}]`);
    }
    return checkParameters(parsed, 'ARGOCD_APP_PARAMETERS');
  }

  /**
   * Sets the parameter defaults every `BuildEnvironment` applies (what the plugin announces).
   * `cdk8s-argocd generate` calls this with the static announcements of its plugin.yaml.
   */
  public static setParameterDefaults(defaults: PluginParameterValue[]): void {
    (globalThis as any)[DEFAULTS_KEY] = checkParameters(defaults, 'parameter defaults');
  }

  /** `ARGOCD_APP_NAME`: the Application name (`<namespace>_<name>` outside the control-plane namespace); empty outside Argo CD. */
  public readonly appName: string;
  /** `ARGOCD_APP_NAMESPACE`: the destination namespace (not the Application's own namespace); empty when unset. */
  public readonly appNamespace: string;
  /** `ARGOCD_APP_PROJECT_NAME`: the AppProject name; empty when unset. */
  public readonly projectName: string;
  /** `ARGOCD_APP_REVISION`: the resolved revision (commit SHA); empty when unset. */
  public readonly revision: string;
  /** `ARGOCD_APP_REVISION_SHORT`: the first 7 characters of the revision. */
  public readonly revisionShort: string;
  /** `ARGOCD_APP_REVISION_SHORT_8`: the first 8 characters of the revision. */
  public readonly revisionShort8: string;
  /** `ARGOCD_APP_SOURCE_REPO_URL`: the source repository URL; empty when unset. */
  public readonly sourceRepoUrl: string;
  /** `ARGOCD_APP_SOURCE_PATH`: `source.path`; empty when unset. */
  public readonly sourcePath: string;
  /** `ARGOCD_APP_SOURCE_TARGET_REVISION`: `source.targetRevision` as written in the spec; empty when unset. */
  public readonly sourceTargetRevision: string;
  /** `KUBE_VERSION`: the cluster version, e.g. `1.30.2`; empty when unknown. */
  public readonly kubeVersion: string;
  /** `KUBE_API_VERSIONS`: every `group/version` and `group/version/Kind` the cluster serves (core as `v1`). */
  public readonly kubeApiVersions: string[];
  /** Whether the variables come from Argo CD (`ARGOCD_APP_NAME` is set). */
  public readonly insideArgoCd: boolean;

  private readonly variables: { [name: string]: string | undefined };
  private readonly parameters: Map<string, PluginParameterValue>;

  private constructor(variables: { [name: string]: string | undefined }, options: BuildEnvironmentOptions) {
    this.variables = { ...variables };
    const v = (name: string) => this.variables[name] ?? '';
    this.appName = v('ARGOCD_APP_NAME');
    this.appNamespace = v('ARGOCD_APP_NAMESPACE');
    this.projectName = v('ARGOCD_APP_PROJECT_NAME');
    this.revision = v('ARGOCD_APP_REVISION');
    this.revisionShort = this.variables.ARGOCD_APP_REVISION_SHORT ?? this.revision.slice(0, 7);
    this.revisionShort8 = this.variables.ARGOCD_APP_REVISION_SHORT_8 ?? this.revision.slice(0, 8);
    this.sourceRepoUrl = v('ARGOCD_APP_SOURCE_REPO_URL');
    this.sourcePath = v('ARGOCD_APP_SOURCE_PATH');
    this.sourceTargetRevision = v('ARGOCD_APP_SOURCE_TARGET_REVISION');
    this.kubeVersion = v('KUBE_VERSION');
    this.kubeApiVersions = v('KUBE_API_VERSIONS').split(',').map((s) => s.trim()).filter(Boolean);
    this.insideArgoCd = this.variables.ARGOCD_APP_NAME !== undefined;

    this.parameters = new Map();
    const defaults = options.parameterDefaults
      ? checkParameters(options.parameterDefaults, 'parameter defaults')
      : ((globalThis as any)[DEFAULTS_KEY] as PluginParameterValue[] | undefined) ?? [];
    for (const d of defaults) this.parameters.set(d.name, d);
    for (const p of BuildEnvironment.parseParameters(v('ARGOCD_APP_PARAMETERS'))) this.parameters.set(p.name, p);
  }

  /**
   * The value of `ARGOCD_ENV_<name>` (from the Application's `source.plugin.env`; `name` is used verbatim).
   * @param name the name as written in `plugin.env`, without the `ARGOCD_ENV_` prefix
   * @param defaultValue returned when the variable is not set
   */
  public env(name: string, defaultValue?: string): string | undefined {
    return this.variables[`ARGOCD_ENV_${name}`] ?? defaultValue;
  }

  /** Every `ARGOCD_ENV_*` variable, keyed by the name without the prefix. */
  public get envVariables(): { [name: string]: string } {
    const out: { [name: string]: string } = {};
    for (const key of Object.keys(this.variables).sort()) {
      if (key.startsWith('ARGOCD_ENV_') && this.variables[key] !== undefined) out[key.slice('ARGOCD_ENV_'.length)] = this.variables[key]!;
    }
    return out;
  }

  /** Whether `ARGOCD_ENV_<name>` is `true` (case-insensitive) or `1`. */
  public envFlag(name: string): boolean {
    return /^(true|1)$/i.test(this.env(name) ?? '');
  }

  /** The names of all parameters (sent by Argo CD or defaulted), sorted. */
  public get parameterNames(): string[] {
    return [...this.parameters.keys()].sort();
  }

  /** The parameter as sent (or defaulted), or undefined. */
  public parameter(name: string): PluginParameterValue | undefined {
    const p = this.parameters.get(name);
    return p && { ...p, array: p.array && [...p.array], map: p.map && { ...p.map } };
  }

  /**
   * A string parameter.
   * @throws BuildEnvironmentError when the parameter was sent as an array or a map
   */
  public stringParameter(name: string, defaultValue?: string): string | undefined {
    const p = this.parameters.get(name);
    if (!p) return defaultValue;
    if (p.string === undefined) throw new BuildEnvironmentError(`plugin parameter ${JSON.stringify(name)} is ${p.array ? 'an array' : 'a map'}, not a string: set it with 'string:' in the Application's source.plugin.parameters`);
    return p.string;
  }

  /**
   * An array parameter.
   * @throws BuildEnvironmentError when the parameter was sent as a string or a map
   */
  public arrayParameter(name: string, defaultValue?: string[]): string[] | undefined {
    const p = this.parameters.get(name);
    if (!p) return defaultValue && [...defaultValue];
    if (p.array === undefined) throw new BuildEnvironmentError(`plugin parameter ${JSON.stringify(name)} is ${p.string !== undefined ? 'a string' : 'a map'}, not an array: set it with 'array:' in the Application's source.plugin.parameters`);
    return [...p.array];
  }

  /**
   * A map parameter.
   * @throws BuildEnvironmentError when the parameter was sent as a string or an array
   */
  public mapParameter(name: string, defaultValue?: { [key: string]: string }): { [key: string]: string } | undefined {
    const p = this.parameters.get(name);
    if (!p) return defaultValue && { ...defaultValue };
    if (p.map === undefined) throw new BuildEnvironmentError(`plugin parameter ${JSON.stringify(name)} is ${p.string !== undefined ? 'a string' : 'an array'}, not a map: set it with 'map:' in the Application's source.plugin.parameters`);
    return { ...p.map };
  }

  /** Whether the cluster serves `groupVersion` (e.g. `apps/v1`) or `groupVersion/Kind`; false when unknown. */
  public hasApiVersion(groupVersion: string): boolean {
    return this.kubeApiVersions.includes(groupVersion);
  }
}

function checkParameters(value: unknown, what: string): PluginParameterValue[] {
  if (value === null) return [];
  if (!Array.isArray(value)) {
    throw new BuildEnvironmentError(`${what} must be a JSON array of {"name", "string"|"array"|"map"}, got ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  const seen = new Set<string>();
  return value.map((item, i) => {
    const at = `${what}[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new BuildEnvironmentError(`${at} must be an object {"name", "string"|"array"|"map"}, got ${JSON.stringify(item)}`);
    }
    const { name, string, array, map } = item as { [k: string]: unknown };
    if (typeof name !== 'string' || name === '') throw new BuildEnvironmentError(`${at} has no "name": every parameter needs a non-empty name`);
    if (seen.has(name)) throw new BuildEnvironmentError(`${at} repeats parameter ${JSON.stringify(name)}: give each parameter once`);
    seen.add(name);
    for (const key of Object.keys(item)) {
      if (!['name', 'string', 'array', 'map'].includes(key)) throw new BuildEnvironmentError(`${at} (${name}) has unknown key ${JSON.stringify(key)}: use "string", "array" or "map"`);
    }
    const set = [string, array, map].filter((x) => x !== undefined).length;
    if (set > 1) throw new BuildEnvironmentError(`${at} (${name}) sets more than one of "string", "array" and "map": keep one`);
    if (string !== undefined && typeof string !== 'string') throw new BuildEnvironmentError(`${at} (${name}): "string" must be a string, got ${JSON.stringify(string)}`);
    if (array !== undefined && (!Array.isArray(array) || array.some((x) => typeof x !== 'string'))) {
      throw new BuildEnvironmentError(`${at} (${name}): "array" must be a list of strings, got ${JSON.stringify(array)}`);
    }
    if (map !== undefined && (map === null || typeof map !== 'object' || Array.isArray(map) || Object.values(map).some((x) => typeof x !== 'string'))) {
      throw new BuildEnvironmentError(`${at} (${name}): "map" must be an object of strings, got ${JSON.stringify(map)}`);
    }
    // Argo CD sends a parameter with none of the three as an empty string parameter.
    if (set === 0) return { name, string: '' };
    return { name, string: string as string | undefined, array: array as string[] | undefined, map: map as { [k: string]: string } | undefined };
  });
}
