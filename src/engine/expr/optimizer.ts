/**
 * The rewrites of expr's optimizer that change what users see: constant folding (including
 * `x and true` → `x`, and the compile-time `integer divide by zero`), `filter(…)[0]` → `find`,
 * `first`/`last`/`len` of a filter, `map(filter(…))`, `count(…) > 0` → `any` and the early exit of
 * `count(…) > n`.
 *
 * Ported from expr-lang/expr@v1.17.8 `optimizer/optimizer.go`, `fold.go`, `filter_first.go`,
 * `filter_last.go`, `filter_len.go`, `filter_map.go`, `count_any.go`, `count_threshold.go`. The
 * tree is walked children first, as `ast.Walk` does.
 */
import * as ast from './ast';
import { LocatedError } from './errors';
import { wrapInt } from './values';

type Rewrite = (node: ast.Node) => ast.Node;

function walk(node: ast.Node, visit: Rewrite): ast.Node {
  const w = (n: ast.Node): ast.Node => walk(n, visit);
  switch (node.kind) {
    case 'Unary': node.node = w(node.node); break;
    case 'Binary': node.left = w(node.left); node.right = w(node.right); break;
    case 'Chain': node.node = w(node.node); break;
    case 'Member': node.node = w(node.node); node.property = w(node.property); break;
    case 'Slice':
      node.node = w(node.node);
      if (node.from) node.from = w(node.from);
      if (node.to) node.to = w(node.to);
      break;
    case 'Call': node.callee = w(node.callee); node.arguments = node.arguments.map(w); break;
    case 'Builtin': node.arguments = node.arguments.map(w); if (node.map) node.map = w(node.map); break;
    case 'Predicate': node.node = w(node.node); break;
    case 'VariableDeclarator': node.value = w(node.value); node.expr = w(node.expr); break;
    case 'Sequence': node.nodes = node.nodes.map(w); break;
    case 'Conditional': node.cond = w(node.cond); node.exp1 = w(node.exp1); node.exp2 = w(node.exp2); break;
    case 'Array': node.nodes = node.nodes.map(w); break;
    case 'Map': node.pairs = node.pairs.map((p) => w(p) as ast.PairNode); break;
    case 'Pair': node.key = w(node.key); node.value = w(node.value); break;
    default: break;
  }
  return visit(node);
}

function num(n: ast.Node): bigint | number | undefined {
  return n.kind === 'Integer' || n.kind === 'Float' ? n.value : undefined;
}

/** One folding pass; `changed` tells whether another pass may fold more. */
function foldPass(root: ast.Node): { node: ast.Node; changed: boolean } {
  let changed = false;
  const node = walk(root, (n) => {
    const patch = (m: Record<string, unknown>): ast.Node => {
      changed = true;
      return { ...m, loc: n.loc } as ast.Node;
    };
    if (n.kind === 'Unary') {
      const v = n.node;
      if ((n.operator === '-' || n.operator === '+') && (v.kind === 'Integer' || v.kind === 'Float')) {
        const value = n.operator === '+' ? v.value : v.kind === 'Integer' ? wrapInt(-v.value) : -v.value;
        return patch({ kind: v.kind, value });
      }
      if ((n.operator === '!' || n.operator === 'not') && v.kind === 'Bool') return patch({ kind: 'Bool', value: !v.value });
      return n;
    }
    if (n.kind !== 'Binary') return n;
    const a = num(n.left);
    const b = num(n.right);
    const arith = (fi: (x: bigint, y: bigint) => bigint, ff: (x: number, y: number) => number): ast.Node => {
      if (a === undefined || b === undefined) return n;
      if (typeof a === 'bigint' && typeof b === 'bigint') return patch({ kind: 'Integer', value: wrapInt(fi(a, b)) });
      return patch({ kind: 'Float', value: ff(Number(a), Number(b)) });
    };
    switch (n.operator) {
      case '+':
        if (n.left.kind === 'String' && n.right.kind === 'String') return patch({ kind: 'String', value: n.left.value + n.right.value });
        return arith((x, y) => x + y, (x, y) => x + y);
      case '-': return arith((x, y) => x - y, (x, y) => x - y);
      case '*': return arith((x, y) => x * y, (x, y) => x * y);
      case '/':
        if (a === undefined || b === undefined) return n;
        return patch({ kind: 'Float', value: Number(a) / Number(b) });
      case '%':
        if (typeof a === 'bigint' && typeof b === 'bigint') {
          if (b === 0n) throw new LocatedError(n.loc, 'integer divide by zero');
          return patch({ kind: 'Integer', value: wrapInt(a % b) });
        }
        return n;
      case '**': case '^':
        if (a === undefined || b === undefined) return n;
        return patch({ kind: 'Float', value: Math.pow(Number(a), Number(b)) });
      case 'and': case '&&': {
        const l = n.left.kind === 'Bool' ? n.left.value : undefined;
        const r = n.right.kind === 'Bool' ? n.right.value : undefined;
        if (l === true) return patch({ ...n.right } as unknown as Record<string, unknown>);
        if (r === true) return patch({ ...n.left } as unknown as Record<string, unknown>);
        if (l === false || r === false) return patch({ kind: 'Bool', value: false });
        return n;
      }
      case 'or': case '||': {
        const l = n.left.kind === 'Bool' ? n.left.value : undefined;
        const r = n.right.kind === 'Bool' ? n.right.value : undefined;
        if (l === false) return patch({ ...n.right } as unknown as Record<string, unknown>);
        if (r === false) return patch({ ...n.left } as unknown as Record<string, unknown>);
        if (l === true || r === true) return patch({ kind: 'Bool', value: true });
        return n;
      }
      case '==':
        if (typeof a === 'bigint' && typeof b === 'bigint') return patch({ kind: 'Bool', value: a === b });
        if (n.left.kind === 'String' && n.right.kind === 'String') return patch({ kind: 'Bool', value: n.left.value === n.right.value });
        if (n.left.kind === 'Bool' && n.right.kind === 'Bool') return patch({ kind: 'Bool', value: n.left.value === n.right.value });
        return n;
      default:
        return n;
    }
  });
  return { node, changed };
}

