import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Duration, JsonPatch, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { AppProject, ProjectAction, ProjectPolicy, SyncWindowKind } from '../../src';
import { UPSTREAM } from '../upstream/upstream';

const KS = YAML.parse(fs.readFileSync(path.join(UPSTREAM, 'docs/operator-manual/project.yaml'), 'utf8'));

describe('AppProject', () => {
  test('rebuilds the upstream kitchen sink project.yaml field by field', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new AppProject(chart, 'p', {
      name: 'my-project',
      deletionProtection: true,
      description: 'Example Project',
      sourceRepos: ['*'],
      destinations: [
        { namespace: 'guestbook', server: 'https://kubernetes.default.svc', name: 'in-cluster' },
        { namespace: 'guestbook-*', server: 'https://kubernetes.default.svc', name: 'in-cluster' },
      ],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace', name: '' }],
      clusterResourceBlacklist: [{ group: '', kind: 'Namespace', name: 'kube-*' }],
      namespaceResourceBlacklist: [{ group: '', kind: 'ResourceQuota' }, { group: '', kind: 'LimitRange' }, { group: '', kind: 'NetworkPolicy' }],
      namespaceResourceWhitelist: [{ group: 'apps', kind: 'Deployment' }, { group: 'apps', kind: 'StatefulSet' }],
      orphanedResources: { warn: false },
      roles: [
        { name: 'read-only', description: 'Read-only privileges to my-project', policies: [ProjectPolicy.allow(ProjectAction.GET, '*')], groups: ['my-oidc-group'] },
        { name: 'ci-role', description: 'Sync privileges for guestbook-dev', policies: [ProjectPolicy.allow(ProjectAction.SYNC, 'guestbook-dev')], jwtTokens: [{ iat: 1535390316 }] },
      ],
      syncWindows: [
        { kind: SyncWindowKind.ALLOW, schedule: '10 1 * * *', duration: Duration.hours(1), applications: ['*-prod'], manualSync: true },
        { kind: SyncWindowKind.ALLOW, schedule: '0 9 * * *', duration: Duration.hours(8), applications: ['*'], syncOverrun: true },
        { kind: SyncWindowKind.DENY, schedule: '0 22 * * *', duration: Duration.hours(1), namespaces: ['default'], syncOverrun: true },
        { kind: SyncWindowKind.ALLOW, schedule: '0 23 * * *', duration: Duration.hours(1), clusters: ['in-cluster', 'cluster1'] },
      ],
      permitOnlyProjectScopedClusters: false,
      sourceNamespaces: ['argocd-apps-*'],
      sourceIntegrityPolicies: [{ repos: ['https://github.com/foo/*', '!https://github.com/foo/bar.git'], gpgMode: 'strict', gpgKeys: ['D56C4FCA57A46444'] }],
    });
    // THEN
    const out = Testing.synth(chart)[0];
    expect(out).toEqual(KS);
  });

  test('escape hatch and an explicit empty namespace whitelist', () => {
    // GIVEN
    const chart = Testing.chart();
    const p = new AppProject(chart, 'p', { name: 'x', sourceRepos: ['*'], namespaceResourceWhitelist: [] });
    // WHEN
    ApiObject.of(p).addJsonPatch(JsonPatch.add('/spec/description', 'patched'));
    // THEN
    const out = Testing.synth(chart)[0];
    expect(out.spec).toEqual({ sourceRepos: ['*'], namespaceResourceWhitelist: [], description: 'patched' });
  });

  test('fromAppProjectName references without rendering', () => {
    const chart = Testing.chart();
    expect(AppProject.fromAppProjectName(chart, 'd', 'default').name).toEqual('default');
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('fails when a source repo is "!*"', () => {
    const chart = Testing.chart();
    expect(() => new AppProject(chart, 'p', { sourceRepos: ['!*'] })).toThrow(/\[test\/p\] source repo "!\*" denies every repository/);
  });

  test('fails when a sync window schedule uses a descriptor', () => {
    const chart = Testing.chart();
    new AppProject(chart, 'p', { name: 'x', syncWindows: [{ kind: SyncWindowKind.DENY, schedule: '@daily', duration: Duration.hours(1), applications: ['*'] }] });
    expect(() => Testing.synth(chart)).toThrow(/test\/p.*schedule "@daily" descriptors such as "@daily" are not accepted/s);
  });
});
