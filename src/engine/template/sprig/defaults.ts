/**
 * Sprig's default, empty, coalesce, all, any, ternary, the JSON functions, reflection helpers
 * (typeOf, kindOf, kindIs, typeIs, typeIsLike, deepEqual) and encodings and hashes.
 * Upstream: github.com/Masterminds/sprig defaults.go, reflect.go, strings.go, crypto.go@v3.3.0.
 */
/* eslint-disable no-bitwise */ // base32, base64 and adler32 are bit-level encodings
import { createHash } from 'crypto';
import { GoFunc, GoInt, GoMap, GoSlice, GoValue, decodeUtf8, kindOf, typeName } from '../go-value';
import { JsonError, marshal, unmarshal } from './gojson';
import { A, AS, S, fn, fnErr, variadic } from './support';

/** Sprig's empty: zero values, empty containers and nil are empty. */
export function empty(v: GoValue): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'string': return v.length === 0;
    case 'boolean': return !v;
    case 'number': return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof GoMap) return v.entries.size === 0;
  return false;
}

/** reflect.DeepEqual on template values. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeName(a) !== typeName(b)) return false;
  if (a instanceof GoInt) return a.value === (b as GoInt).value;
  if (a instanceof GoSlice) {
    const bs = b as GoSlice;
    if (a.isNil !== bs.isNil || a.items.length !== bs.items.length) return false;
    return a.items.every((x, i) => deepEqual(x, bs.items[i]));
  }
  if (a instanceof GoMap) {
    const bm = b as GoMap;
    if (a.isNil !== bm.isNil || a.entries.size !== bm.entries.size) return false;
    for (const [k, v] of a.entries) {
      if (!bm.entries.has(k) || !deepEqual(v, bm.entries.get(k)!)) return false;
    }
    return true;
  }
  if (a instanceof GoFunc) return false;
  return a === b;
}

function kindString(v: GoValue): string {
  const k = kindOf(v);
  return k === 'invalid' ? 'invalid' : k;
}

function goBase32(b: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = '';
  for (let i = 0; i < b.length; i += 5) {
    const chunk = b.subarray(i, i + 5);
    let bits = 0n;
    for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(chunk[k] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) out += k < chars ? alphabet[Number((bits >> BigInt(35 - 5 * k)) & 31n)] : '=';
  }
  return out;
}

/** encoding/base32 StdEncoding.DecodeString; an error is returned as its message (Sprig does). */
function goBase32Decode(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const src = Buffer.from(s.replace(/[\r\n]/g, ''), 'utf8');
  const olen = src.length;
  const out: number[] = [];
  let p = 0;
  let end = false;
  const err = (n: number) => `illegal base32 data at input byte ${n}`;
  while (p < olen && !end) {
    const dbuf = [0, 0, 0, 0, 0, 0, 0, 0];
    let dlen = 8;
    for (let j = 0; j < 8;) {
      if (p === olen) return err(olen - (olen - p) - j);
      const c = src[p++];
      const rem = olen - p;
      if (c === 0x3d && j >= 2 && rem < 8) {
        if (rem + j < 7) return err(olen);
        for (let k = 0; k < 7 - j; k++) if (rem > k && src[p + k] !== 0x3d) return err(olen - rem + k - 1);
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return err(olen - rem - 1);
        break;
      }
      const v = alphabet.indexOf(String.fromCharCode(c));
      if (v < 0) return err(olen - rem - 1);
      dbuf[j++] = v;
    }
    let bits = 0n;
    for (const d of dbuf) bits = (bits << 5n) | BigInt(d);
    const nbytes = [0, 0, 1, 1, 2, 3, 3, 4, 5][dlen];
    for (let k = 0; k < nbytes; k++) out.push(Number((bits >> BigInt(32 - 8 * k)) & 255n));
  }
  return decodeUtf8(Buffer.from(out));
}

