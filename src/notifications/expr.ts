import { lazy } from '../engine/core/lazy';

/* eslint-disable @typescript-eslint/no-require-imports */
// The expr engine loads only when an expression is checked or evaluated.
const expr = lazy(() => require('../engine/expr') as typeof import('../engine/expr'));
const notifications = lazy(() => require('../engine/notifications/trigger-environment') as typeof import('../engine/notifications/trigger-environment'));
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * expr-lang v1.17.8 binding powers (expr `parser/operator/operator.go` at v1.17.8): `or` 10,
 * `and` 15, comparisons 20, `..` 25, `+ -` 30, `* / %` 60, unary `not` 50, `??` 500; atoms,
 * member access and calls bind tightest.
 */
const ATOM = 1000;
const PRECEDENCE: { readonly [op: string]: number } = {
  'or': 10,
  'and': 15,
  '==': 20,
  '!=': 20,
  '<': 20,
  '>': 20,
  '<=': 20,
  '>=': 20,
  'in': 20,
  'not in': 20,
  'matches': 20,
  'contains': 20,
  'startsWith': 20,
  'endsWith': 20,
  '+': 30,
  '-': 30,
  '*': 60,
  '/': 60,
  '%': 60,
  '??': 500,
};
const UNARY_NOT = 50;
const CONDITIONAL = 0;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** What `Expr.evaluate()` runs an expression over. */
export interface ExprInputs {
  /** The Application, as the API returns it (with `status`). */
  readonly app: any;
  /**
   * Its AppProject.
   * @default - an empty map, as when Argo CD cannot read it
   */
  readonly appProject?: any;
  /**
   * The `context` of argocd-notifications-cm.
   * @default - none
   */
  readonly context?: { [key: string]: string };
  /**
   * The clock of `time.Now()`, RFC 3339.
   * @default - the current time
   */
  readonly now?: string;
}

/**
 * A trigger condition (expr-lang) as a typed tree: renders expr source with the parentheses and
 * quoting expr needs, and evaluates in JS exactly as notifications-engine would.
 *
 * ```ts
 * const phase = Expr.path('app.status?.operationState?.phase');
 * const when = Expr.and(phase.in(Expr.strings(['Succeeded'])), Expr.path('app.status.health.status').eq(Expr.string('Healthy')));
 * when.render(); // app.status?.operationState?.phase in ['Succeeded'] and app.status.health.status == 'Healthy'
 * ```
 */
export class Expr {
  /** Hand-written expr source, used as it is (wrapped in parentheses where precedence needs it). */
  public static raw(source: string): Expr {
    if (source.trim() === '') throw new Error('Expr.raw: the expression is empty: write a condition, e.g. "app.status.sync.status == \'Unknown\'"');
    expr().compileExpr(source);
    return new Expr(source, CONDITIONAL);
  }

  /**
   * Expr source known to compile (the upstream catalog's, checked by its tests and by the
   * notifications rule), used without loading the expr engine when the package is imported.
   * @internal
   */
  public static _known(source: string): Expr {
    return new Expr(source, CONDITIONAL);
  }

  /**
   * A variable and its members, e.g. `app.status?.operationState?.phase` (`?.` where a link may be
   * missing: a nil reached through a plain `.` is a run-time error and the trigger does not fire).
   */
  public static path(path: string): Expr {
    const parts = path.split(/(\?\.|\.)/);
    for (let i = 0; i < parts.length; i += 2) {
      if (!IDENTIFIER.test(parts[i])) {
        throw new Error(`Expr.path: ${JSON.stringify(path)} is not a member path: write identifiers joined by "." or "?.", e.g. "app.status?.operationState?.phase"`);
      }
    }
    return new Expr(path, ATOM);
  }

  /** `.field` inside a predicate of `any`/`all`/`filter`… (the current element's member), or `#` with no field. */
  public static element(field?: string): Expr {
    if (field === undefined) return new Expr('#', ATOM);
    if (!IDENTIFIER.test(field)) throw new Error(`Expr.element: ${JSON.stringify(field)} is not an identifier`);
    return new Expr(`.${field}`, ATOM);
  }

