import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Duration, JsonPatch, Testing } from 'cdk8s';
import * as YAML from 'yaml';
import {
  Application, ApplicationSource, AppProject, CascadeDelete, Destination, PluginParameter, SyncOption,
} from '../../src';
import { UPSTREAM } from '../upstream/upstream';

const OPERATOR_MANUAL = path.join(UPSTREAM, 'docs/operator-manual');
const upstream = (file: string) => YAML.parse(fs.readFileSync(path.join(OPERATOR_MANUAL, file), 'utf8'));

const KS = upstream('application.yaml');
const src = KS.spec.source;

function kitchenSink(source: { helm?: boolean; kustomize?: boolean; directory?: boolean; plugin?: boolean }) {
  const chart = Testing.chart();
  const app = new Application(chart, 'guestbook', {
    name: 'guestbook',
    namespace: 'argocd',
    cascadeDelete: CascadeDelete.FOREGROUND,
    labels: { name: 'guestbook' },
    source: ApplicationSource.git({
      repoURL: src.repoURL,
      targetRevision: 'HEAD',
      path: 'guestbook',
      helm: source.helm ? {
        passCredentials: false,
        parameters: [
          { name: 'nginx-ingress.controller.service.annotations.external-dns\\.alpha\\.kubernetes\\.io/hostname', value: 'mydomain.example.com' },
          { name: 'ingress.annotations.kubernetes\\.io/tls-acme', value: 'true', forceString: true },
        ],
        fileParameters: [{ name: 'config', path: 'files/config.json' }],
        releaseName: 'guestbook',
        valueFiles: ['values-prod.yaml'],
        ignoreMissingValueFiles: false,
        values: src.helm.values,
        valuesObject: src.helm.valuesObject,
        skipCrds: false,
        skipSchemaValidation: false,
        version: 'v2',
        kubeVersion: '1.30.0',
        apiVersions: ['traefik.io/v1alpha1/TLSOption', 'v1/Service'],
        namespace: 'custom-namespace',
      } : undefined,
      kustomize: source.kustomize ? {
        version: 'v3.5.4',
        namePrefix: 'prod-',
        nameSuffix: '-some-suffix',
        commonLabels: { foo: 'bar' },
        commonAnnotations: { beep: 'boop-${ARGOCD_APP_REVISION}' },
        commonAnnotationsEnvsubst: true,
        labelWithoutSelector: false,
        labelIncludeTemplates: false,
        forceCommonLabels: false,
        forceCommonAnnotations: false,
        images: ['quay.io/argoprojlabs/argocd-e2e-container:0.2', 'my-app=gcr.io/my-repo/my-app:0.1'],
        namespace: 'custom-namespace',
        replicas: [{ name: 'kustomize-guestbook-ui', count: 4 }],
        components: ['../component'],
        ignoreMissingComponents: true,
        patches: [{ target: { kind: 'Deployment', name: 'guestbook-ui' }, patch: src.kustomize.patches[0].patch }],
        kubeVersion: '1.30.0',
        apiVersions: ['traefik.io/v1alpha1/TLSOption', 'v1/Service'],
      } : undefined,
      directory: source.directory ? {
        recurse: true,
        jsonnet: {
          extVars: [{ name: 'foo', value: 'bar' }, { code: true, name: 'baz', value: 'true' }],
          tlas: [{ code: false, name: 'foo', value: 'bar' }],
        },
        exclude: 'config.yaml',
        include: '*.yaml',
      } : undefined,
      plugin: source.plugin ? {
        name: 'mypluginname',
        env: { FOO: 'bar' },
        parameters: [
          PluginParameter.string('string-param', 'example-string'),
          PluginParameter.array('array-param', ['item1', 'item2']),
          PluginParameter.map('map-param', { 'param-name': 'param-value' }),
        ],
      } : undefined,
    }),
    destination: Destination.inCluster('guestbook'),
    info: [{ name: 'Example:', value: 'https://example.com' }],
    syncPolicy: {
      automated: { enabled: true, prune: true, selfHeal: true, allowEmpty: false },
      syncOptions: [
        SyncOption.VALIDATE_FALSE, SyncOption.CREATE_NAMESPACE, SyncOption.PRUNE_PROPAGATION_FOREGROUND, SyncOption.PRUNE_LAST,
        SyncOption.RESPECT_IGNORE_DIFFERENCES, SyncOption.APPLY_OUT_OF_SYNC_ONLY, SyncOption.SKIP_DRY_RUN_ON_MISSING_RESOURCE, SyncOption.REPLACE,
      ],
      managedNamespaceMetadata: {
        labels: { any: 'label', you: 'like' },
        annotations: { the: 'same', applies: 'for', annotations: 'on-the-namespace' },
      },
      retry: { limit: 5, backoff: { duration: Duration.seconds(5), factor: 2, maxDuration: Duration.minutes(3) } },
    },
    ignoreDifferences: [
      { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
      { kind: 'ConfigMap', jqPathExpressions: ['.data["config.yaml"]'] },
      { group: '*', kind: '*', managedFieldsManagers: ['kube-controller-manager'], name: 'my-deployment', namespace: 'my-namespace' },
    ],
    revisionHistoryLimit: 10,
  });
  return { chart, app, out: Testing.synth(chart)[0] };
}

describe('Application', () => {
  test('rebuilds the upstream kitchen sink application.yaml field by field', () => {
    // GIVEN
    const expectedSource = (tool: string) => ({
      repoURL: src.repoURL, targetRevision: 'HEAD', path: 'guestbook', [tool]: src[tool],
    });
    for (const tool of ['helm', 'kustomize', 'directory', 'plugin']) {
      // WHEN
      const { out } = kitchenSink({ [tool]: true });
      // THEN
      expect(out.apiVersion).toEqual(KS.apiVersion);
      expect(out.kind).toEqual(KS.kind);
      expect(out.metadata).toEqual(KS.metadata);
      expect(out.spec.project).toEqual(KS.spec.project);
      expect(out.spec.source).toEqual(expectedSource(tool));
      expect(out.spec.destination).toEqual(KS.spec.destination);
      expect(out.spec.info).toEqual(KS.spec.info);
      expect(out.spec.syncPolicy).toEqual(KS.spec.syncPolicy);
      expect(out.spec.ignoreDifferences).toEqual(KS.spec.ignoreDifferences);
      expect(out.spec.revisionHistoryLimit).toEqual(KS.spec.revisionHistoryLimit);
    }
  });

  test('rebuilds the kitchen sink sources and sourceHydrator forms', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Application(chart, 'multi', {
      name: 'guestbook',
      sources: [ApplicationSource.git({ repoURL: src.repoURL, targetRevision: 'HEAD', path: 'guestbook', name: 'guestbook' })],
      destination: Destination.inCluster('guestbook'),
    });
    new Application(chart, 'hydrated', {
      name: 'guestbook-hydrated',
      sourceHydrator: {
        drySource: { repoURL: src.repoURL, targetRevision: 'HEAD', path: 'guestbook' },
        syncSource: { targetBranch: 'env/prod', path: 'guestbook-hydrated' },
      },
      destination: Destination.inCluster('guestbook'),
    });
    const [multi, hydrated] = Testing.synth(chart);
    // THEN
    const { ref, ...withoutRef } = KS.spec.sources[0];
    expect(ref).toEqual('my-repo');
    expect(multi.spec.sources).toEqual([withoutRef]);
    expect(hydrated.spec.sourceHydrator).toEqual(KS.spec.sourceHydrator);
  });

  test('multi-source Helm with $values renders a ref source', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const app = new Application(chart, 'app', {
      name: 'prometheus',
      sources: [
        ApplicationSource.helmChart({ repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'prometheus', targetRevision: '25.0.0', helm: { valueFiles: ['$values/prometheus/values.yaml'] } }),
      ],
      destination: Destination.inCluster('monitoring'),
    });
    app.addSource(ApplicationSource.ref({ repoURL: 'https://github.com/example/values.git', targetRevision: 'main', ref: 'values' }));
    // THEN
    expect(Testing.synth(chart)[0].spec.sources).toEqual([
      { repoURL: 'https://prometheus-community.github.io/helm-charts', chart: 'prometheus', targetRevision: '25.0.0', helm: { valueFiles: ['$values/prometheus/values.yaml'] } },
      { repoURL: 'https://github.com/example/values.git', targetRevision: 'main', ref: 'values' },
    ]);
  });

  test('escape hatch: ApiObject.of(app).addJsonPatch patches the wire form', () => {
    // GIVEN
    const chart = Testing.chart();
    const app = new Application(chart, 'app', {
      name: 'guestbook',
      source: ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' }),
      destination: Destination.inCluster('guestbook'),
    });
    // WHEN
    ApiObject.of(app).addJsonPatch(JsonPatch.replace('/spec/source/repoURL', 'https://github.com/a/c.git'));
    ApiObject.of(app).addJsonPatch(JsonPatch.add('/spec/source/targetRevision', 'v1'));
    // THEN
    expect(Testing.synth(chart)[0].spec.source).toEqual({ repoURL: 'https://github.com/a/c.git', path: 'x', targetRevision: 'v1' });
  });

  test('defaults are visible: default project, argocd namespace, background finalizer', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const app = new Application(chart, 'app', {
      name: 'a',
      source: ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' }),
      destination: Destination.cluster('prod', 'web'),
      cascadeDelete: CascadeDelete.BACKGROUND,
    });
    const out = Testing.synth(chart)[0];
    // THEN
    expect(app.projectName).toEqual('default');
    expect(app.namespace).toEqual('argocd');
    expect(out.metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io/background']);
    expect(out.spec.destination).toEqual({ name: 'prod', namespace: 'web' });
  });

  test('fromApplicationName references without rendering', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const ref = Application.fromApplicationName(chart, 'ext', 'other');
    // THEN
    expect(ref.name).toEqual('other');
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('fails when both source and sources are set', () => {
    const chart = Testing.chart();
    const s = ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' });
    expect(() => new Application(chart, 'app', { source: s, sources: [s], destination: Destination.inCluster() }))
      .toThrow(/\[test\/app\] the Application sets source and sources, but Argo CD uses only sources/);
  });

  test('fails when synth finds an engine error, with the construct path', () => {
    // GIVEN
    const chart = Testing.chart();
    new Application(chart, 'app', {
      name: 'a',
      source: ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' }),
      destination: Destination.inCluster('web'),
      syncPolicy: { syncOptions: [SyncOption.custom('CreateNamespace=True')] },
    });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/test\/app.*sync option "CreateNamespace=True" does nothing/s);
  });

  test('fails when the AppProject does not permit the repository', () => {
    // GIVEN
    const chart = Testing.chart();
    const project = new AppProject(chart, 'proj', { name: 'team', sourceRepos: ['https://github.com/team/*'], destinations: [{ server: '*', namespace: '*' }] });
    new Application(chart, 'app', {
      name: 'a',
      project,
      source: ApplicationSource.git({ repoURL: 'https://github.com/other/b.git', path: 'x' }),
      destination: Destination.inCluster('web'),
    });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/application repo https:\/\/github.com\/other\/b.git is not permitted in project 'team'/);
  });
});

describe('generated names', () => {
  test('an Application or AppProject without a name gets the one the chart generates (disableResourceNameHashes applies)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'platform', { disableResourceNameHashes: true });
    const project = new AppProject(chart, 'team', { sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] });
    const application = new Application(chart, 'web', {
      project, source: ApplicationSource.git({ repoURL: 'https://github.com/a/b.git', path: 'x' }), destination: Destination.inCluster('web'),
    });
    const [p, a] = chart.toJson();
    expect(p.metadata.name).toEqual('platform-team');
    expect(a.metadata.name).toEqual('platform-web');
    expect(application.name).toEqual('platform-web');
    expect(a.spec.project).toEqual('platform-team');
  });
});
