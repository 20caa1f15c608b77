/**
 * Which rendered objects are an Application's resources: those Argo CD tracks as its own (the
 * tracking annotation or instance label), or, untracked, those in exactly the destination
 * namespace of the only Application in the input. Workloads next to a single Application are not
 * judged against its project otherwise.
 */
import { validateManifests } from '../../../../src';

const project = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'AppProject',
  metadata: { name: 'team', namespace: 'argocd' },
  spec: { sourceRepos: ['*'], destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'team-*' }], namespaceResourceWhitelist: [{ group: '', kind: 'ConfigMap' }] },
};
const app = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web', namespace: 'argocd' },
  spec: { project: 'team', source: { repoURL: 'https://github.com/team/web.git', path: 'x' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'team-web' } },
};
const deployment = (namespace: string, labels?: { [k: string]: string }) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace, labels }, spec: {} });
const perms = (objects: any[]) => validateManifests(objects).filter((p) => p.rule.startsWith('project-permissions/')).map((p) => `${p.severity} ${p.rule} ${p.name}`);

describe('project permissions: attributing rendered objects to an Application', () => {
  test('an untracked workload in another namespace than the single Application deploys to is not its resource', () => {
    expect(perms([project, app, deployment('platform')])).toEqual([]);
  });

  test('an untracked cluster-scoped object next to the single Application is not its resource', () => {
    expect(perms([project, app, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'platform' } }])).toEqual([]);
  });

  test('warns when an untracked workload sits in the single Application\'s destination namespace and its project does not permit the kind', () => {
    expect(perms([project, app, deployment('team-web')])).toEqual(['warning project-permissions/resource-kind api']);
  });

  test('fails when a tracked workload is outside the project\'s destinations, whatever the namespace', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'platform', annotations: { 'argocd.argoproj.io/tracking-id': 'web:/ConfigMap:platform/settings' } } };
    expect(perms([project, app, cm, deployment('platform', { 'app.kubernetes.io/instance': 'web' })])).toEqual([
      'error project-permissions/resource-namespace settings',
      'error project-permissions/resource-kind api',
    ]);
  });

  test('with two Applications, only tracked objects are attributed', () => {
    const other = { ...app, metadata: { ...app.metadata, name: 'other' } };
    expect(perms([project, app, other, deployment('team-web')])).toEqual([]);
  });
});
