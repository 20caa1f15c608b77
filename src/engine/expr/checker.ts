/**
 * expr's type checker, for an untyped environment (what `expr.Compile(src)` without options does).
 *
 * Ported from expr-lang/expr@v1.17.8 `checker/checker.go` and `checker/nature/nature.go`. With no
 * environment every identifier is unknown, so only literal types are known; the checker still
 * rejects what literals make impossible (`1 + "a"`, `nil.x`, `[1][true]`, a string predicate …)
 * before anything runs, which is why `false && 1 + "a"` fails to compile. Builtin argument
 * validation (`Validate`/`Types` overloads) is checked for literal argument types of the simple
 * builtins only.
 */
import * as ast from './ast';
import { BUILTIN_NAMES } from './builtin-names';
import { matches } from './builtins';
import { LocatedError } from './errors';
import { GoPanic } from './values';

type Kind = 'unknown' | 'any' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'bytes' | 'array' | 'map' | 'groups' | 'func';

interface Nature {
  readonly kind: Kind;
  /** Element nature of an array built from a literal or a predicate. */
  readonly elem?: Nature;
  /** Result nature of a predicate (`func(any) T`); undefined when it has no result. */
  readonly out?: Nature;
}

const UNKNOWN: Nature = { kind: 'unknown' };
/** `interface {}`: unknown to the checker, but printed by name. */
const ANY: Nature = { kind: 'any' };
const NIL: Nature = { kind: 'nil' };
const BOOL: Nature = { kind: 'bool' };
const INT: Nature = { kind: 'int' };
const FLOAT: Nature = { kind: 'float' };
const STRING: Nature = { kind: 'string' };
const ARRAY: Nature = { kind: 'array' };
const MAP: Nature = { kind: 'map' };
const BUILTINS = new Set(BUILTIN_NAMES);

function typeName(n: Nature): string {
  switch (n.kind) {
    case 'int': return 'int';
    case 'float': return 'float64';
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'bytes': return '[]uint8';
    case 'array': return '[]interface {}';
    case 'map': return 'map[string]interface {}';
    case 'groups': return 'map[interface {}][]interface {}';
    case 'func': return 'func(...interface {}) interface {}';
    case 'any': return 'interface {}';
    default: return 'unknown';
  }
}

const isUnknown = (n: Nature): boolean => n.kind === 'unknown' || n.kind === 'any';
/** A type as `Validate` functions print it (`%s` of a nil reflect.Type for `nil`). */
const validateName = (n: Nature): string => (n.kind === 'nil' ? '%!s(<nil>)' : typeName(n));
const isNumber = (n: Nature): boolean => n.kind === 'int' || n.kind === 'float';
const isArray = (n: Nature): boolean => n.kind === 'array' || n.kind === 'bytes';

type Check = 'bool' | 'string' | 'int' | 'number' | 'array' | 'map';

function isAnyOf(n: Nature, checks: Check[]): boolean {
  return checks.some((c) => (c === 'bool' ? n.kind === 'bool'
    : c === 'string' ? n.kind === 'string'
      : c === 'int' ? n.kind === 'int'
        : c === 'number' ? isNumber(n)
          : c === 'array' ? isArray(n)
            : n.kind === 'map' || n.kind === 'groups'));
}

function maybeCompatible(l: Nature, r: Nature, ...checks: Check[]): boolean {
  return (isUnknown(l) && isUnknown(r)) || (isUnknown(l) && isAnyOf(r, checks)) || (isUnknown(r) && isAnyOf(l, checks));
}

function assignableTo(n: Nature, to: Nature): boolean {
  if (n.kind === 'nil') return to.kind === 'array' || to.kind === 'map' || to.kind === 'func' || to.kind === 'groups';
  if (n.kind === 'unknown' || to.kind === 'unknown') return false;
  return n.kind === to.kind;
}

