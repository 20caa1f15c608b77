/**
 * The order in which Argo CD v3.5.1 applies a sync: phases, then waves, then kinds
 * (gitops-engine `pkg/sync/sync_tasks.go`, `pkg/sync/common/types.go`).
 */
import { SYNC_PHASES } from './hooks';

/** Sync phases in execution order (gitops-engine `syncPhaseOrder`). */
export const PHASE_ORDER: readonly string[] = SYNC_PHASES;

/** The rank of a sync phase in {@link PHASE_ORDER} (-1 for anything else). */
export function phaseRank(phase: string): number {
  return PHASE_ORDER.indexOf(phase);
}

/**
 * Helm's install order, which gitops-engine v3.5.1 uses as the kind order within a wave
 * (`pkg/sync/sync_tasks.go` `kindOrder`). Kinds not listed, including every custom resource, come after.
 */
export const KIND_ORDER: readonly string[] = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList',
  'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController',
  'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress',
  'APIService',
];

const KIND_RANK = new Map(KIND_ORDER.map((k, i) => [k, i - KIND_ORDER.length]));

/** gitops-engine's kind rank: negative for listed kinds, 0 for every other kind. */
export function kindRank(kind: string): number {
  return KIND_RANK.get(kind) ?? 0;
}

/** The default `ARGOCD_SYNC_WAVE_DELAY` of the application controller, in seconds. */
export const DEFAULT_WAVE_DELAY_SECONDS = 2;
