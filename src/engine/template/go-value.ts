/**
 * The Go value model the template engine works on.
 *
 * Go templates are driven by reflection, and users hit the difference between Go types all the
 * time (a JSON number is a `float64`, a template literal `3` is an `int`, `eq` refuses to compare
 * them). So values keep their Go type:
 *
 * | Go                                   | here                                        |
 * | ------------------------------------ | ------------------------------------------- |
 * | nil interface (`interface {}(nil)`)  | `null`                                      |
 * | string                               | JS `string`                                 |
 * | bool                                 | JS `boolean`                                |
 * | float64                              | JS `number`                                 |
 * | int, int64, uint8, …                 | `GoInt` (a `bigint` and its Go type name)    |
 * | `[]T` (`[]interface {}`, `[]string`) | `GoSlice` (element type and items)          |
 * | `map[string]T`                       | `GoMap` (element type, entries by key)      |
 * | a function (`call .repo.Fn`)         | `GoFunc`                                    |
 *
 * The executor adds two states that only exist inside it: an invalid `reflect.Value` (`undefined`)
 * and a value read out of an `interface {}` container (see exec.ts, `Iface`).
 *
 * Upstream: Go 1.19 reflect semantics as used by text/template (go/src/text/template/exec.go).
 */
/* eslint-disable no-bitwise */ // UTF-8 decoding works on bits

/** Go integer type names. */
export type GoIntType = 'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr';

/** A Go type, spelled as reflect.Type.String() spells it (`interface {}`, `[]string`, `map[string]interface {}`). */
export type GoType = string;

export const IFACE: GoType = 'interface {}';

/** A Go integer of a given type. */
export class GoInt {
  constructor(public readonly type: GoIntType, public readonly value: bigint) {}
  public get unsigned(): boolean {
    return this.type.startsWith('u');
  }
}

/** A Go slice `[]elem`; `isNil` marks a nil slice (prints `[]`, encodes as JSON `null`). */
export class GoSlice {
  constructor(public readonly elem: GoType, public readonly items: GoValue[], public readonly isNil = false) {}
  public get type(): GoType {
    return `[]${this.elem}`;
  }
}

/** A Go map `map[string]elem`; iteration and printing sort the keys. */
export class GoMap {
  constructor(public readonly elem: GoType, public readonly entries: Map<string, GoValue> = new Map(), public readonly isNil = false) {}
  public get type(): GoType {
    return `map[string]${this.elem}`;
  }
  public sortedKeys(): string[] {
    return [...this.entries.keys()].sort(compareGoStrings);
  }
}

/** Thrown by a Go function's implementation to return a non-nil `error`. */
export class GoError extends Error {}

/** A Go function: its signature (for argument checking as reflect does it) and implementation. */
export class GoFunc {
  constructor(
    /** Parameter types; with `variadic`, the last one is the slice type (`[]interface {}`). */
    public readonly params: readonly GoType[],
    public readonly impl: (...args: GoValue[]) => GoValue,
    public readonly options: { variadic?: boolean; returnsError?: boolean; result?: GoType; nondeterministic?: boolean } = {},
  ) {}
  public get variadic(): boolean {
    return this.options.variadic === true;
  }
  public get type(): GoType {
    const params = this.params.map((p, i) => (this.variadic && i === this.params.length - 1 ? `...${p.slice(2)}` : p));
    const result = this.options.result ?? IFACE;
    return `func(${params.join(', ')}) ${this.options.returnsError ? `(${result}, error)` : result}`;
  }
}

/** Any Go value (see the table above). */
export type GoValue = null | string | boolean | number | GoInt | GoSlice | GoMap | GoFunc;

/** reflect.Kind names. */
export type GoKind = 'invalid' | 'string' | 'bool' | 'float64' | 'slice' | 'map' | 'func' | 'interface' | GoIntType;

export function int(n: number | bigint): GoInt {
  return new GoInt('int', BigInt(n));
}

export function int64(n: number | bigint): GoInt {
  return new GoInt('int64', BigInt(n));
}

export function ifaceSlice(items: GoValue[]): GoSlice {
  return new GoSlice(IFACE, items);
}

export function stringSlice(items: string[]): GoSlice {
  return new GoSlice('string', items);
}

export function ifaceMap(entries?: Map<string, GoValue>): GoMap {
  return new GoMap(IFACE, entries ?? new Map());
}

/** The Go type of a value, as `%T` prints it; `<nil>` for a nil interface. */
export function typeName(v: GoValue): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return 'float64';
  }
  return v.type;
}

/** The reflect.Kind of a value (a nil interface is `invalid`). */
export function kindOf(v: GoValue): GoKind {
  if (v === null) return 'invalid';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (v instanceof GoSlice) return 'slice';
  if (v instanceof GoMap) return 'map';
  return 'func';
}

/** The kind of a Go type name. */
export function kindOfType(t: GoType): GoKind {
  if (t === IFACE) return 'interface';
  if (t.startsWith('[]')) return 'slice';
  if (t.startsWith('map[')) return 'map';
  if (t.startsWith('func(')) return 'func';
  if (t === 'string' || t === 'bool' || t === 'float64') return t;
  if (INT_TYPES.has(t)) return t as GoIntType;
  return 'interface';
}

