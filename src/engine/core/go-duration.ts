/**
 * Go `time.Duration` strings: parse as `time.ParseDuration` does and format as
 * `Duration.String()` does (`1h0m0s`, `3m0s`, `1.5s`, `500ms`).
 * Source: go/src/time/format.go (`ParseDuration`), go/src/time/time.go (`Duration.String`).
 */

const UNITS_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5
  μs: 1e3, // U+03BC
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Parses a Go duration string (`300ms`, `-1.5h`, `2h45m`) into nanoseconds, or returns undefined
 * when `time.ParseDuration` would fail. Like Go, `0` needs no unit and every other number does.
 */
export function parseGoDuration(value: string): number | undefined {
  let s = value;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const re = /^(\d*)(\.\d*)?(ns|us|µs|μs|ms|s|m|h)/;
  while (s.length > 0) {
    const m = re.exec(s);
    if (!m) return undefined;
    const intPart = m[1];
    const frac = m[2] ?? '';
    if (intPart === '' && (frac === '' || frac === '.')) return undefined;
    const n = Number((intPart || '0') + (frac === '.' ? '' : frac));
    total += n * UNITS_NS[m[3]];
    s = s.slice(m[0].length);
  }
  if (total > 9223372036854775807) return undefined;
  return sign * total;
}

/** Whether `time.ParseDuration` accepts the string. */
export function isGoDuration(value: string): boolean {
  return parseGoDuration(value) !== undefined;
}

function fmtFrac(v: number, prec: number): string {
  // v is an integer count of the smallest unit; print v / 10^prec without trailing zeros
  const s = String(v).padStart(prec + 1, '0');
  const int = s.slice(0, s.length - prec);
  const frac = s.slice(s.length - prec).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/**
 * Formats milliseconds as a Go duration string that `time.ParseDuration` reads back exactly, in
 * the compact form Argo CD's docs use: zero components are left out (`1h`, `3m`, `1h30m`, `90s` is
 * `1m30s`, `1.5s`, `250ms`, `0s`). Go's own `Duration.String()` would print `1h0m0s`; both parse
 * to the same value.
 */
export function formatGoDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) throw new Error(`duration must be finite, got ${milliseconds}`);
  const neg = milliseconds < 0;
  const ns = Math.round(Math.abs(milliseconds) * 1e6);
  let out: string;
  if (ns === 0) {
    out = '0s';
  } else if (ns < 1e9) {
    if (ns < 1e3) out = `${ns}ns`;
    else if (ns < 1e6) out = `${fmtFrac(ns, 3)}us`;
    else out = `${fmtFrac(ns, 6)}ms`;
  } else {
    const totalSeconds = Math.floor(ns / 1e9);
    const fracNs = ns - totalSeconds * 1e9;
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const sec = totalSeconds % 60;
    out = '';
    if (h > 0) out += `${h}h`;
    if (m > 0) out += `${m}m`;
    if (sec > 0 || fracNs > 0) out += fmtFrac(sec * 1e9 + fracNs, 9) + 's';
  }
  return neg ? `-${out}` : out;
}
