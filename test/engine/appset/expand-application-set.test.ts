/**
 * Offline expansion: the generators' documented examples (Argo CD v3.5.1
 * docs/operator-manual/applicationset/Generators-*.md) with their documented outputs, and the
 * failures as Argo CD reports them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AppSetExpansionError, expandApplicationSet, generateParamSets } from '../../../src/engine/appset';

const secret = (name: string, server: string, labels: { [k: string]: string } = {}, extra: object = {}) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: `${name}-secret`, namespace: 'argocd', labels: { 'argocd.argoproj.io/secret-type': 'cluster', ...labels } },
  data: { name: Buffer.from(name).toString('base64'), server: Buffer.from(server).toString('base64') },
  ...extra,
});

const appSet = (spec: object, goTemplate = true) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'guestbook', namespace: 'argocd' },
  spec: { goTemplate, goTemplateOptions: goTemplate ? ['missingkey=error'] : undefined, ...spec },
});

const names = (apps: object[]) => apps.map((a: any) => a.metadata.name);

function repo(files: { [path: string]: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appset-repo-'));
  for (const [f, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), content);
  }
  return dir;
}

describe('list generator (Generators-List.md)', () => {
  const template = {
    metadata: { name: '{{.cluster}}-guestbook' },
    spec: {
      project: 'my-project',
      source: { repoURL: 'https://github.com/infra-team/cluster-deployments.git', targetRevision: 'HEAD', path: 'guestbook/{{.cluster}}' },
      destination: { server: '{{.url}}', namespace: 'guestbook' },
    },
  };
  const elements = [
    { cluster: 'engineering-dev', url: 'https://kubernetes.default.svc' },
    { cluster: 'engineering-prod', url: 'https://kubernetes.default.svc' },
  ];

  test('renders one Application per element, in the ApplicationSet namespace, with the resources finalizer', () => {
    const apps = expandApplicationSet(appSet({ generators: [{ list: { elements } }], template }));
    expect(apps).toEqual([
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'engineering-dev-guestbook', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
        spec: {
          project: 'my-project',
          source: { repoURL: 'https://github.com/infra-team/cluster-deployments.git', targetRevision: 'HEAD', path: 'guestbook/engineering-dev' },
          destination: { server: 'https://kubernetes.default.svc', namespace: 'guestbook' },
        },
      },
      expect.objectContaining({ metadata: expect.objectContaining({ name: 'engineering-prod-guestbook' }) }),
    ]);
  });

  test('fasttemplate mode with `values`', () => {
    const apps = expandApplicationSet(appSet({
      generators: [{ list: { elements: [{ cluster: 'dev', values: { tier: 'gold' } }] } }],
      template: { metadata: { name: '{{cluster}}-{{values.tier}}' }, spec: { project: 'default' } },
    }, false));
    expect(names(apps)).toEqual(['dev-gold']);
  });

  test('elementsYaml is appended to the elements', () => {
    const apps = expandApplicationSet(appSet({
      generators: [{ list: { elements: [{ cluster: 'a' }], elementsYaml: '- cluster: b\n- cluster: c\n' } }],
      template: { metadata: { name: '{{.cluster}}' }, spec: { project: 'default' } },
    }));
    expect(names(apps)).toEqual(['a', 'b', 'c']);
  });

  test('a generator template overrides the ApplicationSet template field by field', () => {
    const apps = expandApplicationSet(appSet({
      generators: [{ list: { elements: [{ cluster: 'a' }], template: { metadata: {}, spec: { project: 'override' } } } }],
      template: { metadata: { name: '{{.cluster}}' }, spec: { project: 'default', destination: { name: 'in-cluster' } } },
    })) as any[];
    expect(apps[0].spec).toEqual({ project: 'override', destination: { name: 'in-cluster' } });
  });

  test('fails when a fasttemplate element value is not a string', () => {
    expect(() => expandApplicationSet(appSet({ generators: [{ list: { elements: [{ replicas: 3 }] } }], template: { metadata: { name: 'x' } } }, false)))
      .toThrow('ApplicationSet "guestbook": spec.generators[0].list.elements[0].replicas: error parsing value as string %!w(<nil>)');
  });

  test('fails with the ApplicationSet, field and Go message when a template fails', () => {
    expect(() => expandApplicationSet(appSet({ generators: [{ list: { elements } }], template: { ...template, metadata: { name: '{{.nme}}' } } })))
      .toThrow(new AppSetExpansionError('guestbook', '/spec/template/metadata/name',
        'failed to execute go template {{.nme}}: template: base:1:2: executing "base" at <.nme>: map has no entry for key "nme"'));
  });
});

describe('clusters generator (Generators-Cluster.md)', () => {
  const clusters = [
    secret('staging', 'https://1.2.3.4', { environment: 'staging' }),
    secret('production', 'https://5.6.7.8', { environment: 'production' }),
  ];
  const template = { metadata: { name: '{{.name}}-guestbook' }, spec: { project: 'default', destination: { server: '{{.server}}' } } };

  test('every cluster Secret plus the implicit in-cluster entry, ordered by name', () => {
    const apps = expandApplicationSet(appSet({ generators: [{ clusters: {} }], template }), { clusters }) as any[];
    expect(names(apps)).toEqual(['production-guestbook', 'staging-guestbook', 'in-cluster-guestbook']);
    expect(apps[2].spec.destination.server).toBe('https://kubernetes.default.svc');
  });

  test('a selector leaves the in-cluster entry out; values are rendered per cluster', () => {
    const [g] = generateParamSets(appSet({
      generators: [{ clusters: { selector: { matchLabels: { environment: 'staging' } }, values: { revision: 'rev-{{.name}}' } } }], template,
    }), { clusters });
    expect(g.params).toEqual([{
      name: 'staging',
      nameNormalized: 'staging',
      server: 'https://1.2.3.4',
      project: '',
      metadata: { labels: { 'argocd.argoproj.io/secret-type': 'cluster', 'environment': 'staging' } },
      values: { revision: 'rev-staging' },
    }]);
  });

  test('stringData is read, and a Secret for the in-cluster server replaces the implicit entry', () => {
    const inCluster = { ...secret('local', 'x'), data: undefined, stringData: { name: 'local', server: 'https://kubernetes.default.svc' } };
    const [g] = generateParamSets(appSet({ generators: [{ clusters: {} }], template }, false), { clusters: [inCluster] });
    expect(g.params).toEqual([{
      'name': 'local',
      'nameNormalized': 'local',
      'server': 'https://kubernetes.default.svc',
      'project': '',
      'metadata.labels.argocd.argoproj.io/secret-type': 'cluster',
    }]);
  });

  test('flatList gives one parameter set holding every cluster', () => {
    const [g] = generateParamSets(appSet({ generators: [{ clusters: { flatList: true } }], template }), { clusters: [] });
    expect(g.params).toEqual([{ clusters: [{ name: 'in-cluster', nameNormalized: 'in-cluster', server: 'https://kubernetes.default.svc', project: '' }] }]);
  });
});

describe('git generator (Generators-Git.md)', () => {
  const dir = repo({
    'apps/guestbook/kustomization.yaml': '',
    'apps/helm-guestbook/Chart.yaml': '',
    'apps/excluded/x.yaml': '',
    'apps/.hidden/x.yaml': '',
    'cluster-config/engineering/dev/config.json': '{"cluster": {"name": "engineering-dev", "address": "https://1.2.3.4"}}',
    'cluster-config/engineering/prod/config.json': '{"cluster": {"name": "engineering-prod", "address": "https://2.4.6.8"}}',
    'cluster-config/list.yaml': '- cluster: {name: a}\n- cluster: {name: b}\n',
  });

  test('directories: path.Match, exclude, hidden directories skipped, path parameters', () => {
    const [g] = generateParamSets(appSet({
      generators: [{ git: { repoURL: 'https://github.com/argoproj/argo-cd.git', revision: 'HEAD', directories: [{ path: 'apps/*' }, { path: 'apps/excluded', exclude: true }] } }],
      template: {},
    }), { repoDir: dir });
    expect(g.params).toEqual([
      { path: { path: 'apps/guestbook', basename: 'guestbook', basenameNormalized: 'guestbook', segments: ['apps', 'guestbook'] } },
      { path: { path: 'apps/helm-guestbook', basename: 'helm-guestbook', basenameNormalized: 'helm-guestbook', segments: ['apps', 'helm-guestbook'] } },
    ]);
  });

  test('directories in fasttemplate mode, with pathParamPrefix', () => {
    const [g] = generateParamSets(appSet({
      generators: [{ git: { repoURL: 'r', directories: [{ path: 'apps/guestbook' }], pathParamPrefix: 'myRepo' } }], template: {},
    }, false), { repoDir: dir });
    expect(g.params).toEqual([{
      'myRepo.path': 'apps/guestbook',
      'myRepo.path.basename': 'guestbook',
      'myRepo.path.basenameNormalized': 'guestbook',
      'myRepo.path[0]': 'apps',
      'myRepo.path[1]': 'guestbook',
    }]);
  });

  test('files: `**`, exclude, file content and path.filename parameters', () => {
    const apps = expandApplicationSet(appSet({
      generators: [{ git: { repoURL: 'r', files: [{ path: 'cluster-config/**/config.json' }, { path: 'cluster-config/*/prod/*', exclude: true }] } }],
      template: { metadata: { name: '{{.cluster.name}}-{{ index .path.segments 1 }}-{{.path.filenameNormalized}}' }, spec: { project: 'default' } },
    }), { repoDir: dir });
    expect(names(apps)).toEqual(['engineering-dev-engineering-config.json']);
  });

  test('files: a list in a file gives one parameter set per entry; fasttemplate flattens', () => {
    const [g] = generateParamSets(appSet({ generators: [{ git: { repoURL: 'r', files: [{ path: 'cluster-config/list.yaml' }] } }], template: {} }, false), { repoDir: dir });
    expect(g.params.map((p) => p['cluster.name'])).toEqual(['a', 'b']);
    expect(g.params[0]).toMatchObject({ 'path': 'cluster-config', 'path.filename': 'list.yaml', 'path[0]': 'cluster-config' });
  });

  test('fails when no checkout is given', () => {
    expect(() => generateParamSets(appSet({ generators: [{ git: { repoURL: 'https://x/y.git', directories: [{ path: '*' }] } }], template: {} })))
      .toThrow('ApplicationSet "guestbook": spec.generators[0].git.repoURL: the git generator reads "https://x/y.git": give a local checkout of it (repoDir, or --repo DIR)');
  });
});

describe('matrix and merge generators (Generators-Matrix.md, Generators-Merge.md)', () => {
  const dir = repo({ 'apps/a/x.yaml': '', 'apps/b/x.yaml': '' });
  const clusters = [secret('staging', 'https://1.2.3.4', { env: 'staging' })];

  test('matrix of git directories × clusters', () => {
    const apps = expandApplicationSet(appSet({
      generators: [{ matrix: { generators: [{ git: { repoURL: 'r', directories: [{ path: 'apps/*' }] } }, { clusters: { selector: { matchLabels: { env: 'staging' } } } }] } }],
      template: { metadata: { name: '{{.path.basename}}-{{.name}}' }, spec: { project: 'default' } },
    }), { repoDir: dir, clusters });
    expect(names(apps)).toEqual(['a-staging', 'b-staging']);
  });

  test('the second child of a matrix sees the parameters of the first', () => {
    const [g] = generateParamSets(appSet({
      generators: [{
        matrix: {
          generators: [
            { list: { elements: [{ env: 'dev' }, { env: 'prod' }] } },
            { list: { elements: [{ name: '{{.env}}-app' }] } },
          ],
        },
      }],
      template: {},
    }));
    expect(g.params).toEqual([{ env: 'dev', name: 'dev-app' }, { env: 'prod', name: 'prod-app' }]);
  });

  test('values of the second child are pre-resolved with missingkey=error, its own keys kept for later', () => {
    const [g] = generateParamSets(appSet({
      goTemplateOptions: [],
      generators: [{
        matrix: {
          generators: [
            { list: { elements: [{ env: 'dev' }] } },
            { clusters: { values: { a: '{{.env}}', b: '{{.name}}' } } },
          ],
        },
      }],
      template: {},
    }), { clusters: [] });
    expect(g.params[0].values).toEqual({ a: 'dev', b: 'in-cluster' });
  });

  test('fails when a matrix has three children', () => {
    const empty = { list: { elements: [] } };
    expect(() => generateParamSets(appSet({ generators: [{ matrix: { generators: [empty, empty, empty] } }], template: {} })))
      .toThrow('ApplicationSet "guestbook": spec.generators[0].matrix.generators: found more than two generators, Matrix support only two');
  });

  test('fails when fasttemplate matrix children disagree on a key', () => {
    expect(() => generateParamSets(appSet({ generators: [{ matrix: { generators: [{ list: { elements: [{ a: '1' }] } }, { list: { elements: [{ a: '2' }] } }] } }], template: {} }, false)))
      .toThrow('found duplicate key a with different value, a: 1 ,b: 2');
  });

  test('merge (the documented example): base clusters, overrides by server', () => {
    const all = [secret('kafka-cluster', 'https://1.1.1.1', { 'use-kafka': 'false' }), secret('plain', 'https://2.4.6.8')];
    const [g] = generateParamSets(appSet({
      generators: [{
        merge: {
          mergeKeys: ['server'],
          generators: [
            { clusters: { values: { kafka: 'true', redis: 'false' } } },
            { clusters: { selector: { matchLabels: { 'use-kafka': 'false' } }, values: { kafka: 'false' } } },
            { list: { elements: [{ 'server': 'https://2.4.6.8', 'values.redis': 'true' }] } },
          ],
        },
      }],
      template: {},
    }, false), { clusters: all });
    expect(g.params.map((p) => [p.name, p['values.kafka'], p['values.redis']])).toEqual([
      ['kafka-cluster', 'false', 'false'],
      ['plain', 'true', 'true'],
      ['in-cluster', 'true', 'false'],
    ]);
  });

  test('fails when merge keys do not make parameter sets unique', () => {
    expect(() => generateParamSets(appSet({ generators: [{ merge: { mergeKeys: ['k'], generators: [{ list: { elements: [{ k: 'a' }, { k: 'a' }] } }, { list: { elements: [] } }] } }], template: {} })))
      .toThrow('the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was {"k":"a"}');
  });
});

describe('post-selectors and remote generators', () => {
  test('a selector filters on the flattened parameters', () => {
    const [g] = generateParamSets(appSet({
      generators: [{ list: { elements: [{ env: 'staging', n: 1 }, { env: 'prod', n: 2 }] }, selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['staging'] }] } }],
      template: {},
    }));
    expect(g.params).toEqual([{ env: 'staging', n: 1 }]);
  });

  test('fails when a selector operator is unknown', () => {
    expect(() => generateParamSets(appSet({ generators: [{ list: { elements: [] }, selector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } }], template: {} })))
      .toThrow('spec.generators[0].selector: error parsing label selector: "Equals" is not a valid pod selector operator');
  });

  test('pull request parameter sets come from inputs.params, by pointer or by kind', () => {
    const spec = { generators: [{ pullRequest: { github: { owner: 'o', repo: 'r' }, values: { env: 'pr-{{.number}}' } } }], template: { metadata: { name: 'pr-{{.number}}' }, spec: { project: 'default' } } };
    expect(names(expandApplicationSet(appSet(spec), { params: { pullRequest: [{ number: '7', branch: 'feat' }] } }))).toEqual(['pr-7']);
    const [g] = generateParamSets(appSet(spec), { params: { '/spec/generators/0': [{ number: '8' }] } });
    expect(g.params).toEqual([{ number: '8', values: { env: 'pr-8' } }]);
  });

  test('a plugin parameter set gets generator.input.parameters', () => {
    const [g] = generateParamSets(appSet({ generators: [{ plugin: { configMapRef: { name: 'p' }, input: { parameters: { k: 'v' } } } }], template: {} }), { params: { plugin: [{ a: 1 }] } });
    expect(g.params).toEqual([{ a: 1, generator: { input: { parameters: { k: 'v' } } } }]);
  });

  test('fails when a remote generator has no parameters given', () => {
    expect(() => generateParamSets(appSet({ generators: [{ scmProvider: { github: { organization: 'o' } } }], template: {} })))
      .toThrow('ApplicationSet "guestbook": spec.generators[0].scmProvider: the scmProvider generator asks a remote API for its parameters: give them offline under the key "/spec/generators/0" or "scmProvider"');
  });
});
