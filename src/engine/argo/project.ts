/**
 * AppProject facts of Argo CD v3.5.1: role names, the resources and actions a project role can
 * grant, policy lines, and the entries Argo CD refuses (pkg/apis/application/v1alpha1/types.go,
 * app_project_types.go `ValidateProject`, util/rbac/rbac.go).
 */
import { didYouMean } from '../core/did-you-mean';

const q = (v: unknown) => JSON.stringify(v);

/** `validateRoleName` (pkg/apis/application/v1alpha1/types.go). */
export const ROLE_NAME = /^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** `rbac.ProjectScoped` resources (util/rbac/rbac.go). */
export const PROJECT_SCOPED_RESOURCES: readonly string[] = ['applications', 'applicationsets', 'repositories', 'exec', 'logs', 'clusters'];
export const PROJECT_ACTIONS: readonly string[] = ['get', 'create', 'update', 'delete', 'sync', 'override', '*'];

let timeZones: Set<string> | undefined;
/** IANA time zones known to Node's ICU (Go's time.LoadLocation reads the same tz database). */
export function isTimeZone(tz: string): boolean {
  if (tz === 'UTC' || tz === 'Local' || tz === '') return true;
  if (!timeZones) {
    timeZones = new Set((Intl as any).supportedValuesOf ? (Intl as any).supportedValuesOf('timeZone') : []);
  }
  if (timeZones.has(tz)) return true;
  try {
    // Links such as "US/Pacific" or "Etc/UTC" are valid for Go but not listed by supportedValuesOf.
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return /^[A-Za-z]/.test(tz);
  } catch {
    return false;
  }
}

/** A problem with one project policy line. */
export interface PolicyProblem {
  /**
   * `error`: the line grants nothing (or not what it says) even when the AppProject is applied
   * declaratively; `warning`: only the API server refuses it, see `policyProblem`.
   */
  readonly severity: 'error' | 'warning';
  /** What is wrong and the fix, to follow the quoted policy line. */
  readonly message: string;
}

