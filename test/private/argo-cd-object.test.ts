import { spawnSync } from 'child_process';
import * as path from 'path';
import { ApiObject, App, Chart, Duration, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import {
  Application, ApplicationSet, ApplicationSetGenerator, ApplicationSource, AppProject, CascadeDelete, Destination, ProjectAction, ProjectPolicy,
  SyncOption, SyncWindowKind,
} from '../../src';
import { REFERENCE_APPS, referenceApp } from '../reference-apps';

// The Argo CD constructs render their objects without cdk8s's generic resolve when nothing in them
// is a token (src/private/argo-cd-object.ts). An App with a resolver of its own takes cdk8s's path:
// both must write the same objects, key order included.

/** A resolver that changes nothing: its presence alone sends every object down cdk8s's own path. */
class NoopResolver implements IResolver {
  public resolve(_context: ResolutionContext): void {
    // Leaves every value as it is.
  }
}

/** The charts' objects as cdk8s writes them (JSON text keeps the key order). */
function rendered(app: App): string {
  return app.charts.map((c) => JSON.stringify(c.toJson())).join('\n');
}

/** Whether a JSON value has an own `__proto__` key at any depth. */
function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return true;
  return Object.values(value).some(hasProtoKey);
}

/** Renders the app on the fast path, then the same constructs through cdk8s's resolve. */
function bothPaths(app: App): { fast: string; resolved: string; resolvedObjects: number } {
  const generic = jest.spyOn(ApiObject.prototype, 'toJson');
  try {
    const fast = rendered(app);
    const resolvedOnFastPath = generic.mock.calls.length;
    app.resolvers.unshift(new NoopResolver());
    try {
      return { fast, resolved: rendered(app), resolvedObjects: resolvedOnFastPath };
    } finally {
      app.resolvers.shift();
    }
  } finally {
    generic.mockRestore();
  }
}

function kitchenSink(app: App): void {
  const chart = new Chart(app, 'sink', { labels: { 'chart-label': 'x' } });
  const project = new AppProject(chart, 'team', {
    name: 'team',
    description: 'The team\'s applications',
    sourceRepos: ['*'],
    destinations: [{ server: 'https://kubernetes.default.svc', namespace: '*' }],
    clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
    roles: [{ name: 'ci', policies: [ProjectPolicy.allow(ProjectAction.SYNC, '*')], groups: ['ci'] }],
    syncWindows: [{ kind: SyncWindowKind.ALLOW, schedule: '0 22 * * *', duration: Duration.hours(1), applications: ['*'] }],
  });
  const app1 = new Application(chart, 'helm', {
    name: 'helm',
    project,
    labels: { team: 'a', tier: 'backend' },
    annotations: { 'example.com/owner': 'me' },
    sources: [
      ApplicationSource.helmChart({
        repoURL: 'https://charts.example.com',
        chart: 'web',
        targetRevision: '1.2.3',
        helm: { releaseName: 'web', valueFiles: ['$values/web.yaml'], valuesObject: { replicas: 2, z: null, a: { list: [1, 'two', { c: true, b: false }] } } },
      }),
      ApplicationSource.ref({ repoURL: 'https://github.com/example-org/values.git', targetRevision: 'main', ref: 'values' }),
    ],
    destination: Destination.inCluster('web'),
    syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: [SyncOption.CREATE_NAMESPACE, SyncOption.SERVER_SIDE_APPLY] },
    cascadeDelete: CascadeDelete.FOREGROUND,
    ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    info: [{ name: 'docs', value: 'https://docs.example.com' }],
    revisionHistoryLimit: 3,
  });
  app1.setSyncWave(2);
  app1.apiObject.metadata.addLabel('added', 'later');
  new Application(chart, 'git', {
    project,
    source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/apps.git', path: 'apps/x', targetRevision: 'main' }),
    destination: Destination.inCluster('x'),
  });
  new ApplicationSet(chart, 'set', {
    name: 'set',
    goTemplate: true,
    generators: [ApplicationSetGenerator.list({ elements: [{ name: 'a' }, { name: 'b' }] })],
    template: {
      name: '{{.name}}',
      project: 'team',
      source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/apps.git', path: 'apps/{{.name}}', targetRevision: 'main' }),
      destination: Destination.inCluster('{{.name}}'),
    },
  });
}

