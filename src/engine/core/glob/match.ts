/**
 * The match package of github.com/gobwas/glob v0.2.3: the Matcher contract (match/match.go) and
 * one class per match/*.go file, in one module (the port loads on the first project pattern a
 * validation meets, and twenty modules took longer to load than to run).
 *
 * `match` decides a whole string. `index` finds the first byte offset where the matcher can start
 * in `s` and the byte lengths it can cover from there ("segments", ascending), or index -1. `len`
 * is the fixed length in runes, or -1 when it varies. Lengths and offsets are those of Go strings
 * (UTF-8 bytes); several matchers mix the two units, and the port keeps that.
 */
import { decodeRune, equal, forEachRune, GoString, goString, hasPrefix, hasSuffix, index as indexBytes, indexAnyRunes, lastIndex, lastIndexAnyRunes, runeCount, runeLen, runeStarts, slice } from './go-string';

/** An empty Go string. */
const EMPTY = new Uint8Array(0);

/** The result of `Matcher.index`: a start offset (-1: none) and the lengths matched from it. */
export type IndexResult = readonly [index: number, segments: readonly number[]];

/** A compiled glob part. */
export interface Matcher {
  match(s: GoString): boolean;
  /**
   * `match(goString(text))` for a text of ASCII characters only, on the JS string (no bytes to
   * build). Only matchers whose answer reads no byte offsets have it: for an ASCII text, a byte of
   * the text equals a byte of the pattern's encoding exactly when the characters are equal (a
   * non-ASCII character of the pattern, even a lone surrogate, is bytes of 0x80 and above).
   */
  matchAscii?(text: string): boolean;
  index(s: GoString): IndexResult;
  len(): number;
  /** gobwas's String() form, for debugging and tests. */
  toString(): string;
}

/** No match found by `index`. */
export const NOT_FOUND: IndexResult = [-1, []];

/** match.appendMerge: the sorted union of two sorted, duplicate-free segment lists. */
export function appendMerge(target: readonly number[], sub: readonly number[]): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < target.length || y < sub.length) {
    if (x >= target.length) {
      out.push(...sub.slice(y));
      break;
    }
    if (y >= sub.length) {
      out.push(...target.slice(x));
      break;
    }
    if (target[x] === sub[y]) {
      out.push(target[x]);
      x++;
      y++;
    } else if (target[x] < sub[y]) {
      out.push(target[x++]);
    } else {
      out.push(sub[y++]);
    }
  }
  return out;
}

/** The string form of a rune list (Go's `string([]rune)`). */
export function runesText(runes: readonly number[]): string {
  return String.fromCodePoint(...runes);
}

/** match/any_of.go of gobwas/glob v0.2.3: `{a,b}` alternatives. */
export class AnyOf implements Matcher {
  constructor(public readonly matchers: readonly Matcher[]) {}

  public match(s: GoString): boolean {
    return this.matchers.some((m) => m.match(s));
  }

  /** The earliest start of any alternative, with the merged lengths of those starting there. */
  public index(s: GoString): IndexResult {
    let index = -1;
    let segments: number[] = [];
    for (const m of this.matchers) {
      const [idx, seg] = m.index(s);
      if (idx === -1) continue;
      if (index === -1 || idx < index) {
        index = idx;
        segments = [...seg];
        continue;
      }
      if (idx > index) continue;
      segments = appendMerge(segments, seg);
    }
    return index === -1 ? NOT_FOUND : [index, segments];
  }

  /**
   * Upstream's length check restarts while the length so far is -1, so a variable-length first
   * alternative is skipped: `{*,ab}` reports length 2. The compiler relies on it, so it stays.
   */
  public len(): number {
    let l = -1;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l === -1) {
        l = ml;
        continue;
      }
      if (ml === -1 || l !== ml) return -1;
    }
    return l;
  }

  public toString(): string {
    return `<any_of:[${this.matchers.map(String).join(',')}]>`;
  }
}

/** match/any.go of gobwas/glob v0.2.3: `*`, any run of characters without a separator. */
export class Any implements Matcher {
  constructor(public readonly separators: readonly number[]) {}

  public match(s: GoString): boolean {
    return indexAnyRunes(s, this.separators) === -1;
  }

