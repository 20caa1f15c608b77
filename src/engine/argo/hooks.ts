/**
 * Argo CD v3.5.1's resource hooks: the types and delete policies it knows, the Helm annotations
 * it maps, and the checks a hook annotation must pass (gitops-engine `pkg/sync/hook`,
 * `pkg/sync/hook/helm`, `pkg/sync/common/types.go`; Argo CD controller/hook.go for the delete hooks).
 */

/** The hook types, named once (gitops-engine `pkg/sync/common/types.go`, controller/hook.go). */
export const HOOK_TYPE = {
  PRE_SYNC: 'PreSync',
  SYNC: 'Sync',
  POST_SYNC: 'PostSync',
  SYNC_FAIL: 'SyncFail',
  SKIP: 'Skip',
  PRE_DELETE: 'PreDelete',
  POST_DELETE: 'PostDelete',
} as const;
/** The hook delete policies, named once. */
export const DELETE_POLICY = {
  HOOK_SUCCEEDED: 'HookSucceeded',
  HOOK_FAILED: 'HookFailed',
  BEFORE_HOOK_CREATION: 'BeforeHookCreation',
} as const;

const T = HOOK_TYPE;
/** Hook types Argo CD accepts (gitops-engine `NewHookType` + controller/hook.go), case-sensitive. */
export const KNOWN_HOOK_TYPES: readonly string[] = [T.PRE_SYNC, T.SYNC, T.POST_SYNC, T.SYNC_FAIL, T.SKIP, T.PRE_DELETE, T.POST_DELETE];
/** Hook types that are sync phases, in execution order (gitops-engine `syncPhaseOrder`). */
export const SYNC_PHASES: readonly string[] = [T.PRE_SYNC, T.SYNC, T.POST_SYNC, T.SYNC_FAIL];
/** Hook types that run only when the Application is deleted. */
export const DELETE_HOOK_TYPES: readonly string[] = [T.PRE_DELETE, T.POST_DELETE];
/** Delete policies Argo CD accepts (`NewHookDeletePolicy`), case-sensitive. */
export const KNOWN_DELETE_POLICIES: readonly string[] = [DELETE_POLICY.HOOK_SUCCEEDED, DELETE_POLICY.HOOK_FAILED, DELETE_POLICY.BEFORE_HOOK_CREATION];

/** `helm.sh/hook` values Argo CD maps (gitops-engine hook/helm/type.go; controller for the delete hooks). */
export const HELM_HOOK_TYPES: { readonly [helm: string]: string } = {
  'pre-install': T.PRE_SYNC,
  'pre-upgrade': T.PRE_SYNC,
  'post-install': T.POST_SYNC,
  'post-upgrade': T.POST_SYNC,
  'pre-delete': T.PRE_DELETE,
  'post-delete': T.POST_DELETE,
};
/** `helm.sh/hook-delete-policy` values Argo CD maps (hook/helm/delete_policy.go). */
export const HELM_DELETE_POLICIES: { readonly [helm: string]: string } = {
  'before-hook-creation': DELETE_POLICY.BEFORE_HOOK_CREATION,
  'hook-succeeded': DELETE_POLICY.HOOK_SUCCEEDED,
  'hook-failed': DELETE_POLICY.HOOK_FAILED,
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
  if (!types.includes(T.SKIP) || types.length < 2) return undefined;
  return `hook types ${JSON.stringify(types.join(','))} combine Skip with other types; Argo CD only skips an object when Skip is the sole type, so this one is applied as a ${types.filter((t) => t !== T.SKIP).join('/')} hook: use "Skip" alone`;
}

/**
 * A `metadata.generateName` prefix for a hook: a DNS-1123 prefix short enough that the suffix
 * Argo CD appends still fits in 253 characters.
 */
export function generateNamePrefixError(value: string): string | undefined {
  if (/^[a-z0-9]([-a-z0-9.]*)?$/.test(value) && value.length <= 248) return undefined;
  return `generateName ${JSON.stringify(value)} is not a valid DNS-1123 prefix (lower-case letters, digits, "-" or ".", at most 248 characters so Argo CD's suffix still fits): use e.g. "db-migrate-"`;
}