export const INT_TYPES: ReadonlySet<string> = new Set(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

export function isIntKind(k: GoKind): boolean {
  return INT_TYPES.has(k);
}

/** The zero value of a type; `null` for interfaces (a nil interface), nil slices and maps for those. */
export function zeroOf(t: GoType): GoValue {
  switch (t) {
    case 'string': return '';
    case 'bool': return false;
    case 'float64': return 0;
  }
  if (INT_TYPES.has(t)) return new GoInt(t as GoIntType, 0n);
  if (t.startsWith('[]')) return new GoSlice(t.slice(2), [], true);
  if (t.startsWith('map[string]')) return new GoMap(t.slice('map[string]'.length), new Map(), true);
  return null;
}

/** Whether a value of dynamic type `from` may be assigned to a parameter of type `to`. */
export function assignable(v: GoValue, to: GoType): boolean {
  if (to === IFACE) return true;
  if (v === null) return false;
  return typeName(v) === to;
}

/** Go's template truth (text/template isTrue): empty strings, slices, maps, zero numbers are false. */
export function isTrue(v: GoValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  switch (typeof v) {
    case 'string': return v.length > 0;
    case 'boolean': return v;
    case 'number': return v !== 0;
  }
  if (v instanceof GoInt) return v.value !== 0n;
  if (v instanceof GoSlice) return v.items.length > 0;
  if (v instanceof GoMap) return v.entries.size > 0;
  return true;
}

/** Byte-wise comparison of strings, as Go compares them (UTF-8 order, not UTF-16). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** The UTF-8 bytes of a string. */
export function utf8(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}

/**
 * Bytes to a string as Go ranges over them (utf8.DecodeRune): each byte of an invalid sequence
 * becomes one U+FFFD, as encoding/json writes such a string.
 */
export function decodeUtf8(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const cont = (k: number) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
    let r = -1;
    let n = 1;
    if (c >= 0xc2 && c <= 0xdf && cont(1)) {
      r = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      n = 2;
    } else if (c >= 0xe0 && c <= 0xef && cont(1) && cont(2)) {
      r = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      n = 3;
      if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) r = -1;
    } else if (c >= 0xf0 && c <= 0xf4 && cont(1) && cont(2) && cont(3)) {
      r = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      n = 4;
      if (r < 0x10000 || r > 0x10ffff) r = -1;
    }
    if (r < 0) {
      out += '\ufffd';
      i++;
    } else {
      out += String.fromCodePoint(r);
      i += n;
    }
  }
  return out;
}

/** UTF-8 length of a string in bytes (Go's `len`). */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Wraps a plain integer result of a Go `int` function. */
export function toBigInt(n: number): bigint {
  return BigInt(Math.trunc(n));
}

/** Truncates a bigint to a Go integer type, wrapping as Go conversions do. */
export function wrapInt(type: GoIntType, v: bigint): GoInt {
  const bits = BITS[type];
  return new GoInt(type, type.startsWith('u') ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v));
}

const BITS: Record<GoIntType, number> = {
  int: 64, int8: 8, int16: 16, int32: 32, int64: 64, uint: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64, uintptr: 64,
};

/** float64 → int64 as Go converts on amd64 (truncation; out of range gives the minimum int64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(f));
}

/**
 * Converts plain JSON (as JSON.parse returns it) to Go values as encoding/json decodes into
 * `interface{}`: numbers become float64, objects `map[string]interface {}`, arrays `[]interface {}`.
 */
export function fromJsonValue(json: unknown): GoValue {
  if (json === null || json === undefined) return null;
  switch (typeof json) {
    case 'string': return json;
    case 'boolean': return json;
    case 'number': return json;
    case 'bigint': return Number(json);
  }
  if (json instanceof GoInt || json instanceof GoSlice || json instanceof GoMap || json instanceof GoFunc) return json;
  if (Array.isArray(json)) return ifaceSlice(json.map(fromJsonValue));
  if (typeof json === 'function') {
    const f = json as (...args: unknown[]) => unknown;
    return new GoFunc([`[]${IFACE}`], (...args) => fromJsonValue(f(...args.map(toJsonValue))), { variadic: true });
  }
  const m = new Map<string, GoValue>();
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) m.set(k, fromJsonValue(v));
  return ifaceMap(m);
}

/** Converts a Go value back to plain JSON data (integers become numbers, nil slices and maps null). */
export function toJsonValue(v: GoValue | undefined): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object') return v;
  if (v instanceof GoInt) return Number(v.value);
  if (v instanceof GoSlice) return v.isNil ? null : v.items.map(toJsonValue);
  if (v instanceof GoMap) {
    if (v.isNil) return null;
    const o: Record<string, unknown> = {};
    for (const k of v.sortedKeys()) o[k] = toJsonValue(v.entries.get(k)!);
    return o;
  }
  return null;
}
