import { CrossObjectRule, IndexedFinding, RuleContext } from './rule';
import { applicationSources } from '../../argo/application';
import { withInClusterAlias } from '../../argo/destinations';
import {
  DestinationPattern, GroupKindPattern, isDenyPattern, isDestinationMatched, isNamedResourceInList, isResourceInList,
  isSourcePermitted, matchStringInList,
} from '../../argo/glob';
import { ANNOTATION_TRACKING_ID, LABEL_SECRET_TYPE } from '../../core/annotation-keys';
import { GoPanic } from '../../core/glob/glob';
import { apiGroupOf } from '../../core/manifest';
import { isObject, str } from '../../core/values';
import { error, Manifest, warning } from '../problem';

const q = (v: unknown) => JSON.stringify(v);

/**
 * `AppProject.IsGroupKindNamePermitted`: namespaced kinds pass when the namespace whitelist is
 * absent (nil) or matches, an explicit empty list allows none; cluster-scoped kinds need a
 * whitelist match; blacklists win (types.go `isResourceInList` / `isNamedResourceInList`).
 */
function isGroupKindNamePermitted(
  spec: Manifest, group: string, kind: string, name: string, namespaced: boolean,
): { permitted: boolean; why?: string } {
  const list = (l: unknown): GroupKindPattern[] => (Array.isArray(l)
    ? l.filter(isObject).map((i) => ({ group: str(i.group), kind: str(i.kind), name: str(i.name) })) : []);
  if (namespaced) {
    const wl = spec.namespaceResourceWhitelist;
    if (wl !== undefined && wl !== null && !isResourceInList(group, kind, list(wl))) return { permitted: false, why: 'namespaceResourceWhitelist' };
    if (isResourceInList(group, kind, list(spec.namespaceResourceBlacklist))) return { permitted: false, why: 'namespaceResourceBlacklist' };
    return { permitted: true };
  }
  if (!isNamedResourceInList(group, kind, name, list(spec.clusterResourceWhitelist))) return { permitted: false, why: 'clusterResourceWhitelist' };
  if (isNamedResourceInList(group, kind, name, list(spec.clusterResourceBlacklist))) return { permitted: false, why: 'clusterResourceBlacklist' };
  return { permitted: true };
}

/** The project's destinations as glob patterns. */
function destinationsOf(pspec: Manifest): DestinationPattern[] {
  return Array.isArray(pspec.destinations)
    ? pspec.destinations.filter(isObject).map((d) => ({ server: str(d.server), name: str(d.name), namespace: str(d.namespace) }))
    : [];
}

/** Built-in cluster-scoped kinds (group/kind); CRDs in the input add theirs. */
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass', 'node.k8s.io/RuntimeClass', 'networking.k8s.io/IngressClass',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'certificates.k8s.io/CertificateSigningRequest', 'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration', 'policy/PodSecurityPolicy',
]);
const NAMESPACED_BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'storage.k8s.io']);

/**
 * The Application an untracked object belongs to: the only Application of the input, when the
 * object is namespaced into exactly that Application's destination namespace.
 */
function untrackedOwner(apps: Manifest[], o: Manifest): Manifest | undefined {
  if (apps.length !== 1) return undefined;
  const ns = str(o.metadata?.namespace);
  const destinationNs = str(apps[0].spec?.destination?.namespace);
  return ns !== '' && ns === destinationNs ? apps[0] : undefined;
}

/** A cluster secret's name, server and project. */
interface ClusterSecret {
  readonly name: string;
  readonly server: string;
  readonly project: string;
}

/** Cluster secrets (label argocd.argoproj.io/secret-type: cluster) in the input, with stringData or base64 data. */
function clusterSecrets(objects: readonly Manifest[]): ClusterSecret[] {
  return objects.filter((o) => isObject(o) && o.kind === 'Secret' && o.metadata?.labels?.[LABEL_SECRET_TYPE] === 'cluster')
    .map((o) => {
      const field = (k: string) => {
        if (isObject(o.stringData) && typeof o.stringData[k] === 'string') return o.stringData[k] as string;
        if (isObject(o.data) && typeof o.data[k] === 'string') return Buffer.from(o.data[k], 'base64').toString('utf8');
        return '';
      };
      return { name: field('name'), server: field('server').replace(/\/$/, ''), project: field('project') };
    });
}

const ARGO_KINDS: readonly string[] = ['Application', 'AppProject', 'ApplicationSet'];
const CONFIG_KINDS: readonly string[] = ['ConfigMap', 'Secret'];

