import { Duration } from 'cdk8s';
import { Destination } from '../application/destination';
import { SyncPolicy } from '../application/sync-policy';
import { NotificationsConfig } from '../notifications/notifications-config';
import { IAppProject } from '../project/app-project';

/** Where the postSyncGate Jobs run. */
export enum GatePhase {
  /**
   * As PostSync hooks (waves 0 and 1): after the whole sync applied and every resource of the
   * Application is healthy.
   */
  POST_SYNC = 'PostSync',
  /**
   * As Sync hooks in the waves right after the target's wave (wave(X)+1 and +2): they wait only
   * for the target's wave to be healthy, not for the rest of the Application.
   */
  AFTER_TARGET_WAVE = 'AfterTargetWave',
}

/** How the notification trigger decides that the target changed. */
export enum ChangeDetection {
  /**
   * Presence in `syncResult.resources` when the operation ran with `ApplyOutOfSyncOnly=true`,
   * else kubectl's verdict (`… created` / `… configured`) in the result message. Rejected at
   * synth when server-side apply or Replace hides the verdict.
   */
  AUTO = 'auto',
  /**
   * Presence in `syncResult.resources`, with `ApplyOutOfSyncOnly=true` added to the Application:
   * correct for every apply mode and kind, but the whole Application then applies only what is
   * out of sync.
   */
  APPLY_OUT_OF_SYNC_ONLY = 'applyOutOfSyncOnly',
  /** Any successful apply of the target, changed or not (the literal blog-post trigger). */
  ANY_APPLY = 'anyApply',
}

/** Options of {@link ChangeHookStrategy.postSyncGate}. */
export interface PostSyncGateProps {
  /**
   * Image of the gate and record containers; needs `/bin/sh` and `kubectl`.
   * @default 'alpine/k8s:1.31.2'
   */
  readonly gateImage?: string;
  /**
   * Where the Jobs run.
   * @default GatePhase.POST_SYNC
   */
  readonly phase?: GatePhase;
  /**
   * Whether a failing action fails the sync (SyncFail hooks run; the hash is not recorded, so
   * the next sync retries). With `false` one pod runs the action and a recorder container that
   * records the hash only on success and always exits 0: the sync stays green and the next sync
   * retries.
   * @default true
   */
  readonly failSyncOnError?: boolean;
  /**
   * Name of the per-Application ConfigMap holding the recorded hashes (one key per hook).
   * @default - `<application>-change-hooks-state`
   */
  readonly stateConfigMapName?: string;
}

/** Options of {@link ChangeHookStrategy.hashNamedJob}. */
export interface HashNamedJobProps {
  /**
   * Mark the Job `argocd.argoproj.io/compare-options: IgnoreExtraneous`, so that the Jobs of
   * earlier contents (no longer in the source) do not hold the Application OutOfSync when it
   * does not prune.
   * @default true
   */
  readonly ignoreExtraneous?: boolean;
}

/** Options of {@link ChangeHookStrategy.childApplication}. */
export interface ChildApplicationProps {
  /** Repository the rendered manifests are committed to. */
  readonly repoURL: string;
  /** Folder in that repository the target's cdk8s app is rendered into, e.g. `dist/workload`. */
  readonly path: string;
  /**
   * Revision to sync.
   * @default 'HEAD'
   */
  readonly targetRevision?: string;
  /**
   * Name of the child Application.
   * @default - `<application>-<hook id>`
   */
  readonly name?: string;
  /**
   * Project of the child Application.
   * @default - the "default" AppProject
   */
  readonly project?: IAppProject;
  /**
   * Where the child deploys.
   * @default - the parent Application's destination (required when the parent is a reference)
   */
  readonly destination?: Destination;
  /**
   * Sync policy of the child. The child syncs automatically only when the target is out of
   * sync, which is what makes its PostSync hook mean "the target changed"; selfHeal would also
   * count drift corrections as changes.
   * @default - automated with prune, no selfHeal, retry limit 3
   */
  readonly syncPolicy?: SyncPolicy;
  /**
   * Gate the child's PostSync Job with the content hash (postSyncGate inside the child), so
   * that manual or selfHeal syncs that change nothing do not run the action.
   * @default false
   */
  readonly gate?: boolean;
}

/** Options of {@link ChangeHookStrategy.notification}. */
export interface NotificationStrategyProps {
  /**
   * How a change is recognised in `syncResult.resources`.
   * @default ChangeDetection.AUTO
   */
  readonly changeDetection?: ChangeDetection;
  /**
   * Do not fire for an operation that finished longer ago than this (guards against re-firing
   * an old operation when the trigger text changes or the controller starts without state).
   * `Duration.minutes(0)` disables the guard.
   * @default Duration.minutes(30)
   */
  readonly staleAfter?: Duration;
  /**
   * Fire only once the target is Healthy in `app.status.resources`.
   * @default false
   */
  readonly requireHealthy?: boolean;
  /**
   * The argocd-notifications-cm that receives the webhook service, the template and the trigger.
   * @default - the one NotificationsConfig of the cdk8s app (an error when there is none or several)
   */
  readonly config?: NotificationsConfig;
  /**
   * Name of the webhook service (`service.webhook.<name>`).
   * @default - `<hook id>-hook`
   */
  readonly serviceName?: string;
}

