/**
 * spf13/cast conversions as Sprig uses them (toInt, toInt64, toFloat64) and Sprig's `strval`.
 * Upstream: github.com/spf13/cast caste.go (Debian 1.5.0; Sprig 3.3.0 pins 1.7.0, same rules for
 * these functions), github.com/Masterminds/sprig strings.go@v3.3.0 (strval).
 */
import { formatV } from '../go-fmt';
import { GoInt, GoSlice, GoValue, floatToInt64 } from '../go-value';
import { parseGoFloat, parseGoInt } from '../parse';

/** cast's trimZeroDecimal: "1.0" → "1", "1.50" stays. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    switch (s[i - 1]) {
      case '.':
        if (foundZero) return s.slice(0, i - 1);
        break;
      case '0':
        foundZero = true;
        break;
      default:
        return s;
    }
  }
  return s;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = (2n ** 63n) - 1n;

/** cast.ToInt64 (errors give 0). */
export function toInt64(v: GoValue): bigint {
  if (v === null) return 0n;
  switch (typeof v) {
    case 'boolean': return v ? 1n : 0n;
    case 'number': return floatToInt64(v);
    case 'string': {
      const n = parseGoInt(trimZeroDecimal(v));
      return n !== undefined && n >= INT64_MIN && n <= INT64_MAX ? n : 0n;
    }
  }
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  return 0n;
}

/** cast.ToFloat64 (errors give 0). */
export function toFloat64(v: GoValue): number {
  if (v === null) return 0;
  switch (typeof v) {
    case 'boolean': return v ? 1 : 0;
    case 'number': return v;
    case 'string': {
      const f = parseGoFloat(v);
      return f === undefined || (!Number.isFinite(f) && !/inf/i.test(v)) ? 0 : f;
    }
  }
  if (v instanceof GoInt) return Number(v.value);
  return 0;
}

/** Sprig's strval: strings as is, anything else as `%v` prints it. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  // Sprig's strval: `case []byte: return string(v)` (a Secret's value in a notification template).
  if (v instanceof GoSlice && v.elem === 'uint8') {
    return Buffer.from(v.items.map((b) => Number((b as GoInt).value))).toString('utf8');
  }
  return formatV(v);
}
