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
      'SelectorOperator', 'Severity', 'SlackDeliveryPolicy', 'SourceHydrator', 'SubscriptionSelector', 'SyncOption',
      'SyncWave', 'SyncWaves', 'SyncWindowKind', 'TargetResource', 'analyzeSync', 'expandApplicationSet', 'hasErrors',
      'notificationSubscriptionAnnotations', 'planSync', 'validateManifests',
    ]);
  });
});
