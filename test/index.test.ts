import { spawnSync } from 'child_process';
import * as path from 'path';
import * as api from '../src';

describe('the public API', () => {
  test('exports exactly these names at run time (no internal helper leaks)', () => {
    // A new export is a decision: add it here on purpose.
    expect(Object.keys(api).sort()).toEqual([
      'AppOfApps', 'AppProject', 'AppSetExpansionError', 'Application', 'ApplicationSet', 'ApplicationSetGenerator',
      'ApplicationSetStrategy', 'ApplicationSource', 'ApplicationsSyncPolicy', 'ArgoCdValidation', 'ArgoCdValidationPlugin',
      'BuildEnvironment', 'BuildEnvironmentError', 'CascadeDelete', 'ChangeDetection', 'ChangeHookStrategy',
      'ChangeKind', 'CompareOption', 'CompareOptions', 'ConfigManagementPlugin', 'DEFAULT_DISCOVERY_MARKER',
      'Destination', 'Expr', 'GatePhase', 'Hook', 'HookAction', 'HookActionKind', 'HookDeletePolicy', 'HookType',
      'MaxUpdate', 'NotificationCatalog', 'NotificationSecret', 'NotificationService', 'NotificationSubscriptions',
      'NotificationTemplate', 'NotificationTrigger', 'NotificationsConfig', 'ParameterCollectionType', 'PluginImage',
      'PluginParameter', 'PolicyEffect', 'ProjectAction', 'ProjectPolicy', 'ProjectResource', 'PullRequestProvider',
      'RepoServerSidecar', 'ResourceChangeHook', 'ResourceSyncOption', 'ResourceSyncOptions', 'ScmProvider',
      'SelectorOperator', 'Severity', 'SlackDeliveryPolicy', 'SubscriptionSelector', 'SyncOption',
      'SyncWave', 'SyncWaves', 'SyncWindowKind', 'TargetResource', 'analyzeSync', 'expandApplicationSet', 'hasErrors',
      'notificationSubscriptionAnnotations', 'planSync', 'validateManifests',
    ]);
  });
});

describe('the compiled public API (lib/, as installed)', () => {
  const LIB_INDEX = path.join(__dirname, '..', 'lib', 'src', 'index.js');

  /** Runs node on the compiled index and returns what the script prints. */
  function inNode(script: string): any {
    const r = spawnSync(process.execPath, ['-e', `const lib = ${JSON.stringify(LIB_INDEX)}; ${script}`], { encoding: 'utf-8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  }

  test('exports the same names, in the same order, as the sources', () => {
    const names: string[] = inNode('console.log(JSON.stringify(Object.keys(require(lib))))');
    expect(names).toEqual(Object.keys(api));
    // (a type exported with `export { }` would be a name with no value: index.ts uses `export type` for them)
    expect(Object.keys(api).filter((k) => (api as any)[k] === undefined)).toEqual([]);
    const defined: string[] = inNode('const m = require(lib); console.log(JSON.stringify(Object.keys(m).filter((k) => m[k] !== undefined)))');
    expect(defined).toEqual(Object.keys(api));
  });

  test('loads a module when one of its exports is first used (projenrc/lazy-index.ts)', () => {
    const loaded: { atRequire: string[]; afterApplication: string[] } = inNode(`
      const ours = () => Object.keys(require.cache).filter((f) => f.startsWith(require('path').dirname(lib))).map((f) => require('path').relative(require('path').dirname(lib), f));
      const m = require(lib);
      const atRequire = ours();
      m.Application;
      console.log(JSON.stringify({ atRequire, afterApplication: ours() }));`);
    expect(loaded.atRequire).toEqual(['index.js']);
    expect(loaded.afterApplication).toContain('application/application.js');
    expect(loaded.afterApplication).not.toContain('notifications/catalog.js');
    expect(loaded.afterApplication).not.toContain('cmp/plugin-image.js');
  });
});
