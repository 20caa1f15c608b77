import { ObjectIdentity } from '../core/manifest';

export { identityOf } from '../core/manifest';
export type { Manifest } from '../core/manifest';

/**
 * How bad a problem is: an `error` makes Argo CD (or the Kubernetes API server) reject or
 * silently misread the object; a `warning` is legal but very likely not what was meant.
 */
export enum Severity {
  /** Argo CD or the API server rejects the object, or silently ignores what it says. */
  ERROR = 'error',
  /** Accepted, but probably not what was meant. */
  WARNING = 'warning',
}

/**
 * One finding of the validation engine about one object.
 *
 * The same shape is printed by `cdk8s-argocd validate --format json`.
 */
export interface Problem extends ObjectIdentity {
  /** `error` or `warning`. */
  readonly severity: Severity;
  /** Stable id of the rule that found it, e.g. `schema/unknown-field`. */
  readonly rule: string;
  /** What is wrong, the offending value and the fix; lower case, no trailing period. */
  readonly message: string;
  /** `apiVersion` of the object (empty when it has none). */
  readonly apiVersion: string;
  /** `kind` of the object (empty when it has none). */
  readonly kind: string;
  /** `metadata.namespace` of the object (empty when it has none). */
  readonly namespace: string;
  /** `metadata.name` of the object (empty when it has none). */
  readonly name: string;
  /** JSON pointer (RFC 6901) into the object; `""` is the whole object. */
  readonly path: string;
  /**
   * The file the object was read from.
   * @default - not read from a file
   */
  readonly file?: string;
  /**
   * The position of the object in the list given to `validateManifests` (for the CLI: the
   * document's position in its file, from 0).
   * @default - unknown
   */
  readonly index?: number;
}

/** A problem before the object's identity is attached: what a rule reports. */
export interface Finding {
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  /** JSON pointer into the object. */
  readonly path: string;
}

export function error(rule: string, path: string, message: string): Finding {
  return { severity: Severity.ERROR, rule, path, message };
}

export function warning(rule: string, path: string, message: string): Finding {
  return { severity: Severity.WARNING, rule, path, message };
}
