/**
 * Go's `time.Time`, `time.Duration` and `*time.Location`, as far as notification triggers use them.
 *
 * Ported from Go 1.19 `src/time/time.go` (Add, Sub, Duration.String and friends), `format.go`
 * (Format, Parse with the standard layout chunks) and `zoneinfo.go` (UTC and fixed zones only: the
 * offline engine has no tz database, so a named zone other than UTC is refused).
 */

const NANOS_PER_SECOND = 1_000_000_000n;
const MIN_DURATION = -(2n ** 63n);
const MAX_DURATION = 2n ** 63n - 1n;
/** Seconds from 0001-01-01 to 1970-01-01, Go's zero Time in Unix seconds. */
const ZERO_TIME_UNIX = -62135596800;

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A time zone: UTC or a fixed offset east of UTC (Go's `time.FixedZone`). */
export class GoLocation {
  public static readonly UTC = new GoLocation('UTC', 0);

  public constructor(public readonly name: string, public readonly offset: number) {}

  public toString(): string {
    return this.name;
  }
}

/** A `time.Duration`: signed nanoseconds in 64 bits. */
export class GoDuration {
  public constructor(public readonly ns: bigint) {}

  public hours(): number {
    return Number(this.ns / 3_600_000_000_000n) + Number(this.ns % 3_600_000_000_000n) / 3.6e12;
  }

  public minutes(): number {
    return Number(this.ns / 60_000_000_000n) + Number(this.ns % 60_000_000_000n) / 6e10;
  }

  public seconds(): number {
    return Number(this.ns / NANOS_PER_SECOND) + Number(this.ns % NANOS_PER_SECOND) / 1e9;
  }

  /** Go's `Duration.String`, like `1h2m3.5s`, `1.5µs`, `0s`. */
  public toString(): string {
    if (this.ns === 0n) return '0s';
    const neg = this.ns < 0n;
    let u = neg ? -this.ns : this.ns;
    let out = '';
    if (u < NANOS_PER_SECOND) {
      let prec = 0;
      let unit = 'ns';
      if (u >= 1_000_000n) {
        prec = 6;
        unit = 'ms';
      } else if (u >= 1000n) {
        prec = 3;
        unit = 'µs';
      }
      const [frac, rest] = fmtFrac(u, prec);
      out = `${rest}${frac}${unit}`;
    } else {
      const [frac, rest] = fmtFrac(u, 9);
      u = rest;
      out = `${u % 60n}${frac}s`;
      u /= 60n;
      if (u > 0n) {
        out = `${u % 60n}m${out}`;
        u /= 60n;
        if (u > 0n) out = `${u}h${out}`;
      }
    }
    return neg ? `-${out}` : out;
  }
}

/** The fraction of `v / 10^prec` without trailing zeros (with its dot), and the integer part. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let printed = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    printed = printed || digit !== 0n;
    if (printed) digits = `${digit}${digits}`;
    v /= 10n;
  }
  return [printed ? `.${digits}` : '', v];
}

/** Saturating conversion to a Duration, as `Time.Sub` does. */
function saturate(ns: bigint): bigint {
  return ns > MAX_DURATION ? MAX_DURATION : ns < MIN_DURATION ? MIN_DURATION : ns;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** The clock fields of a Time in its location. */
interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  yday: number;
}

/** A `time.Time`: an instant with nanosecond precision and the location it is shown in. */
export class GoTime {
  /** Go's zero Time (`time.Time{}`), 0001-01-01 00:00:00 UTC. */
  public static zero(): GoTime {
    return new GoTime(ZERO_TIME_UNIX, 0, GoLocation.UTC);
  }

  public static fromDate(date: Date): GoTime {
    const ms = date.getTime();
    return new GoTime(Math.floor(ms / 1000), (((ms % 1000) + 1000) % 1000) * 1_000_000, GoLocation.UTC);
  }

  /** Builds a Time from civil fields interpreted in `loc`. */
  public static fromCivil(
    year: number, month: number, day: number, hour: number, minute: number, second: number, nsec: number, loc: GoLocation,
  ): GoTime {
    const days = daysFromCivil(year, month, day);
    return new GoTime(days * 86400 + hour * 3600 + minute * 60 + second - loc.offset, nsec, loc);
  }

  /** `sec` is Unix seconds, `nsec` 0 ≤ nsec < 1e9. */
  public constructor(public readonly sec: number, public readonly nsec: number, public readonly loc: GoLocation) {}

  public unixNano(): bigint {
    return BigInt(this.sec) * NANOS_PER_SECOND + BigInt(this.nsec);
  }

  public add(d: GoDuration): GoTime {
    const total = BigInt(this.nsec) + d.ns;
    const carry = total >= 0n ? total / NANOS_PER_SECOND : (total - NANOS_PER_SECOND + 1n) / NANOS_PER_SECOND;
    return new GoTime(this.sec + Number(carry), Number(total - carry * NANOS_PER_SECOND), this.loc);
  }

  public sub(u: GoTime): GoDuration {
    return new GoDuration(saturate(this.unixNano() - u.unixNano()));
  }

  public before(u: GoTime): boolean {
    return this.sec < u.sec || (this.sec === u.sec && this.nsec < u.nsec);
  }

  public after(u: GoTime): boolean {
    return u.before(this);
  }

  public equal(u: GoTime): boolean {
    return this.sec === u.sec && this.nsec === u.nsec;
  }

  public isZero(): boolean {
    return this.sec === ZERO_TIME_UNIX && this.nsec === 0;
  }

  public in(loc: GoLocation): GoTime {
    return new GoTime(this.sec, this.nsec, loc);
  }

  public civil(): Civil {
    const local = this.sec + this.loc.offset;
    const days = Math.floor(local / 86400);
    const secs = local - days * 86400;
    const [year, month, day] = civilFromDays(days);
    return {
      year,
      month,
      day,
      hour: Math.floor(secs / 3600),
      minute: Math.floor((secs % 3600) / 60),
      second: secs % 60,
      weekday: (((days + 4) % 7) + 7) % 7,
      yday: days - daysFromCivil(year, 1, 1) + 1,
    };
  }

  /** Go's `Time.String`: `2006-01-02 15:04:05.999999999 -0700 MST`. */
  public toString(): string {
    return this.formatLayout('2006-01-02 15:04:05.999999999 -0700 MST');
  }

  /** Go's `Time.Format` with a reference-time layout. */
  public formatLayout(layout: string): string {
    const c = this.civil();
    let out = '';
    let rest = layout;
    while (rest !== '') {
      const chunk = nextStdChunk(rest);
      out += chunk.prefix;
      rest = chunk.suffix;
      if (chunk.std === undefined) break;
      out += this.formatChunk(chunk.std, c);
    }
    return out;
  }

  private formatChunk(std: string, c: Civil): string {
    const offset = this.loc.offset;
    const zoneOffset = (withColon: boolean, withSeconds: boolean, hoursOnly: boolean): string => {
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      let s = `${sign}${pad(Math.floor(abs / 3600), 2)}`;
      if (!hoursOnly) s += `${withColon ? ':' : ''}${pad(Math.floor((abs % 3600) / 60), 2)}`;
      if (withSeconds) s += `${withColon ? ':' : ''}${pad(abs % 60, 2)}`;
      return s;
    };
    switch (std) {
      case '2006': return pad(c.year, 4);
      case '06': return pad(((c.year % 100) + 100) % 100, 2);
      case 'January': return LONG_MONTHS[c.month - 1];
      case 'Jan': return LONG_MONTHS[c.month - 1].slice(0, 3);
      case '01': return pad(c.month, 2);
      case '1': return String(c.month);
      case 'Monday': return LONG_DAYS[c.weekday];
      case 'Mon': return LONG_DAYS[c.weekday].slice(0, 3);
      case '02': return pad(c.day, 2);
      case '_2': return String(c.day).padStart(2, ' ');
      case '2': return String(c.day);
      case '002': return pad(c.yday, 3);
      case '__2': return String(c.yday).padStart(3, ' ');
      case '15': return pad(c.hour, 2);
      case '03': return pad(c.hour % 12 === 0 ? 12 : c.hour % 12, 2);
      case '3': return String(c.hour % 12 === 0 ? 12 : c.hour % 12);
      case '04': return pad(c.minute, 2);
      case '4': return String(c.minute);
      case '05': return pad(c.second, 2);
      case '5': return String(c.second);
      case 'PM': return c.hour >= 12 ? 'PM' : 'AM';
      case 'pm': return c.hour >= 12 ? 'pm' : 'am';
      case 'MST':
        if (this.loc.name !== '') return this.loc.name;
        return zoneOffset(false, false, false);
      case 'Z07:00': case 'Z0700': case 'Z07': case 'Z07:00:00': case 'Z070000':
        return offset === 0 ? 'Z' : this.formatChunk(`-${std.slice(1)}`, c);
      case '-07:00': case '-0700': case '-07': case '-07:00:00': case '-070000': {
        const colon = std.includes(':');
        const hoursOnly = std.endsWith('07');
        const seconds = std.length >= 7 && !colon ? std.endsWith('0000') && std.length === 7 : std.endsWith(':00:00');
        return zoneOffset(colon, seconds, hoursOnly);
      }
      default:
        if (/^[.,][09]+$/.test(std)) {
          const digits = pad(this.nsec, 9).slice(0, std.length - 1);
          if (std[1] === '0') return `${std[0]}${digits}`;
          const trimmed = digits.replace(/0+$/, '');
          return trimmed === '' ? '' : `${std[0]}${trimmed}`;
        }
        return std;
    }
  }
}

interface Chunk {
  prefix: string;
  std?: string;
  suffix: string;
}

const STD_CHUNKS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST',
  '01', '02', '03', '04', '05', '06', '002',
  '15', '2006', 'Z070000', 'Z07:00:00', 'Z07:00', 'Z0700', 'Z07',
  '-070000', '-07:00:00', '-07:00', '-0700', '-07',
  '__2', '_2', 'PM', 'pm', '1', '2', '3', '4', '5',
];

