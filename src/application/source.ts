import type * as l1 from '../../imports/application-argoproj.io';
import { arrayOf, boolean, checkProps, instanceOf, integer, optional, record, required, Shape, string, stringMap } from '../private/props';
import { compact, undefinedIfEmpty, undefinedIfEmptyMap } from '../private/render';

/** A Helm `--set` parameter. */
export interface HelmParameter {
  /** Parameter name, e.g. `image.tag` (escape literal dots with `\\.`). */
  readonly name: string;
  /** Parameter value. */
  readonly value: string;
  /**
   * Pass the value with `--set-string` so Helm keeps it a string.
   * @default false
   */
  readonly forceString?: boolean;
}

/** A Helm `--set-file` parameter. */
export interface HelmFileParameter {
  /** Parameter name. */
  readonly name: string;
  /** Path of the file, relative to the source path. */
  readonly path: string;
}

/**
 * Options of a Helm source (`spec.source.helm`).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/helm/
 */
export interface HelmOptions {
  /**
   * Values files, relative to the source path; in a multi-source Application a file may start
   * with `$<ref>/` to read it from the source with that `ref`.
   * @default - the chart's values.yaml only
   */
  readonly valueFiles?: string[];
  /**
   * Helm values as an object (free-form, as in Helm): Argo CD's `valuesObject`. It wins over
   * `values` when both are set.
   * @default - none
   */
  readonly valuesObject?: { [key: string]: any };
  /**
   * Helm values as a YAML string: Argo CD's `values`. Prefer `valuesObject`.
   * @default - none
   */
  readonly values?: string;
  /**
   * `--set` parameters; they take precedence over values.
   * @default - none
   */
  readonly parameters?: HelmParameter[];
  /**
   * `--set-file` parameters.
   * @default - none
   */
  readonly fileParameters?: HelmFileParameter[];
  /**
   * Release name.
   * @default - the Application name (Helm limits it to 53 characters)
   */
  readonly releaseName?: string;
  /**
   * Pass credentials to all domains (`--pass-credentials`).
   * @default false
   */
  readonly passCredentials?: boolean;
  /**
   * Ignore value files that do not exist.
   * @default false
   */
  readonly ignoreMissingValueFiles?: boolean;
  /**
   * Skip installing the chart's CRDs.
   * @default false
   */
  readonly skipCrds?: boolean;
  /**
   * Skip the chart's JSON schema validation.
   * @default false
   */
  readonly skipSchemaValidation?: boolean;
  /**
   * Skip the chart's test manifests.
   * @default false
   */
  readonly skipTests?: boolean;
  /**
   * Helm binary version, `v2` or `v3`.
   * @default - chosen from the chart's apiVersion
   */
  readonly version?: string;
  /**
   * Kubernetes version passed to Helm (semver without `v`).
   * @default - the destination cluster's version
   */
  readonly kubeVersion?: string;
  /**
   * API versions passed to Helm (`[group/]version/kind`).
   * @default - the destination cluster's API versions
   */
  readonly apiVersions?: string[];
  /**
   * Namespace to template with.
   * @default - the destination namespace
   */
  readonly namespace?: string;
}

/** A Kustomize `replicas` override. */
export interface KustomizeReplica {
  /** Name of the Deployment or StatefulSet. */
  readonly name: string;
  /** Replica count. */
  readonly count: number;
}

/** The target of a Kustomize patch. */
export interface KustomizePatchTarget {
  /** @default - any group */
  readonly group?: string;
  /** @default - any version */
  readonly version?: string;
  /** @default - any kind */
  readonly kind?: string;
  /** @default - any name */
  readonly name?: string;
  /** @default - any namespace */
  readonly namespace?: string;
  /** @default - no label selector */
  readonly labelSelector?: string;
  /** @default - no annotation selector */
  readonly annotationSelector?: string;
}

