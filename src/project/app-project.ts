import { Construct, IConstruct } from 'constructs';
import { PROJECT_ROLE, ProjectRole, renderRole } from './project-role';
import { renderSyncWindow, SYNC_WINDOW, SyncWindow } from './sync-window';
import * as l1 from '../../imports/appproject-argoproj.io';
import { DEFAULT_NAMESPACE } from '../engine/argo/namespace';
import { projectDestinationError, roleNameError, sourceRepoError } from '../engine/argo/project';
import { RESOURCES_FINALIZER } from '../engine/core/annotation-keys';
import { NotificationSubscriptions } from '../notifications/subscription';
import { ArgoCdObject, ArgoCdObjectReference } from '../private/argo-cd-object';
import { validationError } from '../private/errors';
import { arrayOf, boolean, checkArg, checkProps, optional, pathOf, record, required, Shape, string, stringMap } from '../private/props';
import { compact, undefinedIfEmpty } from '../private/render';

/** An AppProject, managed here or elsewhere. */
export interface IAppProject extends IConstruct {
  /** The AppProject's name. */
  readonly name: string;
}

/** A destination an AppProject permits; every field is a glob, `!` negates. */
export interface ProjectDestination {
  /**
   * Cluster API server URL glob.
   * @default - match by name only
   */
  readonly server?: string;
  /**
   * Cluster name glob.
   * @default - match by server only
   */
  readonly name?: string;
  /**
   * Namespace glob.
   * @default '*'
   */
  readonly namespace?: string;
}

/** A group and kind (globs in Go filepath.Match syntax; the core group is `''`). */
export interface ResourceKind {
  /** API group, `''` for the core group. */
  readonly group: string;
  /** Kind. */
  readonly kind: string;
}

/** A group, kind and optional name of cluster-scoped resources. */
export interface ClusterResourceKind extends ResourceKind {
  /**
   * Name glob.
   * @default - any name
   */
  readonly name?: string;
}

/** Orphaned-resource monitoring of a project. */
export interface OrphanedResources {
  /**
   * Raise a warning condition on the Application when orphans are found.
   * @default true
   */
  readonly warn?: boolean;
  /**
   * Resources that never count as orphans.
   * @default - none
   */
  readonly ignore?: ClusterResourceKind[];
}

/** The service account Argo CD impersonates for a destination. */
export interface DestinationServiceAccount {
  /** Cluster API server URL glob (no `!`). */
  readonly server: string;
  /** Namespace glob (no `!`). */
  readonly namespace: string;
  /** Service account, `name` or `namespace:name`. */
  readonly defaultServiceAccount: string;
}

/** A GnuPG policy of source integrity. */
export interface GitSourceIntegrityPolicy {
  /** Repository URL globs (`!` negates). */
  readonly repos: string[];
  /** GnuPG mode, e.g. `strict` or `head`. */
  readonly gpgMode: string;
  /** Allowed GnuPG key ids. */
  readonly gpgKeys: string[];
}

