/**
 * Go strings as gobwas/glob v0.2.3 sees them: UTF-8 bytes, indexed and sliced by byte, iterated by
 * rune with Go's decoding rules (an invalid byte is one U+FFFD of width 1).
 *
 * The matchers of github.com/gobwas/glob/match mix rune counts and byte offsets (Row, BTree, Min),
 * slice in the middle of a multi-byte character and then decode the broken pieces, so the port
 * works on the bytes themselves: Go's unicode/utf8 `DecodeRuneInString` and `RuneLen`, and the
 * strings functions the matchers call (Index, LastIndex, IndexRune, HasPrefix, HasSuffix), from
 * Go 1.19 src/unicode/utf8/utf8.go and src/strings/strings.go.
 *
 * A JS string becomes bytes with TextEncoder, which writes a lone surrogate as U+FFFD (EF BF BD):
 * that is what Go holds after decoding the same string from JSON, so no other invalid UTF-8 can
 * reach a matcher except through gobwas's own slicing.
 */

/** A Go string: a view on UTF-8 bytes. Slicing with `subarray` shares the bytes, as Go does. */
import { GoPanic } from '../go-panic';

export { GoPanic };

export type GoString = Uint8Array;

/** utf8.RuneError, what Go decodes an invalid byte to. */
export const RUNE_ERROR = 0xfffd;

const encoder = new TextEncoder();

/** Up to this length an ASCII string is copied byte by byte (cheaper than TextEncoder's call). */
const ASCII_COPY_MAX = 256;

/** The UTF-8 bytes of a JS string; a lone surrogate becomes U+FFFD, as Go's JSON decoding does. */
export function goString(s: string): GoString {
  const n = s.length;
  if (n <= ASCII_COPY_MAX) {
    // ASCII (every code unit below 0x80) is its own UTF-8 encoding, one byte per code unit.
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return encoder.encode(s);
      bytes[i] = c;
    }
    return bytes;
  }
  return encoder.encode(s);
}

/**
 * The code points of a JS string, each lone surrogate replaced by U+FFFD (what Go's `[]rune` of
 * the same text decoded from JSON holds).
 */
export function goRunes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? RUNE_ERROR : cp);
  }
  return out;
}


/** Go's `s[lo:hi]` on a string, with its bounds checks and panic messages. */
export function slice(s: GoString, lo: number, hi: number = s.length): GoString {
  if (hi > s.length) {
    throw new GoPanic(`runtime error: slice bounds out of range [:${hi}] with length ${s.length}`);
  }
  if (lo > hi) {
    throw new GoPanic(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  }
  return s.subarray(lo, hi);
}

/**
 * utf8.DecodeRuneInString at byte `i`: [rune, width]. An empty rest gives [RuneError, 0]; an
 * invalid or truncated sequence (overlong, surrogate, above U+10FFFF) gives [RuneError, 1].
 */
export function decodeRune(s: GoString, i = 0): [number, number] {
  const n = s.length - i;
  if (n <= 0) return [RUNE_ERROR, 0];
  const b0 = s[i];
  if (b0 < 0x80) return [b0, 1];
  let size: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    size = 2;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    size = 3;
    if (b0 === 0xe0) lo = 0xa0;
    if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    size = 4;
    if (b0 === 0xf0) lo = 0x90;
    if (b0 === 0xf4) hi = 0x8f;
  } else {
    return [RUNE_ERROR, 1];
  }
  if (n < size) return [RUNE_ERROR, 1];
  const b1 = s[i + 1];
  if (b1 < lo || b1 > hi) return [RUNE_ERROR, 1];
  if (size === 2) return [(b0 - 0xc0) * 0x40 + (b1 - 0x80), 2];
  const b2 = s[i + 2];
  if (b2 < 0x80 || b2 > 0xbf) return [RUNE_ERROR, 1];
  if (size === 3) return [(b0 - 0xe0) * 0x1000 + (b1 - 0x80) * 0x40 + (b2 - 0x80), 3];
  const b3 = s[i + 3];
  if (b3 < 0x80 || b3 > 0xbf) return [RUNE_ERROR, 1];
  return [(b0 - 0xf0) * 0x40000 + (b1 - 0x80) * 0x1000 + (b2 - 0x80) * 0x40 + (b3 - 0x80), 4];
}

