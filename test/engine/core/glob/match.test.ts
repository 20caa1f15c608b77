import { goRunes, goString } from '../../../../src/engine/core/glob/go-string';
import { Any, AnyOf, BTree, Contains, EveryOf, List, appendMerge, Matcher, Max, Min, Nothing, Prefix, PrefixAny, PrefixSuffix, Range, Row, Single, Suffix, SuffixAny, Super, Text } from '../../../../src/engine/core/glob/match';

const DOT = goRunes('.');

// The Index tables of gobwas/glob v0.2.3 match/*_test.go: matcher, text, start, segments.
describe('matcher index', () => {
  it.each<[string, Matcher, string, number, number[]]>([
    ['any', new Any(DOT), 'abc', 0, [0, 1, 2, 3]],
    ['any', new Any(DOT), 'abc.def', 0, [0, 1, 2, 3]],
    ['any_of', new AnyOf([new Any([]), new Text('b'), new Text('c')]), 'abc', 0, [0, 1, 2, 3]],
    ['any_of', new AnyOf([new Prefix('b'), new Suffix('c')]), 'abc', 0, [3]],
    ['any_of', new AnyOf([new List(goRunes('[def]'), false), new List(goRunes('[abc]'), false)]), 'abcdef', 0, [1]],
    ['contains', new Contains('ab', false), 'abc', 0, [2, 3]],
    ['contains', new Contains('ab', false), 'fffabfff', 0, [5, 6, 7, 8]],
    ['contains', new Contains('ab', true), 'abc', 0, [0]],
    ['contains', new Contains('ab', true), 'fffabfff', 0, [0, 1, 2, 3]],
    ['every_of', new EveryOf([new Any([]), new Text('b'), new Text('c')]), 'dbc', -1, []],
    ['every_of', new EveryOf([new Any([]), new Prefix('b'), new Suffix('c')]), 'abc', 1, [2]],
    ['list', new List(goRunes('ab'), false), 'abc', 0, [1]],
    ['list', new List(goRunes('ab'), true), 'fffabfff', 0, [1]],
    ['max', new Max(3), 'abc', 0, [0, 1, 2, 3]],
    ['max', new Max(3), 'abcdef', 0, [0, 1, 2, 3]],
    ['min', new Min(1), 'abc', 0, [1, 2, 3]],
    ['min', new Min(3), 'abcd', 0, [3, 4]],
    ['nothing', new Nothing(), 'abc', 0, [0]],
    ['nothing', new Nothing(), '', 0, [0]],
    ['prefix', new Prefix('ab'), 'abc', 0, [2, 3]],
    ['prefix', new Prefix('ab'), 'fffabfff', 3, [2, 3, 4, 5]],
    ['prefix_any', new PrefixAny('ab', DOT), 'ab', 0, [2]],
    ['prefix_any', new PrefixAny('ab', DOT), 'abc', 0, [2, 3]],
    ['prefix_any', new PrefixAny('ab', DOT), 'qw.abcd.efg', 3, [2, 3, 4]],
    ['prefix_suffix', new PrefixSuffix('a', 'c'), 'abc', 0, [3]],
    ['prefix_suffix', new PrefixSuffix('f', 'f'), 'fffabfff', 0, [1, 2, 3, 6, 7, 8]],
    ['prefix_suffix', new PrefixSuffix('ab', 'bc'), 'abc', 0, [3]],
    ['range', new Range(0x61, 0x7a, false), 'abc', 0, [1]],
    ['range', new Range(0x61, 0x7a, true), 'fffабвfff', 3, [2]],
    ['row', new Row(7, [new Text('abc'), new Text('def'), new Single([])]), 'qweabcdefghij', 3, [7]],
    ['row', new Row(7, [new Text('abc'), new Text('def'), new Single([])]), 'abcd', -1, []],
    ['single', new Single(DOT), '.ф', 1, [2]],
    ['single', new Single(DOT), '.', -1, []],
    ['suffix', new Suffix('ab'), 'abc', 0, [2]],
    ['suffix', new Suffix('ab'), 'fffabfff', 0, [5]],
    ['suffix_any', new SuffixAny('ab', DOT), 'ab', 0, [2]],
    ['suffix_any', new SuffixAny('ab', DOT), 'cab', 0, [3]],
    ['suffix_any', new SuffixAny('ab', DOT), 'qw.cdab.efg', 3, [4]],
    ['super', new Super(), 'abc', 0, [0, 1, 2, 3]],
    ['super', new Super(), '', 0, [0]],
    ['text', new Text('b'), 'abc', 1, [1]],
    ['text', new Text('b'), 'abcd', 1, [1]],
  ])('%s %s in %p starts at %p with lengths %p', (_name, matcher, text, start, segments) => {
    const [index, found] = matcher.index(goString(text));
    expect(index).toBe(start);
    if (start !== -1) expect(found).toEqual(segments);
  });
});

