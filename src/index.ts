// The public API of cdk8s-argocd: named exports only, so an internal helper cannot leak
// (test/index.test.ts snapshots the run-time export list). Never exports the L1 classes in
// imports/, the CLI, or the engine's internals.

// Applications
export { Application, CascadeDelete } from './application/application';
export type { ApplicationInfo, ApplicationProps, IApplication } from './application/application';
export { AppOfApps } from './application/app-of-apps';
export type { AppOfAppsProps } from './application/app-of-apps';
export { ApplicationSource, PluginParameter } from './application/source';
export type {
  DirectoryOptions, DrySource, GitSourceOptions, HelmChartSourceOptions, HelmFileParameter, HelmOptions, HelmParameter,
  JsonnetOptions, JsonnetVariable, KustomizeOptions, KustomizePatch, KustomizePatchTarget, KustomizeReplica, PluginOptions,
  RefSourceOptions, SourceHydrator, SourceOptions, SyncSource,
} from './application/source';
export { Destination } from './application/destination';
export { SyncOption } from './application/sync-option';
export type { AutomatedSync, ManagedNamespaceMetadata, RetryBackoff, RetryStrategy, SyncPolicy } from './application/sync-policy';
export type { IgnoreDifference } from './application/ignore-difference';

// ApplicationSets
export { ApplicationSet, ApplicationsSyncPolicy } from './application-set/application-set';
export type { ApplicationSetProps, ApplicationSetSyncPolicy, IgnoreApplicationDifference } from './application-set/application-set';
export type { ApplicationSetTemplateProps } from './application-set/application-set-template';
export { ApplicationSetStrategy, MaxUpdate } from './application-set/strategy';
export type { RollingSyncStep, StepMatchExpression } from './application-set/strategy';
export { ApplicationSetGenerator } from './application-set/generators/generator';
export type { GeneratorOptions, GeneratorPollingOptions, GeneratorValuesOptions, SecretKeyRef } from './application-set/generators/common';
export { SelectorOperator } from './application-set/generators/selector';
export type { LabelSelector, SelectorRequirement } from './application-set/generators/selector';
export type { ListGeneratorOptions } from './application-set/generators/list';
export type { ClustersGeneratorOptions } from './application-set/generators/clusters';
export type { GitDirectoriesGeneratorOptions, GitFilesGeneratorOptions, GitGeneratorOptions, GitPathPattern } from './application-set/generators/git';
export type { MatrixGeneratorOptions, MergeGeneratorOptions } from './application-set/generators/matrix-merge';
export { PullRequestProvider } from './application-set/generators/pull-request';
export type {
  AzureDevOpsPullRequestOptions, BitbucketServerPullRequestOptions, GithubPullRequestOptions, GitlabPullRequestOptions, OwnerRepoOptions,
  PullRequestFilter, PullRequestGeneratorOptions, PullRequestProviderOptions,
} from './application-set/generators/pull-request';
export { ScmProvider } from './application-set/generators/scm-provider';
export type {
  AwsCodeCommitScmOptions, AzureDevOpsScmOptions, BitbucketScmOptions, BitbucketServerScmOptions, GiteaScmOptions, GithubScmOptions,
  GitlabScmOptions, ScmProviderFilter, ScmProviderGeneratorOptions, ScmProviderOptions,
} from './application-set/generators/scm-provider';
export type { ClusterDecisionResourceGeneratorOptions } from './application-set/generators/cluster-decision-resource';
export type { PluginGeneratorOptions } from './application-set/generators/plugin';

// Projects
export { AppProject } from './project/app-project';
export type {
  AppProjectProps, ClusterResourceKind, DestinationServiceAccount, GitSourceIntegrityPolicy, IAppProject, OrphanedResources,
  ProjectDestination, ResourceKind,
} from './project/app-project';
export { PolicyEffect, ProjectAction, ProjectPolicy, ProjectResource } from './project/project-role';
export type { JwtToken, ProjectPolicyOptions, ProjectRole } from './project/project-role';
export { SyncWindowKind } from './project/sync-window';
export type { SyncWindow } from './project/sync-window';

