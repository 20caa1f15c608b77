/**
 * The predefined template functions, ported from go/src/text/template/funcs.go (Go 1.19):
 * and, or, not, len, index, slice, print, printf, println, html, js, urlquery, call and the
 * comparisons eq, ne, lt, le, gt, ge with Go's basicKind rules. Functions taking reflect.Value
 * receive the executor's RV (invalid, interface-kind or concrete); `and`/`or` are evaluated by
 * the executor itself (short-circuit).
 */
import { Iface, REFLECT_VALUE, RV, indirectInterface, rvType } from './exec';
import { isPrint, sprint, sprintf, sprintln } from './go-fmt';
import { GoError, GoFunc, GoInt, GoMap, GoSlice, GoType, GoValue, IFACE, INT_TYPES, assignable, byteLength, decodeUtf8, isTrue, kindOf, kindOfType, utf8, zeroOf } from './go-value';

const RVS = `[]${REFLECT_VALUE}`;
const IFACES = `[]${IFACE}`;

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'complex';

function basicKind(v: GoValue | undefined): Kind {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'string': return 'string';
    case 'number': return 'float';
  }
  if (v instanceof GoInt) return v.unsigned ? 'uint' : 'int';
  return 'invalid';
}

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';

function elemRV(container: GoSlice | GoMap, v: GoValue): RV {
  return container.elem === IFACE ? new Iface(v) : v;
}

/** Follows interfaces; reports a nil interface (Go's `indirect`). */
function indirect(v: RV): [RV, boolean] {
  if (v instanceof Iface) {
    if (v.v === null) return [v, true];
    return [v.v, false];
  }
  return [v, false];
}

