import { Construct, IConstruct } from 'constructs';
import { Destination } from './destination';
import { IgnoreDifference, renderIgnoreDifference } from './ignore-difference';
import { APPLICATION_SOURCE, ApplicationSource, renderSourceHydrator, SOURCE_TOOLS, SourceHydrator } from './source';
import { renderSyncPolicy, SYNC_POLICY, SyncPolicy } from './sync-policy';
import * as l1 from '../../imports/application-argoproj.io';
import { duplicateSourceFieldError, sourceFormsError } from '../engine/argo/application';
import { DEFAULT_NAMESPACE } from '../engine/argo/namespace';
import { syncWaveValueError } from '../engine/argo/sync-annotations';
import { ANNOTATION_SYNC_WAVE, RESOURCES_FINALIZER, RESOURCES_FINALIZER_BACKGROUND } from '../engine/core/annotation-keys';
import { Manifest } from '../engine/core/manifest';
import { NotificationSubscriptions } from '../notifications/subscription';
import { ArgoCdObject, ArgoCdObjectReference } from '../private/argo-cd-object';
import { validationError } from '../private/errors';
import { arrayOf, checkArg, checkProps, enumOf, implementing, instanceOf, integer, optional, pathOf, record, required, Shape, string, stringMap } from '../private/props';
import { compact, undefinedIfEmpty } from '../private/render';
import { AppProject, IAppProject } from '../project/app-project';

/** An Application, managed here or elsewhere. */
export interface IApplication extends IConstruct {
  /** The Application's name. */
  readonly name: string;
  /** The namespace the Application lives in. */
  readonly namespace: string;
}

/**
 * What deleting the Application does to its resources (Argo CD's resources finalizer).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/app_deletion/
 */
export enum CascadeDelete {
  /** Delete the resources with foreground propagation (`resources-finalizer.argocd.argoproj.io`). */
  FOREGROUND = 'foreground',
  /** Delete the resources with background propagation (`.../background`). */
  BACKGROUND = 'background',
}

/** An entry of the Application's info tab. */
export interface ApplicationInfo {
  /** Label, e.g. `Runbook:`. */
  readonly name: string;
  /** Value, e.g. a URL. */
  readonly value: string;
}

/** Properties of an Application. */
export interface ApplicationProps {
  /**
   * Name of the Application (a DNS-1123 subdomain; at most 53 characters for Helm sources).
   * @default - a name generated from the construct path
   */
  readonly name?: string;
  /**
   * Namespace the Application lives in.
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * The AppProject.
   * @default - the "default" AppProject
   */
  readonly project?: IAppProject;
  /**
   * The single source. Give exactly one of source, sources, sourceHydrator.
   * @default - none
   */
  readonly source?: ApplicationSource;
  /**
   * Several sources (multi-source Application). You can also add sources with `addSource()`.
   * @default - none
   */
  readonly sources?: ApplicationSource[];
  /**
   * Source hydrator (render a dry source into a branch and sync from it).
   * @default - none
   */
  readonly sourceHydrator?: SourceHydrator;
  /** Where to deploy. */
  readonly destination: Destination;
  /**
   * Sync policy.
   * @default - manual sync, no options
   */
  readonly syncPolicy?: SyncPolicy;
  /**
   * Differences to ignore. You can also use `addIgnoreDifference()`.
   * @default - none
   */
  readonly ignoreDifferences?: IgnoreDifference[];
  /**
   * Info entries. You can also use `addInfo()`.
   * @default - none
   */
  readonly info?: ApplicationInfo[];
  /**
   * Number of history entries to keep.
   * @default 10
   */
  readonly revisionHistoryLimit?: number;
  /**
   * Delete the Application's resources when it is deleted, with this propagation.
   * @default - no finalizer: deleting the Application leaves its resources in place
   */
  readonly cascadeDelete?: CascadeDelete;
  /** @default - none */
  readonly labels?: { [key: string]: string };
  /** @default - none */
  readonly annotations?: { [key: string]: string };
}

