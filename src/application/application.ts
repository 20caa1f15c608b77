import { ApiObject, JsonPatch, Lazy, Names } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { AppProject, engineErrors, IAppProject } from '../project/app-project';
import { Destination } from './destination';
import { IgnoreDifference, renderIgnoreDifference } from './ignore-difference';
import { ANNOTATION_SYNC_WAVE, RESOURCES_FINALIZER, RESOURCES_FINALIZER_BACKGROUND } from '../engine/core/annotation-keys';
import { validationError } from '../private/errors';
import { compact, undefinedIfEmpty } from '../private/render';
import { ApplicationSource, renderSourceHydrator, SourceHydrator } from './source';
import { renderSyncPolicy, SyncPolicy } from './sync-policy';
import * as l1 from '../../imports/application-argoproj.io';

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

class ApplicationResource extends l1.Application {
  private readonly wirePatches: JsonPatch[] = [];
  public addJsonPatch(...ops: JsonPatch[]): void {
    // The L1 maps camelCase props to wire names (repoUrl -> repoURL) after patches are applied;
    // keep patches here and apply them to the wire form so `/spec/source/repoURL` works.
    this.wirePatches.push(...ops);
  }
  public toJson(): any {
    return JsonPatch.apply(super.toJson(), ...this.wirePatches);
  }
}

class ImportedApplication extends Construct implements IApplication {
  constructor(scope: Construct, id: string, public readonly name: string, public readonly namespace: string) {
    super(scope, id);
  }
}

/**
 * An Argo CD Application.
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/declarative-setup/#applications
 */
export class Application extends Construct implements IApplication {
  /** References an Application that is not managed here. */
  public static fromApplicationName(scope: Construct, id: string, name: string, namespace?: string): IApplication {
    return new ImportedApplication(scope, id, name, namespace ?? 'argocd');
  }

  /** The Application's name. */
  public readonly name: string;
  /** The namespace it lives in. */
  public readonly namespace: string;
  /** The project name. */
  public readonly projectName: string;
  /** Where it deploys. */
  public readonly destination: Destination;
  /** The cascade-delete mode, if any. */
  public readonly cascadeDelete?: CascadeDelete;
  /** The L1 object (also reachable with `ApiObject.of(app)`). */
  public readonly apiObject: ApiObject;

  private readonly props: ApplicationProps;
  private readonly project?: IAppProject;
  private readonly _sources: ApplicationSource[] = [];
  private multiSource: boolean;
  private readonly ignoreDifferences: IgnoreDifference[] = [];
  private readonly info: ApplicationInfo[] = [];

  constructor(scope: Construct, id: string, props: ApplicationProps) {
    super(scope, id);
    this.props = props;
    this.name = props.name ?? Names.toDnsLabel(this);
    this.namespace = props.namespace ?? 'argocd';
    this.project = props.project;
    this.projectName = props.project?.name ?? 'default';
    this.destination = props.destination;
    this.cascadeDelete = props.cascadeDelete;
    this.multiSource = props.sources !== undefined;

    const forms = [props.source && 'source', props.sources && 'sources', props.sourceHydrator && 'sourceHydrator'].filter((x) => x);
    if (forms.length > 1) {
      throw validationError(this, `${forms.map((f) => `'${f}'`).join(' and ')} are set, but Argo CD uses only one (sourceHydrator > sources > source): keep one`);
    }
    if (props.source) this._sources.push(props.source);
    props.sources?.forEach((s) => this.addSource(s));
    props.ignoreDifferences?.forEach((d) => this.addIgnoreDifference(d));
    props.info?.forEach((i) => this.addInfo(i.name, i.value));

    this.apiObject = new ApplicationResource(this, 'Resource', {
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: props.labels,
        annotations: props.annotations,
        finalizers: props.cascadeDelete === undefined ? undefined
          : [props.cascadeDelete === CascadeDelete.BACKGROUND ? RESOURCES_FINALIZER_BACKGROUND : RESOURCES_FINALIZER],
      },
      spec: Lazy.any({ produce: () => this._toArgo() }),
    });
    this.node.addValidation({
      validate: () => {
        if (this._sources.length === 0 && !props.sourceHydrator) return ["the Application has no source: set 'source', 'sources' or 'sourceHydrator', or call addSource()"];
        const projects = this.project instanceof AppProject ? [this.project.apiObject.toJson()] : [];
        return engineErrors(this.apiObject.toJson(), projects);
      },
    });
  }

  /** The sources (a copy). */
  public get sources(): ApplicationSource[] {
    return [...this._sources];
  }

  /** Adds a source; with more than one, the Application renders `sources` (multi-source). */
  public addSource(source: ApplicationSource): void {
    if (this.props.sourceHydrator) throw validationError(this, "cannot add a source to an Application with 'sourceHydrator': Argo CD would ignore it");
    if (source.name && this._sources.some((s) => s.name === source.name)) {
      throw validationError(this, `a source named ${JSON.stringify(source.name)} already exists: source names must be unique`);
    }
    if (source.ref && this._sources.some((s) => s.ref === source.ref)) {
      throw validationError(this, `a source with ref ${JSON.stringify(source.ref)} already exists: refs must be unique`);
    }
    this._sources.push(source);
    if (this._sources.length > 1) this.multiSource = true;
  }

  /** Ignores differences of some resources. */
  public addIgnoreDifference(difference: IgnoreDifference): void {
    this.ignoreDifferences.push(difference);
  }

  /** Adds an entry to the info tab. */
  public addInfo(name: string, value: string): void {
    this.info.push({ name, value });
  }

  /** Sets the Application's sync wave (gates in an app of apps only with the Application health check). */
  public setSyncWave(wave: number): void {
    if (!Number.isInteger(wave)) throw validationError(this, `sync wave must be an integer, got ${wave}`);
    this.apiObject.metadata.addAnnotation(ANNOTATION_SYNC_WAVE, String(wave));
  }

  /** @internal */
  public _toArgo(): l1.ApplicationSpec {
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

