/**
 * Resource change hooks: the facts and checks behind "run an action only when one resource
 * changed in a sync" (the `ResourceChangeHook` construct and the `change-hook/*` rules).
 *
 * Argo CD facts they rest on (Argo CD v3.5.1):
 * - `syncResult.resources[]` carries kubectl's verdict (`created`/`configured`/`unchanged`) only
 *   under client-side apply; server-side apply always says `serverside-applied` and `Replace=true`
 *   says `replaced` (gitops-engine/pkg/sync/sync_context.go `applyObject`,
 *   gitops-engine/pkg/utils/kube/resource_ops.go@v3.5.1). With `ApplyOutOfSyncOnly=true`
 *   unmodified resources are left out of the list (`filterOutOfSyncTasks`).
 * - In a multi-step sync the verdict of a kind whose healthy status has a message (StatefulSet,
 *   HPA, APIService, DaemonSet with OnDelete, Pod) is overwritten by that message
 *   (`setResourceResult`, gitops-engine/pkg/health/health_statefulset.go@v3.5.1).
 * - `Replace=true` on the Application replaces every object on every sync, which wipes the data a
 *   hook wrote into a synced ConfigMap.
 * - The subscription annotation `notifications.argoproj.io/subscribe.<trigger>.<service>` is split
 *   on "." (notifications-engine pkg/subscriptions/annotations.go), so hook ids hold no dots.
 */
import { annotationCsv, annotationsOf, isHook, isSkipped, syncPhasesOf, waveOf } from './sync-annotations';
import { ANNOTATION_SYNC_OPTIONS } from '../core/annotation-keys';
import { groupOf, Manifest } from '../core/manifest';
import { isObject, str } from '../core/values';

const q = JSON.stringify;

/**
 * Annotation the library writes on every object a change hook generates (gate Jobs, hash-named
 * Job, child Application): a JSON {@link ChangeHookMarker}, so the engine can check the hook on
 * plain manifests. The notification strategy's marker is on the Application, one per hook, under
 * {@link ANNOTATION_CHANGE_HOOK_NOTIFICATION_PREFIX}`<id>`.
 */
export const ANNOTATION_CHANGE_HOOK = 'change-hooks.cdk8s-argocd.io/hook';
/** Prefix of the notification strategy's marker on the subscribed Application (one key per hook). */
export const ANNOTATION_CHANGE_HOOK_NOTIFICATION_PREFIX = 'change-hooks.cdk8s-argocd.io/notify.';

/** The strategies, as written in the marker. */
export const CHANGE_HOOK_STRATEGIES: readonly string[] = ['postSyncGate', 'hashNamedJob', 'notification', 'childApplication'];
/** How the notification trigger detects a change, as written in the marker. */
export const CHANGE_DETECTIONS: readonly string[] = ['auto', 'applyOutOfSyncOnly', 'anyApply'];

/**
 * Kinds whose healthy status carries a message, which replaces kubectl's verdict in a multi-step
 * sync (gitops-engine/pkg/health/health_{statefulset,hpa,apiservice,daemonset,pod}.go@v3.5.1).
 */
export const HEALTH_MESSAGE_KINDS: readonly string[] = [
  'apps/StatefulSet', 'autoscaling/HorizontalPodAutoscaler', 'apiregistration.k8s.io/APIService', 'apps/DaemonSet', '/Pod',
];

/** Identity of the watched resource, the keys of `syncResult.resources[]`. */
export interface ChangeHookTargetRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Absent for a cluster-scoped resource. */
  readonly namespace?: string;
}

/** What the library records on the objects a change hook generates. */
export interface ChangeHookMarker {
  /** The hook's id. */
  readonly id: string;
  /** One of {@link CHANGE_HOOK_STRATEGIES}. */
  readonly strategy: string;
  /** Name of the Application whose syncs the hook follows. */
  readonly application: string;
  readonly target: ChangeHookTargetRef;
  /** Gate strategies: whether a failing action fails the sync. */
  readonly failSyncOnError?: boolean;
  /** Notification strategy: one of {@link CHANGE_DETECTIONS}. */
  readonly changeDetection?: string;
}

/** `group/Kind namespace/name`, the way messages name a target. */
export function targetRefString(t: ChangeHookTargetRef): string {
  return `${t.group === '' ? '' : `${t.group}/`}${t.kind} ${t.namespace === undefined ? '' : `${t.namespace}/`}${t.name}`;
}

/** Whether a manifest is the target (namespace compared only for a namespaced target). */
export function isTargetObject(object: Manifest, t: ChangeHookTargetRef): boolean {
  if (!isObject(object)) return false;
  if (groupOf(object) !== t.group || str(object.kind) !== t.kind || str(object.metadata?.name) !== t.name) return false;
  return t.namespace === undefined || str(object.metadata?.namespace) === t.namespace;
}