const IGNORE_DIFFERENCE: Shape = record({
  kind: required(string, 'give the kind, e.g. "Deployment"'),
  group: optional(string),
  name: optional(string),
  namespace: optional(string),
  jsonPointers: optional(arrayOf(string)),
  jqPathExpressions: optional(arrayOf(string)),
  managedFieldsManagers: optional(arrayOf(string)),
}, 'an IgnoreDifference');

const INFO: Shape = record({ name: required(string, 'give the label, e.g. "Runbook:"'), value: required(string, 'give the value, e.g. a URL') });

const APPLICATION_PROPS: Shape = record({
  name: optional(string),
  namespace: optional(string),
  project: optional(implementing('IAppProject', ['name'], "pass an AppProject, or AppProject.fromAppProjectName(scope, id, 'name')")),
  source: optional(APPLICATION_SOURCE),
  sources: optional(arrayOf(APPLICATION_SOURCE)),
  sourceHydrator: optional(record({
    drySource: required(record({ repoURL: required(string, 'give the repository URL'), targetRevision: optional(string), path: required(string, 'give the path'), ...SOURCE_TOOLS }), 'give the dry source: { repoURL, path, targetRevision }'),
    syncSource: required(record({ targetBranch: required(string, 'give the branch to hydrate into'), path: required(string, 'give the path'), repoURL: optional(string) }), 'give the sync source: { targetBranch, path }'),
    hydrateToBranch: optional(string),
  })),
  destination: required(instanceOf(Destination, "pass Destination.inCluster('my-namespace'), Destination.server(url) or Destination.cluster(name)"),
    "pass Destination.inCluster('my-namespace'), Destination.server(url) or Destination.cluster(name)"),
  syncPolicy: optional(SYNC_POLICY),
  ignoreDifferences: optional(arrayOf(IGNORE_DIFFERENCE)),
  info: optional(arrayOf(INFO)),
  revisionHistoryLimit: optional(integer),
  cascadeDelete: optional(enumOf(CascadeDelete as unknown as { [key: string]: string }, 'CascadeDelete')),
  labels: optional(stringMap),
  annotations: optional(stringMap),
}, 'an object of ApplicationProps');

/** The props, checked (they arrive unchecked from JavaScript or `any`-typed code). */
function checked(scope: Construct, id: string, props: ApplicationProps): ApplicationProps {
  return checkProps(pathOf(scope, id), props, APPLICATION_PROPS);
}

/**
 * An Argo CD Application.
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/declarative-setup/#applications
 */
export class Application extends ArgoCdObject implements IApplication {
  /** References an Application that is not managed here. */
  public static fromApplicationName(scope: Construct, id: string, name: string, namespace?: string): IApplication {
    return new ArgoCdObjectReference(scope, id, name, namespace ?? DEFAULT_NAMESPACE);
  }

  /** The project name. */
  public readonly projectName: string;
  /** Where it deploys. */
  public readonly destination: Destination;
  /** The cascade-delete mode, if any. */
  public readonly cascadeDelete?: CascadeDelete;
  private readonly props: ApplicationProps;
  private readonly project?: IAppProject;
  private readonly _sources: ApplicationSource[] = [];
  private multiSource: boolean;
  private readonly ignoreDifferences: IgnoreDifference[] = [];
  private readonly info: ApplicationInfo[] = [];

  /**
   * Notification subscriptions (`notifications.argoproj.io/subscribe.<trigger>.<service>` annotations):
   * `application.notifications.subscribe(trigger, service, ['#channel'])`.
   */
  public get notifications(): NotificationSubscriptions {
    return NotificationSubscriptions.of(this.apiObject);
  }

