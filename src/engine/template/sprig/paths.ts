/**
 * Sprig's path functions (path and, on Linux, path/filepath: the same rules) and urlParse /
 * urlJoin over a port of the parts of net/url they use.
 * Upstream: go/src/path/path.go, go/src/net/url/url.go (Go 1.19); github.com/Masterminds/sprig
 * url.go@v3.3.0.
 */
import { quote } from '../go-fmt';
import { GoError, GoFunc, GoMap, GoValue, decodeUtf8, ifaceMap, kindOf } from '../go-value';
import { M, S, fn } from './support';

/** path.Clean. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

function base(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}

function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(p.slice(0, i + 1));
}

function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

// net/url ------------------------------------------------------------------------------------

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

function shouldEscape(c: string, mode: Mode): boolean {
  if (/[A-Za-z0-9]/.test(c)) return false;
  if (mode === 'host' || mode === 'zone') {
    if ("!$&'()*+,;=:[]<>\"".includes(c)) return false;
  }
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path': return c === '?';
      case 'pathSegment': return c === '/' || c === ';' || c === ',' || c === '?';
      case 'userPassword': return c === '@' || c === '/' || c === '?' || c === ':';
      case 'queryComponent': return true;
      case 'fragment': return false;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (b < 0x80 && !shouldEscape(c, mode)) out += c;
    else if (c === ' ' && mode === 'queryComponent') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function unescape(s: string, mode: Mode): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new GoError(`invalid URL escape ${quote(s.slice(i, i + 3))}`);
      bytes.push(parseInt(h, 16));
      i += 2;
    } else if (c === '+' && mode === 'queryComponent') {
      bytes.push(32);
    } else {
      if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) throw new GoError(`invalid character ${quote(c)} in host name`);
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return decodeUtf8(Buffer.from(bytes));
}

interface URL {
  scheme: string;
  opaque: string;
  user?: string;
  host: string;
  path: string;
  rawPath: string;
  rawQuery: string;
  fragment: string;
}

/** url.Parse: errors name the URL without its fragment, or the whole URL for a bad fragment. */
function parseURL(raw: string): URL {
  const hash = raw.indexOf('#');
  const u = hash >= 0 ? raw.slice(0, hash) : raw;
  let url: URL;
  try {
    url = parseURLInner(u);
  } catch (e) {
    throw new GoError(`parse ${quote(u)}: ${(e as Error).message}`);
  }
  if (hash >= 0) {
    try {
      url.fragment = unescape(raw.slice(hash + 1), 'fragment');
    } catch (e) {
      throw new GoError(`parse ${quote(raw)}: ${(e as Error).message}`);
    }
  }
  return url;
}

function parseURLInner(raw: string): URL {
  const u: URL = { scheme: '', opaque: '', host: '', path: '', rawPath: '', rawQuery: '', fragment: '' };
  let rest = raw;
  if (/[\x00-\x1f\x7f]/.test(rest)) throw new GoError('net/url: invalid control character in URL');
  const sm = /^([a-zA-Z][a-zA-Z0-9+\-.]*):/.exec(rest);
  if (rest.startsWith(':')) throw new GoError('missing protocol scheme');
  if (sm) {
    u.scheme = sm[1].toLowerCase();
    rest = rest.slice(sm[0].length);
  }
  if (rest.endsWith('?') && (rest.match(/\?/g) ?? []).length === 1) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const colon = rest.indexOf(':');
    const slash = rest.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) throw new GoError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !raw.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    const slash = authority.indexOf('/');
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    } else {
      rest = '';
    }
    const at = authority.lastIndexOf('@');
    let host = authority;
    if (at >= 0) {
      const userinfo = authority.slice(0, at);
      if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new GoError('net/url: invalid userinfo');
      const colon = userinfo.indexOf(':');
      const username = unescape(colon >= 0 ? userinfo.slice(0, colon) : userinfo, 'userPassword');
      u.user = escape(username, 'userPassword');
      if (colon >= 0) u.user += ':' + escape(unescape(userinfo.slice(colon + 1), 'userPassword'), 'userPassword');
      host = authority.slice(at + 1);
    }
    u.host = unescape(host, 'host');
  }
  u.path = unescape(rest, 'path');
  const esc = escape(u.path, 'path');
  u.rawPath = esc === rest ? '' : rest;
  return u;
}

