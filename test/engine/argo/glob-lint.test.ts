import { globProblem } from '../../../src/engine/argo/glob-lint';

describe('globProblem (project/glob)', () => {
  it.each<[string, string, string]>([
    ['[a-z0-9]*', '', 'pattern "[a-z0-9]*" matches nothing: Argo CD\'s glob library (gobwas/glob v0.2.3) cannot compile it (expected close range character); write [a-z0-9] as {[a-z],[0-9]}'],
    ['team-[a-z_]*', '', 'write [a-z_] as {[a-z],[_]}'],
    ['[!a-z0-9]', '', 'a class holds one range or one list of characters'],
    ['[]', '', 'could not parse range'],
    ['e[[a*', '', '(unexpected end of input); close the class with ] or write a literal [ as \\['],
    ['[z-a]', '', "(hi character 'a' should be greater than lo 'z'); write the range from low to high"],
    ['a\ufffd', '', 'could not read rune'],
  ])('fails when %p does not compile (separators %p)', (pattern, separators, message) => {
    const problem = globProblem(pattern, separators);
    expect(problem?.severity).toBe('error');
    expect(problem?.message).toContain(message);
    expect(problem?.message).toContain(`pattern "${pattern}" matches nothing`);
  });

  it.each<[string, string, string]>([
    ['[^a]x', '', 'pattern "[^a]x" has ^ first in a class, which Argo CD reads as a literal ^, not a negation; negate with ! as in [!a]'],
    ['[^a-z]', '', 'has ^ first in a class'],
    ['start*art', '', 'pattern "start*art" also matches "start": Argo CD only checks that text starts with "start" and ends with "art", which may overlap (gobwas issue 61); write {start?*art,startart} to require both'],
    ['ab**abc', '', 'also matches "abc"'],
    ['{a,}{a,}a', '', 'pattern "{a,}{a,}a" has parts that may match no text, which Argo CD then fails to match (gobwas issue 62'],
    ['a\\', '', 'pattern "a\\" ends with a lone \\, which Argo CD drops; remove it, or write \\\\ for a literal backslash'],
  ])('warns about %p (separators %p)', (pattern, separators, message) => {
    const problem = globProblem(pattern, separators);
    expect(problem?.severity).toBe('warning');
    expect(problem?.message).toContain(message);
  });

  it.each<[string, string]>([
    ['*', ''],
    ['https://github.com/argoproj/*', '/'],
    ['https://github.com/*/*', '/'],
    ['https://github.com/**', '/'],
    ['git@github.com/argoproj/*', '/'],
    ['team-*', ''],
    ['!kube-system', ''],
    ['[!a]*', ''],
    ['{dev,staging,prod}', ''],
    ['{dev,staging}-*', ''],
    ['*-{a,b}-*', ''],
    ['abc*def', ''],
    ['a\\\\', ''],
    ['\\*', ''],
    ['https://kubernetes.default.svc', ''],
  ])('finds nothing in %p (separators %p)', (pattern, separators) => {
    expect(globProblem(pattern, separators)).toBeUndefined();
  });
});
