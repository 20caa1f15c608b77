/**
 * Sprig's string functions. Upstream: github.com/Masterminds/sprig strings.go and functions.go
 * @v3.3.0, github.com/Masterminds/goutils (Abbreviate, Wrap, Initials, SwapCase, …) v1.1.1,
 * github.com/huandu/xstrings convert.go (snakecase, kebabcase; camelcase is ToPascalCase in 3.3.0,
 * xstrings v1.5.0 — Debian's 1.3.3 differs, so the differential test leaves these three out).
 * Go works on UTF-8 bytes: byte-indexed functions (substr, trunc, wrap, initials, nospace) do too.
 */
import { quote as goQuote, formatV, sprint } from '../go-fmt';
import { GoError, GoFunc, GoInt, GoMap, GoSlice, GoValue, compareGoStrings, stringSlice } from '../go-value';
import { strval } from './cast';
import { A, AS, I, S, fn, fromBytes, isLetter, isDigit, isLower, isNumber, isPunct, isSpace, isTitle, isUpper, lower, sliceBytes, toBytes, toLowerRune, toTitleRune, toUpperRune, upper, variadic } from './support';

/** strings.TrimSpace / strings.Trim(s, cutset). */
function trimSet(s: string, pred: (c: string) => boolean): string {
  const cs = [...s];
  let a = 0;
  let b = cs.length;
  while (a < b && pred(cs[a])) a++;
  while (b > a && pred(cs[b - 1])) b--;
  return cs.slice(a, b).join('');
}

export function trimSpace(s: string): string {
  return trimSet(s, isSpace);
}

/** strings.Title: upper-cases the first letter of each word. */
function title(s: string): string {
  const isSeparator = (c: string): boolean => {
    const r = c.codePointAt(0)!;
    if (r <= 0x7f) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_') return false;
      return true;
    }
    if (isLetter(c) || isDigit(c)) return false;
    return isSpace(c);
  };
  let prev = ' ';
  let out = '';
  for (const c of s) {
    out += isSeparator(prev) ? toTitleRune(c) : c;
    prev = c;
  }
  return out;
}

function untitle(s: string): string {
  let next = true;
  let out = '';
  for (const c of s) {
    if (isSpace(c)) {
      next = true;
      out += c;
    } else if (next) {
      out += toLowerRune(c);
      next = false;
    } else {
      out += c;
    }
  }
  return out;
}

function repeat(count: GoInt, s: string): string {
  if (count.value < 0n) throw new GoError('strings: negative Repeat count');
  if (BigInt(s.length) * count.value > 2n ** 28n) throw new GoError('strings: Repeat count causes overflow');
  return s.repeat(Number(count.value));
}

function substr(startI: GoInt, endI: GoInt, s: string): string {
  const start = Number(startI.value);
  const end = Number(endI.value);
  const b = toBytes(s);
  if (start < 0) return fromBytes(sliceBytes(b, undefined, end));
  if (end < 0 || end > b.length) return fromBytes(sliceBytes(b, start, undefined));
  return fromBytes(sliceBytes(b, start, end));
}

function trunc(cI: GoInt, s: string): string {
  const c = Number(cI.value);
  const b = toBytes(s);
  if (c < 0 && b.length + c > 0) return fromBytes(b.slice(b.length + c));
  if (c >= 0 && b.length > c) return fromBytes(b.slice(0, c));
  return s;
}

function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  if (s === '') return '';
  if (maxWidth < 4) throw new GoError('stringutils illegal argument: Minimum abbreviation width is 4');
  const b = toBytes(s);
  if (b.length <= maxWidth) return s;
  if (offset > b.length) offset = b.length;
  if (b.length - offset < maxWidth - 3) offset = b.length - (maxWidth - 3);
  if (offset <= 4) return fromBytes(b.slice(0, maxWidth - 3)) + '...';
  if (maxWidth < 7) throw new GoError('stringutils illegal argument: Minimum abbreviation width with offset is 7');
  if (offset + maxWidth - 3 < b.length) {
    let r: string;
    try {
      r = abbreviateFull(fromBytes(b.slice(offset)), 0, maxWidth - 3);
    } catch {
      r = '';
    }
    return '...' + r;
  }
  return '...' + fromBytes(b.slice(b.length - (maxWidth - 3)));
}

