import {
  decodeRune, goRunes, goString, GoPanic, index, indexAnyRunes, indexRune, lastIndex, lastIndexAnyRunes,
  RUNE_ERROR, runeCount, runeLen, slice,
} from '../../../../src/engine/core/glob/go-string';

describe('Go string helpers', () => {
  it('encodes a lone surrogate as U+FFFD, as Go decodes it from JSON', () => {
    expect([...goString('a\ud800')]).toEqual([0x61, 0xef, 0xbf, 0xbd]);
    expect(goRunes('a\ud800😀')).toEqual([0x61, RUNE_ERROR, 0x1f600]);
  });

  it.each<[string, number[], number, [number, number]]>([
    ['ASCII', [0x61], 0, [0x61, 1]],
    ['two bytes', [0xc3, 0xa9], 0, [0xe9, 2]],
    ['three bytes', [0xe2, 0x82, 0xac], 0, [0x20ac, 3]],
    ['four bytes', [0xf0, 0x9f, 0x98, 0x80], 0, [0x1f600, 4]],
    ['empty', [], 0, [RUNE_ERROR, 0]],
    ['a cut sequence', [0xc3], 0, [RUNE_ERROR, 1]],
    ['a continuation byte', [0xa9], 0, [RUNE_ERROR, 1]],
    ['an overlong form', [0xc0, 0x80], 0, [RUNE_ERROR, 1]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0, [RUNE_ERROR, 1]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0, [RUNE_ERROR, 1]],
    ['an offset', [0x61, 0xc3, 0xa9], 1, [0xe9, 2]],
  ])('decodes %s like utf8.DecodeRuneInString', (_what, bytes, at, expected) => {
    expect(decodeRune(Uint8Array.from(bytes), at)).toEqual(expected);
  });

  it('counts runes and rune lengths like unicode/utf8', () => {
    expect(runeCount(goString('aé😀'))).toBe(3);
    expect(runeCount(Uint8Array.from([0xc3]))).toBe(1);
    expect([0x61, 0xe9, 0x20ac, 0x1f600, RUNE_ERROR, 0xd800, 0x110000].map(runeLen)).toEqual([1, 2, 3, 4, 3, -1, -1]);
  });

  it('searches bytes like package strings', () => {
    const s = goString('abcabc');
    expect(index(s, goString('bc'))).toBe(1);
    expect(lastIndex(s, goString('bc'))).toBe(4);
    expect(index(s, goString(''))).toBe(0);
    expect(lastIndex(s, goString(''))).toBe(6);
    expect(index(s, goString('x'))).toBe(-1);
    expect(indexRune(goString('aé'), 0xe9)).toBe(1);
    expect(indexRune(Uint8Array.from([0x61, 0xc3]), RUNE_ERROR)).toBe(1);
    expect(indexRune(goString('a'), 0xd800)).toBe(-1);
  });

  it('finds the first separator in separator order, not in text order (gobwas IndexAnyRunes)', () => {
    expect(indexAnyRunes(goString('a/b.c'), [0x2e, 0x2f])).toBe(3);
    expect(indexAnyRunes(goString('a/b.c'), [0x2f, 0x2e])).toBe(1);
    expect(lastIndexAnyRunes(goString('a/b/c.d'), [0x2f, 0x2e])).toBe(3);
  });

  it('finds the first, not the last, non-ASCII separator (gobwas LastIndexAnyRunes)', () => {
    expect(lastIndexAnyRunes(goString('éaé'), [0xe9])).toBe(0);
  });

  it('fails when a non-ASCII separator sends LastIndexAnyRunes out of range, as Go panics', () => {
    expect(() => lastIndexAnyRunes(goString('xxxxé'), [0xe9])).toThrow(GoPanic);
    expect(() => lastIndexAnyRunes(goString('xxxxé'), [0xe9])).toThrow('runtime error: slice bounds out of range [5:1]');
  });

  it('fails when a slice is out of range, with Go messages', () => {
    expect(() => slice(goString('a'), 0, 2)).toThrow('runtime error: slice bounds out of range [:2] with length 1');
    expect(() => slice(goString('ab'), 2, 1)).toThrow('runtime error: slice bounds out of range [2:1]');
    expect([...slice(goString('abc'), 1)]).toEqual([0x62, 0x63]);
  });
});
