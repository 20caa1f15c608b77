/**
 * Globs as Argo CD v3.5.1 matches them: github.com/gobwas/glob v0.2.3 (glob.go `Compile`), with
 * util/glob/glob.go's bounded cache and its rule that a pattern that does not compile matches
 * nothing.
 *
 * Syntax: `*` any run without a separator, `**` anything, `?` one character (one code point; a
 * non-BMP character is one), `[abc]` / `[a-z]` one class (`[!...]` negates, `^` is literal, and
 * `[a-z0-9]` does not compile), `{a,b}` alternatives, `\` escapes. The quirks of the original
 * (issue 61 `start*art` matches "start", issue 62 `{a,}{a,}a` misses "a", `?` matching "") are
 * reproduced on purpose: they are what Argo CD decides.
 */
import type { compileTree } from './compiler';
import { GlobSyntaxError } from './glob-syntax-error';
import { goRunes, goString } from './go-string';
import { Matcher, Nothing, Prefix, PrefixAny, Text } from './match';
import type { parseGlob } from './syntax';

export { GlobSyntaxError } from './glob-syntax-error';
export { GoPanic } from './go-string';

/** A compiled pattern. */
export interface Glob {
  /** The pattern as written. */
  readonly pattern: string;
  /** The separators `*` and `?` do not cross. */
  readonly separators: string;
  /**
   * Whether the whole text matches. Throws GoPanic where gobwas panics (a Row with an empty
   * alternative, as in `a{}` against "a").
   */
  match(text: string): boolean;
  /** gobwas's String() of the compiled matcher, e.g. `<prefix_suffix:[start,art]>`. */
  describe(): string;
}

/** A text of ASCII characters only: its UTF-8 bytes are its UTF-16 code units. */
const ASCII = /^[\x00-\x7f]*$/;

class CompiledGlob implements Glob {
  constructor(public readonly pattern: string, public readonly separators: string, public readonly matcher: Matcher) {}

  public match(text: string): boolean {
    const matcher = this.matcher;
    if (matcher.matchAscii !== undefined && ASCII.test(text)) return matcher.matchAscii(text);
    return matcher.match(goString(text));
  }

  public describe(): string {
    return this.matcher.toString();
  }
}

/** gobwas's special characters (glob.go `QuoteMeta`): a pattern without them is plain text. */
const SPECIAL = /[*?\\[\]{}]/;

/** ASCII without NUL (the lexer's end of input: it ends a text run, and the rest is read again). */
const PLAIN_TEXT = /^[\x01-\x7f]+$/;

/**
 * The matcher of a pattern that is ASCII text without special characters, optionally followed by
 * one `*`, or empty: what gobwas's compiler makes of it (compiler.go `Compile` and its
 * `minimizeMatchers`: a Text, a Prefix, a PrefixAny with separators, or Nothing), without loading
 * the compiler and its parser.
 * Most project patterns are such (repository URLs, `team-*` namespaces); the compiler loads on the
 * first that is not. Undefined for any other pattern (non-ASCII text too: the parser rejects U+FFFD;
 * and NUL).
 */
function plainMatcher(pattern: string, separators: string): Matcher | undefined {
  if (pattern === '') return new Nothing();
  const star = pattern.endsWith('*');
  const text = star ? pattern.slice(0, -1) : pattern;
  if (text === '' || !PLAIN_TEXT.test(text) || SPECIAL.test(text)) return undefined;
  if (!star) return new Text(text);
  return separators === '' ? new Prefix(text) : new PrefixAny(text, goRunes(separators));
}

/** The compiler and the parser, loaded on the first pattern that is not plain (see plainMatcher). */
let compiler: { compileTree: typeof compileTree; parseGlob: typeof parseGlob } | undefined;

