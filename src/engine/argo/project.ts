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

/**
 * Checks one project policy line the way `validatePolicy` does (types.go; reference e.6).
 * Exported for the constructs.
 */
export function policyError(project: string, role: string, line: string): string | undefined {
  const parts = line.split(',').map((p) => p.trim());
  if (parts.length !== 6) return `has ${parts.length} comma-separated fields, expected 6: "p, proj:${project}:${role}, applications, get, ${project}/*, allow"`;
  if (parts[0] !== 'p') return `starts with ${q(parts[0])}, expected "p"`;
  if (parts[1] !== `proj:${project}:${role}`) return `has subject ${q(parts[1])}, but a policy of role ${q(role)} must use "proj:${project}:${role}"`;
  if (!PROJECT_SCOPED_RESOURCES.includes(parts[2])) {
    const hint = didYouMean(parts[2], PROJECT_SCOPED_RESOURCES);
    return `has resource ${q(parts[2])}, which a project role cannot grant: use ${hint ? q(hint) : `one of ${PROJECT_SCOPED_RESOURCES.join(', ')}`}`;
  }
  const action = parts[3];
  if (!PROJECT_ACTIONS.includes(action) && !/^(action|update|delete)\/.*/.test(action)) {
    const hint = didYouMean(action, PROJECT_ACTIONS);
    return `has action ${q(action)}, expected ${hint ? q(hint) : `one of ${PROJECT_ACTIONS.join(', ')}`} or action/<group>/<kind>/<name>`;
  }
  const objectRe = new RegExp(`^${project.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[*\\w.-]+)?/[*\\w.-]+$`);
  if (!objectRe.test(parts[4])) return `has object ${q(parts[4])}, which must be "${project}/<app>" or "${project}/<namespace>/<app>" (globs allowed), e.g. "${project}/*"`;
  if (parts[5] !== 'allow' && parts[5] !== 'deny') return `has effect ${q(parts[5])}, expected "allow" or "deny"`;
  return undefined;
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
