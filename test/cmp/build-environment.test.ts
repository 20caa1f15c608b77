import { BuildEnvironment, BuildEnvironmentError } from '../../src/cmp/build-environment';

describe('BuildEnvironment', () => {
  afterEach(() => BuildEnvironment.setParameterDefaults([]));

  test('reads the Argo CD build environment', () => {
    const env = BuildEnvironment.fromVariables({
      ARGOCD_APP_NAME: 'team_web',
      ARGOCD_APP_NAMESPACE: 'web',
      ARGOCD_APP_PROJECT_NAME: 'web-team',
      ARGOCD_APP_REVISION: 'abcdef0123456789',
      ARGOCD_APP_SOURCE_REPO_URL: 'https://git.example.com/r.git',
      ARGOCD_APP_SOURCE_PATH: 'apps/web',
      ARGOCD_APP_SOURCE_TARGET_REVISION: 'main',
      KUBE_VERSION: '1.30.2',
      KUBE_API_VERSIONS: 'apps/v1,apps/v1/Deployment,v1,v1/Pod',
      ARGOCD_ENV_STACK: 'web-abcdef0',
      ARGOCD_ENV_lower: 'verbatim',
    });
    expect(env.insideArgoCd).toBe(true);
    expect(env.appName).toBe('team_web');
    expect(env.appNamespace).toBe('web');
    expect(env.projectName).toBe('web-team');
    expect(env.revisionShort).toBe('abcdef0');
    expect(env.revisionShort8).toBe('abcdef01');
    expect(env.sourceRepoUrl).toBe('https://git.example.com/r.git');
    expect(env.sourcePath).toBe('apps/web');
    expect(env.sourceTargetRevision).toBe('main');
    expect(env.kubeVersion).toBe('1.30.2');
    expect(env.kubeApiVersions).toEqual(['apps/v1', 'apps/v1/Deployment', 'v1', 'v1/Pod']);
    expect(env.hasApiVersion('apps/v1/Deployment')).toBe(true);
    expect(env.hasApiVersion('batch/v1')).toBe(false);
    expect(env.env('STACK')).toBe('web-abcdef0');
    expect(env.env('lower')).toBe('verbatim');
    expect(env.env('MISSING', 'fallback')).toBe('fallback');
    expect(env.envVariables).toEqual({ STACK: 'web-abcdef0', lower: 'verbatim' });
  });

  test('outside Argo CD every field is empty and defaults apply', () => {
    const env = BuildEnvironment.fromVariables({});
    expect(env.insideArgoCd).toBe(false);
    expect(env.appName).toBe('');
    expect(env.kubeApiVersions).toEqual([]);
    expect(env.stringParameter('stage', 'dev')).toBe('dev');
    expect(env.arrayParameter('files', ['a'])).toEqual(['a']);
    expect(env.mapParameter('labels')).toBeUndefined();
  });

  test('reads string, array and map parameters as Argo CD sends them', () => {
    const env = BuildEnvironment.fromVariables({
      ARGOCD_APP_PARAMETERS: '[{"name":"stage","string":"prod"},{"name":"values-files","array":["values-dev.yaml"]},{"name":"helm-parameters","map":{"image.tag":"v1.2.3"}},{"name":"empty","array":[]}]',
    });
    expect(env.stringParameter('stage', 'dev')).toBe('prod');
    expect(env.arrayParameter('values-files')).toEqual(['values-dev.yaml']);
    expect(env.mapParameter('helm-parameters')).toEqual({ 'image.tag': 'v1.2.3' });
    expect(env.arrayParameter('empty', ['x'])).toEqual([]);
    expect(env.parameterNames).toEqual(['empty', 'helm-parameters', 'stage', 'values-files']);
  });

  test('plugin: {} without parameters sends null', () => {
    expect(BuildEnvironment.fromVariables({ ARGOCD_APP_PARAMETERS: 'null' }).parameterNames).toEqual([]);
  });

  test('applies the announced defaults to parameters Argo CD did not send', () => {
    const defaults = [{ name: 'stage', string: 'dev' }, { name: 'teams', array: ['web'] }];
    const env = BuildEnvironment.fromVariables({ ARGOCD_APP_PARAMETERS: '[{"name":"stage","string":"prod"}]' }, { parameterDefaults: defaults });
    expect(env.stringParameter('stage')).toBe('prod');
    expect(env.arrayParameter('teams')).toEqual(['web']);
    BuildEnvironment.setParameterDefaults([{ name: 'region', string: 'eu' }]);
    expect(BuildEnvironment.fromVariables({}).stringParameter('region')).toBe('eu');
  });

  test('fails when a parameter is read as the wrong type', () => {
    const env = BuildEnvironment.fromVariables({ ARGOCD_APP_PARAMETERS: '[{"name":"files","array":["a"]}]' });
    expect(() => env.stringParameter('files')).toThrow(/plugin parameter "files" is an array, not a string/);
    expect(() => env.mapParameter('files')).toThrow(/is an array, not a map/);
  });

  test.each([
    ['{oops', /not valid JSON/],
    ['{"name":"x"}', /must be a JSON array/],
    ['[42]', /must be an object/],
    ['[{"string":"x"}]', /has no "name"/],
    ['[{"name":"x","string":1}]', /"string" must be a string/],
    ['[{"name":"x","array":"a"}]', /"array" must be a list of strings/],
    ['[{"name":"x","map":{"a":1}}]', /"map" must be an object of strings/],
    ['[{"name":"x","string":"a","array":["b"]}]', /more than one/],
    ['[{"name":"x","string":"a"},{"name":"x","string":"b"}]', /repeats parameter "x"/],
    ['[{"name":"x","value":["a"]}]', /unknown key "value"/],
  ])('fails when ARGOCD_APP_PARAMETERS is %s', (json, message) => {
    expect(() => BuildEnvironment.fromVariables({ ARGOCD_APP_PARAMETERS: json })).toThrow(BuildEnvironmentError);
    expect(() => BuildEnvironment.parseParameters(json)).toThrow(message);
  });
});
