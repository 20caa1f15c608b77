/**
 * Mistakes the type checker catches in TypeScript, made the way JavaScript and `any`-typed code
 * makes them: each is a clear error naming the construct path, the field, what was given and the
 * fix, never a crash inside the library.
 */
import { ApiObject, Duration, Testing } from 'cdk8s';
import {
  Application, ApplicationSource, AppProject, CascadeDelete, Destination, Hook, HookType, ProjectPolicy,
  ResourceSyncOption, ResourceSyncOptions, SyncOption, SyncWave, SyncWindowKind,
} from '../../src';

const js = (v: unknown): any => v;
const SOURCE = ApplicationSource.git({ repoURL: 'https://github.com/org/repo.git', path: 'app', targetRevision: 'main' });

function app(props: unknown): () => Application {
  return () => new Application(Testing.chart(), 'app', js(props));
}

describe('Application props', () => {
  test('fails when destination is missing, with the factories to use', () => {
    expect(app({ source: SOURCE })).toThrow("[test/app] 'destination' is required: pass Destination.inCluster('my-namespace'), Destination.server(url) or Destination.cluster(name)");
  });

  test('fails when a string stands where a SyncOption belongs, naming the constant', () => {
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), syncPolicy: { syncOptions: [SyncOption.PRUNE_LAST, 'CreateNamespace=true'] } }))
      .toThrow('[test/app] syncPolicy.syncOptions[1] is "CreateNamespace=true" (a string), not a SyncOption: use SyncOption.CREATE_NAMESPACE');
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), syncPolicy: { syncOptions: ['Foo=bar'] } }))
      .toThrow('syncPolicy.syncOptions[0] is "Foo=bar" (a string), not a SyncOption: use a SyncOption constant such as SyncOption.CREATE_NAMESPACE, or SyncOption.custom("Foo=bar")');
  });

  test('fails when a misspelt constant arrives as undefined', () => {
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), syncPolicy: { syncOptions: [js(SyncOption).CREATE_NAMESPACES] } }))
      .toThrow(/^\[test\/app\] syncPolicy\.syncOptions\[0\] is undefined \(a misspelt constant\?\), not a SyncOption: /);
  });

  test('fails when an enum value is misspelt, suggesting the member', () => {
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), cascadeDelete: 'foregrund' }))
      .toThrow('[test/app] \'cascadeDelete\' is "foregrund" (a string), not a CascadeDelete: use CascadeDelete.FOREGROUND');
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), cascadeDelete: CascadeDelete.BACKGROUND })).not.toThrow();
  });

  test('fails when a prop name is misspelt', () => {
    expect(app({ source: SOURCE, destinaton: Destination.inCluster('a') })).toThrow("[test/app] unknown property 'destinaton': did you mean 'destination'?");
  });

  test('fails when values have the wrong type, deep in the props', () => {
    expect(app({ source: 'https://github.com/org/repo.git', destination: Destination.inCluster('a') }))
      .toThrow(/'source' is "https:\/\/github\.com\/org\/repo\.git" \(a string\), not an ApplicationSource: use ApplicationSource\.git/);
    expect(app({ source: SOURCE, destination: { server: 'https://kubernetes.default.svc' } })).toThrow("'destination' is an object, not a Destination");
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), syncPolicy: { retry: { backoff: { duration: '5s' } } } }))
      .toThrow('syncPolicy.retry.backoff.duration is "5s" (a string), not a Duration: use Duration.seconds(30), Duration.minutes(5) or Duration.parse("PT5M") from cdk8s');
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), labels: { team: 1 } })).toThrow('labels.team is 1 (a number), not a string: quote it: "1"');
    expect(app({ source: SOURCE, destination: Destination.inCluster('a'), syncPolicy: { automated: { prune: 'true' } } }))
      .toThrow('syncPolicy.automated.prune is "true" (a string), not a boolean: write true or false');
  });

  test('addSource and addInfo check their arguments', () => {
    const a = new Application(Testing.chart(), 'app', { destination: Destination.inCluster('a') });
    expect(() => a.addSource(js({ repoURL: 'x' }))).toThrow("[test/app] 'source' is an object, not an ApplicationSource");
    expect(() => a.addInfo('Runbook:', js(undefined))).toThrow('[test/app] info.value is required: give the value, e.g. a URL');
  });
});