  constructor(scope: Construct, id: string, props: ApplicationProps) {
    props = checked(scope, id, props);
    super(scope, id, { resource: l1.Application, propsToJson: l1.toJson_ApplicationProps }, {
      name: props.name,
      namespace: props.namespace ?? DEFAULT_NAMESPACE,
      labels: props.labels,
      annotations: props.annotations,
      finalizers: props.cascadeDelete === undefined ? undefined
        : [props.cascadeDelete === CascadeDelete.BACKGROUND ? RESOURCES_FINALIZER_BACKGROUND : RESOURCES_FINALIZER],
    });
    this.props = props;
    this.project = props.project;
    this.projectName = props.project?.name ?? 'default';
    this.destination = props.destination;
    this.cascadeDelete = props.cascadeDelete;
    this.multiSource = props.sources !== undefined;

    const formsProblem = sourceFormsError(['source', 'sources', 'sourceHydrator'].filter((f) => (props as any)[f] !== undefined), 'the Application');
    if (formsProblem) throw validationError(this, formsProblem);
    if (props.source) this._sources.push(props.source);
    props.sources?.forEach((s) => this.addSource(s));
    props.ignoreDifferences?.forEach((d) => this.addIgnoreDifference(d));
    props.info?.forEach((i) => this.addInfo(i.name, i.value));
    this.node.addValidation({
      validate: () => (this._sources.length === 0 && !props.sourceHydrator
        ? ["the Application has no source: set 'source', 'sources' or 'sourceHydrator', or call addSource()"] : []),
    });
  }

  /** The sources (a copy). */
  public get sources(): ApplicationSource[] {
    return [...this._sources];
  }

  /** Adds a source; with more than one, the Application renders `sources` (multi-source). */
  public addSource(source: ApplicationSource): void {
    checkArg(this.node.path, 'source', source, APPLICATION_SOURCE);
    if (this.props.sourceHydrator) throw validationError(this, "cannot add a source to an Application with 'sourceHydrator': Argo CD would ignore it");
    for (const field of ['name', 'ref'] as const) {
      const value = source[field];
      const first = value ? this._sources.findIndex((s) => s[field] === value) : -1;
      if (value && first >= 0) {
        throw validationError(this, duplicateSourceFieldError(field, value, `sources[${this._sources.length}]`, `sources[${first}]`));
      }
    }
    this._sources.push(source);
    if (this._sources.length > 1) this.multiSource = true;
  }

  /** Ignores differences of some resources. */
  public addIgnoreDifference(difference: IgnoreDifference): void {
    checkArg(this.node.path, 'difference', difference, IGNORE_DIFFERENCE);
    this.ignoreDifferences.push(difference);
  }

  /** Adds an entry to the info tab. */
  public addInfo(name: string, value: string): void {
    checkArg(this.node.path, 'info', { name, value }, INFO);
    this.info.push({ name, value });
  }

  /** Sets the Application's sync wave (gates in an app of apps only with the Application health check). */
  public setSyncWave(wave: number): void {
    const problem = syncWaveValueError(wave);
    if (problem) throw validationError(this, problem);
    this.apiObject.metadata.addAnnotation(ANNOTATION_SYNC_WAVE, String(wave));
  }

  protected validationContext(): Manifest[] {
    return this.project instanceof AppProject ? [this.project.apiObject.toJson()] : [];
  }

  protected renderSpec(): l1.ApplicationSpec {
    const p = this.props;
    const sources = this._sources.map((s) => s._toArgo());
    return compact({
      project: this.projectName,
      source: !this.multiSource && sources.length === 1 ? sources[0] as l1.ApplicationSpecSource : undefined,
      sources: this.multiSource ? sources : undefined,
      sourceHydrator: p.sourceHydrator ? renderSourceHydrator(p.sourceHydrator) : undefined,
      destination: this.destination._toArgo(),
      syncPolicy: p.syncPolicy ? renderSyncPolicy(p.syncPolicy) : undefined,
      ignoreDifferences: undefinedIfEmpty(this.ignoreDifferences)?.map(renderIgnoreDifference),
      info: undefinedIfEmpty(this.info),
      revisionHistoryLimit: p.revisionHistoryLimit,
    }) as l1.ApplicationSpec;
  }
}

