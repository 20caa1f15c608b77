/**
 * expr's builtin functions that are plain calls (the predicate ones are in the evaluator).
 *
 * Ported from expr-lang/expr@v1.17.8 `builtin/builtin.go`, `builtin/lib.go` and
 * `builtin/utils.go`. Go's type assertions (`args[0].(string)`) fail with Go's run-time message,
 * `interface conversion: interface {} is int, not string`.
 */
import { RE2JS } from 're2js';
import { formatValue, marshalIndent } from './go-format';
import { GoDuration, GoLocation, GoTime, GoTimeParseError, LAYOUTS, parseDuration, parseTime } from './go-time';
import { equal, fetch, less, more } from './runtime';
import { floatToInt, fromGoJson, goKindName, goTypeName, GoFunc, GoPanic, Int64, intValue, isInt, isNumber, toInt, wrapInt } from './values';

/** What a builtin may need from the evaluation. */
export interface BuiltinContext {
  readonly now: GoTime;
  /** `vm.memGrow`: counts allocated elements against expr's memory budget. */
  memGrow(size: number): void;
  methods(from: unknown, name: string): unknown;
}

type Builtin = (ctx: BuiltinContext, args: unknown[]) => unknown;

/** `x.(T)` on an interface value, with Go's panic message. */
function assertion(v: unknown, want: string): never {
  const got = v === null || v === undefined ? 'nil' : goTypeName(v);
  throw new GoPanic(`interface conversion: interface {} is ${got}, not ${want}`);
}

export function asString(v: unknown): string {
  if (typeof v !== 'string') assertion(v, 'string');
  return v;
}

function nargs(args: unknown[], expected: number, name?: string): void {
  if (args.length !== expected) {
    throw new GoPanic(`invalid number of arguments${name ? ` for ${name}` : ''} (expected ${expected}, got ${args.length})`);
  }
}

function isSliceLike(v: unknown): v is unknown[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

function items(v: unknown[] | Uint8Array): unknown[] {
  return Array.isArray(v) ? v : Array.from(v, (b) => BigInt(b));
}

function isNumeric(v: unknown): boolean {
  return isNumber(v);
}

/** `strings.Split`/`SplitN`/`SplitAfter`/`SplitAfterN` (n < 0: all; n = 0: none). */
function goSplit(s: string, sep: string, n: number, after: boolean): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = Array.from(s);
    if (n < 0 || n > chars.length) n = chars.length;
    const out = chars.slice(0, n - 1);
    out.push(chars.slice(n - 1).join(''));
    return out;
  }
  if (n < 0) n = s.split(sep).length;
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const m = rest.indexOf(sep);
    if (m < 0) break;
    out.push(rest.slice(0, m + (after ? sep.length : 0)));
    rest = rest.slice(m + sep.length);
  }
  out.push(rest);
  return out;
}

/** `strings.Replace(s, old, new, n)`. */
function goReplace(s: string, old: string, repl: string, n: number): string {
  if (old === repl || n === 0) return s;
  if (old === '') {
    const chars = Array.from(s);
    let out = '';
    let count = 0;
    for (let i = 0; i <= chars.length; i++) {
      if (n < 0 || count < n) {
        out += repl;
        count++;
      }
      if (i < chars.length) out += chars[i];
    }
    return out;
  }
  let out = '';
  let rest = s;
  let count = 0;
  for (;;) {
    const i = rest.indexOf(old);
    if (i < 0 || (n >= 0 && count >= n)) break;
    out += rest.slice(0, i) + repl;
    rest = rest.slice(i + old.length);
    count++;
  }
  return out + rest;
}

const GO_SPACE = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

