/**
 * The two glob dialects Argo CD uses for AppProject permissions, reimplemented exactly:
 *
 * - `gobwasGlob`: github.com/gobwas/glob as wrapped by Argo CD's util/glob/glob.go `Match` (used
 *   by `globMatch` in pkg/apis/application/v1alpha1/app_project_types.go for sourceRepos,
 *   destinations and sourceNamespaces). `*` matches any run of characters except the separators
 *   (with no separators it matches everything, `/` included), `**` matches anything, `?` one
 *   non-separator character, `[abc]`, `[!a-z]`, `{a,b}` alternatives and `\` escapes.
 * - `filepathMatch`: Go's path/filepath.Match (used by `isResourceInList` /
 *   `isNamedResourceInList` in pkg/apis/application/v1alpha1/types.go for resource white- and
 *   blacklists): `*` never matches `/`, `?`, `[...]` with `^` negation, `\` escapes, no `{}`.
 */

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function classBody(body: string): string {
  // body is the inside of [...]; gobwas and filepath negate with "!" (filepath also "^")
  let neg = false;
  let b = body;
  if (b.startsWith('!') || b.startsWith('^')) {
    neg = true;
    b = b.slice(1);
  }
  const inner = b.replace(/\\(.)/g, (_m, ch) => escapeRegex(ch)).replace(/[\]^]/g, (c) => `\\${c}`);
  return `[${neg ? '^' : ''}${inner}]`;
}

const cache = new Map<string, RegExp | null>();

/** Compiles a gobwas glob to an anchored RegExp, or null when it does not compile. */
export function compileGobwasGlob(pattern: string, separators = ''): RegExp | null {
  const key = `${separators}\u0000${pattern}`;
  if (cache.has(key)) return cache.get(key)!;
  const notSep = separators ? `[^${escapeRegex(separators)}]` : '[\\s\\S]';
  let out = '';
  let depth = 0;
  let ok = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) { ok = false; break; }
      out += escapeRegex(pattern[++i]);
    } else if (c === '*') {
      if (pattern[i + 1] === '*') { out += '[\\s\\S]*'; i++; } else {out += `${notSep}*`;}
    } else if (c === '?') {
      out += notSep;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) { ok = false; break; }
      out += classBody(pattern.slice(i + 1, end));
      i = end;
    } else if (c === '{') {
      depth++; out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--; out += ')';
    } else if (c === ',' && depth > 0) {
      out += '|';
    } else {
      out += escapeRegex(c);
    }
  }
  let re: RegExp | null = null;
  if (ok && depth === 0) {
    try { re = new RegExp(`^${out}$`); } catch { re = null; }
  }
  cache.set(key, re);
  return re;
}

/** util/glob.Match: false when the pattern does not compile. */
export function gobwasGlob(pattern: string, value: string, separators = ''): boolean {
  const re = compileGobwasGlob(pattern, separators);
  return re !== null && re.test(value);
}

/** Go path/filepath.Match (ErrBadPattern counts as no match, as Argo CD treats it). */
export function filepathMatch(pattern: string, value: string): boolean {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) return false;
      out += escapeRegex(pattern[++i]);
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return false;
      out += classBody(pattern.slice(i + 1, end));
      i = end;
    } else {
      out += escapeRegex(c);
    }
  }
  try {
    return new RegExp(`^${out}$`).test(value);
  } catch {
    return false;
  }
}

/** `isDenyPattern` of app_project_types.go. */
export function isDenyPattern(pattern: string): boolean {
  return pattern.startsWith('!');
}

/**
 * `globMatch` of app_project_types.go: with `allowNegation`, `!p` matches what `p` does not;
 * `*` matches everything.
 */
export function argoGlobMatch(pattern: string, value: string, allowNegation: boolean, separators = ''): boolean {
  if (allowNegation && isDenyPattern(pattern)) return !gobwasGlob(pattern.slice(1), value, separators);
  if (pattern === '*') return true;
  return gobwasGlob(pattern, value, separators);
}

/**
 * util/glob/list.go `MatchStringInList` in REGEXP mode (used for sourceNamespaces): an entry
 * `/re/` is an unanchored Go regexp, any other entry a glob.
 */
export function matchStringInList(list: readonly string[], item: string): boolean {
  for (const entry of list) {
    if (entry.length > 1 && entry.startsWith('/') && entry.endsWith('/')) {
      try {
        if (new RegExp(entry.slice(1, -1)).test(item)) return true;
      } catch { /* invalid regexp never matches */ }
    } else if (gobwasGlob(entry, item)) {
      return true;
    }
  }
  return false;
}

/**
 * util/git/git.go `NormalizeGitURL`: lower-case, `git@host:path` to `git@host/path`, no `.git`
 * suffix, no `ssh://` prefix.
 */
export function normalizeGitUrl(repo: string): string {
  let r = repo.trim().toLowerCase();
  const isSsh = r.startsWith('ssh://') || (/^[\w.-]+@[\w.-]+:/.test(r) && !/^[a-z][a-z0-9+.-]*:\/\//.test(r));
  if (isSsh && !r.startsWith('ssh://')) {
    r = 'ssh://' + r.replace(':', '/');
  }
  if (r.endsWith('.git')) r = r.slice(0, -4);
  return r.replace(/^ssh:\/\//, '');
}