/** Go's `nextStdChunk`: splits a layout at its first reference-time element. */
function nextStdChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    const ch = layout[i];
    if ((ch === '.' || ch === ',') && i + 1 < layout.length && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const digit = layout[i + 1];
      let j = i + 1;
      while (j < layout.length && layout[j] === digit) j++;
      if (!isDigit(layout, j)) return { prefix: layout.slice(0, i), std: layout.slice(i, j), suffix: layout.slice(j) };
    }
    for (const std of STD_CHUNKS) {
      if (!rest.startsWith(std)) continue;
      if ((std === 'Jan' || std === 'Mon' || std === 'MST') && /^[a-z]/.test(rest.slice(3))) continue;
      return { prefix: layout.slice(0, i), std, suffix: layout.slice(i + std.length) };
    }
  }
  return { prefix: layout, suffix: '' };
}

function isDigit(s: string, i: number): boolean {
  return i < s.length && s[i] >= '0' && s[i] <= '9';
}

/** A Go `*time.ParseError` message. */
export class GoTimeParseError extends Error {}

function quote(s: string): string {
  return JSON.stringify(s);
}

/**
 * Go's `time.Parse(layout, value)` (or `ParseInLocation` with `loc`): the layout's elements are
 * read from `value`; a zone offset that is not UTC becomes a fixed zone.
 */