/** Reads a marker written by the library; undefined when absent or not one. */
export function parseChangeHookMarker(value: string | undefined): ChangeHookMarker | undefined {
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || !isObject(parsed.target)) return undefined;
  const t = parsed.target;
  if (typeof parsed.id !== 'string' || typeof parsed.strategy !== 'string' || typeof parsed.application !== 'string') return undefined;
  if (typeof t.group !== 'string' || typeof t.kind !== 'string' || typeof t.name !== 'string') return undefined;
  return parsed as unknown as ChangeHookMarker;
}

/** Serializes a marker (stable key order). */
export function formatChangeHookMarker(m: ChangeHookMarker): string {
  const target: ChangeHookTargetRef = { group: m.target.group, kind: m.target.kind, name: m.target.name, namespace: m.target.namespace };
  return JSON.stringify({
    id: m.id, strategy: m.strategy, application: m.application, target, failSyncOnError: m.failSyncOnError, changeDetection: m.changeDetection,
  });
}

/** Every change-hook marker an object carries (a Job has one; an Application one per notification hook). */
export function changeHookMarkersOf(object: Manifest): Array<{ key: string; marker: ChangeHookMarker }> {
  const out: Array<{ key: string; marker: ChangeHookMarker }> = [];
  for (const [key, value] of Object.entries(annotationsOf(object))) {
    if (key !== ANNOTATION_CHANGE_HOOK && !key.startsWith(ANNOTATION_CHANGE_HOOK_NOTIFICATION_PREFIX)) continue;
    const marker = parseChangeHookMarker(value);
    if (marker !== undefined) out.push({ key, marker });
  }
  return out;
}

/**
 * A hook id: it names the generated Jobs, the trigger (`on-<id>`) and the template, and ends up
 * in the subscription annotation, which notifications-engine splits on ".".
 */
export function changeHookIdError(id: string, maxLength = 52): string | undefined {
  if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(id) && id.length <= maxLength) return undefined;
  const fix = id.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength).replace(/-+$/, '') || 'cdn-purge';
  return `change hook id ${q(id)} must be a DNS label of at most ${maxLength} characters without "." (it names the generated Jobs and the notification trigger, whose subscription annotation is split on "."): use e.g. ${q(fix)}`;
}

/**
 * A value embedded as a literal in a generated trigger expression or template: the library quotes
 * it with single quotes, so `'` and `\` would end or escape the literal.
 */