describe('value types', () => {
  test('fail with the factory name when a required option is missing or mistyped', () => {
    expect(() => ApplicationSource.git(js({ repoURL: 'https://x/r.git' }))).toThrow('[ApplicationSource.git()] \'path\' is required: give the path in the repository');
    expect(() => ApplicationSource.helmChart(js({ repoURL: 'https://charts', chart: 'c' }))).toThrow("[ApplicationSource.helmChart()] 'targetRevision' is required");
    expect(() => ApplicationSource.git(js({ repoURL: 'x', path: '.', helm: { valueFiles: 'values.yaml' } }))).toThrow('helm.valueFiles is "values.yaml" (a string), not a list: wrap it in [ ]');
    expect(() => Destination.server(js(undefined))).toThrow("[Destination.server()] 'url' is undefined, not a non-empty string");
    expect(() => Destination.inCluster(js(5))).toThrow("[Destination.inCluster()] 'namespace' is 5 (a number), not a string");
    expect(() => ProjectPolicy.allow(js('sync'))).toThrow('[ProjectPolicy.allow()] \'action\' is "sync" (a string), not a ProjectAction: use ProjectAction.SYNC');
  });
});

describe('AppProject props', () => {
  test('fail with the construct path, field and fix', () => {
    const chart = Testing.chart();
    expect(() => new AppProject(chart, 'p', js({ sourceRepos: 'https://github.com/org/*' }))).toThrow('[test/p] \'sourceRepos\' is "https://github.com/org/*" (a string), not a list: wrap it in [ ]');
    expect(() => new AppProject(chart, 'q', js({ syncWindows: [{ kind: 'allow', schedule: '* * * * *', duration: '1h' }] })))
      .toThrow('[test/q] syncWindows[0].duration is "1h" (a string), not a Duration');
    expect(() => new AppProject(chart, 'r', js({ syncWindows: [{ kind: 'alow', schedule: '* * * * *', duration: Duration.hours(1) }] })))
      .toThrow('syncWindows[0].kind is "alow" (a string), not a SyncWindowKind: use SyncWindowKind.ALLOW');
    expect(() => new AppProject(chart, 's', { syncWindows: [{ kind: SyncWindowKind.ALLOW, schedule: '* * * * *', duration: Duration.hours(1) }] })).not.toThrow();
    const p = new AppProject(chart, 't');
    expect(() => p.addDestination(js('https://kubernetes.default.svc'))).toThrow('[test/t] \'destination\' is "https://kubernetes.default.svc" (a string), not a ProjectDestination');
  });
});

describe('annotations', () => {
  test('fail when given something that is not a construct or a value of the wrong type', () => {
    const chart = Testing.chart();
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(() => SyncWave.of(js(undefined))).toThrow('[SyncWave.of()] the argument is undefined, not a construct');
    expect(() => SyncWave.of(cm).set(js('2'))).toThrow('[test/cm] \'wave\' is "2" (a string), not a number: pass the number, e.g. set(2)');
    expect(() => Hook.of(cm).set(js({ types: ['PreSync'] }))).toThrow('[test/cm] types[0] is "PreSync" (a string), not a HookType: use HookType.PRE_SYNC');
    expect(() => Hook.of(cm).set(js({ types: [HookType.PRE_SYNC], deletePolicies: ['HookSucceded'] })))
      .toThrow('deletePolicies[0] is "HookSucceded" (a string), not a HookDeletePolicy: use HookDeletePolicy.HOOK_SUCCEEDED');
    expect(() => ResourceSyncOptions.of(cm).add(js('Prune=false'))).toThrow('[test/cm] options[0] is "Prune=false" (a string), not a ResourceSyncOption: use ResourceSyncOption.PRUNE_FALSE');
    expect(() => ResourceSyncOptions.of(cm).add(ResourceSyncOption.PRUNE_FALSE)).not.toThrow();
  });
});
