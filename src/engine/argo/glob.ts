/**
 * How Argo CD v3.5.1 matches project permissions against patterns:
 *
 * - util/glob/glob.go `Match` / `MatchWithError`: gobwas/glob v0.2.3 (our exact port in
 *   engine/core/glob); a pattern that does not compile matches nothing.
 * - util/glob/list.go `MatchStringInList`: EXACT, GLOB, or REGEXP (a `/.../` entry is a regular
 *   expression, any other entry a glob). At v3.5.1 the regular expression goes through
 *   util/regex/regex.go, which uses github.com/dlclark/regexp2 (the .NET dialect, backtracking,
 *   unanchored), not RE2: lookarounds and backreferences work. JavaScript's RegExp is the same
 *   family and is used here; .NET-only syntax (`(?i)` inline options, `\A`, `\Z`, atomic groups,
 *   class subtraction) does not compile in JavaScript and then matches nothing, and `\d`/`\w` are
 *   ASCII here but Unicode in .NET (namespaces are ASCII, so this does not arise for them).
 * - pkg/apis/application/v1alpha1/app_project_types.go `globMatch`, `isDenyPattern`,
 *   `IsSourcePermitted`, `isDestinationMatched`: a leading `!` denies (sourceRepos and the three
 *   destination fields allow it), and `*` alone matches everything without compiling.
 * - pkg/apis/application/v1alpha1/types.go `isResourceInList` / `isNamedResourceInList`: resource
 *   white- and blacklists use Go's path/filepath.Match (not gobwas): `*` never crosses `/`, `?`,
 *   `[...]` negated with `^`, `\` escapes, no `{}`. Ported from Go 1.19 src/path/filepath/match.go
 *   (unchanged in the Go that builds v3.5.1); a syntax error counts as no match.
 */
import { normalizeGitURL } from './git-url';
import { compileGlob, globMatch as gobwasMatch } from '../core/glob/glob';
import { decodeRune, goString, GoString, RUNE_ERROR } from '../core/glob/go-string';

/**
 * util/glob.Match: `text` matches the gobwas `pattern` (with `*` and `?` not crossing
 * `separators`); false when the pattern does not compile.
 */
export function match(pattern: string, text: string, separators = ''): boolean {
  return gobwasMatch(pattern, text, separators);
}

/** util/glob.MatchWithError: like `match`, but throws GlobSyntaxError when the pattern does not compile. */
export function matchWithError(pattern: string, text: string, separators = ''): boolean {
  return compileGlob(pattern, separators).match(text);
}

/** The pattern modes of util/glob/list.go. */
export type ListMatchMode = 'exact' | 'glob' | 'regexp';

/** util/regex.Match: an unanchored regular expression search; false when it does not compile. */
export function regexMatch(pattern: string, text: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    return false;
  }
  return re.test(text);
}

/**
 * util/glob.MatchStringInList: whether `item` is matched by an entry of `list`. In `regexp` mode an
 * entry written `/.../` is tried as a regular expression and, failing that, like every other entry
 * as a glob (so `/x/` also matches the text "/x/"); `glob` mode only globs; `exact` compares.
 */
export function matchStringInList(list: readonly string[], item: string, mode: ListMatchMode): boolean {
  for (const entry of list) {
    if (mode === 'regexp' && entry.startsWith('/') && entry.endsWith('/') && regexMatch(entry.slice(1, -1), item)) return true;
    if ((mode === 'regexp' || mode === 'glob') && match(entry, item)) return true;
    if (mode === 'exact' && item === entry) return true;
  }
  return false;
}

/** app_project_types.go isDenyPattern: a pattern starting with `!`. */
export function isDenyPattern(pattern: string): boolean {
  return pattern.startsWith('!');
}

/**
 * app_project_types.go globMatch: with `allowNegation`, `!p` matches whatever `p` does not (a
 * `!p` whose `p` does not compile therefore matches everything); `*` alone matches everything.
 */
