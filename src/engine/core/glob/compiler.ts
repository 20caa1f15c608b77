/**
 * The compiler of github.com/gobwas/glob v0.2.3 (compiler/compiler.go): syntax tree to matcher.
 *
 * Its optimisations decide the answers, bugs included, so they are ported step for step:
 * - `minimizeTree` hoists the children that every `{...}` alternative shares at its start or end
 *   out of the alternation; an alternative that is all shared becomes Nothing and is then dropped
 *   when it is the only distinct one left, which is why `{a,}{a,}a` does not match "a" (issue 62);
 * - `minimizeMatchers` repeatedly replaces the widest gluable run of neighbours (`glueMatchers`:
 *   runs of `*`, `**`, `?`, `[!x]` as Super/Any/Min/EveryOf, or fixed-length parts as a Row);
 * - `compileMatchers` splits the rest around the longest fixed-length part into a BTree;
 * - `optimizeMatcher` turns small trees into Prefix, Suffix, PrefixSuffix (which ignores overlap:
 *   `start*art` matches "start", issue 61), Contains, PrefixAny and SuffixAny.
 */
import { GoPanic, goRunes } from './go-string';
import { Any, AnyOf, BTree, Contains, EveryOf, List, Matcher, Max, Min, Nothing, Prefix, PrefixAny, PrefixSuffix, Range, Row, Single, Suffix, SuffixAny, Super, Text } from './match';
import { GlobSyntaxError, newNode, NodeKind, nodesEqual, SyntaxNode } from './syntax';

class CompileError extends Error {}

function sameRunes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

function runesString(runes: readonly number[]): string {
  return String.fromCodePoint(...runes);
}

function optimizeMatcher(matcher: Matcher): Matcher;
function optimizeMatcher(matcher: Matcher | undefined): Matcher | undefined;
function optimizeMatcher(matcher: Matcher | undefined): Matcher | undefined {
  if (matcher instanceof Any) {
    return matcher.separators.length === 0 ? new Super() : matcher;
  }
  if (matcher instanceof AnyOf) {
    return matcher.matchers.length === 1 ? matcher.matchers[0] : matcher;
  }
  if (matcher instanceof List) {
    return !matcher.not && matcher.list.length === 1 ? new Text(runesString(matcher.list)) : matcher;
  }
  if (matcher instanceof BTree) {
    const m = matcher.withBranches(optimizeMatcher(matcher.left), optimizeMatcher(matcher.right));
    if (!(m.value instanceof Text)) return m;
    const r = m.value;
    const { left, right } = m;
    if (left === undefined && right === undefined) return new Text(r.str);
    if (left instanceof Super && right instanceof Super) return new Contains(r.str, false);
    if (left instanceof Super && right === undefined) return new Suffix(r.str);
    if (right instanceof Super && left === undefined) return new Prefix(r.str);
    if (left === undefined && right instanceof Suffix) return new PrefixSuffix(r.str, right.suffix);
    if (right === undefined && left instanceof Prefix) return new PrefixSuffix(left.prefix, r.str);
    if (right === undefined && left instanceof Any) return new SuffixAny(r.str, left.separators);
    if (left === undefined && right instanceof Any) return new PrefixAny(r.str, right.separators);
    return m;
  }
  return matcher;
}

function compileMatchers(matchers: readonly Matcher[]): Matcher {
  if (matchers.length === 0) throw new CompileError('compile error: need at least one matcher');
  if (matchers.length === 1) return matchers[0];
  const glued = glueMatchers(matchers);
  if (glued) return glued;

  let idx = -1;
  let maxLen = -1;
  let val: Matcher | undefined;
  matchers.forEach((m, i) => {
    const l = m.len();
    if (l !== -1 && l >= maxLen) {
      maxLen = l;
      idx = i;
      val = m;
    }
  });
  if (val === undefined) {
    return BTree.create(matchers[0], undefined, compileMatchers(matchers.slice(1)));
  }
  const left = matchers.slice(0, idx);
  const right = matchers.slice(idx + 1);
  return BTree.create(val,
    left.length > 0 ? compileMatchers(left) : undefined,
    right.length > 0 ? compileMatchers(right) : undefined);
}