/** Argo CD's own objects and configuration (Applications, projects, cluster/repo secrets, argocd-* ConfigMaps), never an app's resources. */
const isArgo = (o: Manifest) => (str(o.apiVersion).startsWith('argoproj.io/') && ARGO_KINDS.includes(str(o.kind)))
  || (isObject(o.metadata?.labels) && o.metadata.labels[LABEL_SECRET_TYPE] !== undefined)
  || (CONFIG_KINDS.includes(str(o.kind)) && str(o.metadata?.name).startsWith('argocd-'));

/** A permission verdict, or the gobwas panic that deciding it met. */
type Verdict = boolean | GoPanic;

function verdictOf(decide: () => boolean): Verdict {
  try {
    return decide();
  } catch (e) {
    if (!(e instanceof GoPanic)) throw e;
    return e;
  }
}

/**
 * What one AppProject permits, read once per validation: the Applications of a project share its
 * lists, and most share their repoURL and namespace too.
 */
class ProjectFacts {
  public readonly spec: Manifest;
  /** The control-plane namespace: the AppProject's namespace. */
  public readonly controlNamespace: string;
  private repoList?: string[];
  private namespaceList?: string[];
  private destinations?: DestinationPattern[];
  /** IsSourcePermitted per repoURL. */
  private readonly sourceVerdicts = new Map<string, Verdict>();
  /** IsAppNamespacePermitted per Application namespace. */
  private readonly namespaceVerdicts = new Map<string, Verdict>();

  constructor(project: Manifest) {
    this.spec = isObject(project.spec) ? project.spec : {};
    this.controlNamespace = str(project.metadata?.namespace) || 'argocd';
  }

  /** The string entries of spec.sourceRepos. */
  public repos(): string[] {
    return (this.repoList ??= Array.isArray(this.spec.sourceRepos) ? this.spec.sourceRepos.filter((r: unknown) => typeof r === 'string') : []);
  }

  /** AppProject.IsSourcePermitted. */
  public sourcePermitted(url: string): Verdict {
    let verdict = this.sourceVerdicts.get(url);
    if (verdict === undefined) this.sourceVerdicts.set(url, (verdict = verdictOf(() => isSourcePermitted(this.repos(), url))));
    return verdict;
  }

  /** AppProject.isDestinationMatched against the project's destinations; throws GoPanic. */
  public destinationMatched(dst: DestinationPattern): boolean {
    return isDestinationMatched(this.destinations ??= destinationsOf(this.spec), dst);
  }

  /** IsAppNamespacePermitted (MatchStringInList of spec.sourceNamespaces in REGEXP mode). */
  public namespacePermitted(namespace: string): Verdict {
    let verdict = this.namespaceVerdicts.get(namespace);
    if (verdict === undefined) {
      this.namespaceList ??= Array.isArray(this.spec.sourceNamespaces) ? this.spec.sourceNamespaces.filter((n: unknown) => typeof n === 'string') : [];
      const list = this.namespaceList;
      this.namespaceVerdicts.set(namespace, (verdict = verdictOf(() => matchStringInList(list, namespace, 'regexp'))));
    }
    return verdict;
  }
}

/**
 * The project permissions of Applications whose AppProject is in the input (or given with
 * `options.projects`): source repos, destination, application namespace, and the kinds of
 * resources rendered in the same input.
 */