/** Properties of an AppProject. */
export interface AppProjectProps {
  /**
   * Name of the AppProject.
   * @default - a name generated from the construct path
   */
  readonly name?: string;
  /**
   * Namespace the AppProject lives in (Argo CD's control-plane namespace).
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * Description, at most 255 characters.
   * @default - none
   */
  readonly description?: string;
  /**
   * Repository URL globs Applications may use (`!` denies). You can also add repos with `addSourceRepo()`.
   * @default - none: no Application may use the project until a repo is added
   */
  readonly sourceRepos?: string[];
  /**
   * Destinations Applications may deploy to. You can also use `addDestination()`.
   * @default - none
   */
  readonly destinations?: ProjectDestination[];
  /**
   * Cluster-scoped kinds Applications may create. You can also use `addClusterResourceWhitelist()`.
   * @default - none: no cluster-scoped resource is allowed
   */
  readonly clusterResourceWhitelist?: ClusterResourceKind[];
  /**
   * Cluster-scoped kinds that are denied. You can also use `addClusterResourceBlacklist()`.
   * @default - none
   */
  readonly clusterResourceBlacklist?: ClusterResourceKind[];
  /**
   * Namespaced kinds Applications may create; an explicit empty list allows none.
   * You can also use `addNamespaceResourceWhitelist()`.
   * @default - every namespaced kind is allowed
   */
  readonly namespaceResourceWhitelist?: ResourceKind[];
  /**
   * Namespaced kinds that are denied. You can also use `addNamespaceResourceBlacklist()`.
   * @default - none
   */
  readonly namespaceResourceBlacklist?: ResourceKind[];
  /**
   * Roles. You can also use `addRole()`.
   * @default - none
   */
  readonly roles?: ProjectRole[];
  /**
   * Sync windows. You can also use `addSyncWindow()`.
   * @default - syncs are allowed at any time
   */
  readonly syncWindows?: SyncWindow[];
  /**
   * Orphaned-resource monitoring.
   * @default - off
   */
  readonly orphanedResources?: OrphanedResources;
  /**
   * GnuPG key ids that must have signed the synced commits. You can also use `addSignatureKey()`.
   * @default - commits need no signature
   */
  readonly signatureKeys?: string[];
  /**
   * Namespaces (globs or `/regex/`) Applications of this project may live in besides the
   * control-plane namespace. You can also use `addSourceNamespace()`.
   * @default - only the control-plane namespace
   */
  readonly sourceNamespaces?: string[];
  /**
   * Service accounts Argo CD impersonates per destination. You can also use `addDestinationServiceAccount()`.
   * @default - none (Argo CD's own service account)
   */
  readonly destinationServiceAccounts?: DestinationServiceAccount[];
  /**
   * Only clusters scoped to this project may be used.
   * @default false
   */
  readonly permitOnlyProjectScopedClusters?: boolean;
  /**
   * Source integrity (GnuPG) policies for Git sources.
   * @default - none
   */
  readonly sourceIntegrityPolicies?: GitSourceIntegrityPolicy[];
  /**
   * Add Argo CD's resources finalizer so the project cannot be deleted while Applications use it.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /** @default - none */
  readonly labels?: { [key: string]: string };
  /** @default - none */
  readonly annotations?: { [key: string]: string };
}

const RESOURCE_KIND: Shape = record({ group: required(string, 'give the API group ("" for the core group)'), kind: required(string, 'give the kind, e.g. "Deployment"') }, 'a ResourceKind');
const CLUSTER_RESOURCE_KIND: Shape = record({ group: required(string, 'give the API group ("" for the core group)'), kind: required(string, 'give the kind, e.g. "Namespace"'), name: optional(string) }, 'a ClusterResourceKind');
const PROJECT_DESTINATION: Shape = record({ server: optional(string), name: optional(string), namespace: optional(string) }, 'a ProjectDestination');
const DESTINATION_SERVICE_ACCOUNT: Shape = record({
  server: required(string, 'give the cluster URL glob'),
  namespace: required(string, 'give the namespace glob'),
  defaultServiceAccount: required(string, 'give the service account name'),
}, 'a DestinationServiceAccount');

const APP_PROJECT_PROPS: Shape = record({
  name: optional(string),
  namespace: optional(string),
  description: optional(string),
  sourceRepos: optional(arrayOf(string)),
  destinations: optional(arrayOf(PROJECT_DESTINATION)),
  clusterResourceWhitelist: optional(arrayOf(CLUSTER_RESOURCE_KIND)),
  clusterResourceBlacklist: optional(arrayOf(CLUSTER_RESOURCE_KIND)),
  namespaceResourceWhitelist: optional(arrayOf(RESOURCE_KIND)),
  namespaceResourceBlacklist: optional(arrayOf(RESOURCE_KIND)),
  roles: optional(arrayOf(PROJECT_ROLE)),
  syncWindows: optional(arrayOf(SYNC_WINDOW)),
  orphanedResources: optional(record({ warn: optional(boolean), ignore: optional(arrayOf(CLUSTER_RESOURCE_KIND)) })),
  signatureKeys: optional(arrayOf(string)),
  sourceNamespaces: optional(arrayOf(string)),
  destinationServiceAccounts: optional(arrayOf(DESTINATION_SERVICE_ACCOUNT)),
  permitOnlyProjectScopedClusters: optional(boolean),
  sourceIntegrityPolicies: optional(arrayOf(record({ repos: required(arrayOf(string), 'give the repository globs'), gpgMode: required(string, 'give the GPG mode'), gpgKeys: required(arrayOf(string), 'give the key ids') }))),
  deletionProtection: optional(boolean),
  labels: optional(stringMap),
  annotations: optional(stringMap),
}, 'an object of AppProjectProps');

/**
 * An Argo CD AppProject: which repositories, destinations and kinds its Applications may use,
 * with roles and sync windows.
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/projects/
 */