function abbrev(width: GoInt, s: string): string {
  const w = Number(width.value);
  if (w < 4) return s;
  try {
    return abbreviateFull(s, 0, w);
  } catch {
    return '';
  }
}

function abbrevboth(left: GoInt, right: GoInt, s: string): string {
  const l = Number(left.value);
  const r = Number(right.value);
  if (r < 4 || (l > 0 && r < 7)) return s;
  try {
    return abbreviateFull(s, l, r);
  } catch {
    return '';
  }
}

/** goutils.Initials: byte-wise, each byte written back as a rune. */
function initials(s: string): string {
  const b = toBytes(s);
  let out = '';
  let gap = true;
  for (const c of b) {
    if (isSpace(c)) {gap = true;} else if (gap) {
      out += c;
      gap = false;
    }
  }
  return out;
}

/** goutils.DeleteWhiteSpace: byte-wise. */
function nospace(s: string): string {
  const b = toBytes(s);
  let out = '';
  for (const c of b) if (!isSpace(c)) out += c;
  return out.length === b.length ? s : out;
}

/** goutils.WrapCustom, on bytes. */
export function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === '') return '';
  if (newLine === '') newLine = '\n';
  const nl = toBytes(newLine);
  if (wrapLength < 1) wrapLength = 1;
  const str = toBytes(s);
  const len = str.length;
  let offset = 0;
  let out = '';
  while (len - offset > wrapLength) {
    if (str[offset] === ' ') {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    const spaceToWrapAt = sliceBytes(str, offset, end).lastIndexOf(' ') + offset;
    if (spaceToWrapAt >= offset) {
      out += str.slice(offset, spaceToWrapAt) + nl;
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      out += str.slice(offset, wrapLength + offset) + nl;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const index = str.slice(e).indexOf(' ');
      if (index === -1) {
        out += str.slice(offset);
        offset = len;
      } else {
        out += str.slice(offset, index + e) + nl;
        offset = index + e + 1;
      }
    }
  }
  out += str.slice(offset);
  return fromBytes(out);
}

function swapcase(s: string): string {
  let ws = true;
  let out = '';
  for (const c of s) {
    if (isUpper(c) || isTitle(c)) {
      out += toLowerRune(c);
      ws = false;
    } else if (isLower(c)) {
      out += ws ? toTitleRune(c) : toUpperRune(c);
      ws = false;
    } else {
      ws = isSpace(c);
      out += c;
    }
  }
  return out;
}

// xstrings ---------------------------------------------------------------------------------

function isConnector(c: string): boolean {
  return c === '-' || c === '_' || isSpace(c);
}

function isAlphabet(c: string): boolean {
  if (!isLetter(c)) return false;
  const r = c.codePointAt(0)!;
  return !((r >= 0x3400 && r <= 0x4dbf) || (r >= 0x4e00 && r <= 0x9fff) || (r >= 0x20000 && r <= 0x2ebef) || (r >= 0xf900 && r <= 0xfaff));
}

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

function nextWord(str: string[]): [WordType, string[], string[]] {
  if (str.length === 0) return ['invalid', [], []];
  const r = str[0];
  let n = 1;
  let wt: WordType;
  const run = (pred: (c: string) => boolean) => {
    while (n < str.length && pred(str[n])) n++;
  };
  if (r === '\ufffd') {
    return ['invalid', str.slice(0, 1), str.slice(1)];
  } else if (isConnector(r)) {
    wt = 'connector';
    run(isConnector);
  } else if (isPunct(r)) {
    wt = 'punct';
    run(isPunct);
  } else if (isUpper(r)) {
    wt = 'upper';
    if (n < str.length) {
      const r1 = str[n];
      if (isUpper(r1)) {
        n++;
        run(isUpper);
        if (n < str.length && isAlphabet(str[n])) n--;
      } else if (isAlphabet(r1)) {
        n++;
        run((c) => isAlphabet(c) && !isUpper(c));
      }
    }
  } else if (isAlphabet(r)) {
    wt = 'alphabet';
    run((c) => isAlphabet(c) && !isUpper(c));
  } else if (isNumber(r)) {
    wt = 'number';
    run(isNumber);
  } else {
    wt = 'other';
    run((c) => !(isConnector(c) || isAlphabet(c) || isNumber(c) || isPunct(c)));
  }
  return [wt, str.slice(0, n), str.slice(n)];
}