/** `isValidObject` (types.go): `<project>[/<namespace>]/<app>`, globs allowed. */
function isProjectObject(project: string, object: string): boolean {
  return new RegExp(`^${escapeRegExp(project)}(/[*\\w.-]+)?/[*\\w.-]+$`).test(object);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a casbin glob object (`*` any run of characters) matches some application of the project. */
function objectCoversProject(project: string, object: string): boolean {
  const re = new RegExp(`^${object.split('*').map(escapeRegExp).join('.*')}$`);
  return re.test(`${project}/app`) || re.test(`${project}/namespace/app`);
}

/**
 * Checks one project policy line against `validatePolicy` (pkg/apis/application/v1alpha1/types.go
 * @v3.5.1; reference e.6). Argo CD runs `validatePolicy` only in its API server (`ValidateProject`,
 * from server/project/project.go on Create, Update, CreateToken and DeleteToken): an AppProject
 * applied by Argo CD or kubectl is never checked, and its policy lines go to casbin as they are
 * (`ProjectPoliciesString`, app_project_types.go). So:
 * - a line casbin reads as a grant the author meant (object `*`, a subject that is a global role,
 *   user or group, or another role of the same project) is a `warning`: it works, but every later
 *   UI/CLI edit of the project, and every token for its roles, is refused;
 * - a line that grants nothing (malformed, another project's role, which `enforceProjectToken`
 *   never matches in server/rbacpolicy/rbacpolicy.go, a resource or object outside the project, an
 *   unknown action or effect) is an `error`.
 * The first problem in `validatePolicy`'s order is reported, errors before warnings.
 */
export function policyProblem(project: string, role: string, line: string): PolicyProblem | undefined {
  const parts = line.split(',').map((p) => p.trim());
  const expected = `"p, proj:${project}:${role}, applications, get, ${project}/*, allow"`;
  if (parts.length !== 6) return { severity: 'error', message: `has ${parts.length} comma-separated fields, expected 6: ${expected}` };
  if (parts[0] !== 'p') return { severity: 'error', message: `starts with ${q(parts[0])}, expected "p"` };
  let apiServerOnly: string | undefined;
  const refused = `, which Argo CD's API server refuses (validatePolicy): it works when the AppProject is applied by Argo CD or kubectl, but a later edit of project ${q(project)} in the UI or CLI, or a token for its roles, will be refused`;
  const subject = parts[1];
  if (subject !== `proj:${project}:${role}`) {
    const other = /^proj:([^:]*):(.*)$/.exec(subject);
    if (other && other[1] !== project) {
      return { severity: 'error', message: `has subject ${q(subject)}, a role of project ${q(other[1])}, which this project's policies never apply to, so it grants nothing: a policy of role ${q(role)} must use "proj:${project}:${role}"` };
    }
    apiServerOnly = `has subject ${q(subject)}${refused}: a policy of role ${q(role)} must use "proj:${project}:${role}"${other ? ` (move the line to role ${q(other[2])})` : ' (grant a global role in argocd-rbac-cm instead)'}`;
  }
  if (!PROJECT_SCOPED_RESOURCES.includes(parts[2])) {
    const hint = didYouMean(parts[2], PROJECT_SCOPED_RESOURCES);
    return { severity: 'error', message: `has resource ${q(parts[2])}, which a project role cannot grant: use ${hint ? q(hint) : `one of ${PROJECT_SCOPED_RESOURCES.join(', ')}`}` };
  }
  const action = parts[3];
  if (!PROJECT_ACTIONS.includes(action) && !/(action|update|delete)\/.*/.test(action)) {
    const hint = didYouMean(action, PROJECT_ACTIONS);
    return { severity: 'error', message: `has action ${q(action)}, expected ${hint ? q(hint) : `one of ${PROJECT_ACTIONS.join(', ')}`} or action/<group>/<kind>/<name>` };
  }
  const object = parts[4];
  if (!isProjectObject(project, object)) {
    const message = `has object ${q(object)}, which must be "${project}/<app>" or "${project}/<namespace>/<app>" (globs allowed), e.g. "${project}/*"`;
    if (!objectCoversProject(project, object)) return { severity: 'error', message: `${message}: it matches no application of project ${q(project)}, so it grants nothing` };
    apiServerOnly ??= `has object ${q(object)}${refused}: use "${project}/<app>" or "${project}/<namespace>/<app>" (globs allowed), e.g. "${project}/*"`;
  }
  if (parts[5] !== 'allow' && parts[5] !== 'deny') return { severity: 'error', message: `has effect ${q(parts[5])}, expected "allow" or "deny"` };
  return apiServerOnly === undefined ? undefined : { severity: 'warning', message: apiServerOnly };
}

/**
 * The message for a project policy line that grants nothing even when applied declaratively, or
 * undefined (see `policyProblem`, which also reports the lines only the API server refuses).
 * Exported for the constructs.
 */
export function policyError(project: string, role: string, line: string): string | undefined {
  const problem = policyProblem(project, role, line);
  return problem?.severity === 'error' ? problem.message : undefined;
}

/** `validateRoleName`: the message for an invalid role name, or undefined. */
export function roleNameError(name: string, at = 'role name'): string | undefined {
  if (ROLE_NAME.test(name)) return undefined;
  return `${at} ${q(name)} is invalid: a role name must match ^[a-zA-Z0-9]([-_a-zA-Z0-9]*[a-zA-Z0-9])?$ (letters, digits, "-" and "_", starting and ending with a letter or digit), e.g. ${q(name.replace(/[^-_a-zA-Z0-9]+/g, '-').replace(/^[-_]+|[-_]+$/g, '') || 'read-only')}`;
}

/** `ValidateProject`: a source repo entry Argo CD refuses. */
export function sourceRepoError(repo: string, at = 'spec.sourceRepos entry'): string | undefined {
  if (repo === '!*') return `${at} "!*" denies every repository, which Argo CD rejects: remove it, or list only the repositories to allow`;
  if (repo.trim() === '') return `${at} is empty: remove it or set a repository URL glob`;
  return undefined;
}

/** `ValidateProject`: a project destination names a server or a cluster name (globs allowed). */
export function projectDestinationError(server: string | undefined, name: string | undefined, at = 'a project destination'): string | undefined {
  if (server || name) return undefined;
  return `${at} has neither server nor name: set server (e.g. "https://kubernetes.default.svc") or name (e.g. "in-cluster"), or "*"`;
}
