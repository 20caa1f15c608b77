/**
 * The cluster Argo CD runs in, as Argo CD names it (pkg/apis/application/v1alpha1/types.go
 * `KubernetesInternalAPIServerAddr`, util/db/cluster.go `InClusterName`).
 */

/** The API server URL of the cluster Argo CD runs in. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';
/** The name Argo CD gives the cluster it runs in. */
export const IN_CLUSTER_NAME = 'in-cluster';

/**
 * Fills in the other half of an in-cluster destination: the in-cluster server and name are
 * interchangeable when matching project destinations.
 */
export function withInClusterAlias(dest: { server?: string; name?: string }): { server?: string; name?: string } {
  if (dest.server === IN_CLUSTER_SERVER && !dest.name) return { server: dest.server, name: IN_CLUSTER_NAME };
  if (dest.name === IN_CLUSTER_NAME && !dest.server) return { server: IN_CLUSTER_SERVER, name: dest.name };
  return { server: dest.server, name: dest.name };
}

/**
 * `ValidateDestination` (util/argo/argo.go): exactly one of server and name.
 * @returns the problem, or undefined when the destination is well-formed
 */
export function destinationFormError(server: string | undefined, name: string | undefined, at = 'spec.destination'): string | undefined {
  if (server && name) {
    return `${at} sets both server ${JSON.stringify(server)} and name ${JSON.stringify(name)}: Argo CD rejects this ("application destination can't have both name and server defined"); keep one`;
  }
  if (!server && !name) {
    return `${at} has neither server nor name: set server (e.g. "${IN_CLUSTER_SERVER}") or name (e.g. "${IN_CLUSTER_NAME}")`;
  }
  return undefined;
}
