import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing, YamlOutputType } from 'cdk8s';
import * as YAML from 'yaml';
import { AppOfApps, Application, ApplicationSource, CascadeDelete, Destination, validateManifests } from '../../src';

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
    expect(parent.metadata).toEqual({ name: 'root', namespace: 'argocd' });
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

  /** Synthesizes the app into a temporary folder; returns the parent's include and the files written. */
  function synthesize(build: (app: App) => void, outputType?: YamlOutputType): { include: string; recurse?: boolean; files: string[] } {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aoa-'));
    const app = new App({ outdir, yamlOutputType: outputType });
    build(app);
    app.synth();
    const files: string[] = [];
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else files.push(path.relative(outdir, path.join(dir, e.name)));
    });
    walk(outdir);
    const all = files.flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8')).map((d: any) => d.toJS()));
    const parent = all.find((o: any) => o.metadata.name === 'root');
    return { include: parent.spec.source.directory.include, recurse: parent.spec.source.directory.recurse, files: files.sort() };
  }

  function platform(app: App): void {
    const root = new Chart(app, 'root');
    const infra = new Chart(app, 'infra');
    const teams = new Chart(app, 'teams');
    teams.addDependency(infra);
    new Application(teams, 'child', {
      name: 'child',
      source: ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' }),
      destination: Destination.inCluster('web'),
    });
    new AppOfApps(root, 'apps', { name: 'root', repoURL: 'https://github.com/a/platform.git', path: 'dist', charts: [infra, teams] });
  }

  test('includes the numbered files cdk8s writes when charts depend on each other', () => {
    const { include, files } = synthesize(platform);
    expect(files).toEqual(['0000-root.k8s.yaml', '0001-infra.k8s.yaml', '0002-teams.k8s.yaml']);
    expect(include).toEqual('{0001-infra.k8s.yaml,0002-teams.k8s.yaml}');
  });

  test('includes the file of FILE_PER_APP output', () => {
    const { include, files } = synthesize(platform, YamlOutputType.FILE_PER_APP);
    expect(files).toEqual(['app.k8s.yaml']);
    expect(include).toEqual('app.k8s.yaml');
  });

  test('includes per-resource files in chart folders, recursing', () => {
    const { include, recurse, files } = synthesize(platform, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE);
    expect(files).toEqual(['0000-root/Application.root.k8s.yaml', '0002-teams/Application.child.k8s.yaml']);
    expect(include).toEqual('0002-teams/Application.child.k8s.yaml');
    expect(recurse).toBe(true);
  });

  test('puts the cascade-delete finalizer on the parent only when asked', () => {
    const app = Testing.app();
    const root = new Chart(app, 'root');
    const teams = new Chart(app, 'teams');
    new AppOfApps(root, 'apps', { name: 'root', repoURL: 'https://x', path: 'dist', charts: [teams], cascadeDelete: CascadeDelete.FOREGROUND });
    expect(root.toJson()[0].metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
  });

  test('fails when repoURL is missing or a chart is not a Chart (JavaScript callers)', () => {
    const app = Testing.app();
    const root = new Chart(app, 'root');
    expect(() => new AppOfApps(root, 'apps', { path: 'dist' } as any))
      .toThrow(/^\[root\/apps\] 'repoURL' is required: give the repository the rendered manifests are committed to/);
    expect(() => new AppOfApps(root, 'apps2', { repoURL: 'https://x', path: 'dist', charts: ['teams'] as any }))
      .toThrow(/^\[root\/apps2\] charts\[0\] is "teams" \(a string\)/);
  });
});