export function projectGlobMatch(pattern: string, value: string, allowNegation: boolean, separators = ''): boolean {
  if (allowNegation && isDenyPattern(pattern)) return !match(pattern.slice(1), value, separators);
  if (pattern === '*') return true;
  return match(pattern, value, separators);
}

/**
 * AppProject.IsSourcePermitted: both the repository URL and each `sourceRepos` entry are
 * normalized (NormalizeGitURL, keeping a leading `!`) and globbed with separator `/`. A matching
 * entry permits; a deny entry that does not match (i.e. the URL is the denied one) refuses at once.
 */
export function isSourcePermitted(sourceRepos: readonly string[], repoURL: string): boolean {
  const source = normalizeGitURL(repoURL);
  let anyMatched = false;
  for (const entry of sourceRepos) {
    const normalized = isDenyPattern(entry) ? `!${normalizeGitURL(entry.slice(1))}` : normalizeGitURL(entry);
    const matched = projectGlobMatch(normalized, source, true, '/');
    if (matched) {
      anyMatched = true;
    } else if (isDenyPattern(normalized)) {
      return false;
    }
  }
  return anyMatched;
}

/** An AppProject destination entry, or an Application's destination. */
export interface DestinationPattern {
  readonly server?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/**
 * AppProject.isDestinationMatched: each entry's server, name and namespace are globbed (no
 * separators, negation allowed). Upstream's deny test reads `a || (b && c)` by Go precedence: a
 * non-matching deny name refuses even when the namespace does not match. Call it with the
 * destination's resolved server and name, as IsDestinationPermitted does.
 */
export function isDestinationMatched(destinations: readonly DestinationPattern[], dst: DestinationPattern): boolean {
  let anyMatched = false;
  const dstName = dst.name ?? '';
  const dstServer = dst.server ?? '';
  const dstNamespace = dst.namespace ?? '';
  for (const item of destinations) {
    const itemName = item.name ?? '';
    const itemServer = item.server ?? '';
    const itemNamespace = item.namespace ?? '';
    const nameMatched = dstName !== '' && projectGlobMatch(itemName, dstName, true);
    const serverMatched = dstServer !== '' && projectGlobMatch(itemServer, dstServer, true);
    const namespaceMatched = projectGlobMatch(itemNamespace, dstNamespace, true);
    if ((serverMatched || nameMatched) && namespaceMatched) {
      anyMatched = true;
    } else if ((!nameMatched && isDenyPattern(itemName)) || (!serverMatched && isDenyPattern(itemServer) && namespaceMatched)) {
      return false;
    } else if (!namespaceMatched && isDenyPattern(itemNamespace) && serverMatched) {
      return false;
    }
  }
  return anyMatched;
}

/** path/filepath.ErrBadPattern. */
export class FilepathBadPattern extends Error {
  constructor(public readonly pattern: string) {
    super('syntax error in pattern');
    this.name = 'FilepathBadPattern';
  }
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const QUESTION = 0x3f;

function scanChunk(pattern: GoString): [boolean, GoString, GoString] {
  let star = false;
  let p = pattern;
  while (p.length > 0 && p[0] === STAR) {
    p = p.subarray(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === BACKSLASH) {
      if (i + 1 < p.length) i++;
    } else if (c === OPEN) {
      inRange = true;
    } else if (c === CLOSE) {
      inRange = false;
    } else if (c === STAR && !inRange) {
      break;
    }
  }
  return [star, p.subarray(0, i), p.subarray(i)];
}

/** getEsc: one possibly escaped character of a class, and the rest; throws on a bad class. */
function getEsc(chunk: GoString, pattern: string): [number, GoString] {
  if (chunk.length === 0 || chunk[0] === DASH || chunk[0] === CLOSE) throw new FilepathBadPattern(pattern);
  let c = chunk;
  if (c[0] === BACKSLASH) {
    c = c.subarray(1);
    if (c.length === 0) throw new FilepathBadPattern(pattern);
  }
  const [r, n] = decodeRune(c);
  if (r === RUNE_ERROR && n === 1) throw new FilepathBadPattern(pattern);
  const rest = c.subarray(n);
  if (rest.length === 0) throw new FilepathBadPattern(pattern);
  return [r, rest];
}

/** matchChunk: the rest of `s` after `chunk` matched its start, or undefined; checks the whole chunk's syntax. */
function matchChunk(chunk: GoString, text: GoString, pattern: string): GoString | undefined {
  let failed = false;
  let c = chunk;
  let s = text;
  while (c.length > 0) {
    if (!failed && s.length === 0) failed = true;
    if (c[0] === OPEN) {
      let r = 0;
      if (!failed) {
        const [decoded, n] = decodeRune(s);
        r = decoded;
        s = s.subarray(n);
      }
      c = c.subarray(1);
      let negated = false;
      if (c.length > 0 && c[0] === CARET) {
        negated = true;
        c = c.subarray(1);
      }
      let matched = false;
      let nrange = 0;
      for (;;) {
        if (c.length > 0 && c[0] === CLOSE && nrange > 0) {
          c = c.subarray(1);
          break;
        }
        let lo: number;
        let hi: number;
        [lo, c] = getEsc(c, pattern);
        hi = lo;
        if (c[0] === DASH) [hi, c] = getEsc(c.subarray(1), pattern);
        if (lo <= r && r <= hi) matched = true;
        nrange++;
      }
      if (matched === negated) failed = true;
    } else if (c[0] === QUESTION) {
      if (!failed) {
        if (s[0] === SLASH) failed = true;
        const [, n] = decodeRune(s);
        s = s.subarray(n);
      }
      c = c.subarray(1);
    } else {
      if (c[0] === BACKSLASH) {
        c = c.subarray(1);
        if (c.length === 0) throw new FilepathBadPattern(pattern);
      }
      if (!failed) {
        if (c[0] !== s[0]) failed = true;
        s = s.subarray(1);
      }
      c = c.subarray(1);
    }
  }
  return failed ? undefined : s;
}

/**
 * path/filepath.Match on Linux: whether `name` matches the shell pattern; throws FilepathBadPattern
 * ("syntax error in pattern") for a malformed pattern, as far as Go's matcher reads it.
 */
export function filepathMatchWithError(pattern: string, name: string): boolean {
  let p = goString(pattern);
  let n = goString(name);
  outer: while (p.length > 0) {
    const [star, chunk, rest] = scanChunk(p);
    p = rest;
    if (star && chunk.length === 0) return !n.includes(SLASH);
    const t = matchChunk(chunk, n, pattern);
    if (t !== undefined && (t.length === 0 || p.length > 0)) {
      n = t;
      continue;
    }
    if (star) {
      for (let i = 0; i < n.length && n[i] !== SLASH; i++) {
        const t2 = matchChunk(chunk, n.subarray(i + 1), pattern);
        if (t2 !== undefined) {
          if (p.length === 0 && t2.length > 0) continue;
          n = t2;
          continue outer;
        }
      }
    }
    return false;
  }
  return n.length === 0;
}

/** filepath.Match as Argo CD uses it for resource lists: a syntax error is no match. */
export function filepathMatch(pattern: string, name: string): boolean {
  try {
    return filepathMatchWithError(pattern, name);
  } catch (e) {
    if (e instanceof FilepathBadPattern) return false;
    throw e;
  }
}

/** A group and kind (metav1.GroupKind), optionally with a name pattern (ClusterResourceRestrictionItem). */
export interface GroupKindPattern {
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
}

/** types.go isResourceInList: some entry's kind and group patterns both match. */
export function isResourceInList(group: string, kind: string, list: readonly GroupKindPattern[]): boolean {
  return list.some((item) => filepathMatch(item.kind, kind) && filepathMatch(item.group, group));
}

/** types.go isNamedResourceInList: kind and group match, and the name pattern when there is one. */
export function isNamedResourceInList(group: string, kind: string, name: string, list: readonly GroupKindPattern[]): boolean {
  return list.some((item) => filepathMatch(item.kind, kind) && filepathMatch(item.group, group)
    && (!item.name || filepathMatch(item.name, name)));
}
