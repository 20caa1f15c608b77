/**
 * Runs a checked expr tree over an environment, with expr's run-time semantics.
 *
 * Ported from expr-lang/expr@v1.17.8 `compiler/compiler.go` (what each node does, in which order
 * its operands run, short-circuits, `?.` chains, `??`, predicate loops) and `vm/vm.go` (the
 * opcodes: a panic becomes an error located at the node whose instruction failed; a non-bool
 * where a bool is needed fails with Go's `interface conversion` message).
 */
import * as ast from './ast';
import { BUILTINS, BuiltinContext, goSort, matches } from './builtins';
import { LocatedError } from './errors';
import { GoDuration, GoTime } from './go-time';
import { methodOf } from './methods';
import * as rt from './runtime';
import { goTypeName, GoFunc, GoPanic, GoParam, Int64, isInt, isNil, toInt } from './values';

/** `conf.DefaultMemoryBudget`. */
const MEMORY_BUDGET = 1_000_000;

/** The items of a map being iterated: expr takes its length, and panics when it reads an item. */
class MapItems {
  public constructor(public readonly length: number) {}
}

interface Scope {
  readonly items: unknown[] | MapItems;
  index: number;
  count: number;
  acc: unknown;
}

/** Marks the end of a `?.` chain that met nil. */
class ChainNil {
  public static readonly INSTANCE = new ChainNil();
}

function bool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  const got = isNil(v) ? 'nil' : goTypeName(v);
  throw new GoPanic(`interface conversion: interface {} is ${got}, not bool`);
}

/** The items `OpBegin` iterates over, with reflect's panics for what is not a slice. */
function iterable(v: unknown): unknown[] | MapItems {
  if (Array.isArray(v)) return v;
  if (v instanceof Uint8Array) return Array.from(v, (b) => BigInt(b));
  if (typeof v === 'string') return Array.from(Buffer.from(v, 'utf8'), (b) => BigInt(b));
  if (isNil(v)) throw new GoPanic('reflect: call of reflect.Value.Len on zero Value');
  if (v instanceof Map) return new MapItems(v.size);
  const kind = isInt(v) ? (typeof v === 'bigint' ? 'int' : 'int64') : typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : v instanceof GoTime ? 'struct' : v instanceof GoDuration ? 'int64' : 'func';
  throw new GoPanic(`reflect: call of reflect.Value.Len on ${kind} Value`);
}

/** Converts a call argument to a Go parameter type as `reflect.Value.Call` accepts it. */
function callArgument(v: unknown, param: GoParam): unknown {
  if (isNil(v)) {
    switch (param) {
      case 'string': return '';
      case 'int': return 0n;
      case 'float64': return 0;
      case 'bool': return false;
      case 'time.Time': return GoTime.zero();
      case 'time.Duration': return new GoDuration(0n);
      default: return null;
    }
  }
  const ok = param === 'any'
    || (param === 'string' && typeof v === 'string')
    || (param === 'int' && typeof v === 'bigint')
    || (param === 'float64' && typeof v === 'number')
    || (param === 'bool' && typeof v === 'boolean')
    || (param === 'time.Time' && v instanceof GoTime)
    || (param === 'time.Duration' && v instanceof GoDuration);
  if (!ok) throw new GoPanic(`reflect: Call using ${goTypeName(v)} as type ${param}`);
  return v;
}

export class Evaluator implements BuiltinContext {
  private readonly scopes: Scope[] = [];
  private readonly variables = new Map<string, unknown>();
  private memory = 0;

  public constructor(private readonly env: Map<string, unknown>, public readonly now: GoTime) {}

  public memGrow(size: number): void {
    this.memory += size;
    if (this.memory >= MEMORY_BUDGET) throw new GoPanic('memory budget exceeded');
  }

  public methods(from: unknown, name: string): unknown {
    return methodOf(from, name);
  }

  public run(node: ast.Node): unknown {
    const v = this.eval(node);
    return v instanceof ChainNil ? null : v;
  }

