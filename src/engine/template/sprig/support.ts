/**
 * Helpers for porting Go code that works on bytes and runes, and for defining Sprig functions
 * with their Go signatures (reflect checks arguments against them, see exec.ts).
 */
import { GoError, GoFunc, GoType, GoValue, IFACE, decodeUtf8, typeName } from '../go-value';

export const S: GoType = 'string';
export const I: GoType = 'int';
export const A: GoType = IFACE;
export const AS: GoType = `[]${IFACE}`;
export const M: GoType = `map[string]${IFACE}`;

/** A Go function with fixed parameters. */
export function fn(params: GoType[], impl: (...args: never[]) => GoValue, result: GoType = IFACE): GoFunc {
  return new GoFunc(params, impl as (...args: GoValue[]) => GoValue, { result });
}

/** A Go function returning (value, error): the implementation throws GoError for the error. */
export function fnErr(params: GoType[], impl: (...args: never[]) => GoValue, result: GoType = IFACE): GoFunc {
  return new GoFunc(params, impl as (...args: GoValue[]) => GoValue, { result, returnsError: true });
}

/** A variadic Go function; the last parameter type is the slice type. */
export function variadic(params: GoType[], impl: (...args: never[]) => GoValue, result: GoType = IFACE, returnsError = false): GoFunc {
  return new GoFunc(params, impl as (...args: GoValue[]) => GoValue, { variadic: true, result, returnsError });
}

/** A string as Go sees it: one JS char per UTF-8 byte (latin1), for byte-indexed algorithms. */
export function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** Back from bytes to a string (invalid UTF-8 becomes U+FFFD, as printing it would show). */
export function fromBytes(b: string): string {
  return decodeUtf8(Buffer.from(b, 'latin1'));
}

/** Go's s[lo:hi] on bytes, with the runtime's panic messages. */
export function sliceBytes(b: string, lo: number | undefined, hi: number | undefined): string {
  const len = b.length;
  if (hi !== undefined && (hi < 0 || hi > len)) {
    throw new GoError(lo === undefined ? `runtime error: slice bounds out of range [:${hi}] with length ${len}` : `runtime error: slice bounds out of range [:${hi}] with length ${len}`);
  }
  const h = hi ?? len;
  const l = lo ?? 0;
  if (l < 0 || l > h) throw new GoError(`runtime error: slice bounds out of range [${l}:${h}]`);
  return b.slice(l, h);
}

/** unicode.IsSpace. */
export function isSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);
}

export function isUpper(c: string): boolean {
  return /^\p{Lu}$/u.test(c);
}

export function isLower(c: string): boolean {
  return /^\p{Ll}$/u.test(c);
}

export function isTitle(c: string): boolean {
  return /^\p{Lt}$/u.test(c);
}

export function isLetter(c: string): boolean {
  return /^\p{L}$/u.test(c);
}

export function isDigit(c: string): boolean {
  return /^\p{Nd}$/u.test(c);
}

export function isNumber(c: string): boolean {
  return /^\p{N}$/u.test(c);
}

export function isPunct(c: string): boolean {
  return /^\p{P}$/u.test(c);
}

/** unicode.ToUpper on one rune (simple mapping: multi-rune results keep the rune). */
export function toUpperRune(c: string): string {
  const u = c.toUpperCase();
  return [...u].length === 1 ? u : c;
}

export function toLowerRune(c: string): string {
  const l = c.toLowerCase();
  return [...l].length === 1 ? l : c;
}

/** unicode.ToTitle on one rune. */
export function toTitleRune(c: string): string {
  const special: Record<string, string> = { ǆ: 'ǅ', Ǆ: 'ǅ', ǅ: 'ǅ', ǉ: 'ǈ', Ǉ: 'ǈ', ǈ: 'ǈ', ǌ: 'ǋ', Ǌ: 'ǋ', ǋ: 'ǋ', ǳ: 'ǲ', Ǳ: 'ǲ', ǲ: 'ǲ' };
  return special[c] ?? toUpperRune(c);
}

export function upper(s: string): string {
  return [...s].map(toUpperRune).join('');
}

export function lower(s: string): string {
  return [...s].map(toLowerRune).join('');
}

/** The `reflect.TypeOf(x).Kind()` of a Sprig argument, panicking on nil as Go does. */
export function kindName(v: GoValue): string {
  if (v === null) throw new GoError('runtime error: invalid memory address or nil pointer dereference');
  const t = typeName(v);
  if (t.startsWith('[]')) return 'slice';
  if (t.startsWith('map[')) return 'map';
  if (t.startsWith('func(')) return 'func';
  return t;
}

/** A type assertion `x.(T)` failing as Go reports it. */
export function assertionError(v: GoValue, target: GoType): GoError {
  return new GoError(`interface conversion: interface {} is ${v === null ? 'nil' : typeName(v)}, not ${target}`);
}