/**
 * Go's `for i, r := range s`: the byte offset and rune of each character. Returning `true` from
 * the callback stops the loop (Go's `break`).
 */
export function forEachRune(s: GoString, fn: (i: number, r: number) => boolean | void): void {
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    if (fn(i, r) === true) return;
    i += w;
  }
}

/** The byte offset of each rune of `s`, in order (Go's `for i := range s`). */
export function runeStarts(s: GoString): number[] {
  const out: number[] = [];
  forEachRune(s, (i) => {
    out.push(i);
  });
  return out;
}

/** utf8.RuneCountInString. */
export function runeCount(s: GoString): number {
  let n = 0;
  forEachRune(s, () => {
    n++;
  });
  return n;
}

/**
 * utf8.RuneLen: bytes needed to encode `r`, -1 for a surrogate or beyond U+10FFFF. RuneError
 * takes 3, which is what gobwas adds when it stepped over an invalid byte of width 1.
 */
export function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  if (r <= 0x10ffff) return 4;
  return -1;
}

/** The UTF-8 encoding of one rune (Go's `string(r)` for a valid rune). */
export function encodeRune(r: number): GoString {
  return goString(String.fromCodePoint(r));
}

/** `a == b` for Go strings. */
export function equal(a: GoString, b: GoString): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function equalAt(s: GoString, at: number, needle: GoString): boolean {
  for (let k = 0; k < needle.length; k++) {
    if (s[at + k] !== needle[k]) return false;
  }
  return true;
}

/** strings.Index: the first byte offset of `needle` in `s`, 0 for an empty needle, or -1. */
export function index(s: GoString, needle: GoString): number {
  for (let i = 0; i + needle.length <= s.length; i++) {
    if (equalAt(s, i, needle)) return i;
  }
  return -1;
}

/** strings.LastIndex: the last byte offset of `needle` in `s`, len(s) for an empty needle, or -1. */
export function lastIndex(s: GoString, needle: GoString): number {
  for (let i = s.length - needle.length; i >= 0; i--) {
    if (equalAt(s, i, needle)) return i;
  }
  return -1;
}

/** strings.HasPrefix. */
export function hasPrefix(s: GoString, prefix: GoString): boolean {
  return s.length >= prefix.length && equalAt(s, 0, prefix);
}

/** strings.HasSuffix. */
export function hasSuffix(s: GoString, suffix: GoString): boolean {
  return s.length >= suffix.length && equalAt(s, s.length - suffix.length, suffix);
}

/**
 * strings.IndexRune: an ASCII rune is a byte search; RuneError finds the first invalid byte or
 * encoded U+FFFD; a surrogate or out-of-range rune is never found; others search their encoding.
 */
export function indexRune(s: GoString, r: number): number {
  if (r >= 0 && r < 0x80) return s.indexOf(r);
  if (r === RUNE_ERROR) {
    let found = -1;
    forEachRune(s, (i, c) => {
      if (c === RUNE_ERROR) {
        found = i;
        return true;
      }
      return false;
    });
    return found;
  }
  if (runeLen(r) < 0) return -1;
  return index(s, encodeRune(r));
}

/**
 * gobwas util/strings.IndexAnyRunes: the offset of the first separator *in separator order* that
 * occurs, not of the earliest one in `s` (with separators `./`, "a/b.c" gives 3, the `.`).
 */
export function indexAnyRunes(s: GoString, runes: readonly number[]): number {
  for (const r of runes) {
    const i = indexRune(s, r);
    if (i !== -1) return i;
  }
  return -1;
}

/**
 * gobwas util/strings.LastIndexAnyRunes: for the first separator in order that occurs, its last
 * offset when ASCII; for a non-ASCII separator the loop keeps searching the whole string, so it
 * finds the first offset, or slices out of range and panics as Go does.
 */
export function lastIndexAnyRunes(s: GoString, runes: readonly number[]): number {
  for (const r of runes) {
    let i = -1;
    if (r >= 0 && r < 0x80) {
      i = s.lastIndexOf(r);
    } else {
      let sub = s;
      while (sub.length > 0) {
        const j = indexRune(s, r);
        if (j === -1) break;
        i = j;
        sub = slice(sub, i + 1);
      }
    }
    if (i !== -1) return i;
  }
  return -1;
}