/** encoding/base64 StdEncoding.DecodeString; an error is returned as its message (Sprig does). */
function goBase64Decode(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const src = Buffer.from(s, 'utf8');
  const out: number[] = [];
  const err = (n: number) => `illegal base64 data at input byte ${n}`;
  let si = 0;
  const nl = (c: number) => c === 10 || c === 13;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: string | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return decodeUtf8(Buffer.from(out));
        return err(si - j);
      }
      const c = src[si++];
      const v = alphabet.indexOf(String.fromCharCode(c));
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (nl(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d) return err(si - 1);
      if (j === 0 || j === 1) return err(si - 1);
      if (j === 2) {
        while (si < src.length && nl(src[si])) si++;
        if (si === src.length) return err(src.length);
        if (src[si] !== 0x3d) return err(si - 1);
        si++;
      }
      while (si < src.length && nl(src[si])) si++;
      if (si < src.length) trailing = err(si);
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (trailing !== undefined) return trailing;
  }
  return decodeUtf8(Buffer.from(out));
}

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(s, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String((b * 65536 + a) >>> 0);
}

function hash(alg: string): (s: string) => string {
  return (s) => createHash(alg).update(Buffer.from(s, 'utf8')).digest('hex');
}

function must<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof JsonError) throw e;
    throw e;
  }
}

export function defaultFuncs(): Record<string, GoFunc> {
  return {
    default: variadic([A, AS], (d: GoValue, ...given: GoValue[]) => (given.length === 0 || empty(given[0]) ? d : given[0])),
    empty: fn([A], empty, 'bool'),
    coalesce: variadic([AS], (...v: GoValue[]) => v.find((x) => !empty(x)) ?? null),
    all: variadic([AS], (...v: GoValue[]) => v.every((x) => !empty(x)), 'bool'),
    any: variadic([AS], (...v: GoValue[]) => v.some((x) => !empty(x)), 'bool'),
    ternary: fn([A, A, 'bool'], (t: GoValue, f: GoValue, c: boolean) => (c ? t : f)),
    fromJson: fn([S], (s: string) => {
      try {
        return unmarshal(s);
      } catch {
        return null;
      }
    }),
    mustFromJson: fnErr([S], (s: string) => must(() => unmarshal(s))),
    toJson: fn([A], (v: GoValue) => {
      try {
        return marshal(v);
      } catch {
        return '';
      }
    }, S),
    mustToJson: fnErr([A], (v: GoValue) => marshal(v), S),
    toPrettyJson: fn([A], (v: GoValue) => {
      try {
        return marshal(v, { indent: '  ' });
      } catch {
        return '';
      }
    }, S),
    mustToPrettyJson: fnErr([A], (v: GoValue) => marshal(v, { indent: '  ' }), S),
    toRawJson: fn([A], (v: GoValue) => marshal(v, { escapeHTML: false }), S),
    mustToRawJson: fnErr([A], (v: GoValue) => marshal(v, { escapeHTML: false }), S),
    typeOf: fn([A], (v: GoValue) => typeName(v), S),
    typeIs: fn([S, A], (t: string, v: GoValue) => t === typeName(v), 'bool'),
    typeIsLike: fn([S, A], (t: string, v: GoValue) => t === typeName(v) || '*' + t === typeName(v), 'bool'),
    kindOf: fn([A], kindString, S),
    kindIs: fn([S, A], (t: string, v: GoValue) => t === kindString(v), 'bool'),
    deepEqual: fn([A, A], deepEqual, 'bool'),
    b64enc: fn([S], (s: string) => Buffer.from(s, 'utf8').toString('base64'), S),
    b64dec: fn([S], goBase64Decode, S),
    b32enc: fn([S], (s: string) => goBase32(Buffer.from(s, 'utf8')), S),
    b32dec: fn([S], goBase32Decode, S),
    sha1sum: fn([S], hash('sha1'), S),
    sha256sum: fn([S], hash('sha256'), S),
    sha512sum: fn([S], hash('sha512'), S),
    adler32sum: fn([S], adler32, S),
  };
}
