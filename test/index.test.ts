import * as api from '../src';

describe('the public API', () => {
  test('exports exactly these names at run time (no internal helper leaks)', () => {
    // A new export is a decision: add it here on purpose.
    expect(Object.keys(api).sort()).toEqual([
      'AppOfApps', 'AppProject', 'Application', 'ApplicationSource', 'BuildEnvironment', 'BuildEnvironmentError',
      'CascadeDelete', 'CompareOption', 'CompareOptions', 'ConfigManagementPlugin', 'DEFAULT_DISCOVERY_MARKER', 'Destination',
      'Hook', 'HookDeletePolicy', 'HookType', 'ParameterCollectionType', 'PluginParameter', 'PolicyEffect', 'ProjectAction',
      'ProjectPolicy', 'ProjectResource', 'RepoServerSidecar', 'ResourceSyncOption', 'ResourceSyncOptions', 'Severity',
      'SourceHydrator', 'SyncOption', 'SyncWave', 'SyncWaves', 'SyncWindowKind', 'analyzeSync', 'hasErrors', 'planSync',
      'validateManifests',
    ]);
  });
});
