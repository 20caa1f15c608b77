/**
 * The two Go printers expr's builtins use: `fmt.Sprintf("%v")` (`string()`) and
 * `json.MarshalIndent(v, "", "  ")` (`toJSON`).
 *
 * Ported from Go 1.19 `src/fmt/print.go` (%v of basic values, slices, maps with sorted keys),
 * `src/strconv/ftoa.go` (shortest `%g`/`%e`/`%f`) and `src/encoding/json/encode.go`
 * (float format, HTML-safe string escaping, sorted keys).
 */
import { GoDuration, GoLocation, GoTime } from './go-time';
import { GoFunc, GoPanic, Int64 } from './values';

/** Shortest decimal digits and exponent of a finite, non-zero float: value = 0.d1d2… × 10^dp. */
function shortestDigits(f: number): { digits: string; dp: number } {
  const [mant, exp] = Math.abs(f).toExponential().split('e');
  const digits = mant.replace('.', '');
  return { digits, dp: Number(exp) + 1 };
}

function fmtE(neg: boolean, digits: string, dp: number): string {
  const exp = dp - 1;
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
  return `${neg ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${e}`;
}

function fmtF(neg: boolean, digits: string, dp: number): string {
  let int: string;
  let frac: string;
  if (dp <= 0) {
    int = '0';
    frac = '0'.repeat(-dp) + digits;
  } else if (dp >= digits.length) {
    int = digits + '0'.repeat(dp - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, dp);
    frac = digits.slice(dp);
  }
  return `${neg ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`;
}

/** `strconv.FormatFloat(f, 'g', -1, 64)`, which `%v` prints. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const { digits, dp } = shortestDigits(f);
  const exp = dp - 1;
  if (exp < -4 || exp >= 6) return fmtE(f < 0, digits, dp);
  return fmtF(f < 0, digits, dp);
}

/** Go's `%v` of a value. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'string') return String(v);
  if (v instanceof Int64) return String(v.value);
  if (typeof v === 'number') return formatFloatV(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(' ')}]`;
  if (v instanceof Uint8Array) return `[${Array.from(v).join(' ')}]`;
  if (v instanceof Map) {
    const keys = sortKeys([...v.keys()]);
    return `map[${keys.map((k) => `${formatValue(k)}:${formatValue(v.get(k))}`).join(' ')}]`;
  }
  if (v instanceof GoTime || v instanceof GoDuration || v instanceof GoLocation) return v.toString();
  if (v instanceof GoFunc) return '0x0';
  return String(v);
}

/** `%v` of a float64: `%g` with the shortest representation, exponent from 1e21 on. */
function formatFloatV(f: number): string {
  return formatFloatG(f);
}

/** fmt's map key order: numbers numerically, strings lexically, mixed kinds by kind. */
function sortKeys(keys: unknown[]): unknown[] {
  const rank = (k: unknown): number => (typeof k === 'bigint' || k instanceof Int64 ? 1 : typeof k === 'number' ? 2 : typeof k === 'string' ? 3 : 4);
  const num = (k: unknown): number => (k instanceof Int64 ? Number(k.value) : Number(k));
  return [...keys].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra <= 2) return num(a) - num(b);
    return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  });
}

/** encoding/json's float format. */
function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new GoPanic(`json: unsupported value: ${formatFloatG(f)}`);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const abs = Math.abs(f);
  const { digits, dp } = shortestDigits(f);
  if (abs < 1e-6 || abs >= 1e21) {
    return fmtE(f < 0, digits, dp).replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return fmtF(f < 0, digits, dp);
}

/** encoding/json's string escaping with HTML escaping on (the default of `json.Marshal`). */
export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/** `json.MarshalIndent(v, "", "  ")`. */
export function marshalIndent(v: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Int64) return String(v.value);
  if (typeof v === 'number') return jsonFloat(v);
  if (typeof v === 'string') return jsonString(v);
  if (v instanceof GoTime) return jsonString(v.formatLayout('2006-01-02T15:04:05.999999999Z07:00'));
  if (v instanceof GoDuration) return String(v.ns);
  if (v instanceof Uint8Array) return jsonString(Buffer.from(v).toString('base64'));
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((e) => inner + marshalIndent(e, inner)).join(',\n')}\n${indent}]`;
  }
  if (v instanceof Map) {
    if ([...v.keys()].some((k) => typeof k !== 'string')) {
      throw new GoPanic('json: unsupported type: map[interface {}][]interface {}');
    }
    if (v.size === 0) return '{}';
    const keys = [...v.keys()].map(String).sort();
    return `{\n${keys.map((k) => `${inner}${jsonString(k)}: ${marshalIndent(v.get(k), inner)}`).join(',\n')}\n${indent}}`;
  }
  if (v instanceof GoFunc) throw new GoPanic(`json: unsupported type: ${v.signature}`);
  if (v instanceof GoLocation) return '{}';
  return 'null';
}
