import type * as l1 from '../../imports/application-argoproj.io';
import { compact, undefinedIfEmpty } from '../private/render';

/**
 * Differences to ignore when comparing live and desired state (`spec.ignoreDifferences[]`).
 * They apply during sync only with `SyncOption.RESPECT_IGNORE_DIFFERENCES`.
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/
 */
export interface IgnoreDifference {
  /** Kind of the resources, or `*`. */
  readonly kind: string;
  /**
   * API group (`''` for the core group, `*` for any).
   * @default - the core group
   */
  readonly group?: string;
  /**
   * Resource name (exact match, not a glob).
   * @default - every name
   */
  readonly name?: string;
  /**
   * Resource namespace (exact match).
   * @default - every namespace
   */
  readonly namespace?: string;
  /**
   * JSON pointers (RFC 6901) of fields to ignore, e.g. `/spec/replicas`.
   * @default - none
   */
  readonly jsonPointers?: string[];
  /**
   * jq path expressions of fields to ignore, e.g. `.data["config.yaml"]`.
   * @default - none
   */
  readonly jqPathExpressions?: string[];
  /**
   * Ignore fields owned by these field managers, e.g. `kube-controller-manager`.
   * @default - none
   */
  readonly managedFieldsManagers?: string[];
}

/** @internal */
export function renderIgnoreDifference(d: IgnoreDifference): l1.ApplicationSpecIgnoreDifferences {
  return compact({
    group: d.group,
    kind: d.kind,
    name: d.name,
    namespace: d.namespace,
    jsonPointers: undefinedIfEmpty(d.jsonPointers),
    jqPathExpressions: undefinedIfEmpty(d.jqPathExpressions),
    managedFieldsManagers: undefinedIfEmpty(d.managedFieldsManagers),
  });
}
