/**
 * Evaluates the conditions of a notification trigger as notifications-engine does.
 *
 * Ported from argoproj/notifications-engine@0cff13b8a717 (Argo CD v3.5.1's pin)
 * `pkg/triggers/service.go`: each `when` is compiled with `expr.Compile(Coalesce(when, "false"))`,
 * run with `expr.Run`; the condition fires only when the result is the bool `true` (a run-time
 * error or any other value means not triggered, the error being only logged). `oncePer` is run
 * only for a condition that fired. A `when` or `oncePer` that does not compile makes the whole
 * trigger service fail upstream; here that condition is reported as not triggered with the error.
 */
import { compileExpr, evaluate, EvaluateOptions, formatValue, goTypeName } from '../expr';

export interface TriggerCondition {
  readonly when?: string;
  readonly oncePer?: string;
  readonly send: readonly string[];
  readonly description?: string;
}

export interface ConditionResult {
  /** The expression as configured. */
  readonly when: string;
  /** Whether the condition fires. */
  readonly result: boolean;
  /** Why it does not fire although it was evaluated: a compile or run-time error, or a non-bool result. */
  readonly error?: string;
  /** The raw `oncePer` value (Go model), when the condition fires and `oncePer` is set and runs. */
  readonly oncePer?: unknown;
  /** Why `oncePer` has no value although the condition fired. */
  readonly oncePerError?: string;
  readonly send: readonly string[];
}

/** Runs each condition over `vars` (see `triggerEnvironment`). */
export function evaluateTrigger(
  conditions: readonly TriggerCondition[],
  vars: Map<string, unknown> | Record<string, unknown>,
  options: EvaluateOptions = {},
): ConditionResult[] {
  return conditions.map((condition) => {
    const when = condition.when ?? '';
    const base = { when, send: condition.send };
    let value: unknown;
    try {
      value = evaluate(compileExpr(when === '' ? 'false' : when), vars, options);
    } catch (e) {
      return { ...base, result: false, error: (e as Error).message };
    }
    if (typeof value !== 'boolean') {
      return { ...base, result: false, error: `when returned ${formatValue(value)} (${goTypeName(value)}), not a bool` };
    }
    if (!value || condition.oncePer === undefined || condition.oncePer === '') return { ...base, result: value };
    try {
      return { ...base, result: true, oncePer: evaluate(compileExpr(condition.oncePer), vars, options) };
    } catch (e) {
      return { ...base, result: true, oncePerError: (e as Error).message };
    }
  });
}