/** A Kustomize patch (inline or from a file). */
export interface KustomizePatch {
  /**
   * Inline patch (strategic merge or JSON 6902).
   * @default - `path` is used
   */
  readonly patch?: string;
  /**
   * Path of a patch file.
   * @default - `patch` is used
   */
  readonly path?: string;
  /**
   * What the patch applies to.
   * @default - the patch names its target
   */
  readonly target?: KustomizePatchTarget;
  /**
   * Patch options (`allowNameChange`, `allowKindChange`).
   * @default - none
   */
  readonly options?: { [key: string]: boolean };
}

/**
 * Options of a Kustomize source (`spec.source.kustomize`).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/kustomize/
 */
export interface KustomizeOptions {
  /** @default - the default Kustomize version of argocd-cm */
  readonly version?: string;
  /** @default - none */
  readonly namePrefix?: string;
  /** @default - none */
  readonly nameSuffix?: string;
  /** @default - none */
  readonly commonLabels?: { [key: string]: string };
  /** @default - none */
  readonly commonAnnotations?: { [key: string]: string };
  /**
   * Substitute environment variables (`${ARGOCD_APP_REVISION}`) in commonAnnotations.
   * @default false
   */
  readonly commonAnnotationsEnvsubst?: boolean;
  /**
   * Apply common labels to resources but not to selectors.
   * @default false
   */
  readonly labelWithoutSelector?: boolean;
  /**
   * Apply common labels to templates too (with labelWithoutSelector).
   * @default false
   */
  readonly labelIncludeTemplates?: boolean;
  /** @default false */
  readonly forceCommonLabels?: boolean;
  /** @default false */
  readonly forceCommonAnnotations?: boolean;
  /**
   * Image overrides in `kustomize edit set image` form: `name=registry/image:tag` or `image:tag`.
   * @default - none
   */
  readonly images?: string[];
  /**
   * Namespace for every resource.
   * @default - as in the kustomization
   */
  readonly namespace?: string;
  /** @default - none */
  readonly replicas?: KustomizeReplica[];
  /** @default - none */
  readonly components?: string[];
  /** @default false */
  readonly ignoreMissingComponents?: boolean;
  /** @default - none */
  readonly patches?: KustomizePatch[];
  /** @default - the destination cluster's version */
  readonly kubeVersion?: string;
  /** @default - the destination cluster's API versions */
  readonly apiVersions?: string[];
}

/** A Jsonnet external variable or top-level argument. */
export interface JsonnetVariable {
  /** Variable name. */
  readonly name: string;
  /** Variable value. */
  readonly value: string;
  /**
   * Whether the value is Jsonnet code rather than a string.
   * @default false
   */
  readonly code?: boolean;
}

/** Jsonnet options of a directory source. */
export interface JsonnetOptions {
  /** @default - none */
  readonly extVars?: JsonnetVariable[];
  /** @default - none */
  readonly tlas?: JsonnetVariable[];
  /** @default - none */
  readonly libs?: string[];
}

/**
 * Options of a plain directory source (`spec.source.directory`).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/directory/
 */
export interface DirectoryOptions {
  /**
   * Read subdirectories too.
   * @default false
   */
  readonly recurse?: boolean;
  /**
   * Glob of files to include, e.g. `{a.yaml,b.yaml}`.
   * @default - every YAML, JSON and Jsonnet file
   */
  readonly include?: string;
  /**
   * Glob of files to exclude; wins over include.
   * @default - none
   */
  readonly exclude?: string;
  /** @default - no Jsonnet options */
  readonly jsonnet?: JsonnetOptions;
}

/**
 * A Config Management Plugin parameter: a string, an array or a map.
 */
export class PluginParameter {
  /** A string parameter. */
  public static string(name: string, value: string): PluginParameter {
    checkProps('PluginParameter.string()', { name, value }, record({ name: required(string, 'give the parameter name'), value: required(string, 'give the value as a string') }));
    return new PluginParameter({ name, string: value });
  }
  /** An array parameter. */
  public static array(name: string, values: string[]): PluginParameter {
    checkProps('PluginParameter.array()', { name, values }, record({ name: required(string, 'give the parameter name'), values: required(arrayOf(string), 'give a list of strings') }));
    return new PluginParameter({ name, array: [...values] });
  }
  /** A map parameter. */
  public static map(name: string, values: { [key: string]: string }): PluginParameter {
    checkProps('PluginParameter.map()', { name, values }, record({ name: required(string, 'give the parameter name'), values: required(stringMap, 'give a map of strings') }));
    return new PluginParameter({ name, map: { ...values } });
  }
  private constructor(private readonly wire: l1.ApplicationSpecSourcesPluginParameters) {}
  /** @internal */
  public _toArgo(): l1.ApplicationSpecSourcesPluginParameters {
    return this.wire;
  }
}

