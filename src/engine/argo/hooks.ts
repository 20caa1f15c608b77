/**
 * Argo CD v3.5.1's resource hooks: the types and delete policies it knows, the Helm annotations
 * it maps, and the checks a hook annotation must pass (gitops-engine `pkg/sync/hook`,
 * `pkg/sync/hook/helm`, `pkg/sync/common/types.go`; Argo CD controller/hook.go for the delete hooks).
 */

/** Hook types Argo CD accepts (gitops-engine `NewHookType` + controller/hook.go), case-sensitive. */
export const KNOWN_HOOK_TYPES: readonly string[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'Skip', 'PreDelete', 'PostDelete'];
/** Hook types that are sync phases, in execution order (gitops-engine `syncPhaseOrder`). */
export const SYNC_PHASES: readonly string[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail'];
/** Hook types that run only when the Application is deleted. */
export const DELETE_HOOK_TYPES: readonly string[] = ['PreDelete', 'PostDelete'];
/** Delete policies Argo CD accepts (`NewHookDeletePolicy`), case-sensitive. */
export const KNOWN_DELETE_POLICIES: readonly string[] = ['HookSucceeded', 'HookFailed', 'BeforeHookCreation'];

/** `helm.sh/hook` values Argo CD maps (gitops-engine hook/helm/type.go; controller for the delete hooks). */
export const HELM_HOOK_TYPES: { readonly [helm: string]: string } = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
  'pre-delete': 'PreDelete',
  'post-delete': 'PostDelete',
};
/** `helm.sh/hook-delete-policy` values Argo CD maps (hook/helm/delete_policy.go). */
export const HELM_DELETE_POLICIES: { readonly [helm: string]: string } = {
  'before-hook-creation': 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
};

/**
 * One hook type value as written in the annotation: Argo CD splits the annotation on ",", so a
 * value holding a comma is two types.
 */
export function hookTypeValueError(value: string): string | undefined {
  if (value.trim() === '' || value.includes(',')) {
    return `hook type must be one non-empty value without ",", got ${JSON.stringify(value)}: pass several HookType values instead`;
  }
  return undefined;
}

/** `Skip` only skips an object when it is the sole hook type (gitops-engine `hook.Skip`). */
export function skipWithOtherTypesError(types: readonly string[]): string | undefined {
  if (!types.includes('Skip') || types.length < 2) return undefined;
  return `hook types ${JSON.stringify(types.join(','))} combine Skip with other types; Argo CD only skips an object when Skip is the sole type, so this one is applied as a ${types.filter((t) => t !== 'Skip').join('/')} hook: use "Skip" alone`;
}

/**
 * A `metadata.generateName` prefix for a hook: a DNS-1123 prefix short enough that the suffix
 * Argo CD appends still fits in 253 characters.
 */
export function generateNamePrefixError(value: string): string | undefined {
  if (/^[a-z0-9]([-a-z0-9.]*)?$/.test(value) && value.length <= 248) return undefined;
  return `generateName ${JSON.stringify(value)} is not a valid DNS-1123 prefix (lower-case letters, digits, "-" or ".", at most 248 characters so Argo CD's suffix still fits): use e.g. "db-migrate-"`;
}
