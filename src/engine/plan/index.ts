export { planSync, analyzeSync } from './sync-plan';
export type { PlanSyncOptions, SkippedObject, SyncPlan, SyncStep, SyncTask } from './sync-plan';