export class AppProject extends ArgoCdObject implements IAppProject {
  /** References an AppProject that is not managed here, e.g. `default`. */
  public static fromAppProjectName(scope: Construct, id: string, name: string): IAppProject {
    return new ArgoCdObjectReference(scope, id, name, DEFAULT_NAMESPACE);
  }

  /** Whether only project-scoped clusters may be used. */
  public readonly permitOnlyProjectScopedClusters: boolean;
  /** Whether the resources finalizer is set. */
  public readonly deletionProtection: boolean;

  private readonly props: AppProjectProps;
  private readonly sourceRepos: string[] = [];
  private readonly destinations: ProjectDestination[] = [];
  private readonly clusterWhitelist: ClusterResourceKind[] = [];
  private readonly clusterBlacklist: ClusterResourceKind[] = [];
  private namespaceWhitelist?: ResourceKind[];
  private readonly namespaceBlacklist: ResourceKind[] = [];
  private readonly roles: ProjectRole[] = [];
  private readonly syncWindows: SyncWindow[] = [];
  private readonly signatureKeys: string[] = [];
  private readonly sourceNamespaces: string[] = [];
  private readonly destinationServiceAccounts: DestinationServiceAccount[] = [];

  /**
   * Notification subscriptions (`notifications.argoproj.io/subscribe.<trigger>.<service>` annotations) of every Application of the project:
   * `appProject.notifications.subscribe(trigger, service, ['#channel'])`.
   */
  public get notifications(): NotificationSubscriptions {
    return NotificationSubscriptions.of(this.apiObject);
  }

  constructor(scope: Construct, id: string, props: AppProjectProps = {}) {
    props = checkProps(pathOf(scope, id), props, APP_PROJECT_PROPS) ?? {};
    super(scope, id, { resource: l1.AppProject, propsToJson: l1.toJson_AppProjectProps }, {
      name: props.name,
      namespace: props.namespace ?? DEFAULT_NAMESPACE,
      labels: props.labels,
      annotations: props.annotations,
      finalizers: props.deletionProtection ? [RESOURCES_FINALIZER] : undefined,
    });
    this.props = props;
    this.permitOnlyProjectScopedClusters = props.permitOnlyProjectScopedClusters ?? false;
    this.deletionProtection = props.deletionProtection ?? false;
    props.sourceRepos?.forEach((r) => this.addSourceRepo(r));
    props.destinations?.forEach((d) => this.addDestination(d));
    props.clusterResourceWhitelist?.forEach((k) => this.addClusterResourceWhitelist(k));
    props.clusterResourceBlacklist?.forEach((k) => this.addClusterResourceBlacklist(k));
    if (props.namespaceResourceWhitelist !== undefined) this.namespaceWhitelist = [...props.namespaceResourceWhitelist];
    props.namespaceResourceBlacklist?.forEach((k) => this.addNamespaceResourceBlacklist(k));
    props.roles?.forEach((r) => this.addRole(r));
    props.syncWindows?.forEach((w) => this.addSyncWindow(w));
    props.signatureKeys?.forEach((k) => this.addSignatureKey(k));
    props.sourceNamespaces?.forEach((n) => this.addSourceNamespace(n));
    props.destinationServiceAccounts?.forEach((d) => this.addDestinationServiceAccount(d));

  }

  /** Permits a repository URL glob (`!` to deny). */
  public addSourceRepo(repo: string): void {
    checkArg(this.node.path, 'repo', repo, string);
    const problem = sourceRepoError(repo, 'source repo');
    if (problem) throw validationError(this, problem);
    if (this.sourceRepos.includes(repo)) throw validationError(this, `source repo ${JSON.stringify(repo)} is already permitted: remove the duplicate`);
    this.sourceRepos.push(repo);
  }

  /** Permits a destination. */
  public addDestination(destination: ProjectDestination): void {
    checkArg(this.node.path, 'destination', destination, PROJECT_DESTINATION);
    const problem = projectDestinationError(destination.server, destination.name);
    if (problem) throw validationError(this, problem);
    this.destinations.push(destination);
  }

  /** Permits a cluster-scoped kind. */
  public addClusterResourceWhitelist(kind: ClusterResourceKind): void {
    checkArg(this.node.path, 'kind', kind, CLUSTER_RESOURCE_KIND);
    this.clusterWhitelist.push(kind);
  }

