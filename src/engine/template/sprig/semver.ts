/**
 * Sprig's semverCompare and semver over a port of Masterminds/semver v3 (version.go,
 * constraints.go @v3.3.0; Debian has 3.2.0): loose versions (`v1.2` is 1.2.0), constraints with
 * `=`, `!=`, `>`, `<`, `>=`, `<=`, `~`, `^`, wildcards (`1.2.x`, `*`), hyphen ranges, `,`/space
 * (and) and `||` (or); a pre-release version only satisfies constraints that carry a pre-release.
 */
import { RE2JS } from 're2js';
import { GoError, GoFunc, GoInt, GoMap, GoValue, ifaceMap } from '../go-value';
import { S, fnErr } from './support';

interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  metadata: string;
  original: string;
}

const SEMVER = 'v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const CV = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const versionRe = new RegExp(`^${SEMVER}$`);
const constraintRe = RE2JS.compile(`^\\s*(${OPS})\\s*(${CV})\\s*$`);
const rangeRe = RE2JS.compile(`\\s*(${CV})\\s+-\\s+(${CV})\\s*`);
const findRe = RE2JS.compile(`(${OPS})\\s*(${CV})`);
const validRe = RE2JS.compile(`^(\\s*(${OPS})\\s*(${CV})\\s*)((?:\\s+|,\\s*)(${OPS})\\s*(${CV})\\s*)*$`);

const UINT64_MAX = (2n ** 64n) - 1n;

export function newVersion(v: string): Version {
  const m = versionRe.exec(v);
  if (!m) throw new GoError('Invalid Semantic Version');
  const seg = (s: string | undefined): bigint => {
    if (s === undefined) return 0n;
    const n = BigInt(s.replace(/^\./, ''));
    if (n > UINT64_MAX) throw new GoError(`Error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(s.replace(/^\./, ''))}: value out of range`);
    return n;
  };
  const version: Version = { major: seg(m[1]), minor: seg(m[2]), patch: seg(m[3]), pre: m[5] ?? '', metadata: m[8] ?? '', original: v };
  if (version.pre !== '') {
    for (const p of version.pre.split('.')) if (/^\d+$/.test(p) && p.length > 1 && p[0] === '0') throw new GoError('Version segment starts with 0');
  }
  return version;
}

function comparePrePart(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return b !== '' ? -1 : 1;
  if (b === '') return a !== '' ? 1 : -1;
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return BigInt(a) > BigInt(b) ? 1 : -1;
  if (bn) return 1;
  if (an) return -1;
  return a > b ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const sp = a.split('.');
  const op = b.split('.');
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const c = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

export function compareVersions(v: Version, o: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (v[k] !== o[k]) return v[k] > o[k] ? 1 : -1;
  }
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint {
  con: Version;
  op: string;
  minorDirty: boolean;
  patchDirty: boolean;
  dirty: boolean;
}

const isX = (s: string) => s === 'x' || s === '*' || s === 'X';

function parseConstraint(c: string): Constraint {
  const m = constraintRe.matcher(c);
  if (!m.matches()) throw new GoError(`improper constraint: ${c}`);
  const g = (i: number) => m.group(i) ?? '';
  let ver = g(2);
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(g(3))) {
    ver = '0.0.0';
    dirty = true;
  } else if (isX(g(4).replace(/^\./, '')) || g(4) === '') {
    minorDirty = true;
    dirty = true;
    ver = `${g(3)}.0.0${g(6)}`;
  } else if (isX(g(5).replace(/^\./, '')) || g(5) === '') {
    dirty = true;
    patchDirty = true;
    ver = `${g(3)}${g(4)}.0${g(6)}`;
  }
  return { con: newVersion(ver), op: g(1), minorDirty, patchDirty, dirty };
}

function check(v: Version, c: Constraint): boolean {
  const cmp = compareVersions(v, c.con);
  const preBlocked = v.pre !== '' && c.con.pre === '';
  switch (c.op) {
    case '!=':
      if (c.dirty) {
        if (preBlocked) return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) return false;
      }
      return cmp !== 0;
    case '>':
      if (preBlocked) return false;
      if (!c.dirty) return cmp === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp === 1;
    case '<':
      if (preBlocked) return false;
      return cmp < 0;
    case '>=': case '=>':
      if (preBlocked) return false;
      return cmp >= 0;
    case '<=': case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return cmp <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case '~': case '~>':
      return tilde(v, c, cmp, preBlocked);
    case '^': {
      if (preBlocked) return false;
      if (cmp < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
    }
    default:
      if (preBlocked) return false;
      if (c.dirty) return tilde(v, c, cmp, preBlocked);
      return cmp === 0;
  }
}

function tilde(v: Version, c: Constraint, cmp: number, preBlocked: boolean): boolean {
  if (preBlocked) return false;
  if (cmp < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function rewriteRange(i: string): string {
  const m = rangeRe.matcher(i);
  let o = i;
  while (m.find()) {
    const t = `>= ${m.group(1)}, <= ${m.group(11)} `;
    o = o.replace(m.group(0)!, t);
  }
  return o;
}

export function newConstraint(c: string): Constraint[][] {
  c = rewriteRange(c);
  return c.split('||').map((v) => {
    if (!validRe.matcher(v).matches()) throw new GoError(`improper constraint: ${v}`);
    const cs: string[] = [];
    const m = findRe.matcher(v);
    while (m.find()) cs.push(m.group(0)!);
    if (cs.length === 0) cs.push(v);
    return cs.map(parseConstraint);
  });
}

export function semverCompare(constraint: string, version: string): boolean {
  const c = newConstraint(constraint);
  const v = newVersion(version);
  return c.some((and) => and.every((x) => check(v, x)));
}

/** `semver` returns the parsed version as a map (Go returns *semver.Version; fields by name). */
function semverValue(version: string): GoMap {
  const v = newVersion(version);
  const m = ifaceMap();
  m.entries.set('Major', new GoInt('uint64', v.major));
  m.entries.set('Minor', new GoInt('uint64', v.minor));
  m.entries.set('Patch', new GoInt('uint64', v.patch));
  m.entries.set('Prerelease', v.pre);
  m.entries.set('Metadata', v.metadata);
  m.entries.set('Original', v.original);
  return m;
}

export function semverFuncs(): Record<string, GoFunc> {
  return {
    semverCompare: fnErr([S, S], semverCompare as (c: string, v: string) => GoValue, 'bool'),
    semver: fnErr([S], semverValue, '*semver.Version'),
  };
}
