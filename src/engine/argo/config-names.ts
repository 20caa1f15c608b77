/**
 * The names of Argo CD's own ConfigMaps and Secrets (manifests/install.yaml at v3.5.1;
 * util/settings/settings.go, util/notification/settings).
 */
export const ARGOCD_CM = 'argocd-cm';
export const ARGOCD_CMD_PARAMS_CM = 'argocd-cmd-params-cm';
export const NOTIFICATIONS_CONFIGMAP = 'argocd-notifications-cm';
export const NOTIFICATIONS_SECRET = 'argocd-notifications-secret';