function glueMatchers(matchers: readonly Matcher[]): Matcher | undefined {
  return glueMatchersAsEvery(matchers) ?? glueMatchersAsRow(matchers);
}

function glueMatchersAsRow(matchers: readonly Matcher[]): Matcher | undefined {
  if (matchers.length <= 1) return undefined;
  let l = 0;
  for (const m of matchers) {
    const ml = m.len();
    if (ml === -1) return undefined;
    l += ml;
  }
  return new Row(l, [...matchers]);
}

function glueMatchersAsEvery(matchers: readonly Matcher[]): Matcher | undefined {
  if (matchers.length <= 1) return undefined;
  let hasAny = false;
  let hasSuper = false;
  let hasSingle = false;
  let min = 0;
  let separator: readonly number[] = [];
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i];
    let sep: readonly number[];
    if (m instanceof Super) {
      sep = [];
      hasSuper = true;
    } else if (m instanceof Any) {
      sep = m.separators;
      hasAny = true;
    } else if (m instanceof Single) {
      sep = m.separators;
      hasSingle = true;
      min++;
    } else if (m instanceof List) {
      if (!m.not) return undefined;
      sep = m.list;
      hasSingle = true;
      min++;
    } else {
      return undefined;
    }
    if (i === 0) separator = sep;
    if (!sameRunes(sep, separator)) return undefined;
  }

  if (hasSuper && !hasAny && !hasSingle) return new Super();
  if (hasAny && !hasSuper && !hasSingle) return new Any(separator);
  if ((hasAny || hasSuper) && min > 0 && separator.length === 0) return new Min(min);

  const every: Matcher[] = [];
  if (min > 0) {
    every.push(new Min(min));
    if (!hasAny && !hasSuper) every.push(new Max(min));
  }
  if (separator.length > 0) every.push(new Contains(runesString(separator), true));
  return new EveryOf(every);
}

function minimizeMatchers(matchers: readonly Matcher[]): readonly Matcher[] {
  let done: Matcher | undefined;
  let left = 0;
  let right = 0;
  let count = 0;
  for (let l = 0; l < matchers.length; l++) {
    for (let r = matchers.length; r > l; r--) {
      const glued = glueMatchers(matchers.slice(l, r));
      if (glued === undefined) continue;
      let swap: boolean;
      if (done === undefined) {
        swap = true;
      } else {
        const cl = done.len();
        const gl = glued.len();
        swap = cl > -1 && gl > -1 && gl > cl;
        swap = swap || count < r - l;
      }
      if (swap) {
        done = glued;
        left = l;
        right = r;
        count = r - l;
      }
    }
  }
  if (done === undefined) return matchers;
  const next = [...matchers.slice(0, left), done, ...matchers.slice(right)];
  if (next.length === matchers.length) return next;
  return minimizeMatchers(next);
}

function leastChildren(nodes: readonly SyntaxNode[]): number {
  let min = -1;
  let idx = -1;
  nodes.forEach((n, i) => {
    if (idx === -1 || n.children.length < min) {
      min = n.children.length;
      idx = i;
    }
  });
  return idx;
}

/** The children shared, in order, by every alternative at their start and at their end. */
function commonChildren(nodes: readonly SyntaxNode[]): [SyntaxNode[], SyntaxNode[]] {
  const commonLeft: SyntaxNode[] = [];
  if (nodes.length <= 1) return [commonLeft, []];
  const idx = leastChildren(nodes);
  if (idx === -1) return [commonLeft, []];
  const tree = nodes[idx];
  const treeLength = tree.children.length;
  const commonRight: SyntaxNode[] = new Array<SyntaxNode>(treeLength);
  let lastRight = treeLength;
  let breakLeft = false;
  let breakRight = false;
  let commonTotal = 0;
  for (let i = 0, j = treeLength - 1; commonTotal < treeLength && j >= 0 && !(breakLeft && breakRight); i++, j--) {
    const treeLeft = tree.children[i];
    const treeRight = tree.children[j];
    for (let k = 0; k < nodes.length && !(breakLeft && breakRight); k++) {
      if (k === idx) continue;
      const restLeft = nodes[k].children[i];
      const restRight = nodes[k].children[j + nodes[k].children.length - treeLength];
      breakLeft = breakLeft || !nodesEqual(treeLeft, restLeft);
      // upstream stops looking for a common end once it meets the common start
      breakRight = breakRight || (!breakLeft && j <= i);
      breakRight = breakRight || !nodesEqual(treeRight, restRight);
    }
    if (!breakLeft) {
      commonTotal++;
      commonLeft.push(treeLeft);
    }
    if (!breakRight) {
      commonTotal++;
      lastRight = j;
      commonRight[j] = treeRight;
    }
  }
  return [commonLeft, commonRight.slice(lastRight)];
}

