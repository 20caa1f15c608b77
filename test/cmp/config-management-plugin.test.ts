import { ConfigManagementPlugin, ParameterCollectionType, RepoServerSidecar } from '../../src';
import { validateManifests } from '../../src/engine/validation';

describe('ConfigManagementPlugin', () => {
  test('renders plugin.yaml with the defaults', () => {
    const plugin = new ConfigManagementPlugin();
    expect(plugin.pluginName).toBe('cdk8s-argocd-v1');
    expect(plugin.toJson()).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ConfigManagementPlugin',
      metadata: { name: 'cdk8s-argocd' },
      spec: {
        version: 'v1',
        generate: { command: ['cdk8s-argocd', 'generate'] },
        discover: { fileName: './.cdk8s-argocd' },
        preserveFileMode: false,
        provideGitCreds: false,
      },
    });
  });

  test('renders init, find discovery, static and dynamic parameters', () => {
    const plugin = new ConfigManagementPlugin({
      name: 'p',
      version: '',
      init: { command: ['sh', '-c'], args: ['echo init'] },
      discover: { glob: '**/cdk8s.yaml' },
      dynamicParameters: { command: ['echo', '[]'] },
      parameters: [{ name: 'stage', string: 'dev' }],
      preserveFileMode: true,
      provideGitCreds: true,
    });
    plugin.addParameter({ name: 'files', collectionType: ParameterCollectionType.ARRAY, array: ['a'] });
    expect(plugin.pluginName).toBe('p');
    const spec = plugin.toJson().spec;
    expect(spec.version).toBeUndefined();
    expect(spec.init).toEqual({ command: ['sh', '-c'], args: ['echo init'] });
    expect(spec.discover).toEqual({ find: { glob: '**/cdk8s.yaml' } });
    expect(spec.parameters).toEqual({ static: [{ name: 'stage', string: 'dev' }, { name: 'files', collectionType: 'array', array: ['a'] }], dynamic: { command: ['echo', '[]'] } });
    expect(spec.preserveFileMode).toBe(true);
    expect(ConfigManagementPlugin.fromYaml(plugin.toYaml()).toJson()).toEqual(plugin.toJson());
  });

  test('no discovery with discover: {}', () => {
    expect(new ConfigManagementPlugin({ discover: {} }).toJson().spec.discover).toBeUndefined();
  });

  test('validates like argocd-cmp-server', () => {
    expect(ConfigManagementPlugin.validateSpec({ kind: 'ConfigManagementPlugin', metadata: { name: 'x' }, spec: { generate: { command: ['a'] } } })).toEqual([]);
    expect(ConfigManagementPlugin.validateSpec({ kind: 'Plugin', metadata: {}, spec: { generate: { command: [] } } })).toEqual([
      'kind must be ConfigManagementPlugin, got "Plugin"',
      'metadata.name must be set: it names the plugin socket',
      'spec.generate.command must be a non-empty list: it prints the manifests',
    ]);
  });

  test('fails when the name cannot be a socket file name', () => {
    expect(() => new ConfigManagementPlugin({ name: 'a/b' })).toThrow(/socket file name/);
  });

  test('fails when a parameter repeats or its default does not match its collection type', () => {
    const plugin = new ConfigManagementPlugin({ parameters: [{ name: 'stage' }] });
    expect(() => plugin.addParameter({ name: 'stage' })).toThrow(/repeats parameter "stage"/);
    expect(() => plugin.addParameter({ name: 'files', array: ['a'] })).toThrow(/has a array default but collectionType "string"/);
  });

  test('fromYaml fails on an invalid plugin.yaml', () => {
    expect(() => ConfigManagementPlugin.fromYaml('kind: ConfigManagementPlugin\nmetadata: {name: x}\n')).toThrow(/spec.generate.command/);
  });
});