function trimChars(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  if (left) while (a < b && set.has(chars[a])) a++;
  if (right) while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

/** Index of a substring in bytes, as Go's strings.Index returns it. */
function byteIndex(s: string, sub: string, last: boolean): bigint {
  const i = last ? s.lastIndexOf(sub) : s.indexOf(sub);
  if (i < 0) return -1n;
  return BigInt(Buffer.byteLength(s.slice(0, i), 'utf8'));
}

function toBitInt(v: unknown, name: string): bigint {
  if (isInt(v)) return intValue(v);
  throw new GoPanic(`cannot use ${goTypeName(v)} as argument (type int) to call ${name}`);
}

function bitFunc(name: string, fn: (x: bigint, y: bigint) => bigint): Builtin {
  return (_ctx, args) => {
    if (args.length !== 2) throw new GoPanic(`invalid number of arguments for ${name} (expected 2, got ${args.length})`);
    const x = toBitInt(args[0], name);
    const y = toBitInt(args[1], name);
    if ((name === 'bitshl' || name === 'bitshr' || name === 'bitushr') && y < 0n) {
      throw new GoPanic(`invalid operation: negative shift count ${y} (type int)`);
    }
    return wrapInt(fn(x, y));
  };
}

/** `minMax`: the largest (or smallest) number among the arguments, flattening arrays. */
function minMax(name: string, better: (a: unknown, b: unknown) => boolean, args: unknown[], depth = 0): unknown {
  let val: unknown = null;
  for (const arg of args) {
    if (isSliceLike(arg)) {
      for (const e of items(arg)) {
        if (isNumeric(e)) {
          if (val === null || better(val, e)) val = e;
        } else if (isSliceLike(e)) {
          const nested = minMax(name, better, [e], depth + 1);
          if (nested !== null && (val === null || better(val, nested))) val = nested;
        } else {
          throw new GoPanic(`invalid argument for ${name} (type ${goTypeName(e)})`);
        }
      }
    } else if (isNumeric(arg)) {
      if (val === null || better(val, arg)) val = arg;
    } else {
      if (args.length === 1) return arg;
      throw new GoPanic(`invalid argument for ${name} (type ${goTypeName(arg)})`);
    }
  }
  return val;
}

/** The numbers among the arguments, flattening arrays (`mean`, `median`). */
function numbers(name: string, args: unknown[]): number[] {
  const out: number[] = [];
  for (const arg of args) {
    if (isSliceLike(arg)) out.push(...numbers(name, items(arg)));
    else if (isNumber(arg)) out.push(typeof arg === 'number' ? arg : Number(intValue(arg)));
    else throw new GoPanic(`invalid argument for ${name} (type ${goTypeName(arg)})`);
  }
  return out;
}

function roundFunc(name: string, fn: (x: number) => number): Builtin {
  return (_ctx, args) => {
    nargs(args, 1);
    const x = args[0];
    if (typeof x === 'number') return fn(x);
    if (isInt(x)) return Number(intValue(x));
    throw new GoPanic(`invalid argument for ${name} (type ${goTypeName(x)})`);
  };
}

/** Go's `math.Round`: half away from zero. */
function goRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? (Object.is(x, -0) || x < 0 ? -0 : 0) : r;
}

/** expr's `type()`. */
function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (v instanceof GoTime) return 'time.Time';
  if (v instanceof GoDuration) return 'time.Duration';
  if (typeof v === 'boolean') return 'bool';
  if (isInt(v)) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (isSliceLike(v)) return 'array';
  if (v instanceof Map) return 'map';
  if (v instanceof GoFunc) return 'func';
  return 'unknown';
}

/** Go's `strconv.Atoi` (expr's `int("…")`). */
function atoi(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) throw new GoPanic(`invalid operation: int(${s})`);
  const n = BigInt(s);
  if (n !== BigInt.asIntN(64, n)) throw new GoPanic(`invalid operation: int(${s})`);
  return n;
}

/** Go's `strconv.ParseFloat(s, 64)` (expr's `float("…")`), including `inf`, `nan` and `_`-free hex. */
function parseFloatGo(s: string): number {
  const t = s.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) throw new GoPanic(`invalid operation: float(${s})`);
  const f = Number(t);
  if (!Number.isFinite(f)) throw new GoPanic(`invalid operation: float(${s})`);
  return f;
}

