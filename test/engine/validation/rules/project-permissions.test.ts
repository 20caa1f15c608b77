import { validateManifests } from '../../../../src';
import { normalizeGitURL } from '../../../../src/engine/argo/git-url';
import { filepathMatch, isDestinationMatched, isSourcePermitted, match } from '../../../../src/engine/argo/glob';

const project = (spec: any) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'team', namespace: 'argocd' }, spec });
const app = (spec: any, ns = 'argocd') => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web', namespace: ns },
  spec: { project: 'team', source: { repoURL: 'https://github.com/team/web.git', path: 'x' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'team-web' }, ...spec },
});
const base = { sourceRepos: ['https://github.com/team/*'], destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'team-*' }] };
const perms = (objects: any[]) => validateManifests(objects).filter((p) => p.rule.startsWith('project-permissions/')).map((p) => [p.rule, p.message]);

describe('project permissions', () => {
  test('glob dialects follow gobwas and filepath.Match', () => {
    expect(match('https://github.com/*', 'https://github.com/a/b', '/')).toEqual(false);
    expect(match('https://github.com/**', 'https://github.com/a/b', '/')).toEqual(true);
    expect(match('team-*', 'team-a/b')).toEqual(true);
    expect(match('{a,b}-x', 'b-x')).toEqual(true);
    expect(filepathMatch('*', 'a/b')).toEqual(false);
    expect(filepathMatch('apps', 'apps')).toEqual(true);
    expect(normalizeGitURL('git@GitHub.com:team/web.git')).toEqual('git@github.com/team/web');
    expect(isSourcePermitted(['*', '!https://github.com/team/secret'], 'https://github.com/team/secret.git')).toEqual(false);
    expect(isSourcePermitted(['*', '!https://github.com/team/secret'], 'https://github.com/team/web')).toEqual(true);
  });
  test('stay silent when the project permits everything used', () => {
    expect(perms([project(base), app({})])).toEqual([]);
  });
  test('fails when the repository is not permitted', () => {
    expect(perms([project(base), app({ source: { repoURL: 'https://github.com/other/x.git', path: 'x' } })])).toEqual([
      ['project-permissions/source-repo', expect.stringMatching(/^application repo https:\/\/github.com\/other\/x.git is not permitted in project 'team': add/)],
    ]);
  });
  test('fails when the destination is not permitted', () => {
    expect(perms([project(base), app({ destination: { server: 'https://kubernetes.default.svc', namespace: 'kube-system' } })])).toEqual([
      ['project-permissions/destination', expect.stringMatching(/namespace: "kube-system"\} is not permitted in project 'team'/)],
    ]);
  });
  test('fails when the Application namespace is not in sourceNamespaces', () => {
    expect(perms([project(base), app({}, 'team-apps')])).toEqual([
      ['project-permissions/source-namespace', expect.stringMatching(/add "team-apps" to spec.sourceNamespaces of AppProject 'team'/)],
    ]);
    expect(perms([project({ ...base, sourceNamespaces: ['team-*'] }), app({}, 'team-apps')])).toEqual([]);
  });
  test('fails when a rendered resource kind is not permitted', () => {
    const track = (o: any) => ({ ...o, metadata: { ...o.metadata, labels: { 'app.kubernetes.io/instance': 'web' } } });
    const ns = track({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-web' } });
    const deploy = track({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'team-web' } });
    expect(perms([project(base), app({}), ns, deploy])).toEqual([
      ['project-permissions/resource-kind', expect.stringMatching(/cluster-scoped resource Namespace "team-web" .*add \{group: "", kind: "Namespace"\} to spec.clusterResourceWhitelist/)],
    ]);
    expect(perms([project({ ...base, clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }], namespaceResourceWhitelist: [] }), app({}), ns, deploy])).toEqual([
      ['project-permissions/resource-kind', expect.stringMatching(/namespaced resource apps\/Deployment "web".*namespaceResourceWhitelist/)],
    ]);
  });
  test('deny entries follow Argo CD: a deny pattern that fails denies whatever its position', () => {
    expect(isSourcePermitted(['!https://github.com/team/secret', '*'], 'https://github.com/team/secret')).toEqual(false);
    expect(isSourcePermitted(['!https://github.com/team/secret'], 'https://github.com/team/web')).toEqual(true);
    const dests = [{ server: '*', namespace: '*' }, { server: '*', namespace: '!kube-system' }];
    expect(isDestinationMatched(dests, { server: 'https://x', namespace: 'web' })).toEqual(true);
    expect(isDestinationMatched(dests, { server: 'https://x', namespace: 'kube-system' })).toEqual(false);
  });
  test('fails when a rendered namespaced resource lives in a namespace the project does not permit', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'kube-system', labels: { 'app.kubernetes.io/instance': 'web' } } };
    expect(perms([project(base), app({}), cm])).toEqual([
      ['project-permissions/resource-namespace', expect.stringMatching(/ConfigMap "c" of Application 'web' is in namespace "kube-system".*add \{server: "https:\/\/kubernetes.default.svc", namespace: "kube-system"\}/)],
    ]);
  });
  test('warns when permitOnlyProjectScopedClusters finds no project-scoped cluster, silent when one is in the input', () => {
    const scoped = project({ ...base, permitOnlyProjectScopedClusters: true });
    expect(perms([scoped, app({})])).toEqual([
      ['project-permissions/project-scoped-cluster', expect.stringMatching(/no cluster secret in the input with project: 'team' has server "https:\/\/kubernetes.default.svc"/)],
    ]);
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'in-cluster', namespace: 'argocd', labels: { 'argocd.argoproj.io/secret-type': 'cluster' } },
      stringData: { name: 'in-cluster', server: 'https://kubernetes.default.svc', project: 'team' },
    };
    expect(perms([scoped, app({}), secret])).toEqual([]);
  });
});
