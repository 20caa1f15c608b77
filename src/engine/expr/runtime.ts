/**
 * expr's run-time operators over the Go value model.
 *
 * Ported from expr-lang/expr@v1.17.8 `vm/runtime/helpers[generated].go` (Equal, Less, More,
 * LessOrEqual, MoreOrEqual, Add, Subtract, Multiply, Divide, Modulo: any two integer kinds give
 * an `int`, an integer and a float a `float64`, `/` always a `float64`; time.Time and
 * time.Duration are handled as the generated code does) and `vm/runtime/runtime.go` (Fetch,
 * Slice, In, Len, Negate, Exponent, MakeRange).
 */
import { GoDuration, GoTime } from './go-time';
import { goTypeName, GoPanic, Int64, intValue, isInt, isNumber, toFloat, toInt, wrapInt } from './values';

type Num = bigint | Int64 | number;

function isFloat(v: unknown): v is number {
  return typeof v === 'number';
}

function num(v: Num): number {
  return typeof v === 'number' ? v : Number(intValue(v));
}

/** `runtime.Equal`. */
export function equal(a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return intValue(a) === intValue(b);
    return num(a) === num(b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b;
  if (a instanceof GoTime && b instanceof GoTime) return a.equal(b);
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns === b.ns;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return deepEqual(a, b);
}

/** `reflect.DeepEqual` over the value model (types must match exactly). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return a === b;
  if (a instanceof Int64 && b instanceof Int64) return a.value === b.value;
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns === b.ns;
  if (a instanceof GoTime && b instanceof GoTime) return a.sec === b.sec && a.nsec === b.nsec && a.loc === b.loc;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) {
      if (!b.has(k) || !deepEqual(v, b.get(k))) return false;
    }
    return true;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  return false;
}

function compare(op: string, a: unknown, b: unknown): number {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) {
      const x = intValue(a);
      const y = intValue(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = num(a);
    const y = num(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof GoTime && b instanceof GoTime) return a.before(b) ? -1 : b.before(a) ? 1 : 0;
  if (a instanceof GoDuration && b instanceof GoDuration) return a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0;
  throw new GoPanic(`invalid operation: ${goTypeName(a)} ${op} ${goTypeName(b)}`);
}

export function less(a: unknown, b: unknown): boolean {
  return compare('<', a, b) < 0;
}

export function more(a: unknown, b: unknown): boolean {
  return compare('>', a, b) > 0;
}

export function lessOrEqual(a: unknown, b: unknown): boolean {
  return compare('<=', a, b) <= 0;
}

export function moreOrEqual(a: unknown, b: unknown): boolean {
  return compare('>=', a, b) >= 0;
}

export function add(a: unknown, b: unknown): unknown {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return wrapInt(intValue(a) + intValue(b));
    return num(a) + num(b);
  }
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (a instanceof GoTime && b instanceof GoDuration) return a.add(b);
  if (a instanceof GoDuration && b instanceof GoTime) return b.add(a);
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(BigInt.asIntN(64, a.ns + b.ns));
  throw new GoPanic(`invalid operation: ${goTypeName(a)} + ${goTypeName(b)}`);
}

export function subtract(a: unknown, b: unknown): unknown {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return wrapInt(intValue(a) - intValue(b));
    return num(a) - num(b);
  }
  if (a instanceof GoTime && b instanceof GoTime) return a.sub(b);
  if (a instanceof GoTime && b instanceof GoDuration) return a.add(new GoDuration(BigInt.asIntN(64, -b.ns)));
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(BigInt.asIntN(64, a.ns - b.ns));
  throw new GoPanic(`invalid operation: ${goTypeName(a)} - ${goTypeName(b)}`);
}

export function multiply(a: unknown, b: unknown): unknown {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return wrapInt(intValue(a) * intValue(b));
    return num(a) * num(b);
  }
  // An integer times a Duration is a Duration; a float times a Duration a float64.
  if (a instanceof GoDuration && b instanceof GoDuration) return new GoDuration(BigInt.asIntN(64, a.ns * b.ns));
  if (a instanceof GoDuration && isNumber(b)) return isFloat(b) ? Number(a.ns) * b : new GoDuration(BigInt.asIntN(64, a.ns * intValue(b)));
  if (isNumber(a) && b instanceof GoDuration) return isFloat(a) ? a * Number(b.ns) : new GoDuration(BigInt.asIntN(64, intValue(a) * b.ns));
  throw new GoPanic(`invalid operation: ${goTypeName(a)} * ${goTypeName(b)}`);
}

export function divide(a: unknown, b: unknown): number {
  if (isNumber(a) && isNumber(b)) return num(a) / num(b);
  throw new GoPanic(`invalid operation: ${goTypeName(a)} / ${goTypeName(b)}`);
}

export function modulo(a: unknown, b: unknown): bigint {
  if (isInt(a) && isInt(b)) {
    const y = intValue(b);
    if (y === 0n) throw new GoPanic('runtime error: integer divide by zero');
    return wrapInt(intValue(a) % y);
  }
  throw new GoPanic(`invalid operation: ${goTypeName(a)} % ${goTypeName(b)}`);
}

export function exponent(a: unknown, b: unknown): number {
  return Math.pow(toFloat(a), toFloat(b));
}

export function negate(v: unknown): unknown {
  if (typeof v === 'number') return -v;
  if (typeof v === 'bigint') return wrapInt(-v);
  if (v instanceof Int64) return new Int64(wrapInt(-v.value));
  throw new GoPanic(`invalid operation: - ${goTypeName(v)}`);
}

/** UTF-8 bytes of a Go string (strings index and slice by byte). */
function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

/** `runtime.Fetch`: member access and indexing. */
export function fetch(from: unknown, i: unknown, methods: (from: unknown, name: string) => unknown): unknown {
  if (from === null || from === undefined) throw new GoPanic(`cannot fetch ${fmtKey(i)} from ${goTypeName(from)}`);
  if (typeof i === 'string') {
    const method = methods(from, i);
    if (method !== undefined) return method;
  }
  if (Array.isArray(from) || typeof from === 'string' || from instanceof Uint8Array) {
    const bytes = typeof from === 'string' ? utf8(from) : undefined;
    const l = bytes ? bytes.length : (from as ArrayLike<unknown>).length;
    let index = toInt(i);
    if (index < 0n) index += BigInt(l);
    if (index < 0n || index >= BigInt(l)) throw new GoPanic(`index out of range: ${index} (array length is ${l})`);
    if (bytes) return BigInt(bytes[Number(index)]);
    if (from instanceof Uint8Array) return BigInt(from[Number(index)]);
    return (from as unknown[])[Number(index)];
  }
  if (from instanceof Map) {
    const key = stringKeyed(from) && isNilKey(i) ? '' : mapKey(i);
    if (from.has(key)) return from.get(key);
    if (key !== null && typeof key !== 'string' && [...from.keys()].every((k) => typeof k === 'string')) {
      throw new GoPanic(`reflect.Value.MapIndex: value of type ${goTypeName(i)} is not assignable to type string`);
    }
    return null;
  }
  throw new GoPanic(`cannot fetch ${fmtKey(i)} from ${goTypeName(from)}`);
}

function isNilKey(i: unknown): boolean {
  return i === null || i === undefined;
}

/** Whether a map is a `map[string]…` (a nil key reads the zero key, `""`). */
function stringKeyed(m: Map<unknown, unknown>): boolean {
  for (const k of m.keys()) if (typeof k !== 'string') return false;
  return true;
}

/** The JS Map key of a Go map key value. */
export function mapKey(i: unknown): unknown {
  if (i instanceof Int64) return i.value;
  return i === undefined ? null : i;
}

function fmtKey(i: unknown): string {
  if (i === null || i === undefined) return '<nil>';
  if (i instanceof Int64) return String(i.value);
  if (typeof i === 'number') return String(i);
  return String(i);
}

/** `runtime.Slice`. */
export function slice(array: unknown, from: unknown, to: unknown): unknown {
  if (Array.isArray(array) || typeof array === 'string' || array instanceof Uint8Array) {
    const bytes = typeof array === 'string' ? utf8(array) : undefined;
    const length = BigInt(bytes ? bytes.length : (array as ArrayLike<unknown>).length);
    let a = toInt(from);
    let b = toInt(to);
    if (a < 0n) a += length;
    if (a < 0n) a = 0n;
    if (b < 0n) b += length;
    if (b < 0n) b = 0n;
    if (b > length) b = length;
    if (a > b) a = b;
    if (bytes) return bytes.subarray(Number(a), Number(b)).toString('utf8');
    return (array as unknown[]).slice(Number(a), Number(b));
  }
  throw new GoPanic(`cannot slice ${fmtKey(from)}`);
}

/** `runtime.In`. */
export function inOp(needle: unknown, array: unknown): boolean {
  if (array === null || array === undefined) return false;
  if (Array.isArray(array)) return array.some((v) => equal(v, needle));
  if (array instanceof Map) {
    const key = stringKeyed(array) && isNilKey(needle) ? '' : mapKey(needle);
    if (array.has(key)) return true;
    if (key !== null && typeof key !== 'string' && [...array.keys()].every((k) => typeof k === 'string')) {
      throw new GoPanic(`reflect.Value.MapIndex: value of type ${goTypeName(needle)} is not assignable to type string`);
    }
    return false;
  }
  if (array instanceof GoTime) {
    if (typeof needle !== 'string') throw new GoPanic(`cannot use ${goTypeName(needle)} as field name of ${goTypeName(array)}`);
    return false;
  }
  throw new GoPanic(`operator "in" not defined on ${goTypeName(array)}`);
}

/** `runtime.Len` (the byte length of a string, used by `s[:]`). */
export function byteLen(a: unknown): bigint {
  if (typeof a === 'string') return BigInt(utf8(a).length);
  if (Array.isArray(a) || a instanceof Uint8Array) return BigInt(a.length);
  if (a instanceof Map) return BigInt(a.size);
  throw new GoPanic(`invalid argument for len (type ${goTypeName(a)})`);
}

/** `runtime.MakeRange`. */
export function makeRange(min: bigint, max: bigint): bigint[] {
  const out: bigint[] = [];
  for (let i = min; i <= max; i++) out.push(i);
  return out;
}
