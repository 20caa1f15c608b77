import { Duration } from 'cdk8s';
import type * as l1 from '../../imports/appproject-argoproj.io';
import { formatGoDuration } from '../engine/core/go-duration';
import { arrayOf, boolean, duration, enumOf, optional, record, required, Shape, string } from '../private/props';
import { compact, undefinedIfEmpty } from '../private/render';

/** Whether a sync window allows or denies syncs. */
export enum SyncWindowKind {
  /** Syncs are allowed only inside the window. */
  ALLOW = 'allow',
  /** Syncs are denied inside the window. */
  DENY = 'deny',
}

/**
 * A sync window of an AppProject (`spec.syncWindows[]`).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync_windows/
 */
export interface SyncWindow {
  /** `allow` or `deny`. */
  readonly kind: SyncWindowKind;
  /**
   * When the window opens: a 5-field cron expression (minute hour day-of-month month
   * day-of-week); descriptors such as `@daily` are rejected by Argo CD.
   */
  readonly schedule: string;
  /** How long the window stays open (rendered as a Go duration, e.g. `1h`). */
  readonly duration: Duration;
  /**
   * Application name globs the window applies to.
   * @default - none (at least one of applications, namespaces, clusters is required)
   */
  readonly applications?: string[];
  /**
   * Destination namespace globs.
   * @default - none
   */
  readonly namespaces?: string[];
  /**
   * Destination cluster name globs.
   * @default - none
   */
  readonly clusters?: string[];
  /**
   * Allow manual syncs while the window denies automated ones.
   * @default false
   */
  readonly manualSync?: boolean;
  /**
   * IANA time zone of the schedule, e.g. `Europe/Berlin`.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * Match only when applications, namespaces and clusters all match (instead of any).
   * @default false
   */
  readonly andOperator?: boolean;
  /**
   * Let a sync that started in an allow window continue after it closes (or one started before a
   * deny window continue into it).
   * @default false
   */
  readonly syncOverrun?: boolean;
  /**
   * Description, at most 255 characters.
   * @default - none
   */
  readonly description?: string;
}

/** @internal */
/** @internal The shape of a SyncWindow. */
export const SYNC_WINDOW: Shape = record({
  kind: required(enumOf(SyncWindowKind as unknown as { [key: string]: string }, 'SyncWindowKind'), 'give SyncWindowKind.ALLOW or SyncWindowKind.DENY'),
  schedule: required(string, 'give a cron schedule, e.g. "0 22 * * *"'),
  duration: required(duration, 'give a Duration, e.g. Duration.hours(1)'),
  applications: optional(arrayOf(string)),
  namespaces: optional(arrayOf(string)),
  clusters: optional(arrayOf(string)),
  manualSync: optional(boolean),
  timeZone: optional(string),
  andOperator: optional(boolean),
}, 'a SyncWindow');

export function renderSyncWindow(w: SyncWindow): l1.AppProjectSpecSyncWindows {
  return compact({
    kind: w.kind,
    schedule: w.schedule,
    duration: formatGoDuration(w.duration.toMilliseconds()),
    applications: undefinedIfEmpty(w.applications),
    namespaces: undefinedIfEmpty(w.namespaces),
    clusters: undefinedIfEmpty(w.clusters),
    manualSync: w.manualSync,
    timeZone: w.timeZone,
    andOperator: w.andOperator,
    syncOverrun: w.syncOverrun,
    description: w.description,
  });
}