function base64Decode(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    const bad = s.search(/[^A-Za-z0-9+/=]/);
    const at = bad >= 0 ? bad : s.length - (s.length % 4);
    throw new GoPanic(`illegal base64 data at input byte ${at}`);
  }
  return Buffer.from(s, 'base64').toString('utf8');
}

/** Whether every bracket and string of a JSON text is closed (else Go reports the end of input). */
function balanced(s: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {inString = true;} else if (c === '{' || c === '[') {depth++;} else if (c === '}' || c === ']') {depth--;}
  }
  return depth <= 0 && !inString;
}

/** encoding/json Unmarshal into `any`, with Go's main error messages. */
function fromJson(s: string): unknown {
  try {
    return fromGoJson(JSON.parse(s));
  } catch {
    if (s.trim() === '' || !balanced(s)) throw new GoPanic('unexpected end of JSON input');
    throw new GoPanic(`invalid JSON input ${JSON.stringify(s.slice(0, 20))}`);
  }
}

function dateBuiltin(args: unknown[]): unknown {
  let tz: GoLocation | undefined;
  if (args[0] instanceof GoLocation) {
    tz = args[0];
    args = args.slice(1);
  }
  const date = asString(args[0]);
  const parse = (layout: string, loc?: GoLocation): GoTime => parseTime(layout, date, loc ?? GoLocation.UTC);
  try {
    if (args.length === 2) return parse(asString(args[1]), tz);
    if (args.length === 3) return parse(asString(args[1]), loadLocation(asString(args[2])));
  } catch (e) {
    if (e instanceof GoTimeParseError) throw new GoPanic(e.message);
    throw e;
  }
  for (const layout of ['2006-01-02', '15:04:05', '2006-01-02 15:04:05', LAYOUTS.RFC3339, LAYOUTS.RFC822, LAYOUTS.RFC850, LAYOUTS.RFC1123]) {
    try {
      return parse(layout, tz);
    } catch (e) {
      if (!(e instanceof GoTimeParseError)) throw e;
    }
  }
  throw new GoPanic(`invalid date ${date}`);
}

/** `time.LoadLocation`: UTC and fixed names only (the engine carries no tz database). */
function loadLocation(name: string): GoLocation {
  if (name === '' || name === 'UTC') return GoLocation.UTC;
  throw new GoPanic(`unknown time zone ${name}`);
}