  public matchAscii(text: string): boolean {
    // Only an ASCII separator can occur in an ASCII text (RuneError finds no invalid byte in it).
    for (const r of this.separators) {
      if (r >= 0 && r < 0x80 && text.includes(String.fromCharCode(r))) return false;
    }
    return true;
  }

  /** Every prefix up to the separator found first (in separator order, not text order). */
  public index(s: GoString): IndexResult {
    const found = indexAnyRunes(s, this.separators);
    if (found === 0) return [0, [0]];
    const sub = found > 0 ? slice(s, 0, found) : s;
    return [0, [...runeStarts(sub), sub.length]];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<any:![${runesText(this.separators)}]>`;
  }
}

/**
 * match/btree.go of gobwas/glob v0.2.3: a fixed-length value matcher with the parts left and right
 * of it. Its lengths are rune counts but are applied to byte offsets (upstream's own shortcut), and
 * they are computed once, before the compiler optimizes the branches.
 */
export class BTree implements Matcher {
  /** match.NewBTree: the tree with its lengths taken from the parts as given. */
  public static create(value: Matcher, left: Matcher | undefined, right: Matcher | undefined): BTree {
    const valueLength = value.len();
    const leftLength = left ? left.len() : 0;
    const rightLength = right ? right.len() : 0;
    const lengthOk = valueLength !== -1 && leftLength !== -1 && rightLength !== -1;
    return new BTree(value, left, right, valueLength, leftLength, rightLength,
      lengthOk ? leftLength + valueLength + rightLength : -1);
  }

  constructor(
    public readonly value: Matcher,
    public readonly left: Matcher | undefined,
    public readonly right: Matcher | undefined,
    public readonly valueLengthRunes: number,
    public readonly leftLengthRunes: number,
    public readonly rightLengthRunes: number,
    public readonly lengthRunes: number,
  ) {}

  /** The same tree with other branches but the lengths computed before (optimizeMatcher). */
  public withBranches(left: Matcher | undefined, right: Matcher | undefined): BTree {
    return new BTree(this.value, left, right, this.valueLengthRunes, this.leftLengthRunes,
      this.rightLengthRunes, this.lengthRunes);
  }

  public len(): number {
    return this.lengthRunes;
  }

  /** Upstream leaves BTree.Index unimplemented: it never finds anything. */
  public index(_s: GoString): IndexResult {
    return NOT_FOUND;
  }

  public match(s: GoString): boolean {
    const inputLen = s.length;
    let [offset, limit] = this.offsetLimit(inputLen);
    while (offset < limit) {
      const [index, segments] = this.value.index(slice(s, offset, limit));
      if (index === -1) return false;
      const l = slice(s, 0, offset + index);
      const left = this.left ? this.left.match(l) : l.length === 0;
      if (left) {
        for (let i = segments.length - 1; i >= 0; i--) {
          const length = segments[i];
          const r = inputLen <= offset + index + length ? EMPTY : slice(s, offset + index + length);
          const right = this.right ? this.right.match(r) : equal(r, EMPTY);
          if (right) return true;
        }
      }
      const [, step] = decodeRune(slice(s, offset + index));
      offset += index + step;
    }
    return false;
  }

  public toString(): string {
    const l = this.left ? this.left.toString() : '<nil>';
    const r = this.right ? this.right.toString() : '<nil>';
    return `<btree:[${l}<-${this.value}->${r}]>`;
  }

  private offsetLimit(inputLen: number): [number, number] {
    if (this.lengthRunes !== -1 && this.lengthRunes > inputLen) return [0, 0];
    const offset = this.leftLengthRunes >= 0 ? this.leftLengthRunes : 0;
    const limit = this.rightLengthRunes >= 0 ? inputLen - this.rightLengthRunes : inputLen;
    return [offset, limit];
  }
}

/** match/contains.go of gobwas/glob v0.2.3: text anywhere (`**x**`), or nowhere when `not`. */
export class Contains implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly needle: string, public readonly not: boolean) {
    this.bytes = goString(needle);
  }

  public match(s: GoString): boolean {
    return (indexBytes(s, this.bytes) !== -1) !== this.not;
  }

  public matchAscii(text: string): boolean {
    return text.includes(this.needle) !== this.not;
  }

  public index(s: GoString): IndexResult {
    let offset = 0;
    let sub = s;
    const idx = indexBytes(s, this.bytes);
    if (!this.not) {
      if (idx === -1) return NOT_FOUND;
      offset = idx + this.bytes.length;
      if (s.length <= offset) return [0, [offset]];
      sub = slice(s, offset);
    } else if (idx !== -1) {
      sub = slice(s, 0, idx);
    }
    return [0, [...runeStarts(sub).map((i) => offset + i), offset + sub.length]];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<contains:${this.not ? '!' : ''}[${this.needle}]>`;
  }
}