/**
 * How a {@link ResourceChangeHook} learns that its target changed. Side by side (see the README):
 *
 * | | fires when | costs | cannot see |
 * |---|---|---|---|
 * | postSyncGate | the target's desired content differs from the last one processed successfully | a short pod per full sync, a Role, a kubectl image | changes made outside cdk8s (Kustomize, CMP), prunes |
 * | hashNamedJob | a content Argo CD has not run the Job for (by name) | one Job object per content | prunes; a failed run is not retried until the content changes |
 * | notification | Argo CD reported the target created/configured (or present with ApplyOutOfSyncOnly) | the notifications controller, a receiver | SSA/Replace verdicts without ApplyOutOfSyncOnly; events while the controller is down longer than staleAfter |
 * | childApplication | the child Application synced (the target was out of sync) | one more Application | cross-Application ordering |
 */
export class ChangeHookStrategy {
  /**
   * The default for Job actions: the target's content hash, computed at synth, is baked into a
   * PostSync Job. Its init container compares the hash with the one recorded in the
   * Application's state ConfigMap, the action runs only when they differ, and a second hook in a
   * later wave records the hash after the action succeeded.
   *
   * - Fires: when the desired content of the target differs from the last content processed
   *   successfully, including the first deployment; catches up after a failed or skipped run.
   * - Costs: a short pod on every full sync, a ServiceAccount/Role/RoleBinding (get/update/patch on
   *   one ConfigMap by name), an image with sh and kubectl; the sync waits for the action.
   * - Cannot see: changes made after cdk8s (Kustomize, CMP post-processing), drift that is
   *   re-applied with identical content, prunes. Rejects Applications with `Replace=true`.
   */
  public static postSyncGate(props: PostSyncGateProps = {}): ChangeHookStrategy {
    return new ChangeHookStrategy('postSyncGate', props, undefined, undefined, undefined);
  }

  /**
   * A plain (non-hook) Job named `<id>-<hash>` after the target's content (and the Job's own
   * template), in the wave after the target: Argo CD creates it only for a content it has not
   * seen, and leaves the completed Job in place while the content stays the same.
   *
   * - Fires: once per distinct content, after the target's wave is healthy.
   * - Costs: nothing besides the Job; no RBAC, no state. Old Jobs stay until pruned.
   * - Cannot see: prunes; a rollback to an earlier content runs again only if its Job was
   *   pruned; a failed Job leaves the Application Degraded and is not retried until the content
   *   changes. No `ttlSecondsAfterFinished` (a deleted Job would be recreated and run again).
   */
  public static hashNamedJob(props: HashNamedJobProps = {}): ChangeHookStrategy {
    return new ChangeHookStrategy('hashNamedJob', undefined, props, undefined, undefined);
  }

  /**
   * The target moves to an Application of its own (its chart's rendered files, included with a
   * directory `include`), which carries the action as a PostSync hook. The child syncs
   * automatically only when the target is out of sync.
   *
   * - Fires: when the child Application syncs, i.e. the target differed from git (and on manual
   *   syncs of the child, unless `gate` is set).
   * - Costs: one more Application (RBAC, UI); the target must live in a chart of its own that the
   *   parent does not sync.
   * - Cannot see: ordering with the parent's resources (the parent does not wait for the child's
   *   sync); moving the target between Applications needs care (Prune=false during the move).
   */
  public static childApplication(props: ChildApplicationProps): ChangeHookStrategy {
    return new ChangeHookStrategy('childApplication', undefined, undefined, props, undefined);
  }

  /**
   * The only strategy for webhook actions: an Argo CD Notifications trigger over
   * `app.status.operationState.syncResult.resources`, fired once per operation
   * (`oncePer: startedAt`), that calls the webhook with the target's results.
   *
   * - Fires: when a successful, non-dry-run operation created or configured the target (kubectl's
   *   verdict), or applied it under `ApplyOutOfSyncOnly=true`; as soon as the operation succeeded.
   * - Costs: the notifications controller, keys in the shared argocd-notifications-cm, a receiver.
   * - Cannot see: changes under server-side apply or Replace without ApplyOutOfSyncOnly (rejected
   *   at synth); verdicts replaced by health messages in multi-step syncs (warned); events while
   *   the controller is down longer than `staleAfter`.
   */
  public static notification(props: NotificationStrategyProps = {}): ChangeHookStrategy {
    return new ChangeHookStrategy('notification', undefined, undefined, undefined, props);
  }

  private constructor(
    /** `postSyncGate`, `hashNamedJob`, `childApplication` or `notification`. */
    public readonly name: string,
    /** @internal */ public readonly _gate: PostSyncGateProps | undefined,
    /** @internal */ public readonly _hashNamed: HashNamedJobProps | undefined,
    /** @internal */ public readonly _child: ChildApplicationProps | undefined,
    /** @internal */ public readonly _notification: NotificationStrategyProps | undefined) {}
}
