import { validateManifests } from '../../../../src';

const project = (spec: any) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'team', namespace: 'argocd' }, spec });
const globProblems = (spec: any) => validateManifests([project(spec)]).filter((p) => p.rule === 'project/glob').map((p) => [p.severity, p.path, p.message]);

describe('project/glob', () => {
  test('stays quiet on patterns that mean what they say', () => {
    expect(globProblems({
      sourceRepos: ['https://github.com/team/*', '!https://github.com/team/secret'],
      destinations: [{ server: '*', namespace: 'team-*' }, { name: 'in-cluster', namespace: '{web,api}-prod' }],
      sourceNamespaces: ['team-*', '/^team-[a-z]+$/'],
    })).toEqual([]);
  });

  test('fails when a destination namespace pattern does not compile in gobwas v0.2.3 (it matches nothing)', () => {
    expect(globProblems({ destinations: [{ server: '*', namespace: '[a-z0-9]*' }] })).toEqual([
      ['error', '/spec/destinations/0/namespace', expect.stringMatching(/^pattern "\[a-z0-9\]\*" matches nothing: Argo CD's glob library \(gobwas\/glob v0\.2\.3\) cannot compile it .*write \[a-z0-9\] as \{\[a-z\],\[0-9\]\}/)],
    ]);
  });

  test('warns when ^ is used to negate a class (gobwas negates with !)', () => {
    expect(globProblems({ sourceNamespaces: ['[^a]x'] })).toEqual([
      ['warning', '/spec/sourceNamespaces/0', expect.stringContaining('reads as a literal ^, not a negation; negate with ! as in [!a]')],
    ]);
  });

  test('warns when a prefix and suffix overlap (gobwas issue 61), also behind a deny "!"', () => {
    expect(globProblems({ destinations: [{ server: '*', namespace: '!start*art' }] })).toEqual([
      ['warning', '/spec/destinations/0/namespace', expect.stringContaining('gobwas issue 61')],
    ]);
  });

  test('checks sync window and destination service account patterns too', () => {
    expect(globProblems({
      syncWindows: [{ kind: 'allow', schedule: '* * * * *', duration: '1h', applications: ['[a-z0-9]-app'] }],
      destinationServiceAccounts: [{ server: '*', namespace: '[a-z0-9]', defaultServiceAccount: 'sa' }],
    }).map(([severity, path]) => [severity, path])).toEqual([
      ['error', '/spec/destinationServiceAccounts/0/namespace'],
      ['error', '/spec/syncWindows/0/applications/0'],
    ]);
  });

  test('fails when a pattern makes gobwas panic while Argo CD checks an Application against it', () => {
    const app = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'web', namespace: 'argocd' },
      spec: { project: 'team', source: { repoURL: 'https://github.com/team/web.git', path: 'x' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'a' } },
    };
    const problems = validateManifests([project({ sourceRepos: ['*'], destinations: [{ server: '*', namespace: 'a{}' }] }), app]);
    expect(problems.filter((p) => p.rule === 'project/glob' && p.kind === 'Application').map((p) => p.message)).toEqual([
      expect.stringMatching(/makes Argo CD's glob library panic on this value/),
    ]);
  });
});
