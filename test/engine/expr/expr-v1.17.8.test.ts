/**
 * Expressions modelled on expr-lang/expr@v1.17.8 `expr_test.go` and `builtin/builtin_test.go`,
 * with the answers the real v1.17.8 gives (fixtures/expr-v1.17.8.json was produced by
 * test/differential/expr-v1.17/main.go: a typed result, or the error message).
 */
import CASES from './fixtures/expr-v1.17.8.json';
import { typed } from './typed';
import { compileExpr, evaluate } from '../../../src/engine/expr';

interface Case {
  expr: string;
  result?: unknown;
  error?: string;
}

function run(expr: string): { result: unknown } | { error: string } {
  try {
    return { result: typed(evaluate(compileExpr(expr), {})) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const results = (CASES as Case[]).filter((c) => c.error === undefined).map((c) => [c.expr, c.result] as const);
const failures = (CASES as Case[]).filter((c) => c.error !== undefined).map((c) => [c.expr, c.error!] as const);

describe('expr v1.17.8', () => {
  it.each(results)('evaluates %s', (expr, result) => {
    expect(run(expr)).toEqual({ result });
  });

  it.each(failures)('fails when evaluating %s', (expr, error) => {
    expect(run(expr)).toEqual({ error });
  });
});
