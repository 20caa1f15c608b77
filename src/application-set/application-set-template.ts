import { Destination } from '../application/destination';
import { IgnoreDifference, renderIgnoreDifference } from '../application/ignore-difference';
import { ApplicationSource } from '../application/source';
import { renderSyncPolicy, SyncPolicy } from '../application/sync-policy';
import { compact, undefinedIfEmpty, undefinedIfEmptyMap } from '../private/render';

/**
 * The Application every parameter set renders (`spec.template`). Every string is a template:
 * `{{.name}}` with goTemplate (the default), `{{name}}` without. Because these are TypeScript
 * strings, no escaping is needed (no Helm `{{ "{{" }}`).
 */
export interface ApplicationSetTemplateProps {
  /** The Application name, e.g. `'{{.name}}-guestbook'`. */
  readonly name: string;
  /**
   * The AppProject name (may be a template).
   * @default 'default'
   */
  readonly project?: string;
  /**
   * The single source (its strings may be templates).
   * @default - none: give source or sources
   */
  readonly source?: ApplicationSource;
  /**
   * Several sources.
   * @default - none
   */
  readonly sources?: ApplicationSource[];
  /** Where to deploy, e.g. `Destination.server('{{.server}}', 'guestbook')`. */
  readonly destination: Destination;
  /**
   * Sync policy of the generated Applications.
   * @default - manual sync
   */
  readonly syncPolicy?: SyncPolicy;
  /**
   * Differences the generated Applications ignore.
   * @default - none
   */
  readonly ignoreDifferences?: IgnoreDifference[];
  /**
   * Labels of the generated Applications (RollingSync steps select on them).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations of the generated Applications.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Finalizers; when empty, Argo CD adds the resources finalizer unless the ApplicationSet's
   * sync policy preserves resources on deletion.
   * @default - the resources finalizer
   */
  readonly finalizers?: string[];
  /**
   * Number of history entries to keep.
   * @default 10
   */
  readonly revisionHistoryLimit?: number;
}

/** @internal The template in the L1's property form (the value types render as for Application). */
export function renderApplicationSetTemplate(t: ApplicationSetTemplateProps): { [key: string]: any } {
  const sources = [...(t.source ? [t.source] : []), ...(t.sources ?? [])].map((s) => s._toArgo());
  return {
    metadata: compact({
      name: t.name,
      labels: undefinedIfEmptyMap(t.labels),
      annotations: undefinedIfEmptyMap(t.annotations),
      finalizers: undefinedIfEmpty(t.finalizers),
    }),
    spec: compact({
      project: t.project ?? 'default',
      source: t.source && !t.sources ? sources[0] : undefined,
      sources: t.sources ? sources : undefined,
      destination: t.destination._toArgo(),
      syncPolicy: t.syncPolicy ? renderSyncPolicy(t.syncPolicy) : undefined,
      ignoreDifferences: undefinedIfEmpty(t.ignoreDifferences)?.map(renderIgnoreDifference),
      revisionHistoryLimit: t.revisionHistoryLimit,
    }),
  };
}
