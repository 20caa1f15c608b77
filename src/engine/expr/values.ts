/**
 * The Go value model that expr-lang/expr evaluates over, in JavaScript.
 *
 * Ported from expr-lang/expr@v1.17.8 `vm/runtime/runtime.go` (Fetch, IsNil, ToInt, ToFloat64)
 * and the value shapes of k8s.io/apimachinery unstructured JSON decoding:
 *
 * | Go                     | here                                  |
 * | ---------------------- | ------------------------------------- |
 * | `nil`                  | `null` (`undefined` is read as `nil`) |
 * | `bool`, `string`       | `boolean`, `string`                   |
 * | `int` (literals, math) | `bigint`                              |
 * | `int64` (unstructured) | {@link Int64}                         |
 * | `float64`              | `number`                              |
 * | `[]any`                | `unknown[]`                           |
 * | `map[string]any`       | `Map<string, unknown>`                |
 * | `[]byte`               | `Uint8Array`                          |
 * | `time.Time`/`Duration` | `GoTime`/`GoDuration` (go-time.ts)    |
 * | `func`                 | {@link GoFunc}                        |
 */
import { GoDuration, GoLocation, GoTime } from './go-time';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A Go `int64` that is not a Go `int` (what unstructured JSON decoding produces). */
export class Int64 {
  public constructor(public readonly value: bigint) {}
}

/** Go's parameter types of a function value, as far as expr's reflection-based call needs them. */
export type GoParam = 'string' | 'int' | 'float64' | 'bool' | 'any' | 'time.Time' | 'time.Duration';

/** A Go function value: a function of the environment (`time.Parse`) or a bound method (`t.Add`). */
export class GoFunc {
  public constructor(
    public readonly signature: string,
    public readonly params: readonly GoParam[],
    public readonly impl: (...args: unknown[]) => unknown,
  ) {}
}

import { GoPanic } from '../core/go-panic';

export { GoPanic };


/** Wraps an integer into Go's 64-bit two's complement range (`int` arithmetic overflows silently). */
export function wrapInt(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

export function isInt(v: unknown): v is bigint | Int64 {
  return typeof v === 'bigint' || v instanceof Int64;
}

export function isNumber(v: unknown): v is bigint | Int64 | number {
  return typeof v === 'bigint' || typeof v === 'number' || v instanceof Int64;
}

/** The integer value of a Go integer. */
export function intValue(v: bigint | Int64): bigint {
  return typeof v === 'bigint' ? v : v.value;
}

/** `runtime.IsNil`. */
export function isNil(v: unknown): boolean {
  return v === null || v === undefined;
}

/** Go's `%T` of a value. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (v instanceof Int64) return 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoTime) return 'time.Time';
  if (v instanceof GoDuration) return 'time.Duration';
  if (v instanceof GoLocation) return '*time.Location';
  if (v instanceof GoFunc) return v.signature;
  return 'unknown';
}

/** Go's `reflect.Kind` name of a value (what `take`, `keys`, … print in their errors). */
export function goKindName(v: unknown): string {
  if (v === null || v === undefined) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || v instanceof Int64 || v instanceof GoDuration) return typeof v === 'bigint' ? 'int' : 'int64';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof Map) return 'map';
  if (v instanceof GoTime) return 'struct';
  if (v instanceof GoLocation) return 'ptr';
  if (v instanceof GoFunc) return 'func';
  return 'invalid';
}

/** `runtime.ToInt`: any number to a Go int, truncating floats like Go's conversion. */
export function toInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof Int64) return v.value;
  if (typeof v === 'number') return floatToInt(v);
  throw new GoPanic(`invalid operation: int(${goTypeName(v)})`);
}

/** Go's `int(f)` for a float64 (out-of-range and NaN give the amd64 result, the minimum int). */
export function floatToInt(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/** `runtime.ToFloat64`. */
export function toFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Int64) return Number(v.value);
  throw new GoPanic(`invalid operation: float(${goTypeName(v)})`);
}

/**
 * Converts plain JSON into the Go model as Kubernetes unstructured decoding does: objects become
 * maps, integers int64, every other number float64.
 */
export function fromJsonValue(json: unknown): unknown {
  if (json === null || json === undefined) return null;
  if (typeof json === 'number') {
    if (Number.isInteger(json) && Math.abs(json) <= Number.MAX_SAFE_INTEGER) return new Int64(BigInt(json));
    return json;
  }
  if (typeof json === 'bigint') return new Int64(BigInt.asIntN(64, json));
  if (typeof json === 'string' || typeof json === 'boolean') return json;
  if (Array.isArray(json)) return json.map(fromJsonValue);
  if (json instanceof Map || json instanceof GoTime || json instanceof GoDuration || json instanceof GoFunc || json instanceof Int64) return json;
  if (typeof json === 'object') {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) out.set(k, fromJsonValue(v));
    return out;
  }
  return null;
}

/** Converts plain JSON into what Go's `json.Unmarshal` into `any` gives (`fromJSON`): every number float64. */
export function fromGoJson(json: unknown): unknown {
  if (json === null || json === undefined) return null;
  if (Array.isArray(json)) return json.map(fromGoJson);
  if (typeof json === 'object') {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) out.set(k, fromGoJson(v));
    return out;
  }
  return json;
}

/**
 * A Go value as plain JSON data: integers become numbers when they are safe integers (else a decimal
 * string), maps objects, times their RFC 3339 text, durations their nanoseconds, functions `null`.
 */
export function toPlain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return safeNumber(v);
  if (v instanceof Int64) return safeNumber(v.value);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const k of [...v.keys()].map(String).sort()) out[k] = toPlain(v.get(k));
    return out;
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (v instanceof GoTime) return v.formatLayout('2006-01-02T15:04:05.999999999Z07:00');
  if (v instanceof GoDuration) return safeNumber(v.ns);
  return null;
}

function safeNumber(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

export { INT64_MAX, INT64_MIN };