/**
 * Options of a Config Management Plugin source (`spec.source.plugin`).
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/config-management-plugins/
 */
export interface PluginOptions {
  /**
   * Plugin name, `<metadata.name>[-<spec.version>]` of the sidecar's plugin.yaml.
   * @default - the plugin is chosen by the sidecars' discovery rules
   */
  readonly name?: string;
  /**
   * Environment variables (the plugin sees them prefixed with `ARGOCD_ENV_`).
   * @default - none
   */
  readonly env?: { [name: string]: string };
  /** @default - none */
  readonly parameters?: PluginParameter[];
}

/** What every source form shares. */
export interface SourceOptions {
  /** Repository URL (Git, Helm repository or `oci://`). */
  readonly repoURL: string;
  /**
   * Revision: a branch, tag or commit for Git; a chart version for Helm.
   * @default - `HEAD` for Git sources; required for Helm charts
   */
  readonly targetRevision?: string;
  /**
   * Source name, unique in the Application (multi-source only).
   * @default - none
   */
  readonly name?: string;
}

/** A Git (or OCI) source with a path. */
export interface GitSourceOptions extends SourceOptions {
  /** Path inside the repository. */
  readonly path: string;
  /**
   * Helm options (a Helm chart in Git). At most one of helm, kustomize, directory, plugin.
   * @default - none
   */
  readonly helm?: HelmOptions;
  /** @default - none */
  readonly kustomize?: KustomizeOptions;
  /** @default - none */
  readonly directory?: DirectoryOptions;
  /** @default - none */
  readonly plugin?: PluginOptions;
  /**
   * Only consider tags with this prefix when resolving `targetRevision` semver ranges.
   * @default - none
   */
  readonly tagPrefix?: string;
}

/** A chart from a Helm repository (or an OCI registry). */
export interface HelmChartSourceOptions extends SourceOptions {
  /** Chart name. */
  readonly chart: string;
  /** Chart version (required by Argo CD for charts), e.g. `1.2.3` or `1.*`. */
  readonly targetRevision: string;
  /** @default - none */
  readonly helm?: HelmOptions;
}

/** A source that only provides files to other sources (`$<ref>/values.yaml`). */
export interface RefSourceOptions extends SourceOptions {
  /** The ref name, `[a-zA-Z0-9_-]+`, used as `$<ref>` in Helm valueFiles. */
  readonly ref: string;
}

const HELM: Shape = record({
  valueFiles: optional(arrayOf(string)),
  valuesObject: optional(record({})),
  values: optional(string),
  parameters: optional(arrayOf(record({
    name: required(string, 'give the parameter name'), value: required(string, 'give the value as a string'), forceString: optional(boolean),
  }))),
  fileParameters: optional(arrayOf(record({ name: required(string, 'give the parameter name'), path: required(string, 'give the file path') }))),
  releaseName: optional(string),
  passCredentials: optional(boolean),
  ignoreMissingValueFiles: optional(boolean),
  skipCrds: optional(boolean),
  skipSchemaValidation: optional(boolean),
  skipTests: optional(boolean),
  version: optional(string),
  kubeVersion: optional(string),
  apiVersions: optional(arrayOf(string)),
  namespace: optional(string),
});