export const projectPermissionsRule: CrossObjectRule = {
  id: 'project-permissions',
  check(ctx: RuleContext): IndexedFinding[] {
    const out: IndexedFinding[] = [];
    // gobwas panics on some pattern/text pairs (a Row with an empty alternative, `a{}` against
    // "a"): Argo CD's controller would crash evaluating the permission. Say so, and count it as denied.
    const panicked = (index: number, path: string, e: GoPanic): boolean => {
      out.push({
        index,
        finding: error('project/glob', path, `a pattern of the AppProject makes Argo CD's glob library panic on this value (gobwas/glob v0.2.3: ${e.message}), which crashes the permission check: rewrite the pattern without an empty {} alternative`),
      });
      return true;
    };
    const guarded = (index: number, path: string, permitted: () => boolean): boolean => {
      try {
        return permitted();
      } catch (e) {
        if (!(e instanceof GoPanic)) throw e;
        return panicked(index, path, e);
      }
    };

    // One pass over the input: the AppProjects (those given first, a later one of the same name
    // wins), the Applications, the scopes of CRDs, and the objects that may be an Application's
    // resources.
    const projects = new Map<string, Manifest>();
    const isProject = (p: Manifest) => isObject(p) && p.kind === 'AppProject' && str(p.apiVersion).startsWith('argoproj.io/') && str(p.metadata?.name);
    for (const p of ctx.extraProjects) if (isProject(p)) projects.set(str(p.metadata.name), p);
    const apps: number[] = []; // indexes of the Applications
    const crdScope = new Map<string, boolean>();
    const workloads: number[] = [];
    for (let index = 0; index < ctx.objects.length; index++) {
      const o = ctx.objects[index];
      if (!isObject(o)) continue;
      if (isProject(o)) projects.set(str(o.metadata.name), o);
      if (o.kind === 'Application' && str(o.apiVersion).startsWith('argoproj.io/')) apps.push(index);
      if (o.kind === 'CustomResourceDefinition' && isObject(o.spec) && isObject(o.spec.names)) {
        crdScope.set(`${str(o.spec.group)}/${str(o.spec.names.kind)}`, o.spec.scope === 'Namespaced');
      }
      if (o.kind && o.apiVersion && !isArgo(o)) workloads.push(index);
    }
    const namespacedOf = (o: Manifest): boolean | undefined => {
      const key = `${apiGroupOf(str(o.apiVersion))}/${str(o.kind)}`;
      if (CLUSTER_SCOPED.has(key)) return false;
      if (crdScope.has(key)) return crdScope.get(key);
      if (NAMESPACED_BUILTIN_GROUPS.has(apiGroupOf(str(o.apiVersion)))) return true;
      return isObject(o.metadata) && typeof o.metadata.namespace === 'string' ? true : undefined;
    };
    const facts = new Map<Manifest, ProjectFacts>();
    const factsOf = (project: Manifest) => {
      let f = facts.get(project);
      if (f === undefined) facts.set(project, (f = new ProjectFacts(project)));
      return f;
    };
    let secrets: ClusterSecret[] | undefined;

    for (let a = 0; a < apps.length; a++) {
      const index = apps[a];
      const app = ctx.objects[index];
      const spec: Manifest = isObject(app.spec) ? app.spec : {};
      const projectName = str(spec.project) || 'default';
      const project = projects.get(projectName);
      if (!project) continue;
      const pf = factsOf(project);
      const pspec = pf.spec;
      const appName = str(app.metadata?.name);

      // Source repositories (util/argo/argo.go ValidatePermissions -> IsSourcePermitted).
      for (const { source, ptr } of applicationSources(spec)) {
        const url = str(source.repoURL);
        if (!url) continue;
        const verdict = pf.sourcePermitted(url);
        // A panic is reported for every Application it decides, and counts as permitted.
        if (verdict instanceof GoPanic) {
          panicked(index, `${ptr}/repoURL`, verdict);
        } else if (!verdict) {
          out.push({
            index,
            finding: error('project-permissions/source-repo', `${ptr}/repoURL`,
              `application repo ${url} is not permitted in project '${projectName}': add ${q(url)} (or a glob that matches it) to spec.sourceRepos of AppProject '${projectName}'${pf.repos().some(isDenyPattern) ? ', or remove the "!" entry that denies it' : ''}`),
          });
        }
      }

      // Destination (IsDestinationPermitted); the in-cluster server and name are interchangeable.
      const d = isObject(spec.destination) ? spec.destination : undefined;
      if (d) {
        const { server, name } = withInClusterAlias({ server: str(d.server) || undefined, name: str(d.name) || undefined });
        const namespace = str(d.namespace);
        let permitted: boolean;
        try {
          permitted = pf.destinationMatched({ server, name, namespace });
        } catch (e) {
          if (!(e instanceof GoPanic)) throw e;
          permitted = panicked(index, '/spec/destination', e);
        }
        if (!permitted) {
          const target = d.server ? `server: ${q(d.server)}` : `name: ${q(d.name)}`;
          out.push({
            index,
            finding: error('project-permissions/destination', '/spec/destination',
              `application destination {${target}, namespace: ${q(namespace)}} is not permitted in project '${projectName}': add {${target}, namespace: ${q(namespace || '*')}} to spec.destinations of AppProject '${projectName}'`),
          });
        }
      }

      // permitOnlyProjectScopedClusters (IsDestinationPermitted): the destination must be a cluster
      // whose secret names this project. Cluster secrets outside the input are unknown, so warn.
      if (d && pspec.permitOnlyProjectScopedClusters === true) {
        const scoped = (secrets ??= clusterSecrets(ctx.objects)).filter((c) => c.project === projectName);
        if (!scoped.some((c) => (d.name && c.name === d.name) || (d.server && c.server === d.server))) {
          out.push({
            index,
            finding: warning('project-permissions/project-scoped-cluster', '/spec/destination',
              `project '${projectName}' sets permitOnlyProjectScopedClusters, and no cluster secret in the input with project: '${projectName}' has ${d.server ? `server ${q(d.server)}` : `name ${q(d.name)}`}: register the cluster with project: '${projectName}' (a Secret labelled argocd.argoproj.io/secret-type: cluster), or ignore this if it is registered elsewhere`),
          });
        }
      }

      // Application namespace (IsAppNamespacePermitted): the control-plane namespace is taken to
      // be the AppProject's namespace.
      const appNs = str(app.metadata?.namespace);
      const controlNs = pf.controlNamespace;
      const nsVerdict = appNs && appNs !== controlNs ? pf.namespacePermitted(appNs) : true;
      if (nsVerdict instanceof GoPanic) {
        panicked(index, '/metadata/namespace', nsVerdict);
      } else if (!nsVerdict) {
        out.push({
          index,
          finding: error('project-permissions/source-namespace', '/metadata/namespace',
            `Application '${appName}' lives in namespace ${q(appNs)}, outside the control-plane namespace ${q(controlNs)}, which project '${projectName}' does not permit: add ${q(appNs)} to spec.sourceNamespaces of AppProject '${projectName}' (and to application.namespaces of argocd-cmd-params-cm)`),
        });
      }
    }

    // Resource kinds: objects rendered in the same input, attributed to an Application the way
    // Argo CD knows its resources: by the tracking annotation or the instance label it writes on
    // what the Application's source renders (util/argo/resource_tracking.go@v3.5.1,
    // GetAppName/SetAppInstance). An untracked object next to an Application is usually NOT its
    // resource: in an app of apps the Applications and the workloads of other charts are synced by
    // the parent, and what an Application deploys is what its source renders, which the input does
    // not say. So an untracked object is attributed only when the input holds a single
    // Application and the object sits in exactly that Application's destination namespace (the one
    // case where it plainly belongs to it), and then only with warnings.
    let appByName: Map<string, Manifest> | undefined;
    let appObjects: Manifest[] | undefined;
    for (let w = 0; w < workloads.length; w++) {
      const index = workloads[w];
      const o = ctx.objects[index];
      appObjects ??= apps.map((a) => ctx.objects[a]);
      appByName ??= new Map(appObjects.map((a) => [str(a.metadata?.name), a]));
      const tracking = str(o.metadata?.annotations?.[ANNOTATION_TRACKING_ID]).split(':')[0];
      const instance = str(o.metadata?.labels?.['app.kubernetes.io/instance']);
      const app = appByName.get(tracking) ?? appByName.get(instance) ?? untrackedOwner(appObjects, o);
      if (!app) continue;
      const projectName = str(app.spec?.project) || 'default';
      const project = projects.get(projectName);
      if (!project) continue;
      const namespaced = namespacedOf(o);
      if (namespaced === undefined) continue;
      const group = apiGroupOf(str(o.apiVersion));
      const kind = str(o.kind);
      const name = str(o.metadata?.name);
      const pf = factsOf(project);
      const pspec = pf.spec;
      const severity = apps.length === 1 && !tracking && !instance ? warning : error;
      const r = isGroupKindNamePermitted(pspec, group, kind, name, namespaced);
      // IsResourcePermitted: a namespaced resource's own namespace must be a permitted destination too.
      const resourceNs = str(o.metadata?.namespace);
      const d = isObject(app.spec?.destination) ? app.spec.destination : undefined;
      if (r.permitted && namespaced && resourceNs && d) {
        const { server, name: dname } = withInClusterAlias({ server: str(d.server) || undefined, name: str(d.name) || undefined });
        if (!guarded(index, '/metadata/namespace', () => pf.destinationMatched({ server, name: dname, namespace: resourceNs }))) {
          const target = d.server ? `server: ${q(d.server)}` : `name: ${q(d.name)}`;
          out.push({
            index,
            finding: severity('project-permissions/resource-namespace', '/metadata/namespace',
              `${kind} ${q(name)} of Application '${str(app.metadata?.name)}' is in namespace ${q(resourceNs)}, which project '${projectName}' does not permit as a destination: add {${target}, namespace: ${q(resourceNs)}} to spec.destinations of AppProject '${projectName}'`),
          });
        }
      }
      if (r.permitted) continue;
      const entry = `{group: ${q(group)}, kind: ${q(kind)}}`;
      const fix = r.why === 'clusterResourceWhitelist' || r.why === 'namespaceResourceWhitelist'
        ? `add ${entry} to spec.${r.why} of AppProject '${projectName}'`
        : `remove the entry matching ${entry} from spec.${r.why} of AppProject '${projectName}'`;
      const scope = namespaced ? 'namespaced' : 'cluster-scoped';
      out.push({
        index,
        finding: severity('project-permissions/resource-kind', '',
          `${scope} resource ${group ? group + '/' : ''}${kind} ${q(name)} of Application '${str(app.metadata?.name)}' is not permitted in project '${projectName}' (${r.why}): ${fix}`),
      });
    }
    return out;
  },
};
