/**
 * Every sync and compare option Argo CD v3.5.1 acts on, as the exact strings it compares
 * (`SyncOptions.HasOption` in pkg/apis/application/v1alpha1/types.go, `resource.HasAnnotationOption`
 * in gitops-engine pkg/sync/resource; controller/sync.go, gitops-engine pkg/sync/sync_context.go).
 */

/** Every option string Argo CD v3.5.1 compares, named once. */
export const SYNC_OPTION = {
  VALIDATE_FALSE: 'Validate=false',
  VALIDATE_TRUE: 'Validate=true',
  CREATE_NAMESPACE: 'CreateNamespace=true',
  CREATE_NAMESPACE_FALSE: 'CreateNamespace=false',
  PRUNE_PROPAGATION_FOREGROUND: 'PrunePropagationPolicy=foreground',
  PRUNE_PROPAGATION_BACKGROUND: 'PrunePropagationPolicy=background',
  PRUNE_PROPAGATION_ORPHAN: 'PrunePropagationPolicy=orphan',
  PRUNE_LAST: 'PruneLast=true',
  PRUNE_LAST_FALSE: 'PruneLast=false',
  RESPECT_IGNORE_DIFFERENCES: 'RespectIgnoreDifferences=true',
  RESPECT_IGNORE_DIFFERENCES_FALSE: 'RespectIgnoreDifferences=false',
  APPLY_OUT_OF_SYNC_ONLY: 'ApplyOutOfSyncOnly=true',
  APPLY_OUT_OF_SYNC_ONLY_FALSE: 'ApplyOutOfSyncOnly=false',
  SKIP_DRY_RUN_ON_MISSING_RESOURCE: 'SkipDryRunOnMissingResource=true',
  SKIP_DRY_RUN_ON_MISSING_RESOURCE_FALSE: 'SkipDryRunOnMissingResource=false',
  REPLACE: 'Replace=true',
  REPLACE_FALSE: 'Replace=false',
  FORCE: 'Force=true',
  FORCE_FALSE: 'Force=false',
  SERVER_SIDE_APPLY: 'ServerSideApply=true',
  SERVER_SIDE_APPLY_FALSE: 'ServerSideApply=false',
  CLIENT_SIDE_APPLY_MIGRATION_FALSE: 'ClientSideApplyMigration=false',
  CLIENT_SIDE_APPLY_MIGRATION: 'ClientSideApplyMigration=true',
  FAIL_ON_SHARED_RESOURCE: 'FailOnSharedResource=true',
  FAIL_ON_SHARED_RESOURCE_FALSE: 'FailOnSharedResource=false',
  PRUNE_FALSE: 'Prune=false',
  PRUNE_CONFIRM: 'Prune=confirm',
  PRUNE_TRUE: 'Prune=true',
  DELETE_FALSE: 'Delete=false',
  DELETE_CONFIRM: 'Delete=confirm',
  DELETE_TRUE: 'Delete=true',
} as const;

/** Compare option strings (`argocd.argoproj.io/compare-options`), named once. */
export const COMPARE_OPTION = {
  IGNORE_EXTRANEOUS: 'IgnoreExtraneous',
  SERVER_SIDE_DIFF: 'ServerSideDiff=true',
  SERVER_SIDE_DIFF_FALSE: 'ServerSideDiff=false',
  INCLUDE_MUTATION_WEBHOOK: 'IncludeMutationWebhook=true',
} as const;

const O = SYNC_OPTION;

/** Application-level sync options (`spec.syncPolicy.syncOptions`). */
export const APPLICATION_SYNC_OPTIONS: readonly string[] = [
  O.VALIDATE_FALSE,
  O.CREATE_NAMESPACE,
  O.PRUNE_PROPAGATION_FOREGROUND,
  O.PRUNE_PROPAGATION_BACKGROUND,
  O.PRUNE_PROPAGATION_ORPHAN,
  O.PRUNE_LAST,
  O.RESPECT_IGNORE_DIFFERENCES,
  O.APPLY_OUT_OF_SYNC_ONLY,
  O.SKIP_DRY_RUN_ON_MISSING_RESOURCE,
  O.REPLACE,
  O.SERVER_SIDE_APPLY,
  O.CLIENT_SIDE_APPLY_MIGRATION_FALSE,
  O.FAIL_ON_SHARED_RESOURCE,
  O.PRUNE_FALSE,
  O.PRUNE_CONFIRM,
  O.DELETE_FALSE,
  O.DELETE_CONFIRM,
];