const KUSTOMIZE: Shape = record({
  version: optional(string),
  namePrefix: optional(string),
  nameSuffix: optional(string),
  commonLabels: optional(stringMap),
  commonAnnotations: optional(stringMap),
  commonAnnotationsEnvsubst: optional(boolean),
  labelWithoutSelector: optional(boolean),
  labelIncludeTemplates: optional(boolean),
  forceCommonLabels: optional(boolean),
  forceCommonAnnotations: optional(boolean),
  images: optional(arrayOf(string)),
  namespace: optional(string),
  replicas: optional(arrayOf(record({
    name: required(string, 'give the workload name'), count: required(integer, 'give the replica count'),
  }))),
  components: optional(arrayOf(string)),
  ignoreMissingComponents: optional(boolean),
  patches: optional(arrayOf(record({
    patch: optional(string), path: optional(string), target: optional(record({})), options: optional(record({})),
  }))),
  kubeVersion: optional(string),
  apiVersions: optional(arrayOf(string)),
});

const JSONNET_VARIABLE: Shape = record({ name: required(string, 'give the variable name'), value: required(string, 'give the value as a string'), code: optional(boolean) });

const DIRECTORY: Shape = record({
  recurse: optional(boolean),
  include: optional(string),
  exclude: optional(string),
  jsonnet: optional(record({
    extVars: optional(arrayOf(JSONNET_VARIABLE)), tlas: optional(arrayOf(JSONNET_VARIABLE)), libs: optional(arrayOf(string)),
  })),
});

const PLUGIN: Shape = record({
  name: optional(string),
  env: optional(stringMap),
  parameters: optional(arrayOf(instanceOf(PluginParameter, 'use PluginParameter.string(name, value), PluginParameter.array(name, values) or PluginParameter.map(name, values)'))),
});

const REPO_URL = required(string, 'give the repository URL, e.g. "https://github.com/org/repo.git"');

/** @internal The tool options of a path source (also those of a hydrator's dry source). */
export const SOURCE_TOOLS = { helm: optional(HELM), kustomize: optional(KUSTOMIZE), directory: optional(DIRECTORY), plugin: optional(PLUGIN) };

const GIT_OPTIONS: Shape = record({
  repoURL: REPO_URL,
  targetRevision: optional(string),
  name: optional(string),
  path: required(string, 'give the path in the repository, e.g. "apps/guestbook" (or "." for the root)'),
  ...SOURCE_TOOLS,
  tagPrefix: optional(string),
}, 'an object of source options');

const HELM_CHART_OPTIONS: Shape = record({
  repoURL: required(string, 'give the Helm repository URL, e.g. "https://charts.example.com"'),
  name: optional(string),
  chart: required(string, 'give the chart name, e.g. "nginx"'),
  targetRevision: required(string, 'give the chart version, e.g. "1.2.3"'),
  helm: optional(HELM),
}, 'an object of source options');

const REF_OPTIONS: Shape = record({
  repoURL: REPO_URL,
  targetRevision: optional(string),
  name: optional(string),
  ref: required(string, 'give the ref name the other sources use as $name, e.g. "values"'),
}, 'an object of source options');

/** @internal A value of this shape is an ApplicationSource. */
export const APPLICATION_SOURCE: Shape = (v, f) => instanceOf(ApplicationSource,
  'use ApplicationSource.git({ … }), ApplicationSource.oci({ … }), ApplicationSource.helmChart({ … }) or ApplicationSource.ref({ … })')(v, f);

/**
 * Where an Application's manifests come from.
 */
export class ApplicationSource {
  /** A path in a Git repository: plain manifests, Kustomize, Helm in Git, Jsonnet or a plugin. */
  public static git(options: GitSourceOptions): ApplicationSource {
    checkProps('ApplicationSource.git()', options, GIT_OPTIONS);
    return new ApplicationSource(options, options.path, undefined, undefined, options);
  }
  /** A path in an OCI artifact (`oci://registry/repo`). */
  public static oci(options: GitSourceOptions): ApplicationSource {
    checkProps('ApplicationSource.oci()', options, GIT_OPTIONS);
    return new ApplicationSource(options, options.path, undefined, undefined, options);
  }
  /** A chart in a Helm repository or OCI registry. */
  public static helmChart(options: HelmChartSourceOptions): ApplicationSource {
    checkProps('ApplicationSource.helmChart()', options, HELM_CHART_OPTIONS);
    return new ApplicationSource(options, undefined, options.chart, undefined, { helm: options.helm });
  }
  /** A ref source for multi-source Applications (Helm values from another repository). */
  public static ref(options: RefSourceOptions): ApplicationSource {
    checkProps('ApplicationSource.ref()', options, REF_OPTIONS);
    return new ApplicationSource(options, undefined, undefined, options.ref, {});
  }

