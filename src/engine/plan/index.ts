export { KIND_ORDER, PHASE_ORDER, DEFAULT_WAVE_DELAY_SECONDS, kindRank, planSync, analyzeSync } from './sync-plan';
export type { PlanSyncOptions, SkippedObject, SyncPlan, SyncStep, SyncTask } from './sync-plan';
export { atoi, hookTypesOf, deletePoliciesOf, waveOf, syncPhasesOf, isHook } from '../argo/sync-annotations';