describe('ArgoCdObject rendering', () => {
  test('renders Applications, AppProjects and ApplicationSets exactly as cdk8s resolve does', () => {
    // GIVEN
    const app = Testing.app();
    kitchenSink(app);
    // WHEN
    const { fast, resolved, resolvedObjects } = bothPaths(app);
    // THEN
    expect(resolvedObjects).toBe(0);
    expect(fast).toBe(resolved);
    const objects = JSON.parse(`[${fast.split('\n').join(',')}]`).flat();
    expect(objects.map((o: any) => o.kind)).toEqual(['AppProject', 'Application', 'Application', 'ApplicationSet']);
    const helm = objects[1];
    expect(Object.keys(helm)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(helm.metadata)).toEqual(['annotations', 'finalizers', 'labels', 'name', 'namespace']);
    expect(helm.metadata.labels).toEqual({ 'added': 'later', 'chart-label': 'x', 'team': 'a', 'tier': 'backend' });
    expect(Object.keys(helm.spec)).toEqual(['destination', 'ignoreDifferences', 'info', 'project', 'revisionHistoryLimit', 'sources', 'syncPolicy']);
    // null values are dropped and keys sorted inside free-form values too, as sanitizeValue does
    expect(JSON.stringify(helm.spec.sources[0].helm.valuesObject)).toBe('{"a":{"list":[1,"two",{"b":false,"c":true}]},"replicas":2}');
    expect(helm.spec.sources[0].repoURL).toBe('https://charts.example.com');
  });

  test('any free-form value renders as cdk8s resolve renders it', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const labelValue = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,8}[a-z0-9])?$/);
    const valuesObject = fc.dictionary(fc.string(), json, { noNullPrototype: true });
    fc.assert(fc.property(valuesObject, fc.dictionary(labelValue, labelValue, { noNullPrototype: true }), (values, labels) => {
      // (a `__proto__` key takes cdk8s's path on purpose: the next test)
      fc.pre(!hasProtoKey(values));
      // GIVEN
      const app = Testing.app();
      const chart = new Chart(app, 'c');
      new Application(chart, 'a', {
        name: 'a',
        labels,
        source: ApplicationSource.helmChart({ repoURL: 'https://charts.example.com', chart: 'c', targetRevision: '1', helm: { valuesObject: values } }),
        destination: Destination.inCluster('a'),
      });
      // WHEN
      const { fast, resolved, resolvedObjects } = bothPaths(app);
      // THEN
      expect(resolvedObjects).toBe(0);
      expect(fast).toBe(resolved);
    }), { numRuns: 300 });
  });

  test('takes cdk8s resolve for a `__proto__` key in a free-form value, and renders it as cdk8s does', () => {
    // JSON.parse and YAML parsers make `__proto__` an own key; copying it by assignment would set a
    // prototype instead and lose the value. cdk8s drops the key, or fails on a list.
    const appWith = (valuesJson: string) => {
      const app = Testing.app();
      new Application(new Chart(app, 'c'), 'a', {
        name: 'a',
        source: ApplicationSource.helmChart({ repoURL: 'https://charts.example.com', chart: 'c', targetRevision: '1', helm: { valuesObject: JSON.parse(valuesJson) } }),
        destination: Destination.inCluster('a'),
      });
      return app;
    };
    // WHEN
    const { fast, resolved, resolvedObjects } = bothPaths(appWith('{"b": 1, "nested": {"__proto__": {"a": 1}, "c": 2}}'));
    // THEN
    expect(resolvedObjects).toBeGreaterThan(0);
    expect(fast).toBe(resolved);
    expect(JSON.parse(fast)[0].spec.source.helm.valuesObject).toEqual({ b: 1, nested: { c: 2 } });
    const list = appWith('{"__proto__": [], "b": 1}');
    expect(() => rendered(list)).toThrow(/can't render non-simple object of type 'Array'/);
    list.resolvers.unshift(new NoopResolver());
    expect(() => rendered(list)).toThrow(/can't render non-simple object of type 'Array'/);
  });

  test('takes cdk8s resolve for tokens in the spec, and renders them', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const application = new Application(chart, 'a', {
      name: 'a',
      source: ApplicationSource.helmChart({
        repoURL: 'https://charts.example.com',
        chart: 'c',
        targetRevision: '1',
        helm: { valuesObject: { replicas: Lazy.any({ produce: () => 3 }), image: { resolve: () => 'web:1' } } },
      }),
      destination: Destination.inCluster('a'),
    });
    const generic = jest.spyOn(ApiObject.prototype, 'toJson');
    // WHEN
    const json = application.apiObject.toJson();
    // THEN
    expect(generic).toHaveBeenCalledTimes(1);
    generic.mockRestore();
    expect(json.spec.source.helm.valuesObject).toEqual({ image: 'web:1', replicas: 3 });
  });

  test('takes cdk8s resolve in an app with resolvers of its own, and they apply', () => {
    // GIVEN
    const upper: IResolver = {
      resolve: (context) => {
        if (typeof context.value === 'string' && context.key.join('.') === 'spec.source.path' && context.value !== context.value.toUpperCase()) context.replaceValue(context.value.toUpperCase());
      },
    };
    const app = new App({ outdir: path.join(Testing.app().outdir), resolvers: [upper] });
    const chart = new Chart(app, 'c');
    const application = new Application(chart, 'a', {
      name: 'a',
      source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/apps.git', path: 'apps/a', targetRevision: 'main' }),
      destination: Destination.inCluster('a'),
    });
    // WHEN
    const json = application.apiObject.toJson();
    // THEN
    expect(json.spec.source.path).toBe('APPS/A');
  });

  test('applies JSON patches to the wire form on either path', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const application = new Application(chart, 'a', {
      name: 'a',
      source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/apps.git', path: 'apps/a', targetRevision: 'main' }),
      destination: Destination.inCluster('a'),
    });
    ApiObject.of(application).addJsonPatch(JsonPatch.replace('/spec/source/repoURL', 'https://github.com/example-org/other.git'));
    // WHEN
    const { fast, resolved } = bothPaths(app);
    // THEN
    expect(fast).toBe(resolved);
    expect(JSON.parse(fast)[0].spec.source.repoURL).toBe('https://github.com/example-org/other.git');
  });

  test('writes the same YAML through Chart.toJson and cdk8s synthYaml', () => {
    // GIVEN
    const app = Testing.app();
    kitchenSink(app);
    // WHEN
    const yaml = app.synthYaml();
    // THEN
    const objects = app.charts[0].toJson().map((o: unknown) => JSON.stringify(o)).join('\n');
    expect(YAML.parseAllDocuments(yaml).map((d) => JSON.stringify(d.toJS())).join('\n')).toBe(objects);
  });

  test('renders objects of the same keys with one V8 hidden class, on either path', () => {
    // cdk8s import's toJson_ built objects with a spread that gave each one a map of its own once
    // the spread had seen a few shapes, so every reader after the render ran megamorphic
    // (projenrc/rewrite-l1.ts rewrites it). Checked in a node of its own on the compiled library
    // (V8's maps are shared by everything a jest worker ran before). A map may be replaced once
    // (V8 deprecates one when a field's representation widens), so up to two per set of keys.
    // Arrays are left out: their map follows their elements.
    const lib = path.join(__dirname, '..', '..', 'lib', 'src', 'index.js');
    const script = `
      const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      const { App, Chart } = require(${JSON.stringify(require.resolve('cdk8s'))});
      const { Application, ApplicationSource, Destination, SyncOption } = require(${JSON.stringify(lib)});
      const app = new App();
      const chart = new Chart(app, 'c');
      for (let i = 0; i < 40; i++) {
        new Application(chart, 'a' + i, {
          name: 'a' + i,
          source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/apps.git', path: 'apps/' + i, targetRevision: i % 2 ? 'main' : undefined }),
          destination: i % 3 === 0 ? Destination.cluster('prod', 'ns-' + i) : Destination.inCluster('ns-' + i),
          syncPolicy: i % 5 === 0 ? { automated: { prune: true } } : { automated: { prune: true, selfHeal: true }, syncOptions: [SyncOption.CREATE_NAMESPACE] },
        });
      }
      const result = {};
      for (const path of ['fast', 'resolve']) {
        if (path === 'resolve') app.resolvers.unshift({ resolve: () => undefined });
        const mapsByKeys = new Map();
        const walk = (value) => {
          if (value === null || typeof value !== 'object') return;
          if (Array.isArray(value)) return value.forEach(walk);
          const keys = Object.keys(value).join(',');
          const maps = mapsByKeys.get(keys) ?? [];
          if (!maps.some((m) => haveSameMap(m, value))) maps.push(value);
          mapsByKeys.set(keys, maps);
          Object.values(value).forEach(walk);
        };
        chart.toJson().forEach((o) => walk(o.spec));
        result[path] = { keySets: mapsByKeys.size, mostMaps: Math.max(...[...mapsByKeys.values()].map((m) => m.length)) };
      }
      console.log(JSON.stringify(result));`;
    // WHEN
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf-8' });
    // THEN
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    for (const p of ['fast', 'resolve']) {
      expect(result[p].keySets).toBeGreaterThan(8);
      expect({ path: p, mostMaps: result[p].mostMaps <= 2 }).toEqual({ path: p, mostMaps: true });
    }
  });

  test('fails when a spec value cannot be rendered, with the construct path, as cdk8s does', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    class Custom { public readonly x = 1; }
    const application = new Application(chart, 'a', {
      name: 'a',
      source: ApplicationSource.helmChart({ repoURL: 'https://charts.example.com', chart: 'c', targetRevision: '1', helm: { valuesObject: { bad: new Custom() } } }),
      destination: Destination.inCluster('a'),
    });
    // THEN
    expect(() => application.apiObject.toJson()).toThrow("Failed serializing construct at path 'c/a/Resource' with name 'a': Error: can't render non-simple object of type 'Custom'");
  });
});

describe('ArgoCdObject rendering of the reference apps', () => {
  // The apps import 'cdk8s-argocd': here, the sources.
  jest.mock('cdk8s-argocd', () => jest.requireActual('../../src'), { virtual: true });

  test.each(REFERENCE_APPS)('apps/%s renders the same objects on both paths', (name) => {
    // GIVEN
    const app = referenceApp(name);
    // WHEN
    const { fast, resolved } = bothPaths(app);
    // THEN
    expect(fast.length).toBeGreaterThan(1000);
    expect(fast).toBe(resolved);
  });
});
