/**
 * Every annotation key the library reads or writes, defined once.
 * Source: gitops-engine/pkg/sync/common/types.go, controller/*.go and the notifications-engine
 * (gitops-engine pkg/sync/common/types.go, argo-cd v3.5.1 common/common.go, notifications-engine pkg/subscriptions).
 */
export const ANNOTATION_HOOK = 'argocd.argoproj.io/hook';
export const ANNOTATION_HOOK_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
export const ANNOTATION_SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
export const ANNOTATION_SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';
export const ANNOTATION_COMPARE_OPTIONS = 'argocd.argoproj.io/compare-options';
export const ANNOTATION_DELETION_APPROVED = 'argocd.argoproj.io/deletion-approved';
export const ANNOTATION_IGNORE_HEALTHCHECK = 'argocd.argoproj.io/ignore-healthcheck';
export const ANNOTATION_TRACKING_ID = 'argocd.argoproj.io/tracking-id';
export const LABEL_SECRET_TYPE = 'argocd.argoproj.io/secret-type';
export const ANNOTATION_MANIFEST_GENERATE_PATHS = 'argocd.argoproj.io/manifest-generate-paths';
export const ANNOTATION_HELM_HOOK = 'helm.sh/hook';
export const ANNOTATION_HELM_HOOK_WEIGHT = 'helm.sh/hook-weight';
export const ANNOTATION_HELM_HOOK_DELETE_POLICY = 'helm.sh/hook-delete-policy';
export const NOTIFICATIONS_SUBSCRIBE_PREFIX = 'notifications.argoproj.io/subscribe.';
export const NOTIFICATIONS_SUBSCRIPTIONS = 'notifications.argoproj.io/subscriptions';
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';
export const RESOURCES_FINALIZER_BACKGROUND = 'resources-finalizer.argocd.argoproj.io/background';
