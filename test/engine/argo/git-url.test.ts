import { ensurePrefix, isSSHURL, normalizeGitURL, normalizeGitURLAllowInvalid, sameURL } from '../../../src/engine/argo/git-url';

// argo-cd v3.5.1 util/git/git_test.go TestIsSSHURL
describe('isSSHURL', () => {
  it.each<[string, boolean]>([
    ['git://github.com/argoproj/test.git', false],
    ['git@GITHUB.com:argoproj/test.git', true],
    ['git@github.com:test', true],
    ['git@github.com:test.git', true],
    ['https://github.com/argoproj/test', false],
    ['https://github.com/argoproj/test.git', false],
    ['ssh://git@GITHUB.com:argoproj/test', true],
    ['ssh://git@GITHUB.com:argoproj/test.git', true],
    ['ssh://git@github.com:test.git', true],
  ])('%p is SSH: %p', (url, expected) => {
    expect(isSSHURL(url).ssh).toBe(expected);
  });

  // TestIsSSHURLUserName
  it.each<[string, string]>([
    ['ssh://john@john-server.org:29418/project', 'john'],
    ['john@john-server.org:29418/project', 'john'],
    ['john@doe.org@john-server.org:29418/project', 'john@doe.org'],
    ['ssh://john@doe.org@john-server.org:29418/project', 'john@doe.org'],
    ['john@doe.org@john-server.org:project', 'john@doe.org'],
  ])('%p has user %p', (url, user) => {
    expect(isSSHURL(url)).toEqual({ ssh: true, user });
  });
});

// TestSameURL: every pair is the same repository
describe('sameURL', () => {
  it.each<[string, string]>([
    ['git@GITHUB.com:argoproj/test', 'git@github.com:argoproj/test.git'],
    ['git@GITHUB.com:argoproj/test.git', 'git@github.com:argoproj/test.git'],
    ['git@GITHUB.com:test', 'git@github.com:test.git'],
    ['git@GITHUB.com:test.git', 'git@github.com:test.git'],
    ['https://GITHUB.com/argoproj/test', 'https://github.com/argoproj/test.git'],
    ['https://GITHUB.com/argoproj/test.git', 'https://github.com/argoproj/test.git'],
    ['https://github.com/FOO', 'https://github.com/foo'],
    ['https://github.com/TEST', 'https://github.com/TEST.git'],
    ['https://github.com/TEST.git', 'https://github.com/TEST.git'],
    ['https://github.com:4443/TEST', 'https://github.com:4443/TEST.git'],
    ['https://github.com:4443/TEST.git', 'https://github.com:4443/TEST'],
    ['ssh://git@GITHUB.com/argoproj/test', 'git@github.com:argoproj/test.git'],
    ['ssh://git@GITHUB.com/argoproj/test.git', 'git@github.com:argoproj/test.git'],
    ['ssh://git@GITHUB.com/test.git', 'git@github.com:test.git'],
    ['ssh://git@github.com/test', 'git@github.com:test.git'],
    [' https://github.com/argoproj/test ', 'https://github.com/argoproj/test.git'],
    ['\thttps://github.com/argoproj/test\n', 'https://github.com/argoproj/test.git'],
    ['https://1234.visualstudio.com/myproj/_git/myrepo', 'https://1234.visualstudio.com/myproj/_git/myrepo'],
    ['https://dev.azure.com/1234/myproj/_git/myrepo', 'https://dev.azure.com/1234/myproj/_git/myrepo'],
  ])('%p is the same as %p', (left, right) => {
    expect(sameURL(left, right)).toBe(true);
  });

  it('tells different repositories apart', () => {
    expect(sameURL('https://github.com/a/b', 'https://github.com/a/c')).toBe(false);
    expect(sameURL('', '')).toBe(false);
  });

  it('compares URLs that do not parse as written', () => {
    expect(normalizeGitURLAllowInvalid('https://a b%zz')).toBe('https://a b%zz');
    expect(sameURL('https://a b%zz', 'https://a b%zz')).toBe(true);
  });
});

// Results of Go's NormalizeGitURL (checked with the Go program of the differential test)
describe('normalizeGitURL', () => {
  it.each<[string, string]>([
    ['git@GITHUB.com:argoproj/test.git', 'git@github.com/argoproj/test'],
    ['ssh://git@github.com:22/argoproj/test.git', 'git@github.com:22/argoproj/test'],
    ['https://user@GitHub.com/x.git', 'https://user@github.com/x'],
    ['https://github.com/a/b.git.git', 'https://github.com/a/b.git'],
    ['https://github.com/a b', 'https://github.com/a%20b'],
    ['https://github.com/%7Euser/repo', 'https://github.com/%7euser/repo'],
    ['https://github.com/a%2Fb', 'https://github.com/a%2fb'],
    ['https://github.com:443/a?x=1#frag', 'https://github.com:443/a?x=1#frag'],
    ['https://github.com/é', 'https://github.com/%C3%A9'],
    ['github.com/argoproj/argo-cd', 'github.com/argoproj/argo-cd'],
    ['HTTPS://GITHUB.COM/İ', 'https://github.com/i'],
    ['*', '*'],
    ['https://github.com/*/*', 'https://github.com/*/*'],
    ['a:b/c', 'a:b/c'],
    ['', ''],
  ])('normalizes %p to %p', (url, expected) => {
    expect(normalizeGitURL(url)).toBe(expected);
  });

  it.each([
    ['https://github.com:port/x'],
    ['https://github.com/%zz'],
    ['https://git hub.com/x'],
    ['https://a\u0001b/x'],
    [':x'],
  ])('gives "" when Go cannot parse %p', (url) => {
    expect(normalizeGitURL(url)).toBe('');
  });
});

describe('ensurePrefix', () => {
  it('adds a missing prefix once', () => {
    expect(ensurePrefix('git@x', 'ssh://')).toBe('ssh://git@x');
    expect(ensurePrefix('ssh://git@x', 'ssh://')).toBe('ssh://git@x');
  });
});
