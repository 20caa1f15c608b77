/**
 * Label selectors of ApplicationSet generators: a generator's post-selector (`selector`, matched
 * against its flattened parameters) and the cluster generator's Secret selector.
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Post-Selector/
 */
import { compact, undefinedIfEmpty, undefinedIfEmptyMap } from '../../private/render';

/** A label selector operator. */
export class SelectorOperator {
  /** The value is one of `values`. */
  public static readonly IN = new SelectorOperator('In');
  /** The key is missing or its value is none of `values`. */
  public static readonly NOT_IN = new SelectorOperator('NotIn');
  /** The key is present. */
  public static readonly EXISTS = new SelectorOperator('Exists');
  /** The key is missing. */
  public static readonly DOES_NOT_EXIST = new SelectorOperator('DoesNotExist');
  private constructor(public readonly value: string) {}
}

/** One requirement of a selector (`matchExpressions[]`). */
export interface SelectorRequirement {
  /** The parameter (post-selector) or label (clusters) to test, e.g. `env` or `metadata.labels.env`. */
  readonly key: string;
  /** How to test it. */
  readonly operator: SelectorOperator;
  /**
   * The values for `IN` and `NOT_IN` (must be empty for `EXISTS` and `DOES_NOT_EXIST`).
   * @default - none
   */
  readonly values?: string[];
}

/** A label selector (`matchLabels` and `matchExpressions`, all of which must hold). */
export interface LabelSelector {
  /**
   * Exact key/value pairs.
   * @default - none
   */
  readonly matchLabels?: { [key: string]: string };
  /**
   * Requirements.
   * @default - none
   */
  readonly matchExpressions?: SelectorRequirement[];
}

/** @internal */
export function renderSelector(s: LabelSelector | undefined): { [key: string]: any } | undefined {
  if (s === undefined) return undefined;
  return compact({
    matchLabels: undefinedIfEmptyMap(s.matchLabels),
    matchExpressions: undefinedIfEmpty(s.matchExpressions)?.map((e) => compact({
      key: e.key, operator: e.operator.value, values: undefinedIfEmpty(e.values),
    })),
  });
}