export function exprLiteralError(field: string, value: string): string | undefined {
  if (!/['\\]/.test(value) && !/[\n\r]/.test(value)) return undefined;
  return `${field} ${q(value)} cannot be embedded in a trigger expression (it holds a quote, a backslash or a line break): use the resource's real name, which Kubernetes restricts to DNS characters`;
}

/** The Application's sync options from its manifest. */
export function applicationSyncOptionsOf(app: Manifest): string[] {
  const options = app?.spec?.syncPolicy?.syncOptions;
  return Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string').map((o) => o.trim()) : [];
}

/** The target's own `argocd.argoproj.io/sync-options`. */
export function resourceSyncOptionsOf(object: Manifest): string[] {
  return annotationCsv(annotationsOf(object)[ANNOTATION_SYNC_OPTIONS]);
}

/**
 * Gate strategies keep their state in a synced ConfigMap without `data`; `Replace=true` on the
 * Application replaces that ConfigMap on every sync and wipes the recorded hashes, so the action
 * would run on every sync.
 */
export function gateWithReplaceError(application: string, applicationSyncOptions: readonly string[]): string | undefined {
  if (!applicationSyncOptions.includes('Replace=true')) return undefined;
  return `Application ${q(application)} syncs with "Replace=true", which replaces the change hooks' state ConfigMap on every sync and wipes the recorded hashes, so the action would run on every sync: remove "Replace=true" from the Application (set it per resource with ResourceSyncOption.REPLACE where needed) or use ChangeHookStrategy.hashNamedJob()`;
}

/**
 * A gate whose failing action fails the sync: automated sync does not retry the same commit
 * unless `syncPolicy.retry` is set (docs/user-guide/auto_sync.md@v3.5.1).
 */
export function gateWithoutRetryWarning(application: string, app: Manifest): string | undefined {
  const policy = app?.spec?.syncPolicy;
  if (!isObject(policy) || !isObject(policy.automated) || policy.retry !== undefined) return undefined;
  return `change hook action fails the sync of Application ${q(application)} when it fails, and automated sync does not retry the same commit without spec.syncPolicy.retry: set syncPolicy.retry (e.g. { limit: 3 }) or use postSyncGate({ failSyncOnError: false })`;
}

/**
 * The notification strategy with automatic change detection reads kubectl's verdict, which
 * server-side apply and `Replace=true` hide, unless `ApplyOutOfSyncOnly=true` makes presence in
 * the list mean "changed".
 */
export function ambiguousChangeDetectionError(
  application: string, applicationSyncOptions: readonly string[], targetSyncOptions: readonly string[], target: string,
): string | undefined {
  if (applicationSyncOptions.includes('ApplyOutOfSyncOnly=true')) return undefined;
  const fromApp = ['ServerSideApply=true', 'Replace=true'].filter((o) => applicationSyncOptions.includes(o));
  const fromTarget = ['ServerSideApply=true', 'Replace=true'].filter((o) => targetSyncOptions.includes(o));
  if (fromApp.length === 0 && fromTarget.length === 0) return undefined;
  const where = fromApp.length > 0 ? `Application ${q(application)} syncs with ${q(fromApp[0])}` : `${target} carries sync option ${q(fromTarget[0])}`;
  return `${where} without "ApplyOutOfSyncOnly=true", so the sync result says "serverside-applied"/"replaced" whether or not ${target} changed and the trigger cannot tell: use ChangeDetection.APPLY_OUT_OF_SYNC_ONLY (adds "ApplyOutOfSyncOnly=true" to the Application) or ChangeDetection.ANY_APPLY (fires on every apply)`;
}

/** Whether a kind's healthy status can carry a message that overwrites kubectl's verdict. */
export function hasHealthMessage(group: string, kind: string): boolean {
  return HEALTH_MESSAGE_KINDS.includes(`${group}/${kind}`) || (group !== '' && !group.endsWith('.k8s.io') && !['apps', 'batch', 'autoscaling', 'policy'].includes(group));
}

/**
 * Whether syncing these objects takes more than one step (a hook, or more than one wave): then
 * the controller re-reads the health of applied resources and may replace kubectl's verdict.
 */
export function isMultiStepSync(objects: readonly Manifest[]): boolean {
  const steps = new Set<string>();
  for (const o of objects) {
    if (isHook(o)) return true;
    for (const phase of syncPhasesOf(o)) steps.add(`${phase}/${waveOf(o)}`);
  }
  return steps.size > 1;
}

/** Automatic change detection on a kind whose verdict a multi-step sync overwrites. */
export function healthMessageOverwriteWarning(target: ChangeHookTargetRef): string | undefined {
  if (!hasHealthMessage(target.group, target.kind)) return undefined;
  return `${targetRefString(target)} is a kind whose healthy status has a message; in a sync with waves or hooks that message replaces kubectl's "configured"/"created" in the sync result and the trigger misses the change: use ChangeDetection.APPLY_OUT_OF_SYNC_ONLY`;
}

/** A target that is a hook (or skipped) is not a resource of the sync: it has no result to watch and no state to hash. */
export function targetIsHookError(target: ChangeHookTargetRef, object: Manifest): string | undefined {
  if (!isHook(object) && !isSkipped(object)) return undefined;
  return `target ${targetRefString(target)} is ${isSkipped(object) ? 'skipped by the sync (hook type Skip)' : 'a resource hook'}, which Argo CD runs rather than applies, so it never counts as changed: watch a normal resource of the Application`;
}

/** A hook whose target is not among the rendered objects. */
export function targetNotRenderedError(id: string, target: ChangeHookTargetRef): string {
  return `change hook ${q(id)} watches ${targetRefString(target)}, which is not among the rendered objects, so the hook never fires: render the target in the same chart or point the hook at an object that exists`;
}

/** Gate strategies need the target's rendered manifest to hash. */
export function targetNotHashableError(id: string, strategy: string, target: ChangeHookTargetRef): string {
  return `change hook ${q(id)} uses ${strategy}, which hashes the target's rendered manifest, but ${targetRefString(target)} was given by reference: use TargetResource.fromApiObject(obj) or ChangeHookStrategy.notification()`;
}

/** `on` kinds a strategy cannot see. */
export function changeKindsError(strategy: string, on: readonly string[]): string | undefined {
  if (on.length === 0) return 'change kinds "on" is empty, so the hook never fires: leave it out (created and configured) or list ChangeKind values';
  if (strategy === 'notification') return undefined;
  const unsupported = on.filter((k) => k !== 'created' && k !== 'configured');
  const both = on.includes('created') && on.includes('configured');
  if (unsupported.length === 0 && both) return undefined;
  return `${strategy} compares the target's desired content with the last one processed, so it fires on any creation or change and never on a prune; got on: ${q(on)}: leave "on" out, or use ChangeHookStrategy.notification() to tell created, configured and pruned apart`;
}

/** Which action family each strategy runs. */
export function strategyActionError(strategy: string, action: 'job' | 'webhook'): string | undefined {
  if (strategy === 'notification' && action === 'job') {
    return 'ChangeHookStrategy.notification() calls a webhook and cannot run a Job: use HookAction.webhook(...), or a Job strategy (postSyncGate, hashNamedJob, childApplication)';
  }
  if (strategy !== 'notification' && action === 'webhook') {
    return `${strategy} runs a Job in the cluster and cannot call a webhook: use ChangeHookStrategy.notification() with HookAction.webhook(...), or HookAction.job(...)`;
  }
  return undefined;
}
