import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import { Hook, HookType, SyncWave, SyncWaves } from '../../src';

function objects(chart: Construct, ...names: string[]): ApiObject[] {
  return names.map((n) => new ApiObject(chart, n, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: n.toLowerCase() } }));
}
function waves(chart: Chart): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of Testing.synth(chart)) out[o.metadata.name] = o.metadata.annotations?.['argocd.argoproj.io/sync-wave'];
  return out;
}

describe('SyncWaves.fromDependencies', () => {
  test('assigns topological levels, lowest 0', () => {
    // GIVEN a diamond: d -> b, c -> a
    const chart = Testing.chart();
    const [a, b, c, d] = objects(chart, 'A', 'B', 'C', 'D');
    b.addDependency(a);
    c.addDependency(a);
    d.addDependency(b, c);
    // WHEN
    SyncWaves.fromDependencies(chart);
    // THEN
    expect(waves(chart)).toEqual({ a: '0', b: '1', c: '1', d: '2' });
  });

  test('takes dependencies declared after the call and a configured lowest wave', () => {
    const chart = Testing.chart();
    const [a, b] = objects(chart, 'A', 'B');
    SyncWaves.fromDependencies(chart, { lowestWave: -5 });
    b.addDependency(a);
    expect(waves(chart)).toEqual({ a: '-5', b: '-4' });
  });

  test('sees dependencies added after an earlier synth', async () => {
    const chart = Testing.chart();
    const [a, b] = objects(chart, 'A', 'B');
    SyncWaves.fromDependencies(chart);
    expect(waves(chart)).toEqual({ a: '0', b: '0' });
    await Promise.resolve();
    b.addDependency(a);
    expect(waves(chart)).toEqual({ a: '0', b: '1' });
  });

  test('expands dependencies on constructs to every ApiObject below them', () => {
    const chart = Testing.chart();
    const db = new Construct(chart, 'db');
    objects(db, 'Db1', 'Db2');
    const [web] = objects(chart, 'Web');
    web.addDependency(db);
    SyncWaves.fromDependencies(chart);
    expect(waves(chart)).toEqual({ db1: '0', db2: '0', web: '1' });
  });

  test('explicit waves win and shift their dependents', () => {
    const chart = Testing.chart();
    const [a, b, c] = objects(chart, 'A', 'B', 'C');
    b.addDependency(a);
    c.addDependency(b);
    SyncWaves.fromDependencies(chart);
    SyncWave.of(b).set(10);
    expect(waves(chart)).toEqual({ a: '0', b: '10', c: '11' });
    expect(SyncWaves.compute(chart)).toEqual({ 'test/A': 0, 'test/B': 10, 'test/C': 11 });
  });

  test('fails when an explicit wave contradicts a dependency', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const [a, b] = objects(chart, 'A', 'B');
    SyncWave.of(a).set(3);
    SyncWave.of(b).set(1);
    b.addDependency(a);
    SyncWaves.fromDependencies(chart);
    expect(() => app.synth()).toThrow(/\[c\] sync wave 1 of c\/B contradicts its dependency on c\/A \(wave 3\): .*set the wave to at least 4/);
  });

  test('an explicit wave on a cdk8s-plus StatefulSet puts its implicit dependencies (the headless Service) below it', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const db = new kplus.StatefulSet(chart, 'db', { containers: [{ image: 'postgres', portNumber: 5432, securityContext: { ensureNonRoot: false } }] });
    // Wave 0 is also where fromDependencies puts the Service (it depends on nothing): it used to fail.
    SyncWave.of(db).set(0);
    const [web] = objects(chart, 'Web');
    web.addDependency(db);
    SyncWaves.fromDependencies(chart);
    const byKind: Record<string, string> = {};
    for (const o of Testing.synth(chart)) byKind[o.kind] = o.metadata.annotations?.['argocd.argoproj.io/sync-wave'];
    expect(byKind).toEqual({ Service: '-1', StatefulSet: '0', ConfigMap: '1' });
  });

  test('dependencies of an explicit wave go below it, transitively, even below the lowest wave', () => {
    const chart = Testing.chart();
    const [a, b, c] = objects(chart, 'A', 'B', 'C');
    b.addDependency(a);
    c.addDependency(b);
    SyncWave.of(c).set(0);
    SyncWaves.fromDependencies(chart);
    expect(waves(chart)).toEqual({ a: '-2', b: '-1', c: '0' });
  });

  test('fails when explicit waves leave no wave for an object between them', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const [a, b, c] = objects(chart, 'A', 'B', 'C');
    SyncWave.of(a).set(5);
    SyncWave.of(c).set(5);
    c.addDependency(b);
    b.addDependency(a);
    SyncWaves.fromDependencies(chart);
    expect(() => app.synth()).toThrow(/\[c\] c\/B \(wave 4\) depends on c\/A \(wave 5\), and explicit waves leave no wave between them: /);
  });

  test('fails when the dependencies form a cycle, naming it', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const [a, b, c] = objects(chart, 'A', 'B', 'C');
    a.addDependency(b);
    b.addDependency(c);
    c.addDependency(a);
    SyncWaves.fromDependencies(chart);
    expect(() => app.synth()).toThrow(/dependency cycle c\/A => c\/B => c\/C => c\/A: remove one of these addDependency\(\) calls/);
  });

  test('fails when a hook depends on an object of a later phase', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const [config, job] = objects(chart, 'Config', 'Migrate');
    Hook.of(job).set({ types: [HookType.PRE_SYNC] });
    job.addDependency(config);
    SyncWaves.fromDependencies(chart);
    expect(() => app.synth()).toThrow(/c\/Migrate runs in the PreSync phase but depends on c\/Config, which Argo CD applies in the Sync phase, after it: /);
  });

  test('fails when lowestWave is not an integer', () => {
    const chart = Testing.chart();
    expect(() => SyncWaves.fromDependencies(chart, { lowestWave: 0.5 })).toThrow(/'lowestWave' must be an integer, got 0.5/);
  });

  test('leaves objects without dependencies at the lowest wave and keeps App validation quiet', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const chart = new Chart(app, 'c');
    objects(chart, 'A');
    SyncWaves.fromDependencies(chart);
    expect(() => app.synth()).not.toThrow();
  });
});