function isFilter(n: ast.Node): n is ast.BuiltinNode {
  return n.kind === 'Builtin' && n.name === 'filter' && n.arguments.length === 2;
}

function findIndexPointer(n: ast.Node): boolean {
  let found = false;
  walk(structuredClone(n), (m) => {
    if (m.kind === 'Pointer' && m.name === 'index') found = true;
    return m;
  });
  return found;
}

const rewrites: Rewrite[] = [
  // filter_map
  (n) => {
    if (n.kind === 'Builtin' && n.name === 'map' && n.arguments.length === 2 && !findIndexPointer(n.arguments[1])
      && n.arguments[1].kind === 'Predicate' && isFilter(n.arguments[0]) && n.arguments[0].map === undefined) {
      return { ...n.arguments[0], map: n.arguments[1].node, loc: n.loc };
    }
    return n;
  },
  // filter_len
  (n) => (n.kind === 'Builtin' && n.name === 'len' && n.arguments.length === 1 && isFilter(n.arguments[0])
    ? { kind: 'Builtin', name: 'count', arguments: n.arguments[0].arguments, loc: n.loc } : n),
  // filter_last, then filter_first (the optimizer's order)
  (n) => {
    if (n.kind === 'Member' && !n.optional && n.property.kind === 'Integer' && n.property.value === -1n && isFilter(n.node)) {
      return { kind: 'Builtin', name: 'findLast', arguments: n.node.arguments, throws: true, map: n.node.map, loc: n.loc };
    }
    if (n.kind === 'Builtin' && n.name === 'last' && n.arguments.length === 1 && isFilter(n.arguments[0])) {
      return { kind: 'Builtin', name: 'findLast', arguments: n.arguments[0].arguments, throws: false, map: n.arguments[0].map, loc: n.loc };
    }
    return n;
  },
  (n) => {
    if (n.kind === 'Member' && !n.optional && n.property.kind === 'Integer' && n.property.value === 0n && isFilter(n.node)) {
      return { kind: 'Builtin', name: 'find', arguments: n.node.arguments, throws: true, map: n.node.map, loc: n.loc };
    }
    if (n.kind === 'Builtin' && n.name === 'first' && n.arguments.length === 1 && isFilter(n.arguments[0])) {
      return { kind: 'Builtin', name: 'find', arguments: n.arguments[0].arguments, throws: false, map: n.arguments[0].map, loc: n.loc };
    }
    return n;
  },
  // count_any
  (n) => {
    if (n.kind === 'Binary' && n.left.kind === 'Builtin' && n.left.name === 'count' && n.left.arguments.length === 2 && n.right.kind === 'Integer'
      && ((n.operator === '>' && n.right.value === 0n) || (n.operator === '>=' && n.right.value === 1n))) {
      return { kind: 'Builtin', name: 'any', arguments: n.left.arguments, loc: n.loc };
    }
    return n;
  },
  // count_threshold
  (n) => {
    if (n.kind === 'Binary' && n.left.kind === 'Builtin' && n.left.name === 'count' && n.left.arguments.length === 2
      && n.right.kind === 'Integer' && n.right.value >= 0n) {
      const v = n.right.value;
      const threshold = n.operator === '>' || n.operator === '<=' ? v + 1n : n.operator === '>=' || n.operator === '<' ? v : undefined;
      if (threshold !== undefined && threshold > 1n) n.left.threshold = threshold;
    }
    return n;
  },
];

/**
 * `in_array`: `x in ["a", "b"]` becomes a lookup in a `map[string]struct{}`, so a needle that is
 * not a string fails (`reflect.Value.MapIndex: …`) instead of being false. The integer variant needs
 * a left side typed `int`, which only a literal is, and gives the same answers.
 */
const inArray: Rewrite = (n) => {
  if (n.kind === 'Binary' && n.operator === 'in' && n.right.kind === 'Array' && n.right.nodes.length > 0
    && n.left.kind !== 'Integer' && n.right.nodes.every((e) => e.kind === 'String')) {
    const set = new Map<string, unknown>();
    for (const e of n.right.nodes) set.set((e as ast.StringNode).value, null);
    return { ...n, right: { kind: 'Constant', value: set, loc: n.right.loc } };
  }
  return n;
};

/** Applies expr's default optimizations to a checked tree. */
export function optimize(root: ast.Node): ast.Node {
  let node = walk(root, inArray);
  for (let limit = 1000; limit >= 0; limit--) {
    const pass = foldPass(node);
    node = pass.node;
    if (!pass.changed) break;
  }
  for (const rewrite of rewrites) node = walk(node, rewrite);
  return node;
}
