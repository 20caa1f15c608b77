/**
 * Every sync and compare option Argo CD v3.5.1 acts on, as the exact strings it compares
 * (`SyncOptions.HasOption` in pkg/apis/application/v1alpha1/types.go, `resource.HasAnnotationOption`
 * in gitops-engine pkg/sync/resource; controller/sync.go, gitops-engine pkg/sync/sync_context.go).
 */

/** Application-level sync options (`spec.syncPolicy.syncOptions`). */
export const APPLICATION_SYNC_OPTIONS: readonly string[] = [
  'Validate=false',
  'CreateNamespace=true',
  'PrunePropagationPolicy=foreground',
  'PrunePropagationPolicy=background',
  'PrunePropagationPolicy=orphan',
  'PruneLast=true',
  'RespectIgnoreDifferences=true',
  'ApplyOutOfSyncOnly=true',
  'SkipDryRunOnMissingResource=true',
  'Replace=true',
  'ServerSideApply=true',
  'ClientSideApplyMigration=false',
  'FailOnSharedResource=true',
  'Prune=false',
  'Prune=confirm',
  'Delete=false',
  'Delete=confirm',
];

/** Application-level options that spell out a default and so do nothing, but are harmless. */
export const APPLICATION_NO_OP_SYNC_OPTIONS: readonly string[] = [
  'Validate=true', 'CreateNamespace=false', 'PruneLast=false', 'RespectIgnoreDifferences=false',
  'ApplyOutOfSyncOnly=false', 'SkipDryRunOnMissingResource=false', 'Replace=false', 'ServerSideApply=false',
  'ClientSideApplyMigration=true', 'FailOnSharedResource=false', 'Prune=true', 'Delete=true',
];

/** Values of `argocd.argoproj.io/sync-options` Argo CD honours on a resource. */
export const RESOURCE_SYNC_OPTIONS: readonly string[] = [
  'Prune=false', 'Prune=confirm', 'Delete=false', 'Delete=confirm', 'Validate=false', 'SkipDryRunOnMissingResource=true',
  'PruneLast=true', 'Replace=true', 'Force=true', 'ServerSideApply=true', 'ServerSideApply=false',
];
/** Resource sync options that are valid but only restate the default. */
export const RESOURCE_NO_OP_SYNC_OPTIONS: readonly string[] = [
  'Prune=true', 'Delete=true', 'Validate=true', 'SkipDryRunOnMissingResource=false', 'PruneLast=false', 'Replace=false', 'Force=false',
];
/** Application-level options that have no effect on a resource. */
export const APPLICATION_ONLY_SYNC_OPTIONS: readonly string[] = [
  'CreateNamespace=true', 'PrunePropagationPolicy=foreground', 'PrunePropagationPolicy=background', 'PrunePropagationPolicy=orphan',
  'RespectIgnoreDifferences=true', 'ApplyOutOfSyncOnly=true', 'ClientSideApplyMigration=false', 'FailOnSharedResource=true',
];
/** Per-resource compare options (`argocd.argoproj.io/compare-options`). */
export const RESOURCE_COMPARE_OPTIONS: readonly string[] = ['IgnoreExtraneous'];
/** Compare options read only from an Application's annotation. */
export const APPLICATION_COMPARE_OPTIONS: readonly string[] = ['ServerSideDiff=true', 'ServerSideDiff=false', 'IncludeMutationWebhook=true'];

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