  /** Repository URL. */
  public readonly repoURL: string;
  /** Revision. */
  public readonly targetRevision?: string;
  /** Path in the repository, for path sources. */
  public readonly path?: string;
  /** Chart name, for Helm repository sources. */
  public readonly chart?: string;
  /** Ref name, for ref sources. */
  public readonly ref?: string;
  /** Source name. */
  public readonly name?: string;
  private readonly tools: Pick<GitSourceOptions, 'helm' | 'kustomize' | 'directory' | 'plugin' | 'tagPrefix'>;

  private constructor(common: SourceOptions, path: string | undefined, chart: string | undefined, ref: string | undefined,
    tools: Pick<GitSourceOptions, 'helm' | 'kustomize' | 'directory' | 'plugin' | 'tagPrefix'>) {
    this.repoURL = common.repoURL;
    this.targetRevision = common.targetRevision;
    this.name = common.name;
    this.path = path;
    this.chart = chart;
    this.ref = ref;
    this.tools = tools;
  }

  /** The tool blocks set on this source (`helm`, `kustomize`, `directory`, `plugin`). */
  public get toolNames(): string[] {
    return (['helm', 'kustomize', 'directory', 'plugin'] as const).filter((k) => this.tools[k] !== undefined);
  }

  /** @internal */
  public _toArgo(): l1.ApplicationSpecSources {
    return compact({
      repoUrl: this.repoURL,
      targetRevision: this.targetRevision,
      path: this.path,
      chart: this.chart,
      ref: this.ref,
      name: this.name,
      tagPrefix: this.tools.tagPrefix,
      ...renderTools(this.tools),
    }) as l1.ApplicationSpecSources;
  }
}

/** @internal */
export function renderTools(tools: Pick<GitSourceOptions, 'helm' | 'kustomize' | 'directory' | 'plugin'>): Pick<l1.ApplicationSpecSources, 'helm' | 'kustomize' | 'directory' | 'plugin'> {
  return compact({
    helm: tools.helm ? renderHelm(tools.helm) : undefined,
    kustomize: tools.kustomize ? renderKustomize(tools.kustomize) : undefined,
    directory: tools.directory ? renderDirectory(tools.directory) : undefined,
    plugin: tools.plugin ? renderPlugin(tools.plugin) : undefined,
  });
}

function renderHelm(h: HelmOptions): l1.ApplicationSpecSourcesHelm {
  return compact({
    passCredentials: h.passCredentials,
    parameters: undefinedIfEmpty(h.parameters)?.map((p) => compact({ name: p.name, value: p.value, forceString: p.forceString })),
    fileParameters: undefinedIfEmpty(h.fileParameters)?.map((p) => ({ name: p.name, path: p.path })),
    releaseName: h.releaseName,
    valueFiles: undefinedIfEmpty(h.valueFiles),
    ignoreMissingValueFiles: h.ignoreMissingValueFiles,
    values: h.values,
    valuesObject: h.valuesObject,
    skipCrds: h.skipCrds,
    skipSchemaValidation: h.skipSchemaValidation,
    skipTests: h.skipTests,
    version: h.version,
    kubeVersion: h.kubeVersion,
    apiVersions: undefinedIfEmpty(h.apiVersions),
    namespace: h.namespace,
  });
}