function hostname(host: string): string {
  if (host.startsWith('[')) {
    const i = host.indexOf(']');
    return i >= 0 ? host.slice(1, i) : host;
  }
  const i = host.lastIndexOf(':');
  return i >= 0 && /^:\d*$/.test(host.slice(i)) ? host.slice(0, i) : host;
}

function urlString(u: URL): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') {
    buf += u.opaque;
  } else {
    if (u.scheme !== '' || u.host !== '' || u.user !== undefined) {
      if (u.host !== '' || u.path !== '' || u.user !== undefined) buf += '//';
      if (u.user !== undefined) buf += u.user + '@';
      if (u.host !== '') buf += escape(u.host, 'host');
    }
    const path = u.rawPath !== '' ? u.rawPath : u.path === '*' ? '*' : escape(u.path, 'path');
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '') {
      const colon = path.indexOf(':');
      if (colon > -1 && (path.indexOf('/') === -1 || colon < path.indexOf('/'))) buf += './';
    }
    buf += path;
  }
  if (u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escape(u.fragment, 'fragment');
  return buf;
}

function urlParse(v: string): GoMap {
  let u: URL;
  try {
    u = parseURL(v);
  } catch (e) {
    throw new GoError(`unable to parse url: ${(e as Error).message}`);
  }
  const m = ifaceMap();
  m.entries.set('scheme', u.scheme);
  m.entries.set('host', u.host);
  m.entries.set('hostname', hostname(u.host));
  m.entries.set('path', u.path);
  m.entries.set('query', u.rawQuery);
  m.entries.set('opaque', u.opaque);
  m.entries.set('fragment', u.fragment);
  m.entries.set('userinfo', u.user ?? '');
  return m;
}

function dictGetOrEmpty(d: GoMap, key: string): string {
  if (!d.entries.has(key)) return '';
  const v: GoValue = d.entries.get(key)!;
  if (typeof v !== 'string') {
    if (v === null) throw new GoError('runtime error: invalid memory address or nil pointer dereference');
    throw new GoError(`unable to parse ${key} key, must be of type string, but ${kindOf(v)} found`);
  }
  return v;
}

function urlJoin(d: GoMap): string {
  const u: URL = {
    scheme: dictGetOrEmpty(d, 'scheme'),
    host: dictGetOrEmpty(d, 'host'),
    path: dictGetOrEmpty(d, 'path'),
    rawPath: '',
    rawQuery: dictGetOrEmpty(d, 'query'),
    opaque: dictGetOrEmpty(d, 'opaque'),
    fragment: dictGetOrEmpty(d, 'fragment'),
  };
  const userinfo = dictGetOrEmpty(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseURL(`proto://${userinfo}@host`).user;
    } catch (e) {
      throw new GoError(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return urlString(u);
}

export function pathFuncs(): Record<string, GoFunc> {
  return {
    base: fn([S], base, S),
    dir: fn([S], dir, S),
    clean: fn([S], clean, S),
    ext: fn([S], ext, S),
    isAbs: fn([S], (p: string) => p.startsWith('/'), 'bool'),
    osBase: fn([S], base, S),
    osDir: fn([S], dir, S),
    osClean: fn([S], clean, S),
    osExt: fn([S], ext, S),
    osIsAbs: fn([S], (p: string) => p.startsWith('/'), 'bool'),
    urlParse: fn([S], urlParse, M),
    urlJoin: fn([M], urlJoin, S),
  };
}