function camelCaseToLowerCase(s: string, connector: string): string {
  if (s === '') return '';
  let buf = '';
  const toLower = (wt: WordType, word: string[]) => {
    if (wt !== 'upper' && wt !== 'connector') {
      buf += word.join('');
      return;
    }
    for (const c of word) buf += isConnector(c) ? connector : isUpper(c) ? toLowerRune(c) : c;
  };
  let [wt, word, remaining] = nextWord([...s]);
  while (remaining.length > 0) {
    if (wt !== 'connector') toLower(wt, word);
    const prev = wt;
    const last = word;
    [wt, word, remaining] = nextWord(remaining);
    switch (prev) {
      case 'number':
        while (wt === 'alphabet' || wt === 'number') {
          toLower(wt, word);
          [wt, word, remaining] = nextWord(remaining);
        }
        if (wt !== 'invalid' && wt !== 'punct' && wt !== 'connector') buf += connector;
        break;
      case 'connector':
        toLower(prev, last);
        break;
      case 'punct':
        break;
      default: {
        if (wt !== 'number') {
          if (wt !== 'connector' && wt !== 'punct') buf += connector;
          break;
        }
        if (remaining.length === 0) break;
        const lastNum = word;
        [wt, word, remaining] = nextWord(remaining);
        if (wt !== 'alphabet') {
          toLower('number', lastNum);
          if (wt !== 'connector' && wt !== 'punct') buf += connector;
          break;
        }
        buf += connector;
        toLower('number', lastNum);
        while (wt === 'alphabet' || wt === 'number') {
          toLower(wt, word);
          [wt, word, remaining] = nextWord(remaining);
        }
        if (wt !== 'invalid' && wt !== 'connector' && wt !== 'punct') buf += connector;
      }
    }
  }
  toLower(wt, word);
  return buf;
}

/** xstrings.ToPascalCase (v1.5.0): connectors dropped, the next rune upper-cased, case kept. */
function toPascalCase(s: string): string {
  const cs = [...s];
  if (cs.length === 0) return '';
  let buf = '';
  let i = 0;
  let r0 = '';
  while (i < cs.length) {
    r0 = cs[i++];
    if (!isConnector(r0)) {
      r0 = toUpperRune(r0);
      break;
    }
    buf += r0;
  }
  if (i >= cs.length) return buf + r0;
  while (i < cs.length) {
    const r1 = r0;
    r0 = cs[i++];
    if (isConnector(r0) && isConnector(r1)) {
      buf += r1;
      continue;
    }
    if (isConnector(r1)) r0 = toUpperRune(r0);
    else buf += r1;
  }
  return buf + r0;
}

// lists of strings -----------------------------------------------------------------------

/** Sprig's strslice (toStrings). */
export function strslice(v: GoValue): GoSlice {
  if (v instanceof GoSlice) {
    if (v.elem === 'string') return v;
    return stringSlice(v.items.filter((x) => x !== null).map(strval));
  }
  if (v === null) return stringSlice([]);
  return stringSlice([strval(v)]);
}

function splitGo(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const cs = [...s];
    if (n > 0 && cs.length > n) return [...cs.slice(0, n - 1), cs.slice(n - 1).join('')];
    return cs;
  }
  const parts = s.split(sep);
  if (n > 0 && parts.length > n) return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
  return parts;
}

function splitMap(parts: string[]): GoMap {
  const m = new GoMap('string');
  parts.forEach((p, i) => m.entries.set(`_${i}`, p));
  return m;
}

function sortAlpha(list: GoValue): GoSlice {
  if (list instanceof GoSlice) return stringSlice([...strslice(list).items as string[]].sort(compareGoStrings));
  return stringSlice([strval(list)]);
}

