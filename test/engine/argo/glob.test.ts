import {
  filepathMatch, filepathMatchWithError, FilepathBadPattern, isDenyPattern, isDestinationMatched, isNamedResourceInList,
  isResourceInList, isSourcePermitted, match, matchStringInList, matchWithError, projectGlobMatch, regexMatch,
} from '../../../src/engine/argo/glob';
import { GlobSyntaxError } from '../../../src/engine/core/glob';

// argo-cd v3.5.1 util/glob/glob_test.go Test_Match and Test_MatchWithError: [text, pattern, matches]
describe('match (util/glob.Match)', () => {
  it.each<[string, string, boolean]>([
    ['hello', 'hello', true],
    ['hello', 'hell', false],
    ['hello', 'hell*', true],
    ['hello', 'h*', true],
    ['hello', 'e*', false],
    ['e[[a*', 'e[[a*', false],
  ])('%p against %p is %p', (text, pattern, expected) => {
    expect(match(pattern, text)).toBe(expected);
  });

  it('keeps separators apart in the cache (Test_GlobCacheKeyIncludesSeparators)', () => {
    expect(match('a*b', 'a/b')).toBe(true);
    expect(match('a*b', 'a/b', '/')).toBe(false);
  });

  it('matches with matchWithError when the pattern compiles', () => {
    expect(matchWithError('hell*', 'hello')).toBe(true);
    expect(matchWithError('e*', 'hello')).toBe(false);
  });

  it('fails when matchWithError gets a pattern that does not compile', () => {
    expect(() => matchWithError('e[[a*', 'e[[a*')).toThrow(GlobSyntaxError);
    expect(() => matchWithError('e[[a*', 'e[[a*')).toThrow('unexpected end of input');
  });
});

// util/glob/glob_test.go Test_MatchList: [item, list, mode, matches]
describe('matchStringInList (util/glob.MatchStringInList)', () => {
  it.each<[string, string[], 'exact' | 'glob' | 'regexp', boolean]>([
    ['test', ['test'], 'exact', true],
    ['test', ['other'], 'exact', false],
    ['test', ['some', 'other'], 'exact', false],
    ['test', [], 'exact', false],
    ['test', [''], 'exact', false],
    ['test', ['*'], 'exact', false],
    ['test', ['*'], 'glob', true],
    ['test', ['test'], 'glob', true],
    ['test', ['other*', 'te*'], 'glob', true],
    ['disallowed', ['/^((?!disallowed).)*$/'], 'regexp', false],
    ['allowed', ['/^((?!disallowed).)*$/'], 'regexp', true],
    // an unanchored search; a /.../ entry in glob mode is only a glob
    ['team-a-prod', ['/team-a/'], 'regexp', true],
    ['team-a-prod', ['/team-a/'], 'glob', false],
    // a /.../ entry that does not match as a regular expression is still tried as a glob
    ['/x/', ['/y/'], 'regexp', false],
    ['/x/', ['/x/'], 'regexp', true],
    ['team-b', ['/[/', 'team-*'], 'regexp', true],
  ])('%p in %p (%s) is %p', (item, list, mode, expected) => {
    expect(matchStringInList(list, item, mode)).toBe(expected);
  });

  it('treats a regular expression that does not compile as no match', () => {
    expect(regexMatch('(', '(')).toBe(false);
    expect(regexMatch('a(?=b)', 'ab')).toBe(true);
  });
});

describe('projectGlobMatch (AppProject globMatch)', () => {
  it.each<[string, string, boolean, string, boolean]>([
    ['*', 'anything/at/all', false, '/', true],
    ['!*', 'x', true, '', false],
    ['!prod', 'dev', true, '', true],
    ['!prod', 'prod', true, '', false],
    ['!prod', '!prod', false, '', true],
    ['![a-z0-9]', 'x', true, '', true],
    ['[a-z0-9]', 'x', false, '', false],
    ['https://github.com/*', 'https://github.com/a/b', false, '/', false],
    ['https://github.com/**', 'https://github.com/a/b', false, '/', true],
  ])('%p against %p (negation %p, separators %p) is %p', (pattern, value, allowNegation, separators, expected) => {
    expect(projectGlobMatch(pattern, value, allowNegation, separators)).toBe(expected);
  });

  it('recognises deny patterns by a leading !', () => {
    expect(isDenyPattern('!x')).toBe(true);
    expect(isDenyPattern('x!')).toBe(false);
  });
});

describe('isSourcePermitted', () => {
  it.each<[string[], string, boolean]>([
    [['*'], 'https://github.com/argoproj/argo-cd.git', true],
    [['https://github.com/argoproj/*'], 'https://GITHUB.com/argoproj/argo-cd.git', true],
    [['https://github.com/argoproj/*'], 'https://github.com/argoproj/argo-cd/sub', false],
    [['git@github.com:argoproj/*'], 'ssh://git@github.com/argoproj/argo-cd', true],
    [['*', '!https://github.com/argoproj/secret.git'], 'https://github.com/argoproj/secret', false],
    [['*', '!https://github.com/argoproj/secret'], 'https://github.com/argoproj/public', true],
    [['!https://github.com/argoproj/secret'], 'https://github.com/argoproj/public', true],
    [[], 'https://github.com/argoproj/public', false],
  ])('%p permits %p: %p', (repos, url, expected) => {
    expect(isSourcePermitted(repos, url)).toBe(expected);
  });
});

