/**
 * The Matcher contract of github.com/gobwas/glob v0.2.3 (match/match.go).
 *
 * `match` decides a whole string. `index` finds the first byte offset where the matcher can start
 * in `s` and the byte lengths it can cover from there ("segments", ascending), or index -1. `len`
 * is the fixed length in runes, or -1 when it varies. Lengths and offsets are those of Go strings
 * (UTF-8 bytes); several matchers mix the two units, and the port keeps that.
 */
import { GoString } from '../go-string';

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