function compileMatcher(pattern: string, separators: string): Matcher {
  const plain = plainMatcher(pattern, separators);
  if (plain !== undefined) return plain;
  /* eslint-disable @typescript-eslint/no-require-imports */
  compiler ??= {
    compileTree: (require('./compiler') as typeof import('./compiler')).compileTree,
    parseGlob: (require('./syntax') as typeof import('./syntax')).parseGlob,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return compiler.compileTree(pattern, compiler.parseGlob(pattern), goRunes(separators));
}

/** util/glob.DefaultGlobCacheSize. */
const CACHE_SIZE = 10_000;

/**
 * A bounded cache of compiled patterns that keeps the most recently used ones: two generations,
 * each of at most half the size, per separators string. A hit in the current generation is one
 * lookup (no reordering); a hit in the previous one moves the entry to the current one; when the
 * current generation is full it becomes the previous one and the oldest is dropped. Which patterns
 * stay cached only decides whether one is compiled again, never what it matches.
 */
class GlobCache {
  private current = new Map<string, Map<string, Glob | GlobSyntaxError>>();
  private previous = new Map<string, Map<string, Glob | GlobSyntaxError>>();
  private size = 0;

  constructor(private readonly generationSize: number) {}

  public get(separators: string, pattern: string): Glob | GlobSyntaxError | undefined {
    const hit = this.current.get(separators)?.get(pattern);
    if (hit !== undefined) return hit;
    const old = this.previous.get(separators)?.get(pattern);
    if (old !== undefined) this.set(separators, pattern, old);
    return old;
  }

  public set(separators: string, pattern: string, entry: Glob | GlobSyntaxError): void {
    if (this.size >= this.generationSize) {
      this.previous = this.current;
      this.current = new Map();
      this.size = 0;
    }
    let bySeparators = this.current.get(separators);
    if (bySeparators === undefined) this.current.set(separators, (bySeparators = new Map()));
    bySeparators.set(pattern, entry);
    this.size++;
  }
}

const cache = new GlobCache(CACHE_SIZE / 2);

/**
 * glob.Compile(pattern, separators...): the compiled glob, or a GlobSyntaxError carrying gobwas's
 * message ("expected close range character", "could not parse range", ...). Results are cached
 * (the most recently used, at most 10,000 entries like util/glob).
 */
export function compileGlob(pattern: string, separators = ''): Glob {
  let entry = cache.get(separators, pattern);
  if (entry === undefined) {
    try {
      entry = new CompiledGlob(pattern, separators, compileMatcher(pattern, separators));
    } catch (e) {
      if (!(e instanceof GlobSyntaxError)) throw e;
      entry = e;
    }
    cache.set(separators, pattern, entry);
  }
  if (entry instanceof GlobSyntaxError) throw entry;
  return entry;
}

/**
 * The compiled matcher tree of a pattern (for checks that look at its shape, like the project/glob
 * lint rule); throws GlobSyntaxError like compileGlob.
 */
export function compileGlobMatcher(pattern: string, separators = ''): Matcher {
  return (compileGlob(pattern, separators) as CompiledGlob).matcher;
}

/** The gobwas error message for a pattern that does not compile, or undefined when it compiles. */
export function globSyntaxError(pattern: string, separators = ''): string | undefined {
  try {
    compileGlob(pattern, separators);
    return undefined;
  } catch (e) {
    if (e instanceof GlobSyntaxError) return e.reason;
    throw e;
  }
}

/**
 * util/glob.Match: whether `text` matches `pattern`; a pattern that does not compile matches
 * nothing (Argo CD only logs it). A gobwas panic while matching propagates as GoPanic.
 */
export function globMatch(pattern: string, text: string, separators = ''): boolean {
  let glob: Glob;
  try {
    glob = compileGlob(pattern, separators);
  } catch (e) {
    if (e instanceof GlobSyntaxError) return false;
    throw e;
  }
  return glob.match(text);
}

/** glob.QuoteMeta: the pattern that matches `text` literally. */
export function quoteGlobMeta(text: string): string {
  return text.replace(/[*?\\[\]{}]/g, '\\$&');
}

