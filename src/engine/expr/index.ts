/**
 * expr-lang/expr v1.17.8 for notification triggers: compile an expression as `expr.Compile(src)`
 * does with no options (parse, check against an untyped environment, optimize), then run it over
 * Go-model values as `expr.Run` does.
 */
import * as ast from './ast';
import { check } from './checker';
import { ExprError, LocatedError } from './errors';
import { Evaluator } from './evaluator';
import { GoTime, parseTime } from './go-time';
import { optimize } from './optimizer';
import { parse } from './parser';

export { ExprError } from './errors';
export { GoDuration, GoLocation, GoTime, LAYOUTS, parseTime, parseDuration } from './go-time';
export { formatValue } from './go-format';
export { fromJsonValue, toPlain, goTypeName, GoFunc, GoPanic, Int64 } from './values';
export type { GoParam } from './values';

/** A compiled expression. */
export interface CompiledExpr {
  readonly source: string;
  /** @internal */
  readonly tree: ast.Node;
}

export interface EvaluateOptions {
  /** The clock of `now()` (default: the current time). */
  readonly now?: Date | string | GoTime;
}

function bound(source: string, e: unknown): unknown {
  return e instanceof LocatedError ? ExprError.bind(source, e.location, e.message) : e;
}

/** Compiles an expression; throws an {@link ExprError} with expr's formatted message. */
export function compileExpr(source: string): CompiledExpr {
  try {
    const tree = parse(source);
    check(tree);
    return { source, tree: optimize(tree) };
  } catch (e) {
    throw bound(source, e);
  }
}

function clock(now: EvaluateOptions['now']): GoTime {
  if (now === undefined) return GoTime.fromDate(new Date());
  if (now instanceof GoTime) return now;
  if (typeof now === 'string') return parseTime('2006-01-02T15:04:05.999999999Z07:00', now);
  return GoTime.fromDate(now);
}

/**
 * Runs a compiled expression over an environment of Go-model values (see {@link fromJsonValue});
 * throws an {@link ExprError} with expr's formatted run-time message.
 */
export function evaluate(compiled: CompiledExpr, env: Record<string, unknown> | Map<string, unknown>, options: EvaluateOptions = {}): unknown {
  const vars = env instanceof Map ? env : new Map(Object.entries(env));
  try {
    return new Evaluator(vars, clock(options.now)).run(compiled.tree);
  } catch (e) {
    throw bound(compiled.source, e);
  }
}
