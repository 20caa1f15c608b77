import { maxUpdateError } from '../engine/argo/application-set';
import { compact } from '../private/render';
import { SelectorOperator } from './generators/selector';

/** How many Applications of a step sync at once. */
export class MaxUpdate {
  /** At most this many Applications (0: none until synced by hand). */
  public static count(n: number): MaxUpdate {
    const problem = maxUpdateError(n);
    if (problem) throw new Error(problem);
    return new MaxUpdate(n);
  }
  /** At most this percentage (rounded down, at least one when above 0%). */
  public static percent(p: number): MaxUpdate {
    const value = `${p}%`;
    const problem = maxUpdateError(value);
    if (problem) throw new Error(problem);
    return new MaxUpdate(value);
  }
  private constructor(public readonly value: number | string) {}
}

/** A label requirement of a RollingSync step (on the generated Applications' labels). */
export interface StepMatchExpression {
  readonly key: string;
  /** `IN` or `NOT_IN` (Argo CD matches steps with In and NotIn). */
  readonly operator: SelectorOperator;
  readonly values: string[];
}

/** One step of a RollingSync. */
export interface RollingSyncStep {
  /** Which Applications belong to the step. */
  readonly matchExpressions: StepMatchExpression[];
  /**
   * How many sync at once.
   * @default - all of them (100%)
   */
  readonly maxUpdate?: MaxUpdate;
}

/**
 * The order in which generated Applications are synced (`spec.strategy`, progressive syncs; the
 * controller needs `applicationsetcontroller.enable.progressive.syncs`).
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Progressive-Syncs/
 */
export class ApplicationSetStrategy {
  /** Every Application at once (the default). */
  public static allAtOnce(): ApplicationSetStrategy {
    return new ApplicationSetStrategy({ type: 'AllAtOnce' });
  }
  /** Steps of Applications selected by label, each waiting for the previous one to be healthy. */
  public static rollingSync(steps: RollingSyncStep[]): ApplicationSetStrategy {
    if (steps.length === 0) throw new Error('a RollingSync needs at least one step: add steps with matchExpressions on Application labels');
    return new ApplicationSetStrategy({
      type: 'RollingSync',
      rollingSync: {
        steps: steps.map((s) => compact({
          matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator.value, values: e.values })),
          maxUpdate: s.maxUpdate?.value,
        })),
      },
    });
  }
  private constructor(private readonly wire: { [key: string]: any }) {}
  /** @internal */
  public _toArgo(): { [key: string]: any } {
    return this.wire;
  }
}