function appendIfUnique(target: SyntaxNode[], val: SyntaxNode): void {
  if (!target.some((n) => nodesEqual(n, val))) target.push(val);
}

function minimizeTreeAnyOf(tree: SyntaxNode): SyntaxNode | undefined {
  if (!tree.children.every((c) => c.kind === NodeKind.PATTERN)) return undefined;
  const [commonLeft, commonRight] = commonChildren(tree.children);
  if (commonLeft.length === 0 && commonRight.length === 0) return undefined;

  const result: SyntaxNode[] = [];
  if (commonLeft.length > 0) result.push(newNode(NodeKind.PATTERN, undefined, ...commonLeft));
  const anyOf: SyntaxNode[] = [];
  for (const child of tree.children) {
    const end = child.children.length - commonRight.length;
    if (end < commonLeft.length) {
      throw new GoPanic(`runtime error: slice bounds out of range [${commonLeft.length}:${end}]`);
    }
    const reuse = child.children.slice(commonLeft.length, end);
    appendIfUnique(anyOf, reuse.length === 0 ? newNode(NodeKind.NOTHING) : newNode(NodeKind.PATTERN, undefined, ...reuse));
  }
  if (anyOf.length === 1 && anyOf[0].kind !== NodeKind.NOTHING) {
    result.push(anyOf[0]);
  } else if (anyOf.length > 1) {
    result.push(newNode(NodeKind.ANY_OF, undefined, ...anyOf));
  }
  if (commonRight.length > 0) result.push(newNode(NodeKind.PATTERN, undefined, ...commonRight));
  return newNode(NodeKind.PATTERN, undefined, ...result);
}

function compileChildren(tree: SyntaxNode, sep: readonly number[]): Matcher[] {
  return tree.children.map((child) => optimizeMatcher(compileNode(child, sep)));
}

function compileNode(tree: SyntaxNode, sep: readonly number[]): Matcher {
  let m: Matcher;
  switch (tree.kind) {
    case NodeKind.ANY_OF: {
      const minimized = minimizeTreeAnyOf(tree);
      if (minimized) return compileNode(minimized, sep);
      return new AnyOf(compileChildren(tree, sep));
    }
    case NodeKind.PATTERN:
      if (tree.children.length === 0) return new Nothing();
      m = compileMatchers(minimizeMatchers(compileChildren(tree, sep)));
      break;
    case NodeKind.ANY:
      m = new Any(sep);
      break;
    case NodeKind.SUPER:
      m = new Super();
      break;
    case NodeKind.SINGLE:
      m = new Single(sep);
      break;
    case NodeKind.NOTHING:
      m = new Nothing();
      break;
    case NodeKind.LIST: {
      const v = tree.value as { chars: string; not: boolean };
      m = new List(goRunes(v.chars), v.not);
      break;
    }
    case NodeKind.RANGE: {
      const v = tree.value as { lo: number; hi: number; not: boolean };
      m = new Range(v.lo, v.hi, v.not);
      break;
    }
    case NodeKind.TEXT:
      m = new Text((tree.value as { text: string }).text);
      break;
  }
  return optimizeMatcher(m);
}

/**
 * compiler.Compile: the matcher for a parsed pattern. `separators` are the runes `*` and `?` do not
 * cross. Upstream's one compile error ("need at least one matcher", not known to be reachable) is
 * a GlobSyntaxError; a Go panic stays a GoPanic.
 */
export function compileTree(pattern: string, tree: SyntaxNode, separators: readonly number[]): Matcher {
  try {
    return compileNode(tree, separators);
  } catch (e) {
    if (e instanceof CompileError) throw new GlobSyntaxError(pattern, e.message);
    throw e;
  }
}