describe('RepoServerSidecar', () => {
  test('patches argocd-repo-server with the sidecar', () => {
    const sidecar = new RepoServerSidecar({ plugin: new ConfigManagementPlugin(), image: 'img:1', timeoutSeconds: 300 });
    const container = sidecar.deploymentPatch().spec.template.spec.containers[0];
    expect(container).toMatchObject({ name: 'cdk8s-argocd', image: 'img:1', command: ['/var/run/argocd/argocd-cmp-server'], securityContext: { runAsNonRoot: true, runAsUser: 999 } });
    expect(container.env).toEqual([{ name: 'HOME', value: '/tmp' }, { name: 'NODE_OPTIONS', value: '--max-semi-space-size=1' }, { name: 'ARGOCD_EXEC_TIMEOUT', value: '300s' }]);
    expect(sidecar.cmdParamsPatch().data).toEqual({ 'controller.repo.server.timeout.seconds': '300', 'server.repo.server.timeout.seconds': '300' });
    expect(sidecar.configMap().data['plugin.yaml']).toContain('name: cdk8s-argocd');
    expect(Object.keys(sidecar.kustomizeOverlay('base')).sort()).toEqual(['cmd-params-patch.yaml', 'kustomization.yaml', 'plugin-configmap.yaml', 'repo-server-patch.yaml']);
  });

  test('fails when the timeout is not a positive integer', () => {
    expect(() => new RepoServerSidecar({ plugin: new ConfigManagementPlugin(), image: 'img:1', timeoutSeconds: 1.5 })).toThrow(/timeoutSeconds must be a positive integer/);
  });

  test('fails when no image is given: there is no default image', () => {
    expect(() => new RepoServerSidecar({ plugin: new ConfigManagementPlugin() } as any))
      .toThrow(/^image is required, got undefined: build the sidecar image from the Dockerfile of `cdk8s-argocd plugin --print bundle` and pass its name/);
  });
});

describe('plugin rule', () => {
  const plugin = new ConfigManagementPlugin({ parameters: [{ name: 'stage', string: 'dev' }, { name: 'files', collectionType: ParameterCollectionType.ARRAY }, { name: 'team', required: true }] });
  const app = (pluginBlock: any) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'a', namespace: 'argocd' },
    spec: {
      project: 'default',
      destination: { server: 'https://kubernetes.default.svc', namespace: 'x' },
      source: { repoURL: 'https://example.com/r.git', path: '.', targetRevision: 'main', plugin: pluginBlock },
    },
  });
  const pluginProblems = (objects: any[], plugins?: any[]) => validateManifests(objects, { plugins }).filter((p) => p.rule.startsWith('plugin/'));

  test('stays quiet on a valid source.plugin', () => {
    expect(pluginProblems([app({ name: 'cdk8s-argocd-v1', parameters: [{ name: 'stage', string: 'prod' }, { name: 'team', string: 'web' }] })], [plugin.toJson()])).toEqual([]);
  });

  test('stays quiet when no plugin is known', () => {
    expect(pluginProblems([app({ name: 'anything', parameters: [{ name: 'x', string: 'y' }] })])).toEqual([]);
  });

  test('fails when plugin.name is not the name Argo CD dials', () => {
    const problems = pluginProblems([app({ name: 'cdk8s-argocd', parameters: [{ name: 'team', string: 'web' }] })], [plugin.toJson()]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: 'plugin/name', path: '/spec/source/plugin/name' });
    expect(problems[0].message).toMatch(/has a version, so Argo CD dials "cdk8s-argocd-v1"/);
  });

  test('fails when plugin.name has a path separator', () => {
    expect(pluginProblems([app({ name: '../x' })])[0].message).toMatch(/contains "\/" or "\.\."/);
  });

  test('fails when a parameter is not announced, has the wrong type or a required one is missing', () => {
    const problems = pluginProblems([app({ name: 'cdk8s-argocd-v1', parameters: [{ name: 'stag', string: 'prod' }, { name: 'files', string: 'a' }] })], [plugin.toJson()]);
    expect(problems.map((p) => p.rule)).toEqual(['plugin/parameter', 'plugin/parameter-type', 'plugin/parameter-required']);
    expect(problems[0].message).toMatch(/"stag" is not announced by plugin cdk8s-argocd-v1/);
    expect(problems[1].message).toMatch(/"files" is set as a string but plugin cdk8s-argocd-v1 announces collectionType array/);
    expect(problems[2].message).toMatch(/requires parameter "team"/);
  });

  test('knows a plugin from a ConfigMap holding plugin.yaml in the input', () => {
    const cm = new RepoServerSidecar({ plugin, image: 'img:1' }).configMap();
    const problems = pluginProblems([cm, app({ name: 'other' })]);
    expect(problems.map((p) => p.rule)).toEqual(['plugin/name']);
  });
});
