/**
 * Argo CD v3.5.1 util/git/git.go: `NormalizeGitURL`, `NormalizeGitURLAllowInvalid`, `SameURL`,
 * `IsSSHURL` and the `ensurePrefix` helper, which decide whether an Application's repoURL is one of
 * a project's sourceRepos.
 *
 * NormalizeGitURL lower-cases and trims the URL, rewrites an scp-like `git@host:path` to
 * `ssh://git@host/path`, drops one trailing `.git`, and round-trips the result through Go's
 * net/url `Parse` and `URL.String` (which re-escapes the path, user and host, and fails on bad
 * escapes, control characters, a bad port or a colon in a scheme-less first segment); a URL that
 * does not parse normalizes to "". The net/url part is ported from Go 1.19 src/net/url/url.go
 * (`parse`, `getScheme`, `parseAuthority`, `parseHost`, `setPath`, `escape`, `unescape`,
 * `String`). Newer Go releases are stricter about a host with several colons outside brackets
 * (`http://a:1:2/`); Go 1.19 accepts it, and so does this port.
 *
 * Strings are handled as Go does: lower-casing and trimming by Unicode rune (Go's simple case
 * mapping and unicode.IsSpace, which differ from JavaScript's toLowerCase and trim), URL parsing
 * by UTF-8 byte (a lone surrogate counts as U+FFFD).
 */
import { goString } from '../core/glob/go-string';

const SSH_URL = /^(ssh:\/\/)?([^/:]*?)@[^@]+$/;

/** Go's unicode.IsSpace. */
function isGoSpace(cp: number): boolean {
  switch (cp) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0x85: case 0xa0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200a;
  }
}

/** strings.TrimSpace. */
function trimSpace(s: string): string {
  const chars = [...s];
  let start = 0;
  let end = chars.length;
  while (start < end && isGoSpace(chars[start].codePointAt(0)!)) start++;
  while (end > start && isGoSpace(chars[end - 1].codePointAt(0)!)) end--;
  return chars.slice(start, end).join('');
}

/**
 * strings.ToLower: each rune by its simple lower-case mapping. JavaScript's full mapping differs
 * for U+0130 (İ becomes "i̇", two code points; Go gives "i") and a final Σ (ς; Go gives σ).
 */
function toLower(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '\u0130') {
      out += 'i';
    } else {
      const lower = ch.toLowerCase();
      out += [...lower].length === 1 ? lower : ch;
    }
  }
  return out;
}

/** util/git ensurePrefix: `s` with `prefix` added unless it already starts with it. */
export function ensurePrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) ? s : prefix + s;
}

/** util/git IsSSHURL: whether the URL is SSH (`user@host…` or `ssh://…@…`), and the user. */
export function isSSHURL(url: string): { readonly ssh: boolean; readonly user: string } {
  const m = SSH_URL.exec(url);
  return m ? { ssh: true, user: m[2] } : { ssh: false, user: '' };
}

const NORMALIZED = new Map<string, string>();
const NORMALIZED_MAX = 10_000;

/**
 * util/git NormalizeGitURL: the comparable form of a repository URL, "" when it does not parse.
 * Memoised: project permissions normalise the same sourceRepos for every Application.
 */
export function normalizeGitURL(repo: string): string {
  let normalized = NORMALIZED.get(repo);
  if (normalized === undefined) {
    normalized = normalize(repo);
    if (NORMALIZED.size >= NORMALIZED_MAX) NORMALIZED.clear();
    NORMALIZED.set(repo, normalized);
  }
  return normalized;
}

function normalize(repo: string): string {
  let r = toLower(trimSpace(repo));
  if (isSSHURL(r).ssh && !r.startsWith('ssh://')) {
    // git@host:org/repo: the first colon would be read as a port
    r = ensurePrefix(r.replace(':', '/'), 'ssh://');
  }
  if (r.endsWith('.git')) r = r.slice(0, -'.git'.length);
  const normalized = goURLRoundTrip(r);
  if (normalized === undefined) return '';
  return normalized.startsWith('ssh://') ? normalized.slice('ssh://'.length) : normalized;
}

/** util/git NormalizeGitURLAllowInvalid: the normalized URL, or the URL itself when it does not parse. */
export function normalizeGitURLAllowInvalid(repo: string): string {
  return normalizeGitURL(repo) || repo;
}

/** util/git SameURL: both URLs normalize (allowing invalid ones) to the same non-empty string. */
export function sameURL(left: string, right: string): boolean {
  const l = normalizeGitURLAllowInvalid(left);
  const r = normalizeGitURLAllowInvalid(right);
  return l !== '' && r !== '' && l === r;
}

// ---- Go net/url, on byte strings (one char per UTF-8 byte) ----

enum Encoding { PATH, USER_PASSWORD, HOST, ZONE, FRAGMENT }

class URLError extends Error {}

function toByteString(s: string): string {
  return Buffer.from(goString(s)).toString('latin1');
}