describe('matcher match', () => {
  it.each<[string, Matcher, string, boolean]>([
    ['btree', BTree.create(new Text('abc'), new Super(), new Super()), 'abc', true],
    ['btree', BTree.create(new Text('a'), new Single([]), new Single([])), 'aaa', true],
    ['btree', BTree.create(new Text('b'), new Single([]), undefined), 'bbb', false],
    ['btree', BTree.create(new Text('c'), BTree.create(new Single([]), new Super(), undefined), undefined), 'abc', true],
    ['prefix_suffix ignores overlap', new PrefixSuffix('start', 'art'), 'start', true],
    ['row hands a part a broken last character', new Row(2, [new Text('é'), new Single([])]), 'éa', false],
    ['negated list matches the empty string', new List(goRunes('a'), true), '', true],
    ['range matches one character', new Range(0xe9, 0x1f600, false), '😀', true],
    ['min counts runes', new Min(2), 'é', false],
    ['max counts runes', new Max(1), '😀', true],
  ])('%s: %s against %p is %p', (_name, matcher, text, expected) => {
    expect(matcher.match(goString(text))).toBe(expected);
  });

  it('reports lengths with upstream quirks', () => {
    expect(new AnyOf([new Super(), new Text('ab')]).len()).toBe(2);
    expect(new AnyOf([new Text('a'), new Text('ab')]).len()).toBe(-1);
    expect(new EveryOf([new Min(1), new Max(1)]).len()).toBe(-1);
    expect(new Text('é😀').len()).toBe(2);
    expect(BTree.create(new Text('ab'), new Single([]), undefined).len()).toBe(3);
  });

  it.each<[number[], number[], number[]]>([
    [[], [], []],
    [[0, 6, 7], [], [0, 6, 7]],
    [[], [0, 6, 7], [0, 6, 7]],
    [[1], [2], [1, 2]],
    [[1], [1], [1]],
    [[1, 3, 5], [2, 3, 4], [1, 2, 3, 4, 5]],
  ])('merges %p and %p into %p', (a, b, merged) => {
    expect(appendMerge(a, b)).toEqual(merged);
  });
});

// matchAscii is match on the bytes, read from the JS string: it must agree for every ASCII text,
// whatever the pattern holds (non-ASCII and lone surrogates included).
describe('matcher matchAscii', () => {
  const matchers: Array<[string, Matcher]> = [
    ['text', new Text('ns-1')],
    ['text é', new Text('é')],
    ['text lone surrogate', new Text('\ud800')],
    ['text empty', new Text('')],
    ['prefix', new Prefix('ns-')],
    ['prefix é', new Prefix('é')],
    ['suffix', new Suffix('.git')],
    ['suffix U+FFFD', new Suffix('\ufffd')],
    ['prefix_suffix', new PrefixSuffix('start', 'art')],
    ['prefix_suffix é', new PrefixSuffix('a', 'é')],
    ['contains', new Contains('.', false)],
    ['not contains', new Contains('/', true)],
    ['contains empty', new Contains('', false)],
    ['super', new Super()],
    ['nothing', new Nothing()],
    ['any', new Any([])],
    ['any with separators', new Any(goRunes('./'))],
    ['any with non-ASCII and U+FFFD separators', new Any(goRunes('é\ufffd'))],
  ];
  const texts = ['', 'a', 'ns-1', 'ns-10', 'start', 'startart', 'art', 'x.git', '.git', 'a/b', 'a.b', '/', '.', 'abc', 'ns-', '\u0000', '\u007f', 'start/art'];

  it.each(matchers)('%s agrees with match for ASCII texts', (_name, matcher) => {
    expect(matcher.matchAscii).toBeDefined();
    for (const text of texts) {
      expect([text, matcher.matchAscii!(text)]).toEqual([text, matcher.match(goString(text))]);
    }
  });

  it('is left out by matchers that read byte offsets', () => {
    const without: Matcher[] = [new Single([]), new Row(2, [new Text('a'), new Single([])]), new Min(1)];
    for (const matcher of without) expect(matcher.matchAscii).toBeUndefined();
  });
});