/** match/every_of.go of gobwas/glob v0.2.3: all matchers at once (glued `?`, `*` runs). */
export class EveryOf implements Matcher {
  constructor(public readonly matchers: readonly Matcher[]) {}

  /** Upstream's sum starts at 0 and gives up unless it is positive: always -1 when non-empty. */
  public len(): number {
    let l = 0;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l > 0) {
        l += ml;
      } else {
        return -1;
      }
    }
    return l;
  }

  public index(s: GoString): IndexResult {
    let index = 0;
    let offset = 0;
    let current: number[] = [];
    let sub = s;
    this.matchers.forEach((m, i) => {
      if (index === -1) return;
      const [idx, seg] = m.index(sub);
      if (idx === -1) {
        index = -1;
        return;
      }
      if (i === 0) {
        current = [...seg];
      } else {
        const delta = index - (idx + offset);
        const next: number[] = [];
        for (const ex of current) {
          for (const n of seg) {
            if (ex + delta === n) next.push(n);
          }
        }
        if (next.length === 0) {
          index = -1;
          return;
        }
        current = next;
      }
      index = idx + offset;
      sub = slice(s, index);
      offset += idx;
    });
    return index === -1 ? NOT_FOUND : [index, current];
  }

  public match(s: GoString): boolean {
    return this.matchers.every((m) => m.match(s));
  }

  public toString(): string {
    return `<every_of:[${this.matchers.map(String).join(',')}]>`;
  }
}

/** match/list.go of gobwas/glob v0.2.3: `[abc]` or `[!abc]`, one character. */
export class List implements Matcher {
  constructor(public readonly list: readonly number[], public readonly not: boolean) {}

  /** One rune in (or, negated, not in) the list. An empty string decodes to U+FFFD. */
  public match(s: GoString): boolean {
    const [r, w] = decodeRune(s);
    if (s.length > w) return false;
    return this.list.includes(r) === !this.not;
  }

