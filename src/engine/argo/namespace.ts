/** The namespace Argo CD's control plane is installed in by default (manifests/install.yaml). */
export const DEFAULT_NAMESPACE = 'argocd';