  /** A string literal. */
  public static string(value: string): Expr {
    const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
    return new Expr(`'${escaped}'`, ATOM);
  }

  /** A number literal. */
  public static number(value: number): Expr {
    if (!Number.isFinite(value)) throw new Error(`Expr.number: ${value} is not a finite number`);
    return new Expr(value < 0 ? `(${value})` : String(value), ATOM);
  }

  /** `true` or `false`. */
  public static bool(value: boolean): Expr {
    return new Expr(String(value), ATOM);
  }

  /** `nil`. */
  public static nil(): Expr {
    return new Expr('nil', ATOM);
  }

  /** An array literal of strings, e.g. `['Error', 'Failed']`. */
  public static strings(values: string[]): Expr {
    return Expr.list(values.map((v) => Expr.string(v)));
  }

  /** An array literal. */
  public static list(items: Expr[]): Expr {
    return new Expr(`[${items.map((i) => i.render()).join(', ')}]`, ATOM);
  }

  /** All of the conditions (`a and b and …`). */
  public static and(...conditions: Expr[]): Expr {
    return Expr.chain('and', conditions);
  }

  /** Any of the conditions (`a or b or …`). */
  public static or(...conditions: Expr[]): Expr {
    return Expr.chain('or', conditions);
  }

  /** Negation (`not x`, parenthesized when `x` binds looser than `not`). */
  public static not(condition: Expr): Expr {
    return new Expr(`not ${condition.operand(UNARY_NOT + 1)}`, UNARY_NOT);
  }

  /** `any(collection, {predicate})`: true when some element matches (use `Expr.element()` inside). */
  public static any(collection: Expr, predicate: Expr): Expr {
    return Expr.builtin('any', collection, predicate);
  }

  /** `all(collection, {predicate})`. */
  public static all(collection: Expr, predicate: Expr): Expr {
    return Expr.builtin('all', collection, predicate);
  }

  /** `none(collection, {predicate})`. */
  public static none(collection: Expr, predicate: Expr): Expr {
    return Expr.builtin('none', collection, predicate);
  }

  /** `count(collection, {predicate})`. */
  public static count(collection: Expr, predicate: Expr): Expr {
    return Expr.builtin('count', collection, predicate);
  }

  /** `filter(collection, {predicate})`. */
  public static filter(collection: Expr, predicate: Expr): Expr {
    return Expr.builtin('filter', collection, predicate);
  }

  /** `len(value)`. */
  public static len(value: Expr): Expr {
    return new Expr(`len(${value.render()})`, ATOM);
  }

  /** `time.Parse(value)` (RFC 3339; a run-time error on a missing or bad timestamp). */
  public static timeParse(value: Expr): Expr {
    return new Expr(`time.Parse(${value.render()})`, ATOM);
  }

  /** `time.Now()`. */
  public static timeNow(): Expr {
    return new Expr('time.Now()', ATOM);
  }

  private static builtin(name: string, collection: Expr, predicate: Expr): Expr {
    return new Expr(`${name}(${collection.render()}, {${predicate.render()}})`, ATOM);
  }

  private static chain(op: 'and' | 'or', conditions: Expr[]): Expr {
    if (conditions.length === 0) throw new Error(`Expr.${op}: give at least one condition`);
    if (conditions.length === 1) return conditions[0];
    const p = PRECEDENCE[op];
    // Left-associative: the first operand may bind as loosely as the operator, the others tighter.
    return new Expr(conditions.map((c, i) => (c.coalesce ? `(${c.source})` : c.operand(i === 0 ? p : p + 1))).join(` ${op} `), p);
  }

  private constructor(private readonly source: string, private readonly precedence: number, private readonly coalesce = false) {}

  /** `this == other`. */
  public eq(other: Expr): Expr {
    return this.binary('==', other);
  }

  /** `this != other`. */
  public ne(other: Expr): Expr {
    return this.binary('!=', other);
  }