describe('isDestinationMatched', () => {
  it.each<[Array<{ server?: string; name?: string; namespace?: string }>, { server?: string; name?: string; namespace?: string }, boolean]>([
    [[{ server: '*', namespace: '*' }], { server: 'https://kubernetes.default.svc', namespace: 'a' }, true],
    [[{ name: 'in-cluster', namespace: 'team-*' }], { name: 'in-cluster', namespace: 'team-a' }, true],
    [[{ name: 'in-cluster', namespace: 'team-*' }], { name: 'in-cluster', namespace: 'other' }, false],
    [[{ server: '*', namespace: '*' }, { server: '*', namespace: '!kube-system' }], { server: 'https://x', namespace: 'kube-system' }, false],
    [[{ server: '*', namespace: '!kube-system' }], { server: 'https://x', namespace: 'default' }, true],
    // a deny name refuses even when the namespace does not match (Go precedence)
    [[{ server: '*', namespace: '*' }, { name: '!prod', namespace: 'nomatch' }], { server: 'https://x', name: 'prod', namespace: 'a' }, false],
  ])('%p matches %p: %p', (destinations, dst, expected) => {
    expect(isDestinationMatched(destinations, dst)).toBe(expected);
  });
});

// Go 1.19 path/filepath match_test.go matchTests: [pattern, name, matches, bad pattern]
describe('filepathMatch (path/filepath.Match)', () => {
  it.each<[string, string, boolean, boolean]>([
    ['abc', 'abc', true, false],
    ['*', 'abc', true, false],
    ['*c', 'abc', true, false],
    ['a*', 'a', true, false],
    ['a*', 'abc', true, false],
    ['a*', 'ab/c', false, false],
    ['a*/b', 'abc/b', true, false],
    ['a*/b', 'a/c/b', false, false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true, false],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true, false],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false, false],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false, false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true, false],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false, false],
    ['ab[c]', 'abc', true, false],
    ['ab[b-d]', 'abc', true, false],
    ['ab[e-g]', 'abc', false, false],
    ['ab[^c]', 'abc', false, false],
    ['ab[^b-d]', 'abc', false, false],
    ['ab[^e-g]', 'abc', true, false],
    ['a\\*b', 'a*b', true, false],
    ['a\\*b', 'ab', false, false],
    ['a?b', 'a☺b', true, false],
    ['a[^a]b', 'a☺b', true, false],
    ['a???b', 'a☺b', false, false],
    ['a[^a][^a][^a]b', 'a☺b', false, false],
    ['[a-ζ]*', 'α', true, false],
    ['*[a-ζ]', 'A', false, false],
    ['a?b', 'a/b', false, false],
    ['a*b', 'a/b', false, false],
    ['[\\]a]', ']', true, false],
    ['[\\-]', '-', true, false],
    ['[x\\-]', 'x', true, false],
    ['[x\\-]', '-', true, false],
    ['[x\\-]', 'z', false, false],
    ['[\\-x]', 'x', true, false],
    ['[\\-x]', '-', true, false],
    ['[\\-x]', 'a', false, false],
    ['[]a]', ']', false, true],
    ['[-]', '-', false, true],
    ['[x-]', 'x', false, true],
    ['[x-]', '-', false, true],
    ['[x-]', 'z', false, true],
    ['[-x]', 'x', false, true],
    ['[-x]', '-', false, true],
    ['[-x]', 'a', false, true],
    ['\\', 'a', false, true],
    ['[a-b-c]', 'a', false, true],
    ['[', 'a', false, true],
    ['[^', 'a', false, true],
    ['[^bc', 'a', false, true],
    ['a[', 'a', false, true],
    ['a[', 'ab', false, true],
    ['a[', 'x', false, true],
    ['a/b[', 'x', false, true],
    ['*x', 'xxx', true, false],
  ])('%p against %p: %p (bad pattern %p)', (pattern, name, expected, bad) => {
    expect(filepathMatch(pattern, name)).toBe(expected);
    if (bad) {
      expect(() => filepathMatchWithError(pattern, name)).toThrow(FilepathBadPattern);
    } else {
      expect(filepathMatchWithError(pattern, name)).toBe(expected);
    }
  });

  it('fails when the pattern is malformed, with Go\'s message', () => {
    expect(() => filepathMatchWithError('[', 'a')).toThrow('syntax error in pattern');
  });
});

describe('resource lists (isResourceInList, isNamedResourceInList)', () => {
  const list = [{ group: '*', kind: 'Secret' }, { group: 'apps', kind: 'Deploy*' }];
  it.each<[string, string, boolean]>([
    ['', 'Secret', true],
    ['apps', 'Deployment', true],
    ['apps', 'StatefulSet', false],
    ['extensions', 'Deployment', false],
  ])('group %p kind %p is listed: %p', (group, kind, expected) => {
    expect(isResourceInList(group, kind, list)).toBe(expected);
  });

  it('checks the name pattern when there is one', () => {
    const named = [{ group: '', kind: 'Namespace', name: 'team-*' }];
    expect(isNamedResourceInList('', 'Namespace', 'team-a', named)).toBe(true);
    expect(isNamedResourceInList('', 'Namespace', 'kube-system', named)).toBe(false);
    expect(isNamedResourceInList('', 'Namespace', 'anything', [{ group: '', kind: 'Namespace' }])).toBe(true);
  });
});
