import { Duration } from 'cdk8s';
import { SyncOption } from './sync-option';
import type * as l1 from '../../imports/application-argoproj.io';
import { formatGoDuration } from '../engine/core/go-duration';
import { arrayOf, boolean, duration as aDuration, instanceOf, integer, number, optional, record, Shape, stringMap } from '../private/props';
import { compact, undefinedIfEmpty, undefinedIfEmptyMap } from '../private/render';

/** Automated sync (`spec.syncPolicy.automated`). */
export interface AutomatedSync {
  /**
   * Whether automated sync is on (lets you keep the block but switch it off).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Delete resources that are no longer in the source.
   * @default false
   */
  readonly prune?: boolean;
  /**
   * Sync again when the live state drifts without a change in the source.
   * @default false
   */
  readonly selfHeal?: boolean;
  /**
   * Allow a sync that would delete every resource of the Application.
   * @default false
   */
  readonly allowEmpty?: boolean;
}

/** Backoff between sync retries. */
export interface RetryBackoff {
  /**
   * First delay.
   * @default Duration.seconds(5)
   */
  readonly duration?: Duration;
  /**
   * Multiplier applied after each failed attempt.
   * @default 2
   */
  readonly factor?: number;
  /**
   * Longest delay.
   * @default Duration.minutes(3)
   */
  readonly maxDuration?: Duration;
}

/** Retries of failed syncs (`spec.syncPolicy.retry`). */
export interface RetryStrategy {
  /**
   * Number of retries; a negative number retries forever.
   * @default 5 for automated syncs, no retry otherwise
   */
  readonly limit?: number;
  /**
   * Backoff between retries.
   * @default - 5s, factor 2, at most 3m
   */
  readonly backoff?: RetryBackoff;
  /**
   * Retry with the latest revision when the source changes during a retry.
   * @default false
   */
  readonly refresh?: boolean;
}

/** Labels and annotations Argo CD sets on the namespace it creates (with CreateNamespace=true). */
export interface ManagedNamespaceMetadata {
  /** @default - none */
  readonly labels?: { [key: string]: string };
  /** @default - none */
  readonly annotations?: { [key: string]: string };
}

/**
 * When and how Argo CD syncs an Application (`spec.syncPolicy`).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/auto_sync/
 */
export interface SyncPolicy {
  /**
   * Automated sync.
   * @default - manual sync only
   */
  readonly automated?: AutomatedSync;
  /**
   * Sync options.
   * @default - none
   */
  readonly syncOptions?: SyncOption[];
  /**
   * Retry of failed syncs.
   * @default - Argo CD's defaults
   */
  readonly retry?: RetryStrategy;
  /**
   * Metadata of the namespace Argo CD creates (needs `SyncOption.CREATE_NAMESPACE`).
   * @default - none
   */
  readonly managedNamespaceMetadata?: ManagedNamespaceMetadata;
}

/** @internal The shape of a SyncPolicy, checked where one is given. */
export const SYNC_POLICY: Shape = record({
  automated: optional(record({ enabled: optional(boolean), prune: optional(boolean), selfHeal: optional(boolean), allowEmpty: optional(boolean) })),
  syncOptions: optional(arrayOf(instanceOf(SyncOption, 'use a SyncOption constant such as SyncOption.CREATE_NAMESPACE', { custom: true }))),
  retry: optional(record({
    limit: optional(integer),
    backoff: optional(record({ duration: optional(aDuration), factor: optional(number), maxDuration: optional(aDuration) })),
    refresh: optional(boolean),
  })),
  managedNamespaceMetadata: optional(record({ labels: optional(stringMap), annotations: optional(stringMap) })),
});

/** Renders a cdk8s Duration as a Go duration string (`5s`, `3m`, `1h30m`). */
export function toGoDuration(duration: Duration): string {
  return formatGoDuration(duration.toMilliseconds());
}

/** @internal */
export function renderSyncPolicy(p: SyncPolicy, extraOptions: SyncOption[] = []): l1.ApplicationSpecSyncPolicy | undefined {
  const options = [...(p.syncOptions ?? []), ...extraOptions].map((o) => o.value);
  const backoff = p.retry?.backoff;
  const out: l1.ApplicationSpecSyncPolicy = compact({
    automated: p.automated ? compact({ ...p.automated }) : undefined,
    syncOptions: undefinedIfEmpty([...new Set(options)]),
    managedNamespaceMetadata: p.managedNamespaceMetadata ? compact({
      labels: undefinedIfEmptyMap(p.managedNamespaceMetadata.labels),
      annotations: undefinedIfEmptyMap(p.managedNamespaceMetadata.annotations),
    }) : undefined,
    retry: p.retry ? compact({
      limit: p.retry.limit,
      backoff: backoff ? compact({
        duration: backoff.duration ? toGoDuration(backoff.duration) : undefined,
        factor: backoff.factor,
        maxDuration: backoff.maxDuration ? toGoDuration(backoff.maxDuration) : undefined,
      }) : undefined,
      refresh: p.retry.refresh,
    }) : undefined,
  });
  return Object.keys(out).length === 0 ? undefined : out;
}