  public len(): number {
    return 1;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i, r) => {
      if (this.not === !this.list.includes(r)) {
        found = [i, [runeLen(r)]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<list:${this.not ? '!' : ''}[${runesText(this.list)}]>`;
  }
}

/** match/max.go of gobwas/glob v0.2.3: at most `limit` characters. */
export class Max implements Matcher {
  constructor(public readonly limit: number) {}

  public match(s: GoString): boolean {
    return runeCount(s) <= this.limit;
  }

  public index(s: GoString): IndexResult {
    const segments = [0];
    let count = 0;
    forEachRune(s, (i, r) => {
      count++;
      if (count > this.limit) return true;
      segments.push(i + runeLen(r));
      return false;
    });
    return [0, segments];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<max:${this.limit}>`;
  }
}

/** match/min.go of gobwas/glob v0.2.3: at least `limit` characters. */
export class Min implements Matcher {
  constructor(public readonly limit: number) {}

  public match(s: GoString): boolean {
    return runeCount(s) >= this.limit && s.length > 0;
  }

  /** Upstream first compares the limit (runes) with the byte length, then counts runes. */
  public index(s: GoString): IndexResult {
    if (s.length - this.limit + 1 <= 0) return NOT_FOUND;
    const segments: number[] = [];
    let count = 0;
    forEachRune(s, (i, r) => {
      count++;
      if (count >= this.limit) segments.push(i + runeLen(r));
    });
    return segments.length === 0 ? NOT_FOUND : [0, segments];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<min:${this.limit}>`;
  }
}

/** match/nothing.go of gobwas/glob v0.2.3: the empty string (an empty pattern or alternative). */
export class Nothing implements Matcher {
  public match(s: GoString): boolean {
    return s.length === 0;
  }

  public matchAscii(text: string): boolean {
    return text.length === 0;
  }

  public index(_s: GoString): IndexResult {
    return [0, [0]];
  }

  public len(): number {
    return 0;
  }

  public toString(): string {
    return '<nothing>';
  }
}

/** match/prefix_any.go of gobwas/glob v0.2.3: `abc*`, text then no separator. */
export class PrefixAny implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly prefix: string, public readonly separators: readonly number[]) {
    this.bytes = goString(prefix);
  }

  public index(s: GoString): IndexResult {
    const idx = indexBytes(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    const n = this.bytes.length;
    let sub = slice(s, idx + n);
    const i = indexAnyRunes(sub, this.separators);
    if (i > -1) sub = slice(sub, 0, i);
    const segments = [n];
    forEachRune(sub, (j, r) => {
      segments.push(n + j + runeLen(r));
    });
    return [idx, segments];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    if (!hasPrefix(s, this.bytes)) return false;
    return indexAnyRunes(slice(s, this.bytes.length), this.separators) === -1;
  }

  public toString(): string {
    return `<prefix_any:${this.prefix}![${runesText(this.separators)}]>`;
  }
}

/**
 * match/prefix_suffix.go of gobwas/glob v0.2.3: `ab**yz`. `match` only checks that the text starts
 * with the prefix and ends with the suffix, which may overlap: `start*art` matches "start"
 * (upstream issue 61).
 */
export class PrefixSuffix implements Matcher {
  private readonly prefixBytes: GoString;
  private readonly suffixBytes: GoString;

  constructor(public readonly prefix: string, public readonly suffix: string) {
    this.prefixBytes = goString(prefix);
    this.suffixBytes = goString(suffix);
  }

  public index(s: GoString): IndexResult {
    const prefixIdx = indexBytes(s, this.prefixBytes);
    if (prefixIdx === -1) return NOT_FOUND;
    const suffixLen = this.suffixBytes.length;
    if (suffixLen <= 0) return [prefixIdx, [s.length - prefixIdx]];
    if (s.length - prefixIdx <= 0) return NOT_FOUND;
    const segments: number[] = [];
    let sub = slice(s, prefixIdx);
    for (;;) {
      const suffixIdx = lastIndex(sub, this.suffixBytes);
      if (suffixIdx === -1) break;
      segments.push(suffixIdx + suffixLen);
      sub = slice(sub, 0, suffixIdx);
    }
    if (segments.length === 0) return NOT_FOUND;
    return [prefixIdx, segments.reverse()];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    return hasPrefix(s, this.prefixBytes) && hasSuffix(s, this.suffixBytes);
  }

  public matchAscii(text: string): boolean {
    return text.startsWith(this.prefix) && text.endsWith(this.suffix);
  }

  public toString(): string {
    return `<prefix_suffix:[${this.prefix},${this.suffix}]>`;
  }
}

/** match/prefix.go of gobwas/glob v0.2.3: `abc**`, text then anything. */
export class Prefix implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly prefix: string) {
    this.bytes = goString(prefix);
  }

  public index(s: GoString): IndexResult {
    const idx = indexBytes(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    const length = this.bytes.length;
    const sub = s.length > idx + length ? slice(s, idx + length) : EMPTY;
    const segments = [length];
    forEachRune(sub, (i, r) => {
      segments.push(length + i + runeLen(r));
    });
    return [idx, segments];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    return hasPrefix(s, this.bytes);
  }

  public matchAscii(text: string): boolean {
    return text.startsWith(this.prefix);
  }

  public toString(): string {
    return `<prefix:${this.prefix}>`;
  }
}

/** match/range.go of gobwas/glob v0.2.3: `[a-z]` or `[!a-z]`, one character. */
export class Range implements Matcher {
  constructor(public readonly lo: number, public readonly hi: number, public readonly not: boolean) {}

  public len(): number {
    return 1;
  }

  /** One rune in (or, negated, outside) the range. An empty string decodes to U+FFFD. */
  public match(s: GoString): boolean {
    const [r, w] = decodeRune(s);
    if (s.length > w) return false;
    return (r >= this.lo && r <= this.hi) === !this.not;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i, r) => {
      if (this.not !== (r >= this.lo && r <= this.hi)) {
        found = [i, [runeLen(r)]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<range:${this.not ? '!' : ''}[${String.fromCodePoint(this.lo)},${String.fromCodePoint(this.hi)}]>`;
  }
}

/**
 * match/row.go of gobwas/glob v0.2.3: fixed-length matchers in a row (`a?c`). Each part is handed
 * the bytes up to the first byte of its last rune, so a part ending in a multi-byte character sees
 * a broken one: `é?` does not match "éa". Index reports the rune count as a byte length.
 */
export class Row implements Matcher {
  constructor(public readonly runesLength: number, public readonly matchers: readonly Matcher[]) {}

  public match(s: GoString): boolean {
    return runeCount(s) === this.runesLength && this.matchAll(s);
  }

  public len(): number {
    return this.runesLength;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i) => {
      if (s.length - i < this.runesLength) return true;
      if (this.matchAll(slice(s, i))) {
        found = [i, [this.runesLength]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<row_${this.runesLength}:[${this.matchers.map(String).join(',')}]>`;
  }

  private matchAll(s: GoString): boolean {
    let idx = 0;
    for (const m of this.matchers) {
      const length = m.len();
      let next = 0;
      let i = 0;
      forEachRune(slice(s, idx), (at) => {
        next = at;
        i++;
        return i === length;
      });
      if (i < length || !m.match(slice(s, idx, idx + next + 1))) return false;
      idx += next + 1;
    }
    return true;
  }
}

/** match/single.go of gobwas/glob v0.2.3: `?`, one character that is not a separator. */
export class Single implements Matcher {
  constructor(public readonly separators: readonly number[]) {}

  /** One rune, not a separator. An empty string decodes to U+FFFD, so `?` matches "". */
  public match(s: GoString): boolean {
    const [r, w] = decodeRune(s);
    if (s.length > w) return false;
    return !this.separators.includes(r);
  }

  public len(): number {
    return 1;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i, r) => {
      if (!this.separators.includes(r)) {
        found = [i, [runeLen(r)]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<single:![${runesText(this.separators)}]>`;
  }
}

/** match/suffix_any.go of gobwas/glob v0.2.3: `*abc`, no separator then text. */
export class SuffixAny implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly suffix: string, public readonly separators: readonly number[]) {
    this.bytes = goString(suffix);
  }

  public index(s: GoString): IndexResult {
    const idx = indexBytes(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    const i = lastIndexAnyRunes(slice(s, 0, idx), this.separators) + 1;
    return [i, [idx + this.bytes.length - i]];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    if (!hasSuffix(s, this.bytes)) return false;
    return indexAnyRunes(slice(s, 0, s.length - this.bytes.length), this.separators) === -1;
  }

  public toString(): string {
    return `<suffix_any:![${runesText(this.separators)}]${this.suffix}>`;
  }
}

/** match/suffix.go of gobwas/glob v0.2.3: `**abc`, anything then text. */
export class Suffix implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly suffix: string) {
    this.bytes = goString(suffix);
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    return hasSuffix(s, this.bytes);
  }

  public matchAscii(text: string): boolean {
    return text.endsWith(this.suffix);
  }

  public index(s: GoString): IndexResult {
    const idx = indexBytes(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    return [0, [idx + this.bytes.length]];
  }

  public toString(): string {
    return `<suffix:${this.suffix}>`;
  }
}

/** match/super.go of gobwas/glob v0.2.3: `**`, anything. */
export class Super implements Matcher {
  public match(_s: GoString): boolean {
    return true;
  }

  public matchAscii(_text: string): boolean {
    return true;
  }

  public len(): number {
    return -1;
  }

  public index(s: GoString): IndexResult {
    return [0, [...runeStarts(s), s.length]];
  }

  public toString(): string {
    return '<super>';
  }
}

/** match/text.go of gobwas/glob v0.2.3: literal text. */
export class Text implements Matcher {
  public readonly bytes: GoString;
  private readonly runesLength: number;

  constructor(public readonly str: string) {
    this.bytes = goString(str);
    this.runesLength = runeCount(this.bytes);
  }

  public match(s: GoString): boolean {
    return equal(this.bytes, s);
  }

  public matchAscii(text: string): boolean {
    return text === this.str;
  }

  public len(): number {
    return this.runesLength;
  }

  public index(s: GoString): IndexResult {
    const i = indexBytes(s, this.bytes);
    return i === -1 ? NOT_FOUND : [i, [this.bytes.length]];
  }

  public toString(): string {
    return `<text:\`${this.str}\`>`;
  }
}