/** Application-level options that spell out a default and so do nothing, but are harmless. */
export const APPLICATION_NO_OP_SYNC_OPTIONS: readonly string[] = [
  O.VALIDATE_TRUE, O.CREATE_NAMESPACE_FALSE, O.PRUNE_LAST_FALSE, O.RESPECT_IGNORE_DIFFERENCES_FALSE,
  O.APPLY_OUT_OF_SYNC_ONLY_FALSE, O.SKIP_DRY_RUN_ON_MISSING_RESOURCE_FALSE, O.REPLACE_FALSE, O.SERVER_SIDE_APPLY_FALSE,
  O.CLIENT_SIDE_APPLY_MIGRATION, O.FAIL_ON_SHARED_RESOURCE_FALSE, O.PRUNE_TRUE, O.DELETE_TRUE,
];

/** Values of `argocd.argoproj.io/sync-options` Argo CD honours on a resource. */
export const RESOURCE_SYNC_OPTIONS: readonly string[] = [
  O.PRUNE_FALSE, O.PRUNE_CONFIRM, O.DELETE_FALSE, O.DELETE_CONFIRM, O.VALIDATE_FALSE, O.SKIP_DRY_RUN_ON_MISSING_RESOURCE,
  O.PRUNE_LAST, O.REPLACE, O.FORCE, O.SERVER_SIDE_APPLY, O.SERVER_SIDE_APPLY_FALSE,
];
/** Resource sync options that are valid but only restate the default. */
export const RESOURCE_NO_OP_SYNC_OPTIONS: readonly string[] = [
  O.PRUNE_TRUE, O.DELETE_TRUE, O.VALIDATE_TRUE, O.SKIP_DRY_RUN_ON_MISSING_RESOURCE_FALSE, O.PRUNE_LAST_FALSE, O.REPLACE_FALSE, O.FORCE_FALSE,
];
/** Application-level options that have no effect on a resource. */
export const APPLICATION_ONLY_SYNC_OPTIONS: readonly string[] = [
  O.CREATE_NAMESPACE, O.PRUNE_PROPAGATION_FOREGROUND, O.PRUNE_PROPAGATION_BACKGROUND, O.PRUNE_PROPAGATION_ORPHAN,
  O.RESPECT_IGNORE_DIFFERENCES, O.APPLY_OUT_OF_SYNC_ONLY, O.CLIENT_SIDE_APPLY_MIGRATION_FALSE, O.FAIL_ON_SHARED_RESOURCE,
];
/** Per-resource compare options (`argocd.argoproj.io/compare-options`). */
export const RESOURCE_COMPARE_OPTIONS: readonly string[] = [COMPARE_OPTION.IGNORE_EXTRANEOUS];
/** Compare options read only from an Application's annotation. */
export const APPLICATION_COMPARE_OPTIONS: readonly string[] = [
  COMPARE_OPTION.SERVER_SIDE_DIFF, COMPARE_OPTION.SERVER_SIDE_DIFF_FALSE, COMPARE_OPTION.INCLUDE_MUTATION_WEBHOOK,
];

/**
 * An option given to a construct: one value, written as Argo CD compares it (the annotation is
 * split on ",", and a value with spaces never matches).
 */
export function optionValueError(kind: string, value: string): string | undefined {
  if (value.trim() !== value || value === '' || value.includes(',')) {
    return `${kind} must be one option without spaces or ",", got ${JSON.stringify(value)}: add several options one by one`;
  }
  return undefined;
}
