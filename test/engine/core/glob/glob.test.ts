import { spawnSync } from 'child_process';
import * as path from 'path';
import { compileGlob, globMatch, globSyntaxError, GlobSyntaxError, GoPanic, quoteGlobMeta } from '../../../../src/engine/core/glob';

const ALL = '[a-z][!a-x]*cat*[h][!b]*eyes*';
const ALTERNATIVES = '{https://*.google.*,*yandex.*,*yahoo.*,*mail.ru}';
const ALTERNATIVES_SUFFIX = '{https://*gobwas.com,http://exclude.gobwas.com}';
const COMBINE_LITE = '{abc*def,abc?def,abc[zte]def}';
const COMBINE_HARD = '{abc*[a-c]def,abc?[d-g]def,abc[zte]?def}';

// The cases of gobwas/glob v0.2.3 glob_test.go TestGlob: [matches, pattern, text, separators]
const UPSTREAM: Array<[boolean, string, string, string]> = [
  [true, '* ?at * eyes', 'my cat has very bright eyes', ''],
  [true, '', '', ''],
  [false, '', 'b', ''],
  [true, '*ä', 'åä', ''],
  [true, 'abc', 'abc', ''],
  [true, 'a*c', 'abc', ''],
  [true, 'a*c', 'a12345c', ''],
  [true, 'a?c', 'a1c', ''],
  [true, 'a.b', 'a.b', '.'],
  [true, 'a.*', 'a.b', '.'],
  [true, 'a.**', 'a.b.c', '.'],
  [true, 'a.?.c', 'a.b.c', '.'],
  [true, 'a.?.?', 'a.b.c', '.'],
  [true, '?at', 'cat', ''],
  [true, '?at', 'fat', ''],
  [true, '*', 'abc', ''],
  [true, '\\*', '*', ''],
  [true, '**', 'a.b.c', '.'],
  [false, '?at', 'at', ''],
  [false, '?at', 'fat', 'f'],
  [false, 'a.*', 'a.b.c', '.'],
  [false, 'a.?.c', 'a.bb.c', '.'],
  [false, '*', 'a.b.c', '.'],
  [true, '*test', 'this is a test', ''],
  [true, 'this*', 'this is a test', ''],
  [true, '*is *', 'this is a test', ''],
  [true, '*is*a*', 'this is a test', ''],
  [true, '**test**', 'this is a test', ''],
  [true, '**is**a***test*', 'this is a test', ''],
  [false, '*is', 'this is a test', ''],
  [false, '*no*', 'this is a test', ''],
  [true, '[!a]*', 'this is a test3', ''],
  [true, '*abc', 'abcabc', ''],
  [true, '**abc', 'abcabc', ''],
  [true, '???', 'abc', ''],
  [true, '?*?', 'abc', ''],
  [true, '?*?', 'ac', ''],
  [false, 'sta', 'stagnation', ''],
  [true, 'sta*', 'stagnation', ''],
  [false, 'sta?', 'stagnation', ''],
  [false, 'sta?n', 'stagnation', ''],
  [true, '{abc,def}ghi', 'defghi', ''],
  [true, '{abc,abcd}a', 'abcda', ''],
  [true, '{a,ab}{bc,f}', 'abc', ''],
  [true, '{*,**}{a,b}', 'ab', ''],
  [false, '{*,**}{a,b}', 'ac', ''],
  [true, '/{rate,[a-z][a-z][a-z]}*', '/rate', ''],
  [true, '/{rate,[0-9][0-9][0-9]}*', '/rate', ''],
  [true, '/{rate,[a-z][a-z][a-z]}*', '/usd', ''],
  [true, '{*.google.*,*.yandex.*}', 'www.google.com', '.'],
  [true, '{*.google.*,*.yandex.*}', 'www.yandex.com', '.'],
  [false, '{*.google.*,*.yandex.*}', 'yandex.com', '.'],
  [false, '{*.google.*,*.yandex.*}', 'google.com', '.'],
  [true, '{*.google.*,yandex.*}', 'www.google.com', '.'],
  [true, '{*.google.*,yandex.*}', 'yandex.com', '.'],
  [false, '{*.google.*,yandex.*}', 'www.yandex.com', '.'],
  [false, '{*.google.*,yandex.*}', 'google.com', '.'],
  [true, ALL, 'my cat has very bright eyes', ''],
  [false, ALL, 'my dog has very bright eyes', ''],
  [true, 'google.com', 'google.com', ''],
  [false, 'google.com', 'gobwas.com', ''],
  [true, 'https://*.google.*', 'https://account.google.com', ''],
  [false, 'https://*.google.*', 'https://google.com', ''],
  [true, ALTERNATIVES, 'http://yahoo.com', ''],
  [false, ALTERNATIVES, 'http://google.com', ''],
  [true, ALTERNATIVES_SUFFIX, 'https://safe.gobwas.com', ''],
  [false, ALTERNATIVES_SUFFIX, 'http://safe.gobwas.com', ''],
  [true, ALTERNATIVES_SUFFIX, 'http://exclude.gobwas.com', ''],
  [true, COMBINE_HARD, 'abczqdef', ''],
  [true, COMBINE_LITE, 'abczdef', ''],
  [true, 'abc*', 'abcdef', ''],
  [false, 'abc*', 'af', ''],
  [true, '*def', 'abcdef', ''],
  [false, '*def', 'af', ''],
  [true, 'ab*ef', 'abcdef', ''],
  [false, 'ab*ef', 'af', ''],
];