export function stringFuncs(): Record<string, GoFunc> {
  return {
    trim: fn([S], trimSpace, S),
    trimAll: fn([S, S], (a: string, b: string) => trimSet(b, (c) => a.includes(c)), S),
    trimall: fn([S, S], (a: string, b: string) => trimSet(b, (c) => a.includes(c)), S),
    trimSuffix: fn([S, S], (a: string, b: string) => (a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b), S),
    trimPrefix: fn([S, S], (a: string, b: string) => (b.startsWith(a) ? b.slice(a.length) : b), S),
    upper: fn([S], upper, S),
    lower: fn([S], lower, S),
    title: fn([S], title, S),
    untitle: fn([S], untitle, S),
    substr: fn([I, I, S], substr, S),
    repeat: fn([I, S], repeat, S),
    nospace: fn([S], nospace, S),
    trunc: fn([I, S], trunc, S),
    abbrev: fn([I, S], abbrev, S),
    abbrevboth: fn([I, I, S], abbrevboth, S),
    initials: fn([S], initials, S),
    wrap: fn([I, S], (l: GoInt, s: string) => wrapCustom(s, Number(l.value), '', false), S),
    wrapWith: fn([I, S, S], (l: GoInt, sep: string, s: string) => wrapCustom(s, Number(l.value), sep, true), S),
    contains: fn([S, S], (sub: string, s: string) => s.includes(sub), 'bool'),
    hasPrefix: fn([S, S], (p: string, s: string) => s.startsWith(p), 'bool'),
    hasSuffix: fn([S, S], (p: string, s: string) => s.endsWith(p), 'bool'),
    quote: variadic([AS], (...xs: GoValue[]) => xs.filter((x) => x !== null).map((x) => goQuote(strval(x))).join(' '), S),
    squote: variadic([AS], (...xs: GoValue[]) => xs.filter((x) => x !== null).map((x) => `'${formatV(x)}'`).join(' '), S),
    cat: variadic([AS], (...xs: GoValue[]) => xs.filter((x) => x !== null).map((x) => formatV(x)).join(' '), S),
    indent: fn([I, S], (n: GoInt, s: string) => indent(n, s), S),
    nindent: fn([I, S], (n: GoInt, s: string) => '\n' + indent(n, s), S),
    replace: fn([S, S, S], (o: string, n: string, s: string) => replaceAll(s, o, n), S),
    plural: fn([S, S, I], (one: string, many: string, c: GoInt) => (c.value === 1n ? one : many), S),
    snakecase: fn([S], (s: string) => camelCaseToLowerCase(s, '_'), S),
    kebabcase: fn([S], (s: string) => camelCaseToLowerCase(s, '-'), S),
    camelcase: fn([S], toPascalCase, S),
    swapcase: fn([S], swapcase, S),
    toString: fn([A], strval, S),
    toStrings: fn([A], strslice, '[]string'),
    join: fn([S, A], (sep: string, v: GoValue) => (strslice(v).items as string[]).join(sep), S),
    splitList: fn([S, S], (sep: string, s: string) => stringSlice(splitGo(s, sep)), '[]string'),
    split: fn([S, S], (sep: string, s: string) => splitMap(splitGo(s, sep)), 'map[string]string'),
    splitn: fn([S, I, S], (sep: string, n: GoInt, s: string) => splitMap(splitGo(s, sep, Number(n.value))), 'map[string]string'),
    sortAlpha: fn([A], sortAlpha, '[]string'),
  };
}

function indent(n: GoInt, s: string): string {
  if (n.value < 0n) throw new GoError('strings: negative Repeat count');
  const pad = ' '.repeat(Number(n.value));
  return pad + s.split('\n').join('\n' + pad);
}

/** strings.Replace(s, old, new, -1): an empty `old` inserts between runes. */
export function replaceAll(s: string, old: string, repl: string): string {
  if (old === '') {
    const cs = [...s];
    return repl + cs.map((c) => c + repl).join('');
  }
  return s.split(old).join(repl);
}

export { sprint };
