/**
 * The check behind the `project/glob` rule: where a project pattern (sourceRepos, destinations,
 * sourceNamespaces, roles) means something else to Argo CD v3.5.1 than it seems to, because Argo
 * CD matches with gobwas/glob v0.2.3 (engine/core/glob) and a pattern that does not compile
 * matches nothing (util/glob/glob.go `Match`).
 *
 * Errors: the pattern does not compile. Warnings: `^` first in a class (a literal in gobwas, not a
 * negation), a prefix and suffix that overlap (gobwas issue 61: `start*art` matches "start"), a
 * part that can be empty but is compiled into a tree that never matches empty text (issue 62:
 * `{a,}{a,}a` misses "a"), and a trailing `\` (dropped).
 */
import { compileGlobMatcher, GlobSyntaxError } from '../core/glob/glob';
import { Any, AnyOf, BTree, EveryOf, Matcher, Max, Nothing, PrefixSuffix, Row, Super, Text } from '../core/glob/match';

/** A finding of the project/glob rule. */
export interface GlobProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The alternatives a class with several ranges or runs must be split into, when it can be. */
function splitClassFix(pattern: string): string | undefined {
  const m = /\[([^\]!\\][^\]\\]*)\]/.exec(pattern);
  if (!m) return undefined;
  const parts = m[1].match(/.-.|[^-]+?(?=.-.|$)/gu);
  if (!parts || parts.length < 2) return undefined;
  return `write ${m[0]} as {${parts.map((p) => `[${p}]`).join(',')}}`;
}

function syntaxFix(pattern: string, reason: string): string {
  if (reason === 'expected close range character') {
    return splitClassFix(pattern)
      ?? 'a class holds one range or one list of characters: write [a-z0-9] as {[a-z],[0-9]}';
  }
  if (reason === 'could not parse range') return 'a class needs a character: write a literal [ as \\[';
  if (reason === 'unexpected end of input') return 'close the class with ] or write a literal [ as \\[';
  if (reason.startsWith('hi character')) return 'write the range from low to high, as in [a-z]';
  if (reason === 'could not read rune') return 'remove the U+FFFD replacement character (or the broken character it stands for)';
  return 'rewrite the pattern';
}

function caretClass(pattern: string): boolean {
  // No class without a `[`; the lexer loads for a pattern that has one.
  if (!pattern.includes('[')) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Lexer, TokenType } = require('../core/glob/lexer') as typeof import('../core/glob/lexer');
  const lexer = new Lexer(pattern);
  let afterOpen = false;
  for (;;) {
    const token = lexer.next();
    if (token.type === TokenType.EOF || token.type === TokenType.ERROR) return false;
    if (afterOpen && (token.type === TokenType.TEXT || token.type === TokenType.RANGE_LO) && token.raw.startsWith('^')) return true;
    afterOpen = token.type === TokenType.RANGE_OPEN;
  }
}

function children(m: Matcher): Matcher[] {
  if (m instanceof BTree) return [m.left, m.value, m.right].filter((c): c is Matcher => c !== undefined);
  if (m instanceof AnyOf || m instanceof EveryOf || m instanceof Row) return [...m.matchers];
  return [];
}

function walk(m: Matcher, visit: (m: Matcher) => void): void {
  visit(m);
  children(m).forEach((c) => walk(c, visit));
}

/** Whether the part, as written, could match the empty string. */
function canBeEmpty(m: Matcher): boolean {
  if (m instanceof Nothing || m instanceof Super || m instanceof Any || m instanceof Max) return true;
  if (m instanceof Text) return m.str === '';
  if (m instanceof AnyOf) return m.matchers.some(canBeEmpty);
  if (m instanceof BTree || m instanceof EveryOf) return children(m).every(canBeEmpty);
  return false;
}

function overlap(prefix: string, suffix: string): string | undefined {
  const max = Math.min(prefix.length, suffix.length);
  for (let k = max; k >= 1; k--) {
    if (prefix.endsWith(suffix.slice(0, k))) return prefix + suffix.slice(k);
  }
  return undefined;
}

/**
 * The project/glob finding for a pattern, or undefined when gobwas reads it the obvious way.
 * `separators` are those Argo CD passes for the field (`/` for sourceRepos, none elsewhere).
 */
export function globProblem(pattern: string, separators = ''): GlobProblem | undefined {
  let matcher: Matcher;
  try {
    matcher = compileGlobMatcher(pattern, separators);
  } catch (e) {
    if (!(e instanceof GlobSyntaxError)) throw e;
    return {
      severity: 'error',
      message: `pattern "${pattern}" matches nothing: Argo CD's glob library (gobwas/glob v0.2.3) cannot compile it (${e.reason}); ${syntaxFix(pattern, e.reason)}`,
    };
  }

  if (caretClass(pattern)) {
    return {
      severity: 'warning',
      message: `pattern "${pattern}" has ^ first in a class, which Argo CD reads as a literal ^, not a negation; negate with ! as in [!a]`,
    };
  }

  let overlapping: PrefixSuffix | undefined;
  let emptyTree = false;
  walk(matcher, (m) => {
    if (m instanceof PrefixSuffix && overlapping === undefined && overlap(m.prefix, m.suffix) !== undefined) overlapping = m;
    if (m instanceof BTree && canBeEmpty(m)) emptyTree = true;
  });
  if (overlapping) {
    const { prefix, suffix } = overlapping;
    return {
      severity: 'warning',
      message: `pattern "${pattern}" also matches "${overlap(prefix, suffix)}": Argo CD only checks that text starts with "${prefix}" and ends with "${suffix}", which may overlap (gobwas issue 61); write {${prefix}?*${suffix},${prefix}${suffix}} to require both`,
    };
  }
  if (emptyTree) {
    return {
      severity: 'warning',
      message: `pattern "${pattern}" has parts that may match no text, which Argo CD then fails to match (gobwas issue 62: {a,}{a,}a does not match "a"); list the alternatives in full instead of leaving one empty`,
    };
  }

  const trailing = /\\+$/.exec(pattern);
  if (trailing && trailing[0].length % 2 === 1) {
    return {
      severity: 'warning',
      message: `pattern "${pattern}" ends with a lone \\, which Argo CD drops; remove it, or write \\\\ for a literal backslash`,
    };
  }
  return undefined;
}