function typeOfValue(v: RV): GoType {
  if (v === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  return rvType(v);
}

function eq(arg1r: RV, ...arg2: RV[]): boolean {
  const arg1 = indirectInterface(arg1r);
  if (arg2.length === 0) throw new GoError('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const argr of arg2) {
    const arg = indirectInterface(argr);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') {
        truth = (arg1 as GoInt).value >= 0n && (arg1 as GoInt).value === (arg as GoInt).value;
      } else if (k1 === 'uint' && k2 === 'int') {
        truth = (arg as GoInt).value >= 0n && (arg1 as GoInt).value === (arg as GoInt).value;
      } else if (arg1 !== undefined && arg !== undefined) {
        throw new GoError(errBadComparison);
      }
    } else {
      switch (k1) {
        case 'bool': case 'float': case 'string':
          truth = arg1 === arg;
          break;
        case 'int': case 'uint':
          truth = (arg1 as GoInt).value === (arg as GoInt).value;
          break;
        default: {
          const kind1 = arg1 === undefined ? 'invalid' : kindOf(arg1);
          const kind2 = arg === undefined ? 'invalid' : kindOf(arg);
          if (kind1 !== kind2 && kind1 !== 'invalid' && kind2 !== 'invalid') {
            throw new GoError(`non-comparable types ${sprintf('%s', [arg1 ?? null])}: ${typeOfValue(arg1)}, ${typeOfValue(arg)}: ${sprint([arg ?? null])}`);
          }
          const nil1 = isNilValue(arg1);
          const nil2 = isNilValue(arg);
          if (nil1 || nil2) {
            truth = nil1 === nil2;
          } else {
            throw new GoError(`non-comparable type ${sprintf('%s', [arg ?? null])}: ${typeOfValue(arg)}`);
          }
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

function isNilValue(v: GoValue | undefined): boolean {
  if (v === undefined || v === null) return true;
  if (v instanceof GoSlice || v instanceof GoMap) return v.isNil;
  return false;
}

function lt(arg1r: RV, arg2r: RV): boolean {
  const arg1 = indirectInterface(arg1r);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') throw new GoError(errBadComparisonType);
  const arg2 = indirectInterface(arg2r);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') throw new GoError(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return (arg1 as GoInt).value < 0n || (arg1 as GoInt).value < (arg2 as GoInt).value;
    if (k1 === 'uint' && k2 === 'int') return (arg2 as GoInt).value >= 0n && (arg1 as GoInt).value < (arg2 as GoInt).value;
    throw new GoError(errBadComparison);
  }
  switch (k1) {
    case 'bool': case 'complex': throw new GoError(errBadComparisonType);
    case 'float': return (arg1 as number) < (arg2 as number);
    case 'string': return Buffer.compare(utf8(arg1 as string), utf8(arg2 as string)) < 0;
    default: return (arg1 as GoInt).value < (arg2 as GoInt).value;
  }
}

function le(a: RV, b: RV): boolean {
  return lt(a, b) || eq(a, b);
}

function indexArg(idx: GoValue | undefined, cap: number): number {
  let x: bigint;
  if (idx instanceof GoInt) x = idx.value;
  else if (idx === undefined || idx === null) throw new GoError('cannot index slice/array with nil');
  else throw new GoError(`cannot index slice/array with type ${typeOfValue(idx)}`);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

function prepareArg(value: GoValue | undefined, argType: GoType): GoValue {
  if (value === undefined) {
    if (!(argType === IFACE || ['slice', 'map', 'func'].includes(kindOfType(argType)))) throw new GoError(`value is nil; should be of type ${argType}`);
    return zeroOf(argType);
  }
  if (assignable(value, argType)) return value;
  if (value instanceof GoInt && INT_TYPES.has(argType)) return new GoInt(argType as GoInt['type'], value.value);
  throw new GoError(`value has type ${typeOfValue(value)}; should be ${argType}`);
}

function index(itemr: RV, ...indexes: RV[]): RV {
  let item: RV = indirectInterface(itemr);
  if (item === undefined) throw new GoError('index of untyped nil');
  for (const ir of indexes) {
    const key = indirectInterface(ir);
    const [it, isNil] = indirect(item);
    if (isNil) throw new GoError('index of nil pointer');
    const v = it as GoValue;
    if (typeof v === 'string') {
      const bytes = utf8(v);
      const x = indexArg(key, bytes.length);
      if (x >= bytes.length) throw new GoError('reflect: string index out of range');
      item = new GoInt('uint8', BigInt(bytes[x]));
    } else if (v instanceof GoSlice) {
      const x = indexArg(key, v.items.length);
      if (x >= v.items.length) throw new GoError('reflect: slice index out of range');
      item = elemRV(v, v.items[x]);
    } else if (v instanceof GoMap) {
      const found = v.entries.get(prepareArg(key, 'string') as string);
      item = found !== undefined ? elemRV(v, found) : v.elem === IFACE ? new Iface(null) : zeroOf(v.elem);
    } else {
      throw new GoError(`can't index item of type ${typeOfValue(v)}`);
    }
  }
  return item;
}

function slice(itemr: RV, ...indexes: RV[]): RV {
  const item = indirectInterface(itemr);
  if (item === undefined) throw new GoError('slice of untyped nil');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    cap = len = byteLength(item);
  } else if (item instanceof GoSlice) {
    cap = len = item.items.length;
  } else {
    throw new GoError(`can't slice item of type ${typeOfValue(item)}`);
  }
  const idx = [0, len, 0];
  indexes.forEach((ir, i) => {
    idx[i] = indexArg(indirectInterface(ir), cap);
  });
  if (idx[0] > idx[1]) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return decodeUtf8(utf8(item).subarray(idx[0], idx[1]));
  return new GoSlice((item as GoSlice).elem, (item as GoSlice).items.slice(idx[0], idx[1]));
}

function length(itemr: RV): GoInt {
  const [item, isNil] = indirect(itemr);
  if (isNil) throw new GoError('len of nil pointer');
  const v = item as GoValue | undefined;
  if (typeof v === 'string') return new GoInt('int', BigInt(byteLength(v)));
  if (v instanceof GoSlice) return new GoInt('int', BigInt(v.items.length));
  if (v instanceof GoMap) return new GoInt('int', BigInt(v.entries.size));
  throw new GoError(`len of type ${typeOfValue(v)}`);
}

function call(fnr: RV, ...args: RV[]): RV {
  const fn = indirectInterface(fnr);
  if (fn === undefined) throw new GoError('call of nil');
  if (!(fn instanceof GoFunc)) throw new GoError(`non-function of type ${typeOfValue(fn)}`);
  const numIn = fn.params.length;
  if (fn.variadic) {
    if (args.length < numIn - 1) throw new GoError(`wrong number of args: got ${args.length} want at least ${numIn - 1}`);
  } else if (args.length !== numIn) {
    throw new GoError(`wrong number of args: got ${args.length} want ${numIn}`);
  }
  const argv = args.map((a, i) => {
    const t = !fn.variadic || i < numIn - 1 ? fn.params[i] : fn.params[numIn - 1].slice(2);
    try {
      return prepareArg(indirectInterface(a), t);
    } catch (e) {
      throw new GoError(`arg ${i}: ${(e as Error).message}`);
    }
  });
  const r = fn.impl(...argv);
  return r === null ? new Iface(null) : r;
}

const HTML_ESCAPES: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]);
}

