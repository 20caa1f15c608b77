import { Chart, Testing } from 'cdk8s';
import { AppOfApps, Application, ApplicationSource, Destination, validateManifests } from '../../src';

describe('AppOfApps', () => {
  test('points a parent Application at the rendered files of other charts, with child waves', () => {
    // GIVEN
    const app = Testing.app();
    const root = new Chart(app, 'root');
    const teams = new Chart(app, 'teams');
    const infra = new Chart(app, 'infra');
    const child = new Application(teams, 'child', {
      name: 'child',
      source: ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' }),
      destination: Destination.inCluster('web'),
    });
    // WHEN
    const aoa = new AppOfApps(root, 'apps', { name: 'root', repoURL: 'https://github.com/a/platform.git', path: 'dist/platform', charts: [teams] });
    aoa.addChart(infra);
    aoa.addChild(child, 2);
    // THEN
    const parent = root.toJson()[0];
    expect(parent.metadata).toEqual({ name: 'root', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] });
    expect(parent.spec).toEqual({
      project: 'default',
      source: { repoURL: 'https://github.com/a/platform.git', path: 'dist/platform', targetRevision: 'HEAD', directory: { include: '{teams.k8s.yaml,infra.k8s.yaml}' } },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'argocd' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    });
    const childJson = teams.toJson()[0];
    expect(childJson.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '2' });
    // the health-check caveat is reported as a warning
    expect(validateManifests([childJson]).filter((p) => p.rule === 'application/wave-health-check').map((p) => p.severity)).toEqual(['warning']);
  });

  test('fails when the app of apps includes its own chart', () => {
    const chart = Testing.chart();
    expect(() => new AppOfApps(chart, 'apps', { repoURL: 'https://x', path: 'dist', charts: [chart] }))
      .toThrow(/\[test\/apps\] chart test holds the app of apps itself/);
  });

  test('fails when no chart is synced', () => {
    const chart = Testing.chart();
    new AppOfApps(chart, 'apps', { name: 'root', repoURL: 'https://x', path: 'dist' });
    expect(() => Testing.synth(chart)).toThrow(/the app of apps syncs no chart/);
  });
});