  /** `this < other`. */
  public lt(other: Expr): Expr {
    return this.binary('<', other);
  }

  /** `this <= other`. */
  public le(other: Expr): Expr {
    return this.binary('<=', other);
  }

  /** `this > other`. */
  public gt(other: Expr): Expr {
    return this.binary('>', other);
  }

  /** `this >= other`. */
  public ge(other: Expr): Expr {
    return this.binary('>=', other);
  }

  /** `this in list`. */
  public in(list: Expr): Expr {
    return this.binary('in', list);
  }

  /** `this not in list`. */
  public notIn(list: Expr): Expr {
    return this.binary('not in', list);
  }

  /** `this contains s` (strings only; on nil it is a run-time error: coalesce first). */
  public contains(s: Expr): Expr {
    return this.binary('contains', s);
  }

  /** `this startsWith s`. */
  public startsWith(s: Expr): Expr {
    return this.binary('startsWith', s);
  }

  /** `this endsWith s`. */
  public endsWith(s: Expr): Expr {
    return this.binary('endsWith', s);
  }

  /** `this matches regexp` (RE2). */
  public matches(regexp: Expr): Expr {
    return this.binary('matches', regexp);
  }

  /** `this ?? fallback`: the fallback when this is nil. */
  public orElse(fallback: Expr): Expr {
    return this.binary('??', fallback);
  }

  /** `this + other`. */
  public plus(other: Expr): Expr {
    return this.binary('+', other);
  }

  /** `this - other`. */
  public minus(other: Expr): Expr {
    return this.binary('-', other);
  }

  /** `this * other`. */
  public times(other: Expr): Expr {
    return this.binary('*', other);
  }

  /** A member: `this.name`, or `this?.name` when optional. */
  public get(name: string, optional?: boolean): Expr {
    if (!IDENTIFIER.test(name)) throw new Error(`Expr.get: ${JSON.stringify(name)} is not an identifier: use Expr.raw() for indexing`);
    return new Expr(`${this.operand(ATOM)}${optional ? '?.' : '.'}${name}`, ATOM);
  }

  /** A method call: `this.name(args…)` (e.g. Go `time.Time` methods `Add`, `Before`, `Sub`, `Minutes`). */
  public call(name: string, ...args: Expr[]): Expr {
    if (!IDENTIFIER.test(name)) throw new Error(`Expr.call: ${JSON.stringify(name)} is not an identifier`);
    return new Expr(`${this.operand(ATOM)}.${name}(${args.map((a) => a.render()).join(', ')})`, ATOM);
  }

  /** The expr source. */
  public render(): string {
    return this.source;
  }

  /** The expr source (same as render()). */
  public toString(): string {
    return this.source;
  }

  /**
   * Evaluates the expression as notifications-engine does (the variables of a trigger: `app`,
   * `appProject`, `context`, `time`, `strings`, `repo`) and returns the result as plain JSON.
   * Throws expr's error on a run-time error (where a trigger would not fire).
   */
  public evaluate(inputs: ExprInputs): any {
    const vars = notifications().triggerEnvironment({ app: inputs.app, appProject: inputs.appProject, context: inputs.context, now: inputs.now });
    const { compileExpr, evaluate, toPlain } = expr();
    return toPlain(evaluate(compileExpr(this.source), vars, { now: inputs.now }));
  }

  private binary(op: string, right: Expr): Expr {
    const p = PRECEDENCE[op];
    // expr v1.17 refuses `??` mixed with another binary operator unparenthesized ("Operator (x) and
    // coalesce expressions (??) cannot be mixed"): an operand that is a `??` is wrapped.
    const wrap = (e: Expr, min: number) => (op !== '??' && e.coalesce ? `(${e.source})` : e.operand(min));
    return new Expr(`${wrap(this, p)} ${op} ${wrap(right, p + 1)}`, p, op === '??');
  }

  /** This expression as an operand that must bind at least as tightly as `min`. */
  private operand(min: number): string {
    return this.precedence >= min ? this.source : `(${this.source})`;
  }
}