function renderKustomize(k: KustomizeOptions): l1.ApplicationSpecSourcesKustomize {
  return compact({
    version: k.version,
    namePrefix: k.namePrefix,
    nameSuffix: k.nameSuffix,
    commonLabels: undefinedIfEmptyMap(k.commonLabels),
    commonAnnotations: undefinedIfEmptyMap(k.commonAnnotations),
    commonAnnotationsEnvsubst: k.commonAnnotationsEnvsubst,
    labelWithoutSelector: k.labelWithoutSelector,
    labelIncludeTemplates: k.labelIncludeTemplates,
    forceCommonLabels: k.forceCommonLabels,
    forceCommonAnnotations: k.forceCommonAnnotations,
    images: undefinedIfEmpty(k.images),
    namespace: k.namespace,
    replicas: undefinedIfEmpty(k.replicas)?.map((r) => ({ name: r.name, count: { value: r.count } as any })),
    components: undefinedIfEmpty(k.components),
    ignoreMissingComponents: k.ignoreMissingComponents,
    patches: undefinedIfEmpty(k.patches)?.map((p) => compact({
      patch: p.patch,
      path: p.path,
      target: p.target ? compact({ ...p.target }) : undefined,
      options: p.options,
    })),
    kubeVersion: k.kubeVersion,
    apiVersions: undefinedIfEmpty(k.apiVersions),
  });
}

function renderJsonnetVar(v: JsonnetVariable) {
  return compact({ name: v.name, value: v.value, code: v.code });
}

function renderDirectory(d: DirectoryOptions): l1.ApplicationSpecSourcesDirectory {
  return compact({
    recurse: d.recurse,
    include: d.include,
    exclude: d.exclude,
    jsonnet: d.jsonnet ? compact({
      extVars: undefinedIfEmpty(d.jsonnet.extVars)?.map(renderJsonnetVar),
      tlas: undefinedIfEmpty(d.jsonnet.tlas)?.map(renderJsonnetVar),
      libs: undefinedIfEmpty(d.jsonnet.libs),
    }) : undefined,
  });
}

function renderPlugin(p: PluginOptions): l1.ApplicationSpecSourcesPlugin {
  return compact({
    name: p.name,
    env: p.env && Object.keys(p.env).length > 0 ? Object.entries(p.env).map(([name, value]) => ({ name, value })) : undefined,
    parameters: undefinedIfEmpty(p.parameters)?.map((x) => x._toArgo()),
  });
}

/** The dry source of a source hydrator: what gets rendered. */
export interface DrySource {
  /** Repository URL of the dry (unrendered) manifests. */
  readonly repoURL: string;
  /**
   * Revision to hydrate.
   * @default 'HEAD'
   */
  readonly targetRevision?: string;
  /** Path of the dry manifests. */
  readonly path: string;
  /** @default - none */
  readonly helm?: HelmOptions;
  /** @default - none */
  readonly kustomize?: KustomizeOptions;
  /** @default - none */
  readonly directory?: DirectoryOptions;
  /** @default - none */
  readonly plugin?: PluginOptions;
}

/** Where hydrated manifests are committed and synced from. */
export interface SyncSource {
  /** Branch the hydrated manifests are pushed to and synced from, e.g. `env/prod`. */
  readonly targetBranch: string;
  /** Path in that branch (not the repository root). */
  readonly path: string;
  /**
   * Repository the hydrated manifests go to.
   * @default - the dry source's repository
   */
  readonly repoURL?: string;
}

/**
 * Source hydrator settings (`spec.sourceHydrator`): render a dry source and push it to a branch.
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/source-hydrator/
 */
export interface SourceHydrator {
  /** The dry source. */
  readonly drySource: DrySource;
  /** The branch and path the hydrated manifests are synced from. */
  readonly syncSource: SyncSource;
  /**
   * A staging branch to push to first (e.g. for a pull-request flow).
   * @default - push straight to syncSource.targetBranch
   */
  readonly hydrateToBranch?: string;
}

/** @internal */
export function renderSourceHydrator(h: SourceHydrator): l1.ApplicationSpecSourceHydrator {
  return compact({
    drySource: compact({
      repoUrl: h.drySource.repoURL,
      targetRevision: h.drySource.targetRevision,
      path: h.drySource.path,
      ...renderTools(h.drySource),
    }) as l1.ApplicationSpecSourceHydratorDrySource,
    syncSource: compact({ repoUrl: h.syncSource.repoURL, targetBranch: h.syncSource.targetBranch, path: h.syncSource.path }),
    hydrateTo: h.hydrateToBranch !== undefined ? { targetBranch: h.hydrateToBranch } : undefined,
  });
}