function fromByteString(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

function isAlnum(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

function shouldEscape(c: string, mode: Encoding): boolean {
  if (isAlnum(c)) return false;
  if ((mode === Encoding.HOST || mode === Encoding.ZONE) && '!$&\'()*+,;=:[]<>"'.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case Encoding.PATH: return c === '?';
      case Encoding.USER_PASSWORD: return c === '@' || c === '/' || c === '?' || c === ':';
      case Encoding.FRAGMENT: return false;
      default: break;
    }
  }
  if (mode === Encoding.FRAGMENT && '!()*'.includes(c)) return false;
  return true;
}

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

function escape(s: string, mode: Encoding): string {
  let out = '';
  for (const c of s) {
    out += shouldEscape(c, mode) ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : c;
  }
  return out;
}

function unescape(s: string, mode: Encoding): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) throw new URLError('invalid URL escape');
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      if (mode === Encoding.HOST && parseInt(s[i + 1], 16) < 8 && s.slice(i, i + 3) !== '%25') throw new URLError('invalid URL escape');
      if (mode === Encoding.ZONE && s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(String.fromCharCode(v), Encoding.HOST)) {
        throw new URLError('invalid URL escape');
      }
      out += String.fromCharCode(v);
      i += 3;
    } else {
      if ((mode === Encoding.HOST || mode === Encoding.ZONE) && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) {
        throw new URLError('invalid character in host name');
      }
      out += c;
      i++;
    }
  }
  return out;
}

function validEncoded(s: string, mode: Encoding): boolean {
  for (const c of s) {
    if ('!$&\'()*+,;=:@[]%'.includes(c)) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new URLError("missing ']' in host");
    if (!validOptionalPort(host.slice(i + 1))) throw new URLError('invalid port after host');
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), Encoding.HOST) + unescape(host.slice(zone, i), Encoding.ZONE)
        + unescape(host.slice(i), Encoding.HOST);
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1 && !validOptionalPort(host.slice(i))) throw new URLError('invalid port after host');
  }
  return unescape(host, Encoding.HOST);
}

function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

interface Userinfo {
  readonly username: string;
  readonly password?: string;
}

function parseAuthority(authority: string): { user?: Userinfo; host: string } {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return { host };
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { user: { username: unescape(userinfo, Encoding.USER_PASSWORD) }, host };
  return {
    user: {
      username: unescape(userinfo.slice(0, colon), Encoding.USER_PASSWORD),
      password: unescape(userinfo.slice(colon + 1), Encoding.USER_PASSWORD),
    },
    host,
  };
}

/** getScheme: [scheme, rest]; throws for a leading colon. */
function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new URLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

interface GoURL {
  scheme: string;
  opaque: string;
  user?: Userinfo;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

function parse(raw: string): GoURL {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new URLError('net/url: invalid control character in URL');
  const url: GoURL = {
    scheme: '',
    opaque: '',
    host: '',
    path: '',
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawQuery: '',
    fragment: '',
    rawFragment: '',
  };
  if (raw === '*') {
    url.path = '*';
    return url;
  }
  let rest: string;
  [url.scheme, rest] = getScheme(raw);
  url.scheme = url.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      url.opaque = rest;
      return url;
    }
    if (rest.split('/')[0].includes(':')) throw new URLError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const { user, host } = parseAuthority(authority);
    url.user = user;
    url.host = host;
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    url.omitHost = true;
  }
  url.path = unescape(rest, Encoding.PATH);
  url.rawPath = escape(url.path, Encoding.PATH) === rest ? '' : rest;
  return url;
}

function escapedPath(u: GoURL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, Encoding.PATH)) {
    try {
      if (unescape(u.rawPath, Encoding.PATH) === u.path) return u.rawPath;
    } catch (e) {
      if (!(e instanceof URLError)) throw e;
    }
  }
  if (u.path === '*') return '*';
  return escape(u.path, Encoding.PATH);
}

function escapedFragment(u: GoURL): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, Encoding.FRAGMENT)) {
    try {
      if (unescape(u.rawFragment, Encoding.FRAGMENT) === u.fragment) return u.rawFragment;
    } catch (e) {
      if (!(e instanceof URLError)) throw e;
    }
  }
  return escape(u.fragment, Encoding.FRAGMENT);
}

function userString(u: Userinfo): string {
  const name = escape(u.username, Encoding.USER_PASSWORD);
  return u.password === undefined ? name : `${name}:${escape(u.password, Encoding.USER_PASSWORD)}`;
}

function urlString(u: GoURL): string {
  let buf = '';
  if (u.scheme !== '') buf += `${u.scheme}:`;
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if ((u.scheme !== '' || u.host !== '' || u.user) && !(u.omitHost && u.host === '' && !u.user)) {
      if (u.host !== '' || u.path !== '' || u.user) buf += '//';
      if (u.user) buf += `${userString(u.user)}@`;
      if (u.host !== '') buf += escape(u.host, Encoding.HOST);
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '' && path.split('/')[0].includes(':')) buf += './';
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += `?${u.rawQuery}`;
  if (u.fragment !== '') buf += `#${escapedFragment(u)}`;
  return buf;
}

/** url.Parse(s) then String(), or undefined when Parse fails. */
function goURLRoundTrip(s: string): string | undefined {
  const raw = toByteString(s);
  const hash = raw.indexOf('#');
  try {
    const url = parse(hash < 0 ? raw : raw.slice(0, hash));
    if (hash >= 0) {
      const frag = raw.slice(hash + 1);
      url.fragment = unescape(frag, Encoding.FRAGMENT);
      url.rawFragment = escape(url.fragment, Encoding.FRAGMENT) === frag ? '' : frag;
    }
    return fromByteString(urlString(url));
  } catch (e) {
    if (e instanceof URLError) return undefined;
    throw e;
  }
}