  /** Runs `fn` for `node`'s own instruction: a Go panic there is located at `node`. */
  private at<T>(node: ast.Node, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof GoPanic) throw new LocatedError(node.loc, e.message);
      throw e;
    }
  }

  private value(node: ast.Node): unknown {
    const v = this.eval(node);
    return v instanceof ChainNil ? null : v;
  }

  private eval(node: ast.Node): unknown {
    switch (node.kind) {
      case 'Nil': return null;
      case 'Bool': return node.value;
      case 'Integer': return node.value;
      case 'Float': return node.value;
      case 'String': return node.value;
      case 'Bytes': return new Uint8Array(Buffer.from(node.value, 'latin1'));
      case 'Constant': return node.value;
      case 'Identifier': return this.identifier(node);
      case 'Unary': return this.unary(node);
      case 'Binary': return this.binary(node);
      case 'Chain': {
        const v = this.eval(node.node);
        return v instanceof ChainNil ? null : v;
      }
      case 'Member': return this.member(node);
      case 'Slice': return this.slice(node);
      case 'Call': return this.call(node);
      case 'Builtin': return this.builtin(node);
      case 'Predicate': return this.value(node.node);
      case 'Pointer': return this.pointer(node);
      case 'VariableDeclarator': {
        const value = this.value(node.value);
        const previous = this.variables.get(node.name);
        const had = this.variables.has(node.name);
        this.variables.set(node.name, value);
        try {
          return this.value(node.expr);
        } finally {
          if (had) this.variables.set(node.name, previous);
          else this.variables.delete(node.name);
        }
      }
      case 'Sequence': {
        let last: unknown = null;
        for (const n of node.nodes) last = this.value(n);
        return last;
      }
      case 'Conditional': {
        const cond = this.value(node.cond);
        return this.at(node, () => bool(cond)) ? this.value(node.exp1) : this.value(node.exp2);
      }
      case 'Array': {
        const out = node.nodes.map((n) => this.value(n));
        this.at(node, () => this.memGrow(out.length));
        return out;
      }
      case 'Map': {
        const entries = node.pairs.map((p) => [this.value(p.key), this.value(p.value)] as const);
        return this.at(node, () => {
          this.memGrow(entries.length);
          const m = new Map<string, unknown>();
          // OpMap pops the pairs last to first, so the first of repeated keys wins.
          for (const [k, v] of [...entries].reverse()) {
            if (typeof k !== 'string') throw new GoPanic(`interface conversion: interface {} is ${isNil(k) ? 'nil' : goTypeName(k)}, not string`);
            m.set(k, v);
          }
          return m;
        });
      }
      case 'Pair': return null;
    }
  }

  private identifier(node: ast.IdentifierNode): unknown {
    if (this.variables.has(node.value)) return this.variables.get(node.value);
    if (node.value === '$env') return this.env;
    return this.env.has(node.value) ? this.env.get(node.value) : null;
  }

  private unary(node: ast.UnaryNode): unknown {
    const v = this.value(node.node);
    return this.at(node, () => {
      switch (node.operator) {
        case '!': case 'not': return !bool(v);
        case '-': return rt.negate(v);
        default: return v;
      }
    });
  }

  private binary(node: ast.BinaryNode): unknown {
    const op = node.operator;
    if (op === 'and' || op === '&&') {
      const left = this.value(node.left);
      if (!this.at(node, () => bool(left))) return false;
      return this.value(node.right);
    }
    if (op === 'or' || op === '||') {
      const left = this.value(node.left);
      if (this.at(node, () => bool(left))) return true;
      return this.value(node.right);
    }
    if (op === '??') {
      const left = this.value(node.left);
      return isNil(left) ? this.value(node.right) : left;
    }
    const a = this.value(node.left);
    if (op === 'matches' && node.right.kind === 'String') {
      return this.at(node, () => (isNil(a) ? false : matches(node.right.kind === 'String' ? node.right.value : '', this.asText(a))));
    }
    const b = this.value(node.right);
    return this.at(node, () => {
      switch (op) {
        case '==': return rt.equal(a, b);
        case '!=': return !rt.equal(a, b);
        case '<': return rt.less(a, b);
        case '>': return rt.more(a, b);
        case '<=': return rt.lessOrEqual(a, b);
        case '>=': return rt.moreOrEqual(a, b);
        case '+': return rt.add(a, b);
        case '-': return rt.subtract(a, b);
        case '*': return rt.multiply(a, b);
        case '/': return rt.divide(a, b);
        case '%': return rt.modulo(a, b);
        case '**': case '^': return rt.exponent(a, b);
        case 'in': return rt.inOp(a, b);
        case 'matches':
          if (isNil(a) || isNil(b)) return false;
          return matches(this.asString(b), this.asText(a));
        case 'contains':
          if (isNil(a) || isNil(b)) return false;
          return this.asString(a).includes(this.asString(b));
        case 'startsWith':
          if (isNil(a) || isNil(b)) return false;
          return this.asString(a).startsWith(this.asString(b));
        case 'endsWith':
          if (isNil(a) || isNil(b)) return false;
          return this.asString(a).endsWith(this.asString(b));
        case '..': {
          const min = toInt(a);
          const max = toInt(b);
          const size = max - min + 1n;
          this.memGrow(size > 0n ? Number(size) : 0);
          return rt.makeRange(min, max);
        }
        default: throw new GoPanic(`unknown operator (${op})`);
      }
    });
  }

  private asString(v: unknown): string {
    if (typeof v !== 'string') throw new GoPanic(`interface conversion: interface {} is ${goTypeName(v)}, not string`);
    return v;
  }

  /** The subject of `matches`: a string, or `[]byte` as text. */
  private asText(v: unknown): string {
    if (v instanceof Uint8Array) return Buffer.from(v).toString('latin1');
    if (typeof v !== 'string') throw new GoPanic(`interface conversion: interface {} is ${goTypeName(v)}, not []uint8`);
    return v;
  }

  private member(node: ast.MemberNode): unknown {
    const base = this.eval(node.node);
    if (base instanceof ChainNil) return base;
    if (node.optional && isNil(base)) return ChainNil.INSTANCE;
    const property = this.value(node.property);
    return this.at(node, () => rt.fetch(base, property, (from, name) => methodOf(from, name)));
  }

  private slice(node: ast.SliceNode): unknown {
    const base = this.value(node.node);
    const to = node.to !== undefined ? this.value(node.to) : this.at(node, () => rt.byteLen(base));
    const from = node.from !== undefined ? this.value(node.from) : 0n;
    return this.at(node, () => rt.slice(base, from, to));
  }

  private call(node: ast.CallNode): unknown {
    const args = node.arguments.map((a) => this.value(a));
    const callee = this.eval(node.callee);
    if (callee instanceof ChainNil) return callee;
    return this.at(node, () => {
      if (isNil(callee)) throw new GoPanic('invalid operation: cannot call nil');
      if (!(callee instanceof GoFunc)) throw new GoPanic(`invalid operation: cannot call non-function of type ${goTypeName(callee)}`);
      if (args.length !== callee.params.length) {
        throw new GoPanic(`invalid number of arguments: expected ${callee.params.length}, got ${args.length}`);
      }
      const converted = args.map((a, i) => callArgument(a, callee.params[i]));
      return callee.impl(...converted);
    });
  }

  private pointer(node: ast.PointerNode): unknown {
    const scope = this.scopes[this.scopes.length - 1];
    switch (node.name) {
      case 'index': return BigInt(scope.index);
      case 'acc': return scope.acc;
      default: return this.item(scope, node);
    }
  }

  /** `Scope.Item()`, run by the instruction of `node`. */
  private item(scope: Scope, node: ast.Node): unknown {
    const items = scope.items;
    if (items instanceof MapItems) throw new LocatedError(node.loc, 'reflect: call of reflect.Value.Index on map Value');
    return items[scope.index];
  }

  /** Runs `body` with a predicate scope over the collection of `node`'s first argument. */
  private loop<T>(node: ast.BuiltinNode, body: (scope: Scope) => T): T {
    const collection = this.value(node.arguments[0]);
    const items = this.at(node, () => iterable(collection));
    const scope: Scope = { items, index: 0, count: 0, acc: null };
    this.scopes.push(scope);
    try {
      return body(scope);
    } finally {
      this.scopes.pop();
    }
  }

  private predicate(node: ast.BuiltinNode, i = 1): boolean {
    const v = this.value(node.arguments[i]);
    return this.at(node, () => bool(v));
  }

  private builtin(node: ast.BuiltinNode): unknown {
    switch (node.name) {
      case 'all': return this.loop(node, (s) => {
        for (; s.index < s.items.length; s.index++) if (!this.predicate(node)) return false;
        return true;
      });
      case 'none': return this.loop(node, (s) => {
        for (; s.index < s.items.length; s.index++) if (this.predicate(node)) return false;
        return true;
      });
      case 'any': return this.loop(node, (s) => {
        for (; s.index < s.items.length; s.index++) if (this.predicate(node)) return true;
        return false;
      });
      case 'one': return this.loop(node, (s) => {
        for (; s.index < s.items.length; s.index++) if (this.predicate(node)) s.count++;
        return s.count === 1;
      });
      case 'filter': return this.loop(node, (s) => {
        const out: unknown[] = [];
        for (; s.index < s.items.length; s.index++) {
          if (this.predicate(node)) out.push(node.map !== undefined ? this.value(node.map) : this.item(s, node));
        }
        this.at(node, () => this.memGrow(out.length));
        return out;
      });
      case 'map': return this.loop(node, (s) => {
        const out: unknown[] = [];
        for (; s.index < s.items.length; s.index++) out.push(this.value(node.arguments[1]));
        this.at(node, () => this.memGrow(out.length));
        return out;
      });
      case 'count': return this.loop(node, (s) => {
        for (; s.index < s.items.length; s.index++) {
          const v = node.arguments.length === 2 ? this.value(node.arguments[1]) : this.item(s, node);
          if (this.at(node, () => bool(v))) s.count++;
          if (node.threshold !== undefined && BigInt(s.count) >= node.threshold) break;
        }
        return BigInt(s.count);
      });
      case 'sum': return this.loop(node, (s) => {
        s.acc = 0n;
        for (; s.index < s.items.length; s.index++) {
          const v = node.arguments.length === 2 ? this.value(node.arguments[1]) : this.item(s, node);
          s.acc = this.at(node, () => rt.add(v, s.acc));
        }
        return s.acc;
      });
      case 'find': case 'findLast': case 'findIndex': case 'findLastIndex': return this.find(node);
      case 'groupBy': return this.loop(node, (s) => {
        const groups = new Map<unknown, unknown[]>();
        for (; s.index < s.items.length; s.index++) {
          const raw = this.value(node.arguments[1]);
          const key = raw instanceof Int64 ? raw.value : raw;
          const group = groups.get(key) ?? [];
          group.push(this.item(s, node));
          groups.set(key, group);
        }
        return groups;
      });
      case 'sortBy': return this.loop(node, (s) => {
        const order = node.arguments.length === 3 ? this.value(node.arguments[2]) : 'asc';
        const desc = this.at(node, () => {
          if (typeof order !== 'string') throw new GoPanic('sortBy order argument must be a string');
          if (order !== 'asc' && order !== 'desc') throw new GoPanic('unknown order, use asc or desc');
          return order === 'desc';
        });
        const pairs: [unknown, unknown][] = [];
        for (; s.index < s.items.length; s.index++) {
          const value = this.value(node.arguments[1]);
          pairs.push([this.item(s, node), value]);
        }
        const sorted = this.at(node, () => goSort(pairs, (a, b) => (desc ? rt.less(b[1], a[1]) : rt.less(a[1], b[1]))));
        this.at(node, () => this.memGrow(sorted.length));
        return sorted.map((p) => p[0]);
      });
      case 'reduce': return this.loop(node, (s) => {
        if (node.arguments.length === 3) {
          s.acc = this.value(node.arguments[2]);
        } else {
          if (s.items.length === 0) throw new LocatedError(node.loc, 'reduce of empty array with no initial value');
          s.acc = this.item(s, node);
          s.index = 1;
        }
        for (; s.index < s.items.length; s.index++) s.acc = this.value(node.arguments[1]);
        return s.acc;
      });
      default: {
        const args = node.arguments.map((a) => this.value(a));
        const fn = BUILTINS[node.name];
        return this.at(node, () => fn(this, args));
      }
    }
  }

  private find(node: ast.BuiltinNode): unknown {
    const backwards = node.name === 'findLast' || node.name === 'findLastIndex';
    const index = node.name === 'findIndex' || node.name === 'findLastIndex';
    return this.loop(node, (s) => {
      for (s.index = backwards ? s.items.length - 1 : 0; backwards ? s.index >= 0 : s.index < s.items.length; s.index += backwards ? -1 : 1) {
        if (this.predicate(node)) {
          if (index) return BigInt(s.index);
          return node.map !== undefined ? this.value(node.map) : this.item(s, node);
        }
      }
      if (node.throws) throw new LocatedError(node.loc, 'reflect: slice index out of range');
      return null;
    });
  }
}
