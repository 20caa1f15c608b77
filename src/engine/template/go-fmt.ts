/**
 * Go's fmt package as templates use it: `print`, `printf`, `println` and the `%v` printing of
 * action results. Ported from go/src/fmt/print.go and format.go (Go 1.19) and strconv/ftoa.go
 * (float formatting: shortest digits for `%v`, correctly rounded, ties to even, for `%e %f %g`).
 * Error forms are Go's: `%!d(float64=3)`, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`.
 */
/* eslint-disable no-bitwise */ // float and integer formatting work on the IEEE 754 bits, as strconv does
import { GoFunc, GoInt, GoMap, GoSlice, GoValue, compareGoStrings, decodeUtf8, typeName, utf8 } from './go-value';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

/** A value that implements fmt.Stringer (its `%v` and `%s` form). */
export interface GoStringer {
  goString(): string;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

class Printer {
  public buf = '';
  public f: Flags = clearFlags();

  public writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero ? '0' : ' ').repeat(n);
  }

  public pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  public truncate(s: string): string {
    if (this.f.precPresent) {
      let n = this.f.prec;
      let i = 0;
      for (const ch of s) {
        n--;
        if (n < 0) return s.slice(0, i);
        i += ch.length;
      }
    }
    return s;
  }

  public fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  public fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(quote(s, this.f.plus));
  }

  public fmtSx(s: string, digits: string): void {
    const b = utf8(s);
    let length = b.length;
    if (this.f.precPresent && this.f.prec < length) length = this.f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.f.space) {
        if (this.f.sharp) width *= 2;
        width += length - 1;
      } else if (this.f.sharp) {
        width += 2;
      }
    } else {
      if (this.f.widPresent) this.writePadding(this.f.wid);
      return;
    }
    if (this.f.widPresent && this.f.wid > width && !this.f.minus) this.writePadding(this.f.wid - width);
    let out = this.f.sharp ? '0' + digits[16] : '';
    for (let i = 0; i < length; i++) {
      if (this.f.space && i > 0) {
        out += ' ';
        if (this.f.sharp) out += '0' + digits[16];
      }
      out += digits[b[i] >> 4] + digits[b[i] & 0xf];
    }
    this.buf += out;
    if (this.f.widPresent && this.f.wid > width && this.f.minus) this.writePadding(this.f.wid - width);
  }

  public fmtInteger(v: bigint, base: number, signed: boolean, verb: string, upper: boolean): void {
    const f = this.f;
    const negative = signed && v < 0n;
    let u = negative ? -v : v;
    if (!signed && u < 0n) u = BigInt.asUintN(64, u);
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.writePadding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (f.plus) digits = '+' + digits;
    else if (f.space) digits = ' ' + digits;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(digits);
    f.zero = oldZero;
  }

  public fmtC(v: bigint): void {
    this.pad(runeString(v));
  }

  public fmtQc(v: bigint): void {
    const r = v > 0x10ffffn || v < 0n ? 0xfffd : Number(v);
    const s = String.fromCodePoint(isSurrogate(r) ? 0xfffd : r);
    if (this.f.sharp && isPrint(r) && s !== "'" && r !== 0xfeff && s !== '`') {
      this.pad(`'${s}'`);
      return;
    }
    this.pad(quoteWith(s, "'", this.f.plus));
  }

  public fmtUnicode(v: bigint): void {
    let s = 'U+' + BigInt.asUintN(64, v).toString(16).toUpperCase().padStart(4, '0');
    if (this.f.precPresent && this.f.prec > 4) {
      s = 'U+' + BigInt.asUintN(64, v).toString(16).toUpperCase().padStart(this.f.prec, '0');
    }
    if (this.f.sharp && v >= 0n && v <= 0x10ffffn && isPrint(Number(v))) s += ` '${String.fromCodePoint(Number(v))}'`;
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  public fmtFloat(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb, prec);
    if (num[0] === '-' || num[0] === '+') {
      // keep sign
    } else {
      num = '+' + num;
    }
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzero = false;
      let body = num;
      for (let i = 1; i < body.length; i++) {
        const c = body[i];
        if (c === '.') {
          hasDecimalPoint = true;
        } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzero = true;
          if (sawNonzero) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      while (digits > 0) {
        body += '0';
        digits--;
      }
      num = body + tail;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  public badVerb(verb: string, v: GoValue, hasArg: boolean): void {
    this.buf += '%!' + verb + '(';
    if (hasArg && v !== null) {
      this.buf += typeName(v) + '=';
      this.printValue(v, 'v', 0);
    } else {
      this.buf += '<nil>';
    }
    this.buf += ')';
  }

  public printArg(arg: GoValue, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null, false);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeName(arg));
      return;
    }
    if (verb === 'p') {
      this.badVerb(verb, arg, true);
      return;
    }
    this.printValue(arg, verb, 0);
  }

  public printValue(v: GoValue, verb: string, depth: number): void {
    if (v === null) {
      // a nil interface inside a container
      if (depth === 0) {
        this.badVerb(verb, null, false);
      } else if (this.f.sharpV) {
        this.buf += 'interface {}(nil)';
      } else {
        this.buf += '<nil>';
      }
      return;
    }
    if (typeof v === 'object' && 'goString' in v) {
      const s = (v as unknown as GoStringer).goString();
      if (verb === 'v' || verb === 's') {
        if (this.f.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      }
      if (verb === 'q') {
        this.fmtQ(s);
        return;
      }
    }
    switch (typeof v) {
      case 'boolean':
        if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
        else this.badVerb(verb, v, true);
        return;
      case 'number':
        switch (verb) {
          case 'v': this.fmtFloat(v, 'g', -1); return;
          case 'b': case 'g': case 'G': case 'x': case 'X': this.fmtFloat(v, verb, -1); return;
          case 'f': case 'e': case 'E': this.fmtFloat(v, verb, 6); return;
          case 'F': this.fmtFloat(v, 'f', 6); return;
          default: this.badVerb(verb, v, true); return;
        }
      case 'string':
        switch (verb) {
          case 'v': if (this.f.sharpV) this.fmtQ(v); else this.fmtS(v); return;
          case 's': this.fmtS(v); return;
          case 'x': this.fmtSx(v, LDIGITS); return;
          case 'X': this.fmtSx(v, UDIGITS); return;
          case 'q': this.fmtQ(v); return;
          default: this.badVerb(verb, v, true); return;
        }
    }
    if (v instanceof GoInt) {
      const signed = !v.unsigned;
      switch (verb) {
        case 'v':
          if (this.f.sharpV && !signed) {
            const sharp = this.f.sharp;
            this.f.sharp = true;
            this.fmtInteger(v.value, 16, false, 'v', false);
            this.f.sharp = sharp;
          } else {
            this.fmtInteger(v.value, 10, signed, verb, false);
          }
          return;
        case 'd': this.fmtInteger(v.value, 10, signed, verb, false); return;
        case 'b': this.fmtInteger(v.value, 2, signed, verb, false); return;
        case 'o': case 'O': this.fmtInteger(v.value, 8, signed, verb, false); return;
        case 'x': this.fmtInteger(v.value, 16, signed, verb, false); return;
        case 'X': this.fmtInteger(v.value, 16, signed, verb, true); return;
        case 'c': this.fmtC(v.value); return;
        case 'q': this.fmtQc(v.value); return;
        case 'U': this.fmtUnicode(v.value); return;
        default: this.badVerb(verb, v, true); return;
      }
    }
    if (v instanceof GoMap) {
      if (this.f.sharpV) {
        this.buf += v.type;
        if (v.isNil) {
          this.buf += '(nil)';
          return;
        }
        this.buf += '{';
      } else {
        this.buf += 'map[';
      }
      v.sortedKeys().forEach((k, i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
        this.printValue(k, verb, depth + 1);
        this.buf += ':';
        this.printValue(v.entries.get(k)!, verb, depth + 1);
      });
      this.buf += this.f.sharpV ? '}' : ']';
      return;
    }
    if (v instanceof GoSlice) {
      if ((verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') && v.elem === 'uint8') {
        const s = decodeUtf8(Buffer.from(v.items.map((b) => Number((b as GoInt).value))));
        this.printValue(s, verb, depth);
        return;
      }
      if (this.f.sharpV) {
        this.buf += v.type;
        if (v.isNil) {
          this.buf += '(nil)';
          return;
        }
        this.buf += '{';
        v.items.forEach((e, i) => {
          if (i > 0) this.buf += ', ';
          this.printValue(e, verb, depth + 1);
        });
        this.buf += '}';
        return;
      }
      this.buf += '[';
      v.items.forEach((e, i) => {
        if (i > 0) this.buf += ' ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += ']';
      return;
    }
    if (v instanceof GoFunc) {
      if (verb === 'v' && depth > 0) this.buf += '0x0';
      else this.badVerb(verb, v, true);
    }
  }
}

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';

function tooLarge(n: number): boolean {
  return n > 1e6 || n < -1e6;
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

function intFromArg(a: readonly GoValue[], argNum: number): [number, boolean, number] {
  let num = 0;
  let isInt = false;
  let newArgNum = argNum;
  if (argNum < a.length) {
    const v = a[argNum];
    if (v instanceof GoInt && v.value >= -(1n << 63n) && v.value < 1n << 63n) {
      num = Number(v.value);
      isInt = true;
    }
    newArgNum = argNum + 1;
    if (tooLarge(num)) {
      num = 0;
      isInt = false;
    }
  }
  return [num, isInt, newArgNum];
}

/** fmt.Sprintf. */
export function sprintf(format: string, a: readonly GoValue[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): [number, number, boolean] => {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    reordered = true;
    const sub = format.slice(i);
    let index = 0;
    let wid = 1;
    let ok = false;
    if (sub.length >= 3) {
      for (let j = 1; j < sub.length; j++) {
        if (sub[j] === ']') {
          const [width, isnum, newi] = parsenum(sub, 1, j);
          if (!isnum || newi !== j) {
            index = 0;
            wid = j + 1;
            ok = false;
          } else {
            index = width - 1;
            wid = j + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < a.length) return [index, i + wid, true];
    goodArgNum = false;
    return [argNum, i + wid, ok];
  };

  let i = 0;
  formatLoop: while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    simple: for (; i < end; i++) {
      const c = format[i];
      switch (c) {
        case '#': p.f.sharp = true; break;
        case '0': p.f.zero = !p.f.minus; break;
        case '+': p.f.plus = true; break;
        case '-': p.f.minus = true; p.f.zero = false; break;
        case ' ': p.f.space = true; break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < a.length) {
            if (c === 'v') {
              p.f.sharpV = p.f.sharp;
              p.f.sharp = false;
              p.f.plusV = p.f.plus;
              p.f.plus = false;
            }
            p.printArg(a[argNum], c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }
    [argNum, i, afterIndex] = argNumber(i);
    if (i < end && format[i] === '*') {
      i++;
      [p.f.wid, p.f.widPresent, argNum] = intFromArg(a, argNum);
      if (!p.f.widPresent) p.buf += '%!(BADWIDTH)';
      if (p.f.wid < 0) {
        p.f.wid = -p.f.wid;
        p.f.minus = true;
        p.f.zero = false;
      }
      afterIndex = false;
    } else {
      [p.f.wid, p.f.widPresent, i] = parsenum(format, i, end);
      if (afterIndex && p.f.widPresent) goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      [argNum, i, afterIndex] = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        [p.f.prec, p.f.precPresent, argNum] = intFromArg(a, argNum);
        if (p.f.prec < 0) {
          p.f.prec = 0;
          p.f.precPresent = false;
        }
        if (!p.f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [p.f.prec, p.f.precPresent, i] = parsenum(format, i, end);
        if (!p.f.precPresent) {
          p.f.prec = 0;
          p.f.precPresent = true;
        }
      }
    }
    if (!afterIndex) [argNum, i, afterIndex] = argNumber(i);
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      p.buf += '%';
    } else if (!goodArgNum) {
      p.buf += `%!${verb}(BADINDEX)`;
    } else if (argNum >= a.length) {
      p.buf += `%!${verb}(MISSING)`;
    } else {
      if (verb === 'v') {
        p.f.sharpV = p.f.sharp;
        p.f.sharp = false;
        p.f.plusV = p.f.plus;
        p.f.plus = false;
      }
      p.printArg(a[argNum], verb);
      argNum++;
    }
  }
  if (!reordered && argNum < a.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    a.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      if (arg === null) {
        p.buf += '<nil>';
      } else {
        p.buf += typeName(arg) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}

/** fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(a: readonly GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  a.forEach((arg, n) => {
    const isString = typeof arg === 'string';
    if (n > 0 && !isString && !prevString) p.buf += ' ';
    p.f = clearFlags();
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: always spaces, then a newline. */
export function sprintln(a: readonly GoValue[]): string {
  const p = new Printer();
  a.forEach((arg, n) => {
    if (n > 0) p.buf += ' ';
    p.f = clearFlags();
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** `%v` of one value. */
export function formatV(v: GoValue): string {
  return sprint([v]);
}

// ---------------------------------------------------------------------------------------------
// strconv

function isSurrogate(r: number): boolean {
  return r >= 0xd800 && r <= 0xdfff;
}

function runeString(v: bigint): string {
  if (v < 0n || v > 0x10ffffn) return '\ufffd';
  const r = Number(v);
  return isSurrogate(r) ? '\ufffd' : String.fromCodePoint(r);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint. */
export function isPrint(r: number): boolean {
  if (r === 0x20) return true;
  if (r < 0x20 || r === 0x7f) return false;
  if (r < 0x7f) return true;
  if (isSurrogate(r) || r > 0x10ffff) return false;
  return PRINTABLE.test(String.fromCodePoint(r));
}

function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r === 0xfffd) return false;
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f || r === 0xfeff) return false;
  }
  return true;
}

/** strconv.Quote (or QuoteToASCII). */
export function quote(s: string, ascii = false): string {
  return quoteWith(s, '"', ascii);
}

function quoteWith(s: string, q: string, ascii: boolean): string {
  let out = q;
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') {
      out += '\\' + ch;
      continue;
    }
    if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) {
      out += ch;
      continue;
    }
    switch (ch) {
      case '\x07': out += '\\a'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\v': out += '\\v'; continue;
    }
    if (r < 0x20 || r === 0x7f) out += '\\x' + r.toString(16).padStart(2, '0');
    else if (isSurrogate(r)) out += '\\ufffd';
    else if (r < 0x10000) out += '\\u' + r.toString(16).padStart(4, '0');
    else out += '\\U' + r.toString(16).padStart(8, '0');
  }
  return out + q;
}

interface Decimal {
  d: string; // digits, no leading or trailing zeros
  dp: number; // decimal point position
}

/** The exact decimal expansion of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  const trimmed = digits.replace(/0+$/, '');
  const lead = trimmed.length - trimmed.replace(/^0+/, '').length;
  return { d: trimmed.slice(lead), dp: dp - lead };
}

/** Rounds to nd digits as strconv's decimal.Round does (exact half: to even). */
function roundDecimal(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  let up: boolean;
  if (a.d[nd] === '5' && nd + 1 === a.d.length) {
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = a.d[nd] >= '5';
  }
  if (!up) {
    return { d: a.d.slice(0, nd).replace(/0+$/, ''), dp: a.d.slice(0, nd).replace(/0+$/, '') === '' ? 0 : a.dp };
  }
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const [mant, e] = x.toExponential().split('e');
  const d = mant.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

function fmtE(neg: boolean, digs: Decimal, prec: number, fmt: string): string {
  let s = neg ? '-' : '';
  s += digs.d.length === 0 ? '0' : digs.d[0];
  if (prec > 0) {
    s += '.';
    let i = 1;
    const m = Math.min(digs.d.length, prec + 1);
    if (i < m) {
      s += digs.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) s += '0';
  }
  s += fmt;
  let exp = digs.dp - 1;
  if (digs.d.length === 0) exp = 0;
  s += exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  s += exp < 10 ? '0' + exp : String(exp);
  return s;
}

function fmtF(neg: boolean, digs: Decimal, prec: number): string {
  let s = neg ? '-' : '';
  if (digs.dp > 0) {
    const m = Math.min(digs.d.length, digs.dp);
    s += digs.d.slice(0, m);
    for (let k = m; k < digs.dp; k++) s += '0';
  } else {
    s += '0';
  }
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = digs.dp + i - 1;
      s += j >= 0 && j < digs.d.length ? digs.d[j] : '0';
    }
  }
  return s;
}

/** strconv.FormatFloat(v, fmt, prec, 64) for fmt in e, E, f, g, G (b, x fall back to %g). */
export function formatFloat(v: number, fmt: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const x = Math.abs(v);
  if (fmt === 'b' || fmt === 'x' || fmt === 'X') return formatFloatBinary(neg, x, fmt, prec);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDecimal(x);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(digs.d.length - 1, 0); break;
      case 'f': prec = Math.max(digs.d.length - digs.dp, 0); break;
      case 'g': case 'G': prec = digs.d.length; break;
    }
  } else {
    const exact = exactDecimal(x);
    switch (fmt) {
      case 'e': case 'E': digs = roundDecimal(exact, prec + 1); break;
      case 'f': digs = roundDecimal(exact, exact.dp + prec); break;
      default:
        if (prec === 0) prec = 1;
        digs = roundDecimal(exact, prec);
    }
    if (exact.d.length > 0 && digs.d.length === 0 && fmt === 'f') digs = { d: '', dp: 0 };
  }
  switch (fmt) {
    case 'e': case 'E': return fmtE(neg, digs, prec, fmt);
    case 'f': return fmtF(neg, digs, prec);
  }
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

/** strconv's %b (mantissa p exponent) and %x/%X (hexadecimal mantissa and binary exponent). */
function formatFloatBinary(neg: boolean, x: number, fmt: string, prec: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  exp += -1023;
  const sign = neg ? '-' : '';
  if (fmt === 'b') {
    const e = exp - 52;
    return `${sign}${mant}p${e >= 0 ? '+' : ''}${e}`;
  }
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = `${sign}0${fmt}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & ((1n << 64n) - 1n);
    }
  }
  out += fmt === 'X' ? 'P' : 'p';
  out += exp < 0 ? '-' : '+';
  const e = Math.abs(exp);
  return out + (e < 10 ? '0' + e : String(e));
}

/** strconv.FormatFloat(f, 'f', -1, 64). */
export function formatFloatPlain(v: number): string {
  return formatFloat(v, 'f', -1);
}

export { compareGoStrings };