// Annotations on any construct: waves, hooks, resource options
export { SyncWave } from './annotations/sync-wave';
export { Hook, HookDeletePolicy, HookType } from './annotations/hook';
export type { HookOptions } from './annotations/hook';
export { CompareOption, CompareOptions, ResourceSyncOption, ResourceSyncOptions } from './annotations/resource-options';
export { SyncWaves } from './annotations/waves-from-dependencies';
export { ArgoCdValidation } from './annotations/argo-cd-validation';
export type { ArgoCdValidationOptions } from './annotations/argo-cd-validation';
export { ArgoCdValidationPlugin } from './annotations/argo-cd-validation-plugin';
export type {
  ArgoCdValidationPluginContext, ArgoCdValidationPluginProps, ArgoCdValidationPluginReport, ArgoCdValidationPluginResource,
  ArgoCdValidationPluginViolation,
} from './annotations/argo-cd-validation-plugin';
export type { SyncWavesFromDependenciesOptions } from './annotations/waves-from-dependencies';

// Notifications
export { NotificationsConfig } from './notifications/notifications-config';
export type { NotificationsConfigProps } from './notifications/notifications-config';
export { NotificationSecret, NotificationService } from './notifications/service';
export type {
  AlertmanagerServiceOptions, EmailServiceOptions, GitHubServiceOptions, GoogleChatServiceOptions, GrafanaServiceOptions,
  MattermostServiceOptions, NotificationBasicAuth, NotificationServiceOptions, OpsgenieServiceOptions, PagerDutyV2ServiceOptions,
  SlackServiceOptions, TeamsWorkflowsServiceOptions, TelegramServiceOptions, WebhookHeader, WebhookServiceOptions,
} from './notifications/service';
export { NotificationTemplate, SlackDeliveryPolicy } from './notifications/template';
export type {
  EmailTemplate, GitHubDeploymentTemplate, GitHubPullRequestCommentTemplate, GitHubStatusTemplate, GitHubTemplate, NotificationTemplateProps,
  PagerDutyV2Template, SlackTemplate, TeamsTemplate, WebhookTemplate,
} from './notifications/template';
export { NotificationTrigger } from './notifications/trigger';
export type { NotificationTriggerProps, TriggerCondition } from './notifications/trigger';
export { NotificationSubscriptions, notificationSubscriptionAnnotations, SubscriptionSelector } from './notifications/subscription';
export type { GlobalSubscription, NotificationDestination, NotificationSubscription, NotificationSubscriptionSpec } from './notifications/subscription';
export { NotificationCatalog } from './notifications/catalog';
export { Expr } from './notifications/expr';
export type { ExprInputs } from './notifications/expr';

// A hook that runs only when one resource changed
export { ChangeKind, ResourceChangeHook } from './change-hooks/resource-change-hook';
export type { ResourceChangeHookProps } from './change-hooks/resource-change-hook';
export { ChangeDetection, ChangeHookStrategy, GatePhase } from './change-hooks/change-hook-strategy';
export type { ChildApplicationProps, HashNamedJobProps, NotificationStrategyProps, PostSyncGateProps } from './change-hooks/change-hook-strategy';
export { HookAction, HookActionKind } from './change-hooks/hook-action';
export type { JobActionProps, WebhookActionProps } from './change-hooks/hook-action';
export { TargetResource } from './change-hooks/target-resource';
export type { ResourceRefProps, TargetResourceOptions } from './change-hooks/target-resource';
export type { NotificationObjects } from './change-hooks/strategies/notification';

// Config Management Plugin
export { BuildEnvironment, BuildEnvironmentError } from './cmp/build-environment';
export type { BuildEnvironmentOptions, PluginParameterValue } from './cmp/build-environment';
export { ConfigManagementPlugin, DEFAULT_DISCOVERY_MARKER, ParameterCollectionType } from './cmp/config-management-plugin';
export type { ConfigManagementPluginProps, ParameterAnnouncement, PluginCommand, PluginDiscovery } from './cmp/config-management-plugin';
export { PluginImage } from './cmp/plugin-image';
export type { PluginImageProps } from './cmp/plugin-image';
export { RepoServerSidecar } from './cmp/repo-server-sidecar';
export type { RepoServerSidecarProps } from './cmp/repo-server-sidecar';

// The engine, usable without constructs
export { hasErrors, validateManifests } from './engine/validation/validate-manifests';
export type { ValidationOptions } from './engine/validation/validate-manifests';
export { Severity } from './engine/validation/problem';
export type { Problem } from './engine/validation/problem';
export { analyzeSync, planSync } from './engine/plan/sync-plan';
export { AppSetExpansionError, expandApplicationSet } from './engine/appset/api';
export type { ExpandInputs } from './engine/appset';
export type { PlanSyncOptions, SkippedObject, SyncPlan, SyncStep, SyncTask } from './engine/plan/sync-plan';