export function parseTime(layout: string, value: string, loc: GoLocation = GoLocation.UTC): GoTime {
  const alayout = layout;
  const avalue = value;
  let year = 1;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let pmSet = false;
  let amSet = false;
  let zoneOffset: number | undefined;
  let zoneName = '';
  const fail = (elem: string, val: string, message = ''): never => {
    throw new GoTimeParseError(message !== ''
      ? `parsing time ${quote(avalue)}${message}`
      : `parsing time ${quote(avalue)} as ${quote(alayout)}: cannot parse ${quote(val)} as ${quote(elem)}`);
  };
  const getNum = (s: string, fixed: boolean, maxDigits = 2): [number, string] | undefined => {
    if (!isDigit(s, 0)) return undefined;
    if (!isDigit(s, 1) || maxDigits === 1) {
      if (fixed) return undefined;
      return [Number(s[0]), s.slice(1)];
    }
    if (maxDigits === 3) {
      if (!isDigit(s, 2)) return fixed ? undefined : [Number(s.slice(0, 2)), s.slice(2)];
      return [Number(s.slice(0, 3)), s.slice(3)];
    }
    return [Number(s.slice(0, 2)), s.slice(2)];
  };
  for (;;) {
    const chunk = nextStdChunk(layout);
    const stdstr = chunk.std ?? '';
    if (!value.startsWith(chunk.prefix)) fail(chunk.prefix, value);
    value = value.slice(chunk.prefix.length);
    if (chunk.std === undefined) {
      if (value.length !== 0) fail('', value, `: extra text: ${quote(value)}`);
      break;
    }
    layout = chunk.suffix;
    const hold = value;
    let ok = true;
    const num = (fixed: boolean, lo: number, hi: number, digits = 2): number => {
      const r = getNum(value, fixed, digits);
      if (r === undefined) {
        ok = false;
        return 0;
      }
      if (r[0] < lo || r[0] > hi) {
        fail(stdstr, hold, `: ${rangeName(stdstr)} out of range`);
      }
      value = r[1];
      return r[0];
    };
    switch (stdstr) {
      case '2006':
        if (value.length < 4 || !/^\d{4}/.test(value)) {
          ok = false;
          break;
        }
        year = Number(value.slice(0, 4));
        value = value.slice(4);
        break;
      case '06':
        if (!/^\d{2}/.test(value)) {
          ok = false;
          break;
        }
        year = Number(value.slice(0, 2));
        year += year >= 69 ? 1900 : 2000;
        value = value.slice(2);
        break;
      case 'January': case 'Jan': {
        const names = stdstr === 'January' ? LONG_MONTHS : LONG_MONTHS.map((m) => m.slice(0, 3));
        const idx = names.findIndex((n) => value.toLowerCase().startsWith(n.toLowerCase()));
        if (idx < 0) {
          ok = false;
          break;
        }
        month = idx + 1;
        value = value.slice(names[idx].length);
        break;
      }
      case 'Monday': case 'Mon': {
        const names = stdstr === 'Monday' ? LONG_DAYS : LONG_DAYS.map((m) => m.slice(0, 3));
        const idx = names.findIndex((n) => value.toLowerCase().startsWith(n.toLowerCase()));
        if (idx < 0) {
          ok = false;
          break;
        }
        value = value.slice(names[idx].length);
        break;
      }
      case '01': case '1':
        month = num(stdstr === '01', 1, 12);
        break;
      case '02': case '_2': case '2':
        if (stdstr === '_2' && value[0] === ' ') value = value.slice(1);
        day = num(stdstr === '02', 1, 31);
        break;
      case '002': case '__2':
        if (stdstr === '__2') value = value.replace(/^ {1,2}/, '');
        yday = num(stdstr === '002', 1, 366, 3);
        break;
      case '15':
        hour = num(false, 0, 23);
        break;
      case '03': case '3':
        hour = num(stdstr === '03', 0, 12);
        break;
      case '04': case '4':
        min = num(stdstr === '04', 0, 59);
        break;
      case '05': case '5': {
        sec = num(stdstr === '05', 0, 59);
        if (!ok) break;
        // A fractional second in the value after a plain seconds element is accepted.
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigit(value, 1)) {
          const next = nextStdChunk(layout);
          if (next.std !== undefined && /^[.,][09]+$/.test(next.std) && next.prefix === '') break;
          let n = 1;
          while (isDigit(value, n)) n++;
          nsec = fracNanos(value.slice(1, n));
          value = value.slice(n);
        }
        break;
      }
      case 'PM': case 'pm': {
        const p = value.slice(0, 2);
        if (p.toUpperCase() === 'PM') pmSet = true;
        else if (p.toUpperCase() === 'AM') amSet = true;
        else ok = false;
        if (ok) value = value.slice(2);
        break;
      }
      case 'MST': {
        const m = /^(UTC|GMT|[A-Z]{3,5})/.exec(value);
        if (!m) {
          ok = false;
          break;
        }
        zoneName = m[1];
        value = value.slice(m[1].length);
        break;
      }
      default:
        if (/^[-Z]07/.test(stdstr)) {
          if (stdstr[0] === 'Z' && value[0] === 'Z') {
            value = value.slice(1);
            zoneOffset = 0;
            zoneName = 'UTC';
            break;
          }
          const colon = stdstr.includes(':');
          const re = stdstr.endsWith('07') ? /^([+-])(\d\d)/
            : colon ? (stdstr.length > 6 ? /^([+-])(\d\d):(\d\d):(\d\d)/ : /^([+-])(\d\d):(\d\d)/)
              : (stdstr.length > 5 ? /^([+-])(\d\d)(\d\d)(\d\d)/ : /^([+-])(\d\d)(\d\d)/);
          const m = re.exec(value);
          if (!m) {
            ok = false;
            break;
          }
          const off = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
          zoneOffset = m[1] === '-' ? -off : off;
          value = value.slice(m[0].length);
          break;
        }
        if (/^[.,][09]+$/.test(stdstr)) {
          const n = stdstr.length - 1;
          if (stdstr[1] === '0') {
            if (value.length < stdstr.length || (value[0] !== '.' && value[0] !== ',') || !/^\d+$/.test(value.slice(1, stdstr.length))) {
              ok = false;
              break;
            }
            nsec = fracNanos(value.slice(1, n + 1));
            value = value.slice(n + 1);
          } else {
            if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !isDigit(value, 1)) break;
            let i = 1;
            while (i < 10 && isDigit(value, i)) i++;
            nsec = fracNanos(value.slice(1, i));
            value = value.slice(i);
          }
        }
    }
    if (!ok) fail(stdstr, hold);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;
  if (yday >= 0) {
    const leap = isLeap(year);
    if (yday > (leap ? 366 : 365)) fail('', '', ': day-of-year out of range');
    if (month < 0) {
      const d = daysFromCivil(year, 1, 1) + yday - 1;
      const [, m, dd] = civilFromDays(d);
      month = m;
      day = dd;
    }
  }
  if (month < 0) month = 1;
  if (day < 0) day = 1;
  const monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day > monthDays[month - 1]) fail('', '', ': day out of range');
  if (zoneOffset !== undefined) {
    const t = GoTime.fromCivil(year, month, day, hour, min, sec, nsec, new GoLocation('', zoneOffset));
    if (zoneOffset === 0 && (zoneName === 'UTC' || loc === GoLocation.UTC)) return t.in(GoLocation.UTC);
    if (zoneOffset === loc.offset && loc !== GoLocation.UTC) return t.in(loc);
    return t.in(new GoLocation('', zoneOffset));
  }
  if (zoneName !== '') {
    const t = GoTime.fromCivil(year, month, day, hour, min, sec, nsec, GoLocation.UTC);
    if (zoneName === 'UTC' || zoneName === 'GMT') return t.in(new GoLocation(zoneName, 0));
    return t.in(new GoLocation(zoneName, 0));
  }
  return GoTime.fromCivil(year, month, day, hour, min, sec, nsec, loc);
}