  /** Denies a cluster-scoped kind. */
  public addClusterResourceBlacklist(kind: ClusterResourceKind): void {
    checkArg(this.node.path, 'kind', kind, CLUSTER_RESOURCE_KIND);
    this.clusterBlacklist.push(kind);
  }

  /** Permits a namespaced kind (from then on, only whitelisted namespaced kinds are allowed). */
  public addNamespaceResourceWhitelist(kind: ResourceKind): void {
    checkArg(this.node.path, 'kind', kind, RESOURCE_KIND);
    this.namespaceWhitelist = [...(this.namespaceWhitelist ?? []), kind];
  }

  /** Denies a namespaced kind. */
  public addNamespaceResourceBlacklist(kind: ResourceKind): void {
    checkArg(this.node.path, 'kind', kind, RESOURCE_KIND);
    this.namespaceBlacklist.push(kind);
  }

  /** Adds a role. */
  public addRole(role: ProjectRole): void {
    checkArg(this.node.path, 'role', role, PROJECT_ROLE);
    const problem = roleNameError(role.name);
    if (problem) throw validationError(this, problem);
    if (this.roles.some((r) => r.name === role.name)) throw validationError(this, `role ${JSON.stringify(role.name)} already exists: role names must be unique`);
    this.roles.push(role);
  }

  /** Adds a sync window. */
  public addSyncWindow(window: SyncWindow): void {
    checkArg(this.node.path, 'window', window, SYNC_WINDOW);
    this.syncWindows.push(window);
  }

  /** Requires commits signed by this GnuPG key id. */
  public addSignatureKey(keyId: string): void {
    checkArg(this.node.path, 'keyId', keyId, string);
    this.signatureKeys.push(keyId);
  }

  /** Permits Applications in a namespace (glob or `/regex/`). */
  public addSourceNamespace(namespace: string): void {
    checkArg(this.node.path, 'namespace', namespace, string);
    if (this.sourceNamespaces.includes(namespace)) throw validationError(this, `source namespace ${JSON.stringify(namespace)} is already permitted: remove the duplicate`);
    this.sourceNamespaces.push(namespace);
  }

  /** Sets the service account for a destination. */
  public addDestinationServiceAccount(account: DestinationServiceAccount): void {
    checkArg(this.node.path, 'account', account, DESTINATION_SERVICE_ACCOUNT);
    this.destinationServiceAccounts.push(account);
  }

  protected renderSpec(): l1.AppProjectSpec {
    const p = this.props;
    return compact({
      description: p.description,
      sourceRepos: undefinedIfEmpty(this.sourceRepos),
      destinations: undefinedIfEmpty(this.destinations)?.map((d) => compact({ namespace: d.namespace ?? '*', server: d.server, name: d.name })),
      clusterResourceWhitelist: undefinedIfEmpty(this.clusterWhitelist)?.map((k) => compact({ ...k })),
      clusterResourceBlacklist: undefinedIfEmpty(this.clusterBlacklist)?.map((k) => compact({ ...k })),
      namespaceResourceWhitelist: this.namespaceWhitelist?.map((k) => ({ group: k.group, kind: k.kind })),
      namespaceResourceBlacklist: undefinedIfEmpty(this.namespaceBlacklist)?.map((k) => ({ group: k.group, kind: k.kind })),
      orphanedResources: p.orphanedResources ? compact({
        warn: p.orphanedResources.warn,
        ignore: undefinedIfEmpty(p.orphanedResources.ignore)?.map((k) => compact({ ...k })),
      }) : undefined,
      roles: undefinedIfEmpty(this.roles)?.map((r) => renderRole(this.name, r)),
      syncWindows: undefinedIfEmpty(this.syncWindows)?.map(renderSyncWindow),
      signatureKeys: undefinedIfEmpty(this.signatureKeys)?.map((k) => ({ keyId: k })),
      sourceNamespaces: undefinedIfEmpty(this.sourceNamespaces),
      destinationServiceAccounts: undefinedIfEmpty(this.destinationServiceAccounts)?.map((d) => ({ ...d })),
      permitOnlyProjectScopedClusters: p.permitOnlyProjectScopedClusters,
      sourceIntegrity: p.sourceIntegrityPolicies && p.sourceIntegrityPolicies.length > 0 ? {
        git: {
          policies: p.sourceIntegrityPolicies.map((g) => ({
            repos: g.repos.map((url) => ({ url })),
            gpg: { mode: g.gpgMode, keys: [...g.gpgKeys] },
          })),
        },
      } : undefined,
    });
  }
}