/* eslint-disable no-bitwise -- expr's bit builtins are Go's integer bit operations */
export const BUILTINS: Record<string, Builtin> = {
  len: (_ctx, args) => {
    nargs(args, 1);
    const x = args[0];
    if (typeof x === 'string') return BigInt(Array.from(x).length);
    if (isSliceLike(x)) return BigInt(x.length);
    if (x instanceof Map) return BigInt(x.size);
    throw new GoPanic(`invalid argument for len (type ${goTypeName(x)})`);
  },
  type: (_ctx, args) => {
    nargs(args, 1);
    return typeOf(args[0]);
  },
  abs: (_ctx, args) => {
    nargs(args, 1);
    const x = args[0];
    if (typeof x === 'number') return x < 0 ? -x : x;
    if (typeof x === 'bigint') return x < 0n ? wrapInt(-x) : x;
    if (x instanceof Int64) return x.value < 0n ? new Int64(wrapInt(-x.value)) : x;
    throw new GoPanic(`invalid argument for abs (type ${goTypeName(x)})`);
  },
  ceil: roundFunc('ceil', Math.ceil),
  floor: roundFunc('floor', Math.floor),
  round: roundFunc('round', goRound),
  int: (_ctx, args) => {
    nargs(args, 1);
    const x = args[0];
    if (typeof x === 'number') return floatToInt(x);
    if (isInt(x)) return intValue(x);
    if (typeof x === 'string') return atoi(x);
    if (x instanceof GoDuration) return x.ns;
    throw new GoPanic(`invalid operation: int(${goTypeName(x)})`);
  },
  float: (_ctx, args) => {
    nargs(args, 1);
    const x = args[0];
    if (typeof x === 'number') return x;
    if (isInt(x)) return Number(intValue(x));
    if (typeof x === 'string') return parseFloatGo(x);
    throw new GoPanic(`invalid operation: float(${goTypeName(x)})`);
  },
  string: (_ctx, args) => {
    nargs(args, 1);
    return formatValue(args[0]);
  },
  trim: (_ctx, args) => {
    if (args.length === 1) return trimChars(asString(args[0]), GO_SPACE, true, true);
    if (args.length === 2) return trimChars(asString(args[0]), asString(args[1]), true, true);
    throw new GoPanic(`invalid number of arguments for trim (expected 1 or 2, got ${args.length})`);
  },
  trimPrefix: (_ctx, args) => {
    const s = asString(args[0]);
    const p = args.length === 2 ? asString(args[1]) : ' ';
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimSuffix: (_ctx, args) => {
    const s = asString(args[0]);
    const p = args.length === 2 ? asString(args[1]) : ' ';
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  upper: (_ctx, args) => asString(args[0]).toUpperCase(),
  lower: (_ctx, args) => asString(args[0]).toLowerCase(),
  split: (_ctx, args) => {
    if (args.length === 2) return goSplit(asString(args[0]), asString(args[1]), -1, false);
    if (args.length === 3) return goSplit(asString(args[0]), asString(args[1]), Number(toInt(args[2])), false);
    throw new GoPanic(`invalid number of arguments for split (expected 2 or 3, got ${args.length})`);
  },
  splitAfter: (_ctx, args) => {
    if (args.length === 2) return goSplit(asString(args[0]), asString(args[1]), -1, true);
    if (args.length === 3) return goSplit(asString(args[0]), asString(args[1]), Number(toInt(args[2])), true);
    throw new GoPanic(`invalid number of arguments for splitAfter (expected 2 or 3, got ${args.length})`);
  },
  replace: (_ctx, args) => {
    if (args.length === 4) return goReplace(asString(args[0]), asString(args[1]), asString(args[2]), Number(toInt(args[3])));
    if (args.length === 3) return goReplace(asString(args[0]), asString(args[1]), asString(args[2]), -1);
    throw new GoPanic(`invalid number of arguments for replace (expected 3 or 4, got ${args.length})`);
  },
  repeat: (ctx, args) => {
    const s = asString(args[0]);
    const n = toInt(args[1]);
    if (n < 0n) throw new GoPanic(`invalid argument for repeat (expected positive integer, got ${n})`);
    if (n > 1_000_000n) throw new GoPanic('memory budget exceeded');
    ctx.memGrow(Buffer.byteLength(s) * Number(n));
    return s.repeat(Number(n));
  },
  join: (_ctx, args) => {
    const glue = args.length === 2 ? asString(args[1]) : '';
    if (Array.isArray(args[0])) return args[0].map(asString).join(glue);
    throw new GoPanic(`invalid argument for join (type ${goTypeName(args[0])})`);
  },
  indexOf: (_ctx, args) => byteIndex(asString(args[0]), asString(args[1]), false),
  lastIndexOf: (_ctx, args) => byteIndex(asString(args[0]), asString(args[1]), true),
  hasPrefix: (_ctx, args) => asString(args[0]).startsWith(asString(args[1])),
  hasSuffix: (_ctx, args) => asString(args[0]).endsWith(asString(args[1])),
  max: (_ctx, args) => minMax('max', less, args),
  min: (_ctx, args) => minMax('min', more, args),
  mean: (_ctx, args) => {
    const ns = numbers('mean', args);
    return ns.length === 0 ? 0 : ns.reduce((a, b) => a + b, 0) / ns.length;
  },
  median: (_ctx, args) => {
    const ns = numbers('median', args).sort((a, b) => a - b);
    const n = ns.length;
    if (n === 0) return 0;
    return n % 2 === 1 ? ns[(n - 1) / 2] : (ns[n / 2 - 1] + ns[n / 2]) / 2;
  },
  toJSON: (_ctx, args) => marshalIndent(args[0]),
  fromJSON: (_ctx, args) => fromJson(asString(args[0])),
  toBase64: (_ctx, args) => Buffer.from(asString(args[0]), 'utf8').toString('base64'),
  fromBase64: (_ctx, args) => base64Decode(asString(args[0])),
  now: (ctx, args) => {
    if (args.length === 0) return ctx.now;
    if (args.length === 1 && args[0] instanceof GoLocation) return ctx.now.in(args[0]);
    throw new GoPanic(`invalid number of arguments (expected 0, got ${args.length})`);
  },
  duration: (_ctx, args) => {
    try {
      return parseDuration(asString(args[0]));
    } catch (e) {
      if (e instanceof GoTimeParseError) throw new GoPanic(e.message);
      throw e;
    }
  },
  date: (_ctx, args) => dateBuiltin(args),
  timezone: (_ctx, args) => loadLocation(asString(args[0])),
  first: (ctx, args) => {
    try {
      return fetch(args[0], 0n, ctx.methods);
    } catch {
      return null;
    }
  },
  last: (ctx, args) => {
    try {
      return fetch(args[0], -1n, ctx.methods);
    } catch {
      return null;
    }
  },
  get: (ctx, args) => {
    if (args.length < 2) throw new GoPanic(`invalid number of arguments (expected 2, got ${args.length})`);
    const [from, i] = args;
    if (from === null || from === undefined) return null;
    if (typeof i === 'string') {
      const method = ctx.methods(from, i);
      if (method !== undefined) return method;
    }
    if (isSliceLike(from) || typeof from === 'string' || from instanceof Map) {
      try {
        return fetch(from, i, () => undefined);
      } catch (e) {
        if (from instanceof Map) throw e;
        return null;
      }
    }
    return null;
  },
  take: (_ctx, args) => {
    nargs(args, 2);
    const [v, n] = args;
    if (!isSliceLike(v)) throw new GoPanic(`cannot take from ${goKindName(v)}`);
    if (!isInt(n)) throw new GoPanic(`cannot take ${goKindName(n)} elements`);
    const count = intValue(n);
    return items(v).slice(0, count > BigInt(v.length) ? v.length : Number(count));
  },
  keys: (_ctx, args) => {
    nargs(args, 1);
    if (!(args[0] instanceof Map)) throw new GoPanic(`cannot get keys from ${goKindName(args[0])}`);
    return [...args[0].keys()];
  },
  values: (_ctx, args) => {
    nargs(args, 1);
    if (!(args[0] instanceof Map)) throw new GoPanic(`cannot get values from ${goKindName(args[0])}`);
    return [...args[0].values()];
  },
  toPairs: (_ctx, args) => {
    nargs(args, 1);
    if (!(args[0] instanceof Map)) throw new GoPanic(`cannot transform ${goKindName(args[0])} to pairs`);
    return [...args[0].entries()].map(([k, v]) => [k, v]);
  },
  fromPairs: (_ctx, args) => {
    nargs(args, 1);
    const v = args[0];
    if (!isSliceLike(v)) throw new GoPanic(`cannot transform ${formatValue(v)} from pairs`);
    const out = new Map<unknown, unknown>();
    for (const pair of items(v)) {
      if (!isSliceLike(pair)) throw new GoPanic(`invalid pair ${formatValue(pair)}`);
      if (pair.length !== 2) throw new GoPanic(`invalid pair length ${formatValue(pair)}`);
      const [k, val] = items(pair);
      out.set(k instanceof Int64 ? k.value : k, val);
    }
    return out;
  },
  reverse: (ctx, args) => {
    nargs(args, 1);
    if (!isSliceLike(args[0])) throw new GoPanic(`cannot reverse ${goKindName(args[0])}`);
    ctx.memGrow(args[0].length);
    return [...items(args[0])].reverse();
  },
  uniq: (_ctx, args) => {
    nargs(args, 1);
    if (!isSliceLike(args[0])) throw new GoPanic(`cannot uniq ${goKindName(args[0])}`);
    const out: unknown[] = [];
    for (const v of items(args[0])) if (!out.some((r) => equal(v, r))) out.push(v);
    return out;
  },
  concat: (ctx, args) => {
    if (args.length === 0) throw new GoPanic('invalid number of arguments (expected at least 1, got 0)');
    const out: unknown[] = [];
    for (const a of args) {
      if (!isSliceLike(a)) throw new GoPanic(`cannot concat ${goKindName(a)}`);
      out.push(...items(a));
    }
    ctx.memGrow(out.length);
    return out;
  },
  flatten: (ctx, args) => {
    nargs(args, 1);
    if (!isSliceLike(args[0])) throw new GoPanic(`cannot flatten ${goKindName(args[0])}`);
    const flat = (v: unknown[]): unknown[] => v.flatMap((e) => (isSliceLike(e) ? flat(items(e)) : [e]));
    const out = flat(items(args[0]));
    ctx.memGrow(out.length);
    return out;
  },
  sort: (ctx, args) => {
    if (args.length !== 1 && args.length !== 2) throw new GoPanic(`invalid number of arguments (expected 1 or 2, got ${args.length})`);
    const array = Array.isArray(args[0]) ? [...args[0]] : [];
    let desc = false;
    if (args.length === 2) {
      if (typeof args[1] !== 'string') throw new GoPanic(`sort order argument must be a string (got ${goTypeName(args[1])})`);
      if (args[1] === 'desc') desc = true;
      else if (args[1] !== 'asc') throw new GoPanic(`invalid order ${args[1]}, expected asc or desc`);
    }
    const sorted = goSort(array, (a, b) => (desc ? less(b, a) : less(a, b)));
    ctx.memGrow(sorted.length);
    return sorted;
  },
  bitand: bitFunc('bitand', (x, y) => x & y),
  bitor: bitFunc('bitor', (x, y) => x | y),
  bitxor: bitFunc('bitxor', (x, y) => x ^ y),
  bitnand: bitFunc('bitnand', (x, y) => x & ~y),
  bitshl: bitFunc('bitshl', (x, y) => (y >= 64n ? 0n : x << y)),
  bitshr: bitFunc('bitshr', (x, y) => (y >= 64n ? (x < 0n ? -1n : 0n) : x >> y)),
  bitushr: bitFunc('bitushr', (x, y) => (y >= 64n ? 0n : BigInt.asUintN(64, x) >> y)),
  bitnot: (_ctx, args) => {
    if (args.length !== 1) throw new GoPanic(`invalid number of arguments for bitnot (expected 1, got ${args.length})`);
    return ~toBitInt(args[0], 'bitnot');
  },
};
/* eslint-enable no-bitwise */

/**
 * A stable insertion sort: Go's `sort.Sort` is not stable, but for the small arrays of trigger
 * expressions (fewer than 12 elements) it is an insertion sort too, so equal elements keep their order.
 */
export function goSort<T>(array: T[], lessFn: (a: T, b: T) => boolean): T[] {
  const out = [...array];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && lessFn(out[j], out[j - 1]); j--) {
      [out[j], out[j - 1]] = [out[j - 1], out[j]];
    }
  }
  return out;
}

/** `regexp.MatchString` with RE2 syntax; a bad pattern fails with Go's `regexp.Compile` message. */
export function matches(pattern: string, s: string): boolean {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    const message = (e as Error).message;
    throw new GoPanic(message.startsWith('error parsing regexp: ') ? message : `error parsing regexp: ${message}`);
  }
  return re.matcher(s).find();
}