describe('compileGlob', () => {
  it.each(UPSTREAM)('gives %p for %p against %p (separators %p)', (expected, pattern, text, separators) => {
    expect(compileGlob(pattern, separators).match(text)).toBe(expected);
  });

  // What gobwas v0.2.3 does that a shell glob would not; each checked against the Go library.
  it.each<[string, string, string, boolean]>([
    ['prefix/suffix overlap (issue 61)', 'start*art', 'start', true],
    ['alternation hoisting (issue 62)', '{a,}{a,}a', 'a', false],
    ['alternation hoisting (issue 62), longer', '{a,}{a,}a', 'aa', true],
    ['^ is a literal in a class', '[^a]x', '^x', true],
    ['^ is a literal in a class, not a negation', '[^a]x', 'bx', false],
    ['! negates a class', '[!a]x', 'bx', true],
    ['a trailing backslash is dropped', 'a\\', 'a', true],
    ['an unclosed { keeps its alternatives', '{a,b', 'b', true],
    ['? matches one non-BMP character', '?', '😀', true],
    ['? matches one two-byte character', 'a?', 'aé', true],
    ['? matches the empty string', '?', '', true],
    ['a row ending in a multi-byte character misses it', 'é?', 'éa', false],
    ['an alternation of a variable and a fixed part counts as fixed', '{*,ab}x', 'zzzx', false],
    ['NUL ends a text run and is skipped', 'a\u0000b', 'ab', true],
    ['NUL ends the pattern between items', '*\u0000b', 'xyz', true],
    ['a range over non-BMP characters', '[é-😀]', '😀', true],
    ['a class with two ranges does not compile, so matches nothing', '[a-z0-9]*', 'a', false],
  ])('%s: %p against %p is %p', (_what, pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('separators stop * and ? but not **', () => {
    const g = compileGlob('https://github.com/*/*', '/');
    expect(g.match('https://github.com/argoproj/argo-cd')).toBe(true);
    expect(g.match('https://github.com/argoproj/argo-cd/sub')).toBe(false);
    expect(compileGlob('https://github.com/**', '/').match('https://github.com/a/b/c')).toBe(true);
  });

  it('caches compiled globs per pattern and separators', () => {
    expect(compileGlob('a*', '/')).toBe(compileGlob('a*', '/'));
    expect(compileGlob('a*', '/')).not.toBe(compileGlob('a*', ''));
  });

  it('keeps at most 10,000 compiled globs, the most recently used', () => {
    const first = compileGlob('cache-first-*');
    const used = compileGlob('cache-used-*');
    for (let i = 0; i < 10_000; i++) {
      compileGlob(`cache-filler-${i}-*`);
      if (i % 1000 === 0) expect(compileGlob('cache-used-*')).toBe(used);
    }
    expect(compileGlob('cache-used-*')).toBe(used);
    expect(compileGlob('cache-first-*')).not.toBe(first);
    expect(compileGlob('cache-first-*').match('cache-first-x')).toBe(true);
  });

  it('matches ASCII and non-ASCII texts alike through the compiled glob', () => {
    expect(compileGlob('ns-*').match('ns-1')).toBe(true);
    expect(compileGlob('ns-*').match('ns-é')).toBe(true);
    expect(compileGlob('*é').match('aé')).toBe(true);
    expect(compileGlob('*é').match('ae')).toBe(false);
    expect(compileGlob('a*', '/').match('ab/c')).toBe(false);
    expect(compileGlob('a*', 'é').match('abéc')).toBe(false);
  });

  it('describes the compiled matcher as gobwas prints it', () => {
    expect(compileGlob('start*art').describe()).toBe('<prefix_suffix:[start,art]>');
  });

  it.each<[string, string]>([
    ['[a-z0-9]*', 'expected close range character'],
    ['[z-a]', "hi character 'a' should be greater than lo 'z'"],
    ['[]', 'could not parse range'],
    ['[!]', 'could not parse range'],
    ['[abc', 'unexpected end of input'],
    ['a\ufffd', 'could not read rune'],
    ['a\ud800', 'could not read rune'],
    ['[a\ufffd]', 'unexpected end of input'],
  ])('fails when the pattern is %p (%s)', (pattern, reason) => {
    expect(() => compileGlob(pattern)).toThrow(GlobSyntaxError);
    expect(() => compileGlob(pattern)).toThrow(reason);
    expect(globSyntaxError(pattern)).toBe(reason);
    expect(globMatch(pattern, 'a')).toBe(false);
  });

  it('reports no syntax error for a pattern that compiles', () => {
    expect(globSyntaxError('{a,b}*')).toBeUndefined();
  });

  it('fails when gobwas panics: a row holding an empty alternative', () => {
    expect(() => globMatch('a{}', 'a')).toThrow(GoPanic);
    expect(() => globMatch('a{}', 'a')).toThrow('runtime error: slice bounds out of range [:2] with length 1');
    expect(globMatch('a{}', 'b')).toBe(false);
  });
});

describe('quoteGlobMeta', () => {
  it.each([
    ['[foo*]', '\\[foo\\*\\]'],
    ['{foo*}', '\\{foo\\*\\}'],
    ['*?\\[]{}', '\\*\\?\\\\\\[\\]\\{\\}'],
    ['abc', 'abc'],
  ])('quotes %p as %p', (input, quoted) => {
    expect(quoteGlobMeta(input)).toBe(quoted);
    expect(globMatch(quoted, input)).toBe(true);
  });
});

describe('plain patterns (text, or text and one trailing *) compile without the compiler', () => {
  // The shortcut in glob.ts must give the matcher gobwas's compiler gives: generated patterns of
  // ASCII text with and without a trailing * (and patterns just outside the shortcut), against the
  // compiler's own output.
  const { compileTree } = jest.requireActual('../../../../src/engine/core/glob/compiler');
  const { parseGlob } = jest.requireActual('../../../../src/engine/core/glob/syntax');
  const { goRunes } = jest.requireActual('../../../../src/engine/core/glob/go-string');
  const { compileGlobMatcher } = jest.requireActual('../../../../src/engine/core/glob/glob');
  const ALPHABET = 'ab/.-:_~!^,@ 0Z\t\u0000*?{}[]\\é';
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const patterns = ['https://github.com/example-org/apps.git', 'ns-*', 'https://github.com/example-org/*', 'a', 'a*', '*', '**', 'a**', '\\*', 'a\\*', 'é*', '!a*', '^b', 'a,b}*', 'x]*'];
  for (let i = 0; i < 3000; i++) {
    const length = 1 + random(8);
    let p = '';
    for (let j = 0; j < length; j++) p += ALPHABET[random(random(3) === 0 ? ALPHABET.length : 16)];
    patterns.push(p);
  }

  test.each(['', '/', './'])('the same matcher as the compiler gives, separators %j', (separators) => {
    let plain = 0;
    for (const pattern of patterns) {
      let expected: string;
      try {
        expected = compileTree(pattern, parseGlob(pattern), goRunes(separators)).toString();
      } catch (e) {
        expected = `error: ${(e as Error).message}`;
      }
      let actual: string;
      try {
        actual = compileGlobMatcher(pattern, separators).toString();
      } catch (e) {
        actual = `error: ${(e as Error).message}`;
      }
      expect(`${pattern} ${actual}`).toBe(`${pattern} ${expected}`);
      if (/^[^*?\\[\]{}]+\*?$/.test(pattern) && /^[\x01-\x7f]*$/.test(pattern)) plain++;
    }
    // the shortcut was taken for a good part of them
    expect(plain).toBeGreaterThan(1000);
  });
});

test('the compiler, parser and lexer load only for a pattern that is not plain', () => {
  // node on the compiled library (jest's module registry keeps no require.cache)
  const lib = path.join(__dirname, '..', '..', '..', '..', 'lib', 'src');
  const script = `
    const { validateManifests } = require(${JSON.stringify(path.join(lib, 'index.js'))});
    const loaded = () => Object.keys(require.cache).filter((f) => /glob[\\\\/](compiler|syntax|lexer)\\.js$/.test(f)).map((f) => f.split(/[\\\\/]/).pop()).sort();
    const project = (repos, namespace) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'p', namespace: 'argocd' },
      spec: { sourceRepos: repos, destinations: [{ server: 'https://kubernetes.default.svc', namespace }] } });
    const app = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'a', namespace: 'argocd' },
      spec: { project: 'p', source: { repoURL: 'https://github.com/o/r.git', path: 'x' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'ns-1' } } };
    const plain = [validateManifests([project(['https://github.com/o/r.git', 'https://github.com/o/*'], 'ns-*'), app]).length, loaded()];
    const other = [validateManifests([project(['https://github.com/o/*'], 'ns-[0-9]'), app]).length, loaded()];
    console.log(JSON.stringify({ plain, other }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf-8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({ plain: [0, []], other: [0, ['compiler.js', 'lexer.js', 'syntax.js']] });
});