function comparable(l: Nature, r: Nature): boolean {
  return isUnknown(l) || isUnknown(r) || l.kind === 'nil' || r.kind === 'nil'
    || (isNumber(l) && isNumber(r)) || (isArray(l) && isArray(r)) || assignableTo(l, r);
}

interface PredicateScope {
  collection: Nature;
  vars: Record<string, Nature>;
}

/** Checks a parsed tree; throws a {@link LocatedError} with expr's message at the first error. */
export function check(node: ast.Node): void {
  new Checker().visit(node);
}

class Checker {
  private readonly scopes: PredicateScope[] = [];
  private readonly vars: { name: string; nature: Nature }[] = [];

  public visit(node: ast.Node): Nature {
    switch (node.kind) {
      case 'Nil': return NIL;
      case 'Identifier': {
        for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === node.value) return this.vars[i].nature;
        return UNKNOWN;
      }
      case 'Integer': return INT;
      case 'Float': return FLOAT;
      case 'Bool': return BOOL;
      case 'String': return STRING;
      case 'Bytes': return { kind: 'bytes' };
      case 'Constant': return UNKNOWN;
      case 'Unary': return this.unary(node);
      case 'Binary': return this.binary(node);
      case 'Chain': return this.visit(node.node);
      case 'Member': return this.member(node);
      case 'Slice': return this.slice(node);
      case 'Call': {
        const callee = this.visit(node.callee);
        for (const a of node.arguments) this.visit(a);
        if (isUnknown(callee)) return UNKNOWN;
        const name = node.callee.kind === 'Identifier' ? node.callee.value
          : node.callee.kind === 'Member' && node.callee.property.kind === 'String' ? node.callee.property.value : 'function';
        if (callee.kind === 'nil') this.error(node, `${name} is nil; cannot call nil as function`);
        return this.error(node, `${typeName(callee)} is not callable`);
      }
      case 'Builtin': return this.builtin(node);
      case 'Predicate': {
        const out = this.visit(node.node);
        return { kind: 'func', out: out.kind === 'nil' ? undefined : out };
      }
      case 'Pointer': return this.pointer(node);
      case 'VariableDeclarator': {
        if (BUILTINS.has(node.name)) this.error(node, `cannot redeclare builtin ${node.name}`);
        if (this.vars.some((v) => v.name === node.name)) this.error(node, `cannot redeclare variable ${node.name}`);
        const nature = this.visit(node.value);
        this.vars.push({ name: node.name, nature });
        const out = this.visit(node.expr);
        this.vars.pop();
        return out;
      }
      case 'Sequence': {
        let last = UNKNOWN;
        for (const n of node.nodes) last = this.visit(n);
        return last;
      }
      case 'Conditional': {
        const c = this.visit(node.cond);
        if (c.kind !== 'bool' && !isUnknown(c)) this.error(node.cond, `non-bool expression (type ${typeName(c)}) used as condition`);
        const t1 = this.visit(node.exp1);
        const t2 = this.visit(node.exp2);
        if (t1.kind === 'nil' && t2.kind !== 'nil') return t2;
        if (t1.kind !== 'nil' && t2.kind === 'nil') return t1;
        if (t1.kind === 'nil') return NIL;
        if (assignableTo(t1, t2)) {
          if (isArray(t1) && isArray(t2)) {
            const e1 = t1.elem ?? UNKNOWN;
            const e2 = t2.elem ?? UNKNOWN;
            if (!assignableTo(e1, e2) || !assignableTo(e2, e1)) return ARRAY;
          }
          return t1;
        }
        return UNKNOWN;
      }
      case 'Array': {
        let prev: Nature = UNKNOWN;
        let same = true;
        node.nodes.forEach((n, i) => {
          const cur = this.visit(n);
          if (i > 0 && cur.kind !== prev.kind) same = false;
          prev = cur;
        });
        return same ? { kind: 'array', elem: prev } : ARRAY;
      }
      case 'Map':
        for (const p of node.pairs) this.visit(p);
        return MAP;
      case 'Pair':
        this.visit(node.key);
        this.visit(node.value);
        return NIL;
    }
  }

  private error(node: ast.Node, message: string): never {
    throw new LocatedError(node.loc, message);
  }

  private unary(node: ast.UnaryNode): Nature {
    const n = this.visit(node.node);
    if (node.operator === '!' || node.operator === 'not') {
      if (n.kind === 'bool' || isUnknown(n)) return BOOL;
    } else {
      if (isNumber(n)) return n;
      if (isUnknown(n)) return UNKNOWN;
    }
    return this.error(node, `invalid operation: ${node.operator} (mismatched type ${typeName(n)})`);
  }

  private binary(node: ast.BinaryNode): Nature {
    const l = this.visit(node.left);
    const r = this.visit(node.right);
    const op = node.operator;
    switch (op) {
      case '==': case '!=':
        if (comparable(l, r)) return BOOL;
        break;
      case 'or': case '||': case 'and': case '&&':
        if ((l.kind === 'bool' && r.kind === 'bool') || maybeCompatible(l, r, 'bool')) return BOOL;
        break;
      case '<': case '>': case '>=': case '<=':
        if ((isNumber(l) && isNumber(r)) || (l.kind === 'string' && r.kind === 'string') || maybeCompatible(l, r, 'number', 'string')) return BOOL;
        break;
      case '-': case '*': case '+':
        if (isNumber(l) && isNumber(r)) return l.kind === 'int' && r.kind === 'int' ? INT : FLOAT;
        if (op === '+' && l.kind === 'string' && r.kind === 'string') return STRING;
        if (maybeCompatible(l, r, ...(op === '+' ? ['number', 'string'] as Check[] : ['number'] as Check[]))) return UNKNOWN;
        break;
      case '/': case '**': case '^':
        if ((isNumber(l) && isNumber(r)) || maybeCompatible(l, r, 'number')) return FLOAT;
        break;
      case '%':
        if ((l.kind === 'int' && r.kind === 'int') || maybeCompatible(l, r, 'int')) return INT;
        break;
      case 'in':
        if (r.kind === 'map' || r.kind === 'groups') {
          if (!isUnknown(l) && r.kind === 'map' && !assignableTo(l, STRING)) {
            this.error(node, `cannot use ${typeName(l)} as type string in map key`);
          }
          return BOOL;
        }
        if (isArray(r)) {
          const elem = r.elem ?? UNKNOWN;
          if (!comparable(l, elem)) this.error(node, `cannot use ${typeName(l)} as type ${typeName(elem)} in array`);
          return BOOL;
        }
        if (isUnknown(l) && isAnyOf(r, ['string', 'array', 'map'])) return BOOL;
        if (isUnknown(r)) return BOOL;
        break;
      case 'matches':
        if (node.right.kind === 'String') {
          try {
            matches(node.right.value, '');
          } catch (e) {
            if (e instanceof GoPanic) this.error(node, e.message);
            throw e;
          }
        }
        if (((l.kind === 'string' || l.kind === 'bytes') && r.kind === 'string') || maybeCompatible(l, r, 'string')) return BOOL;
        break;
      case 'contains': case 'startsWith': case 'endsWith':
        if ((l.kind === 'string' && r.kind === 'string') || maybeCompatible(l, r, 'string')) return BOOL;
        break;
      case '..':
        if ((l.kind === 'int' && r.kind === 'int') || maybeCompatible(l, r, 'int')) return { kind: 'array', elem: INT };
        break;
      case '??':
        if (l.kind === 'nil' && r.kind !== 'nil') return r;
        if (l.kind !== 'nil' && r.kind === 'nil') return l;
        if (l.kind === 'nil') return NIL;
        return assignableTo(r, l) ? l : UNKNOWN;
      default:
        return this.error(node, `unknown operator (${op})`);
    }
    return this.error(node, `invalid operation: ${op} (mismatched types ${typeName(l)} and ${typeName(r)})`);
  }

  private member(node: ast.MemberNode): Nature {
    if (node.node.kind === 'Identifier' && node.node.value === '$env') return UNKNOWN;
    const base = this.visit(node.node);
    const prop = this.visit(node.property);
    if (isUnknown(base)) return UNKNOWN;
    const name = node.property.kind === 'String' ? node.property.value : undefined;
    if (name !== undefined && base.kind === 'nil') this.error(node, `type nil has no field ${name}`);
    if (base.kind === 'map' || base.kind === 'groups') {
      if (base.kind === 'map' && !assignableTo(prop, STRING) && !isUnknown(prop)) {
        this.error(node.property, `cannot use ${typeName(prop)} to get an element from ${typeName(base)}`);
      }
      return base.kind === 'groups' ? ARRAY : ANY;
    }
    if (isArray(base)) {
      if (prop.kind !== 'int' && !isUnknown(prop)) this.error(node.property, `array elements can only be selected using an integer (got ${typeName(prop)})`);
      return base.kind === 'bytes' ? INT : base.elem ?? ANY;
    }
    if (name !== undefined) {
      return this.error(node, `type ${typeName(base)} has no ${node.method ? 'method' : 'field'} ${name}`);
    }
    return this.error(node, `type ${typeName(base)}[${typeName(prop)}] is undefined`);
  }

  private slice(node: ast.SliceNode): Nature {
    const n = this.visit(node.node);
    if (isUnknown(n)) return UNKNOWN;
    if (n.kind !== 'string' && !isArray(n)) this.error(node, `cannot slice ${typeName(n)}`);
    for (const bound of [node.from, node.to]) {
      if (bound === undefined) continue;
      const b = this.visit(bound);
      if (b.kind !== 'int' && !isUnknown(b)) this.error(bound, `non-integer slice index ${typeName(b)}`);
    }
    return n;
  }

  private pointer(node: ast.PointerNode): Nature {
    const scope = this.scopes[this.scopes.length - 1];
    if (scope === undefined) return this.error(node, 'cannot use pointer accessor outside predicate');
    if (node.name === '') {
      if (isUnknown(scope.collection)) return UNKNOWN;
      if (isArray(scope.collection)) return scope.collection.kind === 'bytes' ? INT : scope.collection.elem ?? UNKNOWN;
      return this.error(node, `cannot use ${typeName(scope.collection)} as array`);
    }
    const v = scope.vars[node.name];
    if (v !== undefined) return v;
    return this.error(node, `unknown pointer #${node.name}`);
  }

  /** Visits a predicate builtin's collection and predicate, and checks the predicate's shape. */
  private predicate(node: ast.BuiltinNode, vars: Record<string, Nature> = {}): { collection: Nature; predicate: Nature } {
    const collection = this.visit(node.arguments[0]);
    if (!isArray(collection) && !isUnknown(collection)) {
      this.error(node.arguments[0], `builtin ${node.name} takes only array (got ${typeName(collection)})`);
    }
    this.scopes.push({ collection, vars });
    const predicate = node.arguments.length > 1 ? this.visit(node.arguments[1]) : UNKNOWN;
    this.scopes.pop();
    return { collection, predicate };
  }

  private expectBoolPredicate(node: ast.BuiltinNode, predicate: Nature): void {
    if (predicate.kind !== 'func' || predicate.out === undefined) {
      this.error(node.arguments[1], 'predicate should has one input and one output param');
    }
    const out = predicate.out;
    if (out.kind !== 'bool' && !isUnknown(out)) this.error(node.arguments[1], `predicate should return boolean (got ${typeName(out)})`);
  }

  private builtin(node: ast.BuiltinNode): Nature {
    switch (node.name) {
      case 'all': case 'none': case 'any': case 'one': {
        const { predicate } = this.predicate(node);
        this.expectBoolPredicate(node, predicate);
        return BOOL;
      }
      case 'filter': {
        const { collection, predicate } = this.predicate(node);
        this.expectBoolPredicate(node, predicate);
        return isUnknown(collection) ? ARRAY : { kind: 'array', elem: collection.elem };
      }
      case 'find': case 'findLast': {
        const { collection, predicate } = this.predicate(node);
        this.expectBoolPredicate(node, predicate);
        return isUnknown(collection) ? UNKNOWN : collection.elem ?? UNKNOWN;
      }
      case 'findIndex': case 'findLastIndex': {
        const { predicate } = this.predicate(node);
        this.expectBoolPredicate(node, predicate);
        return INT;
      }
      case 'count': {
        if (node.arguments.length === 1) {
          this.predicate(node);
          return INT;
        }
        const { predicate } = this.predicate(node);
        this.expectBoolPredicate(node, predicate);
        return INT;
      }
      case 'map': {
        const { predicate } = this.predicate(node, { index: INT });
        if (predicate.kind !== 'func' || predicate.out === undefined) this.error(node.arguments[1], 'predicate should has one input and one output param');
        return { kind: 'array', elem: predicate.out };
      }
      case 'sum': {
        const { collection, predicate } = this.predicate(node);
        if (node.arguments.length === 2) return predicate.out ?? UNKNOWN;
        return isUnknown(collection) ? UNKNOWN : collection.elem ?? UNKNOWN;
      }
      case 'groupBy': {
        const { predicate } = this.predicate(node);
        if (predicate.kind !== 'func' || predicate.out === undefined) this.error(node.arguments[1], 'predicate should has one input and one output param');
        return { kind: 'groups' };
      }
      case 'sortBy': {
        const { collection, predicate } = this.predicate(node);
        if (node.arguments.length === 3) {
          const order = this.visit(node.arguments[2]);
          if (order.kind !== 'string' && !isUnknown(order)) this.error(node.arguments[2], `sortBy order argument must be a string (got ${typeName(order)})`);
        }
        if (predicate.kind !== 'func' || predicate.out === undefined) this.error(node.arguments[1], 'predicate should has one input and one output param');
        return collection;
      }
      case 'reduce': {
        const { predicate } = this.predicate(node, { index: INT, acc: UNKNOWN });
        if (node.arguments.length === 3) this.visit(node.arguments[2]);
        if (predicate.kind !== 'func' || predicate.out === undefined) this.error(node.arguments[1], 'predicate should has two input and one output param');
        return UNKNOWN;
      }
      default:
        return this.simpleBuiltin(node);
    }
  }

  /** The `Validate` functions and single-signature `Types` of the plain builtins, on literal types. */
  private simpleBuiltin(node: ast.BuiltinNode): Nature {
    const args = node.arguments.map((a) => this.visit(a));
    const fail = (message: string): never => this.error(node, message);
    const count = (n: number): void => {
      if (args.length !== n) fail(`invalid number of arguments (expected ${n}, got ${args.length})`);
    };
    const arg = (i: number): Nature => args[i];
    const known = (n: Nature): boolean => !isUnknown(n);
    switch (node.name) {
      case 'len':
        count(1);
        if (known(arg(0)) && !['string', 'array', 'bytes', 'map', 'groups'].includes(arg(0).kind)) fail(`invalid argument for len (type ${validateName(arg(0))})`);
        return INT;
      case 'abs':
        count(1);
        if (known(arg(0)) && !isNumber(arg(0))) fail(`invalid argument for abs (type ${validateName(arg(0))})`);
        return isUnknown(arg(0)) ? ANY : arg(0);
      case 'ceil': case 'floor': case 'round':
        count(1);
        if (known(arg(0)) && !isNumber(arg(0))) fail(`invalid argument for ${node.name} (type ${validateName(arg(0))})`);
        return FLOAT;
      case 'int': case 'float':
        count(1);
        if (known(arg(0)) && !isNumber(arg(0)) && arg(0).kind !== 'string') fail(`invalid argument for ${node.name} (type ${validateName(arg(0))})`);
        return node.name === 'int' ? INT : FLOAT;
      case 'max': case 'min': case 'mean': case 'median':
        if (args.length === 0) fail(`not enough arguments to call ${node.name}`);
        for (const a of args) {
          if (isUnknown(a) || isArray(a)) return ANY;
          if (!isNumber(a)) fail(`invalid argument for ${node.name} (type ${validateName(a)})`);
        }
        return node.name === 'mean' || node.name === 'median' ? FLOAT : args[0];
      case 'type': case 'string': case 'toJSON':
        this.signature(node, args, [[UNKNOWN]]);
        return STRING;
      case 'upper': case 'lower': case 'toBase64': case 'fromBase64':
        this.signature(node, args, [[STRING]]);
        return STRING;
      case 'fromJSON':
        this.signature(node, args, [[STRING]]);
        return ANY;
      case 'trim':
        this.signature(node, args, [[STRING], [STRING, STRING]]);
        return STRING;
      case 'trimPrefix': case 'trimSuffix':
        this.signature(node, args, [[STRING, STRING], [STRING]]);
        return STRING;
      case 'split': case 'splitAfter':
        this.signature(node, args, [[STRING, STRING], [STRING, STRING, INT]]);
        return { kind: 'array', elem: STRING };
      case 'replace':
        this.signature(node, args, [[STRING, STRING, STRING, INT], [STRING, STRING, STRING]]);
        return STRING;
      case 'repeat':
        this.signature(node, args, [[STRING, INT]]);
        return STRING;
      case 'indexOf': case 'lastIndexOf':
        this.signature(node, args, [[STRING, STRING]]);
        return INT;
      case 'hasPrefix': case 'hasSuffix':
        this.signature(node, args, [[STRING, STRING]]);
        return BOOL;
      case 'join':
        this.signature(node, args, [[ARRAY, STRING], [ARRAY]]);
        return STRING;
      case 'bitand': case 'bitor': case 'bitxor': case 'bitnand': case 'bitshl': case 'bitshr': case 'bitushr':
        this.signature(node, args, [[INT, INT]]);
        return INT;
      case 'bitnot':
        this.signature(node, args, [[INT]]);
        return INT;
      case 'first': case 'last':
        count(1);
        if (known(arg(0)) && !isArray(arg(0))) fail(`cannot get ${node.name} element from ${validateName(arg(0))}`);
        return isArray(arg(0)) ? arg(0).elem ?? ANY : ANY;
      case 'keys': case 'values': case 'toPairs':
        count(1);
        if (known(arg(0)) && arg(0).kind !== 'map' && arg(0).kind !== 'groups') {
          fail(node.name === 'toPairs' ? `cannot transform ${validateName(arg(0))} to pairs` : `cannot get ${node.name} from ${validateName(arg(0))}`);
        }
        return ARRAY;
      case 'fromPairs': case 'reverse': case 'uniq': case 'flatten':
        count(1);
        if (known(arg(0)) && !isArray(arg(0))) {
          fail(node.name === 'fromPairs' ? `cannot transform ${validateName(arg(0))} from pairs` : `cannot ${node.name} ${validateName(arg(0))}`);
        }
        return node.name === 'fromPairs' ? MAP : ARRAY;
      case 'concat':
        if (args.length === 0) fail('invalid number of arguments (expected at least 1, got 0)');
        for (const a of args) if (known(a) && !isArray(a)) fail(`cannot concat ${validateName(a)}`);
        return ARRAY;
      case 'take':
        count(2);
        if (known(arg(0)) && !isArray(arg(0))) fail(`cannot take from ${validateName(arg(0))}`);
        if (known(arg(1)) && arg(1).kind !== 'int') fail(`cannot take ${validateName(arg(1))} elements`);
        return isUnknown(arg(0)) ? ANY : arg(0);
      case 'get':
        if (args.length !== 2) fail(`invalid number of arguments (expected 2, got ${args.length})`);
        if (isUnknown(arg(0))) return UNKNOWN;
        if (isArray(arg(0))) {
          if (arg(1).kind !== 'int' && known(arg(1))) this.error(node.arguments[1], `non-integer slice index ${typeName(arg(1))}`);
          return arg(0).elem ?? UNKNOWN;
        }
        if (arg(0).kind === 'map') {
          if (!assignableTo(arg(1), STRING) && known(arg(1))) this.error(node.arguments[1], `cannot use ${typeName(arg(1))} to get an element from ${typeName(arg(0))}`);
          return UNKNOWN;
        }
        if (arg(0).kind === 'groups') return ARRAY;
        return this.error(node.arguments[0], `type ${typeName(arg(0))} does not support indexing`);
      case 'sort':
        this.sortSignature(node, args);
        return ARRAY;
      case 'now':
        if (args.length !== 0 && !(args.length === 1 && isUnknown(arg(0)))) fail(`invalid number of arguments (expected 0, got ${args.length})`);
        return UNKNOWN;
      case 'date':
        if (args.length < 1) fail(`invalid number of arguments (expected at least 1, got ${args.length})`);
        if (args.length > 4) fail(`invalid number of arguments (expected at most 3, got ${args.length})`);
        return UNKNOWN;
      case 'duration': case 'timezone':
        this.signature(node, args, [[STRING]]);
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  /**
   * `sort`'s eight `Types` overloads, tried in order: `([]any|[]int|[]float64|[]string, string)`,
   * then `([]any|[]float64|[]string|[]int)`; the error is the last overload's.
   */
  private sortSignature(node: ast.BuiltinNode, args: Nature[]): void {
    if (args.length === 0 || args.length > 2) {
      this.error(node, `${args.length === 0 ? 'not enough' : 'too many'} arguments to call sort`);
    }
    const [array, order] = args;
    const fits = isUnknown(array) || array.kind === 'array' || array.kind === 'nil';
    if (args.length === 2) {
      if (fits && (isUnknown(order) || order.kind === 'string')) return;
      this.error(node, 'too many arguments to call sort');
    }
    if (fits && array.kind !== 'nil') return;
    if (array.kind === 'nil') this.error(node.arguments[0], 'cannot use nil as argument (type []int) to call sort');
    this.error(node.arguments[0], `cannot use ${typeName(array)} as argument (type []int) to call sort `);
  }

  /** `checkFunction` with `Types` overloads: the first signature the arguments fit wins. */
  private signature(node: ast.BuiltinNode, args: Nature[], overloads: Nature[][]): void {
    let last: [ast.Node, string] | undefined;
    for (const params of overloads) {
      if (args.length > params.length) {
        last = [node, `too many arguments to call ${node.name}`];
        continue;
      }
      if (args.length < params.length) {
        last = [node, `not enough arguments to call ${node.name}`];
        continue;
      }
      const bad = args.findIndex((a, i) => {
        const p = params[i];
        if (isUnknown(a) || isUnknown(p)) return false;
        if (p.kind === 'float' && a.kind === 'int') return false;
        if (a.kind === 'nil') return !(p.kind === 'array' || p.kind === 'map');
        return !(a.kind === p.kind || (p.kind === 'array' && isArray(a)));
      });
      if (bad < 0) return;
      const a = args[bad];
      last = a.kind === 'nil'
        ? [node.arguments[bad], `cannot use nil as argument (type ${typeName(params[bad])}) to call ${node.name}`]
        : [node.arguments[bad], `cannot use ${typeName(a)} as argument (type ${typeName(params[bad])}) to call ${node.name} `];
    }
    if (last !== undefined) this.error(last[0], last[1]);
  }
}
