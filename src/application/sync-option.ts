import { SYNC_OPTION } from '../engine/argo/sync-options';

/**
 * An Application-level sync option (`spec.syncPolicy.syncOptions`). Argo CD compares these as
 * exact strings (`SyncOptions.HasOption`), so `CreateNamespace=True` does nothing; use the
 * constants, or `custom()` for an option this version does not know.
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/
 */
export class SyncOption {
  /** `Validate=false`: skip kubectl schema validation. */
  public static readonly VALIDATE_FALSE = new SyncOption(SYNC_OPTION.VALIDATE_FALSE);
  /** `CreateNamespace=true`: create the destination namespace (and apply managedNamespaceMetadata). */
  public static readonly CREATE_NAMESPACE = new SyncOption(SYNC_OPTION.CREATE_NAMESPACE);
  /** `PrunePropagationPolicy=foreground` (Argo CD's default). */
  public static readonly PRUNE_PROPAGATION_FOREGROUND = new SyncOption(SYNC_OPTION.PRUNE_PROPAGATION_FOREGROUND);
  /** `PrunePropagationPolicy=background`. */
  public static readonly PRUNE_PROPAGATION_BACKGROUND = new SyncOption(SYNC_OPTION.PRUNE_PROPAGATION_BACKGROUND);
  /** `PrunePropagationPolicy=orphan`. */
  public static readonly PRUNE_PROPAGATION_ORPHAN = new SyncOption(SYNC_OPTION.PRUNE_PROPAGATION_ORPHAN);
  /** `PruneLast=true`: prune in a final, implicit wave. */
  public static readonly PRUNE_LAST = new SyncOption(SYNC_OPTION.PRUNE_LAST);
  /** `RespectIgnoreDifferences=true`: apply ignoreDifferences when syncing existing resources. */
  public static readonly RESPECT_IGNORE_DIFFERENCES = new SyncOption(SYNC_OPTION.RESPECT_IGNORE_DIFFERENCES);
  /** `ApplyOutOfSyncOnly=true`: apply only resources that are out of sync. */
  public static readonly APPLY_OUT_OF_SYNC_ONLY = new SyncOption(SYNC_OPTION.APPLY_OUT_OF_SYNC_ONLY);
  /** `SkipDryRunOnMissingResource=true`: skip the dry run for kinds the cluster does not know yet. */
  public static readonly SKIP_DRY_RUN_ON_MISSING_RESOURCE = new SyncOption(SYNC_OPTION.SKIP_DRY_RUN_ON_MISSING_RESOURCE);
  /** `Replace=true`: `kubectl replace`/`create` instead of apply. */
  public static readonly REPLACE = new SyncOption(SYNC_OPTION.REPLACE);
  /** `ServerSideApply=true`: server-side apply with field manager `argocd-controller`. */
  public static readonly SERVER_SIDE_APPLY = new SyncOption(SYNC_OPTION.SERVER_SIDE_APPLY);
  /** `ClientSideApplyMigration=false`: no client-side to server-side managed-fields migration. */
  public static readonly CLIENT_SIDE_APPLY_MIGRATION_FALSE = new SyncOption(SYNC_OPTION.CLIENT_SIDE_APPLY_MIGRATION_FALSE);
  /** `FailOnSharedResource=true`: fail when a resource belongs to another Application. */
  public static readonly FAIL_ON_SHARED_RESOURCE = new SyncOption(SYNC_OPTION.FAIL_ON_SHARED_RESOURCE);
  /** `Prune=false`: never prune. */
  public static readonly PRUNE_FALSE = new SyncOption(SYNC_OPTION.PRUNE_FALSE);
  /** `Prune=confirm`: prune only after manual confirmation. */
  public static readonly PRUNE_CONFIRM = new SyncOption(SYNC_OPTION.PRUNE_CONFIRM);
  /** `Delete=false`: keep resources when the Application is deleted. */
  public static readonly DELETE_FALSE = new SyncOption(SYNC_OPTION.DELETE_FALSE);
  /** `Delete=confirm`: delete only after manual confirmation. */
  public static readonly DELETE_CONFIRM = new SyncOption(SYNC_OPTION.DELETE_CONFIRM);

  /** Any other option, verbatim (checked by the `application/sync-option` rule). */
  public static custom(value: string): SyncOption {
    return new SyncOption(value);
  }

  private constructor(
    /** The option as Argo CD reads it, e.g. `CreateNamespace=true`. */
    public readonly value: string) {}

  /** The option string. */
  public toString(): string {
    return this.value;
  }
}