function fracNanos(digits: string): number {
  return Number(digits.slice(0, 9).padEnd(9, '0'));
}

function rangeName(std: string): string {
  if (std === '01' || std === '1') return 'month';
  if (std === '02' || std === '_2' || std === '2') return 'day';
  if (std === '002' || std === '__2') return 'day-of-year';
  if (std === '15' || std === '03' || std === '3') return 'hour';
  if (std === '04' || std === '4') return 'minute';
  return 'second';
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: NANOS_PER_SECOND,
  m: 60n * NANOS_PER_SECOND,
  h: 3600n * NANOS_PER_SECOND,
};

/** Go's `time.ParseDuration` (`duration()` builtin). */
export function parseDuration(text: string): GoDuration {
  const orig = text;
  const bad = (): never => {
    throw new GoTimeParseError(`time: invalid duration ${goQuoteDuration(orig)}`);
  };
  let s = text;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return new GoDuration(0n);
  if (s === '') bad();
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) bad();
    s = s.slice(m![0].length);
    const u = /^[^\d.]+/.exec(s);
    if (!u) throw new GoTimeParseError(`time: missing unit in duration ${goQuoteDuration(orig)}`);
    const unit = UNITS[u[0]];
    if (unit === undefined) throw new GoTimeParseError(`time: unknown unit ${goQuoteDuration(u[0])} in duration ${goQuoteDuration(orig)}`);
    s = s.slice(u[0].length);
    let v = BigInt(m![1] === '' ? '0' : m![1]) * unit;
    const frac = m![2] ?? '';
    if (frac !== '') {
      let scale = 1n;
      let f = 0n;
      for (const d of frac.slice(0, 18)) {
        f = f * 10n + BigInt(d);
        scale *= 10n;
      }
      v += (f * unit) / scale;
    }
    total += v;
    if (total > MAX_DURATION + (neg ? 1n : 0n)) bad();
  }
  return new GoDuration(BigInt.asIntN(64, neg ? -total : total));
}

function goQuoteDuration(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const LAYOUTS: Record<string, string> = {
  Layout: '01/02 03:04:05PM \'06 -0700',
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
  Kitchen: '3:04PM',
  Stamp: 'Jan _2 15:04:05',
  StampMilli: 'Jan _2 15:04:05.000',
  StampMicro: 'Jan _2 15:04:05.000000',
  StampNano: 'Jan _2 15:04:05.000000000',
};