/** template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
    else if (r < 0x80 || isPrint(r)) out += ch;
    else out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null ? '<no value>' : a)));
}

const v = { variadic: true };

/** The builtin function map (text/template's `builtins()`). */
export function builtinFuncs(): Record<string, GoFunc> {
  return {
    and: new GoFunc([REFLECT_VALUE, RVS], () => undefined as unknown as GoValue, v),
    or: new GoFunc([REFLECT_VALUE, RVS], () => undefined as unknown as GoValue, v),
    not: new GoFunc([REFLECT_VALUE], ((a: RV) => !isTrue(indirectInterface(a))) as never),
    call: new GoFunc([REFLECT_VALUE, RVS], call as never, { variadic: true, returnsError: true }),
    html: new GoFunc([IFACES], (...a) => htmlEscape(evalArgs(a)), v),
    js: new GoFunc([IFACES], (...a) => jsEscape(evalArgs(a)), v),
    urlquery: new GoFunc([IFACES], (...a) => queryEscape(evalArgs(a)), v),
    index: new GoFunc([REFLECT_VALUE, RVS], index as never, { variadic: true, returnsError: true }),
    slice: new GoFunc([REFLECT_VALUE, RVS], slice as never, { variadic: true, returnsError: true }),
    len: new GoFunc([REFLECT_VALUE], length as never, { returnsError: true }),
    print: new GoFunc([IFACES], (...a) => sprint(a), v),
    printf: new GoFunc(['string', IFACES], (f, ...a) => sprintf(f as string, a), v),
    println: new GoFunc([IFACES], (...a) => sprintln(a), v),
    eq: new GoFunc([REFLECT_VALUE, RVS], eq as never, { variadic: true, returnsError: true }),
    ne: new GoFunc([REFLECT_VALUE, REFLECT_VALUE], ((a: RV, b: RV) => !eq(a, b)) as never, { returnsError: true }),
    lt: new GoFunc([REFLECT_VALUE, REFLECT_VALUE], lt as never, { returnsError: true }),
    le: new GoFunc([REFLECT_VALUE, REFLECT_VALUE], le as never, { returnsError: true }),
    gt: new GoFunc([REFLECT_VALUE, REFLECT_VALUE], ((a: RV, b: RV) => !le(a, b)) as never, { returnsError: true }),
    ge: new GoFunc([REFLECT_VALUE, REFLECT_VALUE], ((a: RV, b: RV) => !lt(a, b)) as never, { returnsError: true }),
  };
}
