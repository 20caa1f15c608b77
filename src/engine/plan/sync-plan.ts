import { HOOK_TYPE } from '../argo/hooks';
import {
  deletePoliciesOf, hasSyncOption, hookTypesOf, isDeleteOnlyHook, isHook, isSkipped, syncPhasesOf, waveOf,
} from '../argo/sync-annotations';
import { SYNC_OPTION } from '../argo/sync-options';
import { DEFAULT_WAVE_DELAY_SECONDS, kindRank, PHASE_ORDER } from '../argo/sync-order';
import { groupOf, Manifest } from '../core/manifest';
import { str } from '../core/values';

/** One step of a sync: one object applied (or pruned) in one phase and wave. */
export interface SyncTask {
  /** `PreSync`, `Sync`, `PostSync` or `SyncFail`. */
  readonly phase: string;
  /** The effective wave (after namespace/CRD bubbling and prune reordering). */
  readonly wave: number;
  /** API group (`""` for the core group). */
  readonly group: string;
  readonly kind: string;
  /** `metadata.namespace` (`""` when unset). */
  readonly namespace: string;
  /** `metadata.name`, or `metadata.generateName` for hooks Argo CD names at sync time. */
  readonly name: string;
  /** The object's valid hook types (empty for a plain resource). */
  readonly hookTypes: string[];
  /** The effective delete policies of a hook (Argo CD's default `BeforeHookCreation` included; empty for a plain resource). */
  readonly deletePolicies: string[];
  /** Whether this task deletes a live object. */
  readonly prune: boolean;
  /** Position of the object in the input (for prune tasks: in `options.live`). */
  readonly index: number;
}

/** An object the sync never applies, and why. */
export interface SkippedObject {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly index: number;
  /** `skip` (sole `Skip` hook type), `delete-hook` (PreDelete/PostDelete only), `no-phase` (hook with no valid type). */
  readonly reason: string;
  readonly hookTypes: string[];
}

/** Options for `planSync` and `analyzeSync`. */
export interface PlanSyncOptions {
  /**
   * The live objects of the Application, to compute prune tasks: every live object with no
   * desired object of the same group, kind, namespace and name is pruned (unless it has `Prune=false`).
   * @default - no prune tasks
   */
  readonly live?: Manifest[];
  /**
   * The Application's `PruneLast=true` sync option: every prune runs in a final wave.
   * @default false
   */
  readonly pruneLast?: boolean;
  /**
   * `ARGOCD_SYNC_WAVE_DELAY` of the application controller, in seconds.
   * @default 2
   */
  readonly waveDelaySeconds?: number;
}

/** What `analyzeSync` returns: the sync plan with its steps, prune order and what is skipped. */
export interface SyncPlan {
  /** Every task (apply and prune) in gitops-engine's sorted order; what {@link planSync} returns. */
  readonly order: SyncTask[];
  /** Apply tasks in execution order: PreSync, Sync, PostSync, then SyncFail (run only when the sync fails). */
  readonly tasks: SyncTask[];
  /** Prune tasks in prune order (they run inside the Sync phase at their `wave`). */
  readonly prune: SyncTask[];
  /** Every task (apply and prune, SyncFail excluded) in the order the controller runs them. */
  readonly steps: SyncStep[];
  /** Objects the sync never applies. */
  readonly skipped: SkippedObject[];
  /** More than one phase or wave: Argo CD waits for every task of a wave to be healthy before the next. */
  readonly multiStep: boolean;
  /** Lower bound of the time spent in wave delays: (steps - 1) × the wave delay. */
  readonly estimatedWaveDelaySeconds: number;
}

/** One phase/wave step of the sync. */
export interface SyncStep {
  readonly phase: string;
  readonly wave: number;
  readonly tasks: SyncTask[];
}

interface MutableTask {
  phase: string;
  wave: number;
  object: Manifest;
  prune: boolean;
  index: number;
  order: number;
}

function metaOf(o: Manifest): { name: string; generateName: string; namespace: string } {
  const m = o?.metadata !== null && typeof o?.metadata === 'object' ? o.metadata : {};
  return { name: str(m.name), generateName: str(m.generateName), namespace: str(m.namespace) };
}

function nameOf(o: Manifest): string {
  const m = metaOf(o);
  return m.name || m.generateName;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * gitops-engine's `syncTasks.Less`: phase, wave, kind rank, name. Go's `sort.Sort` leaves ties
 * unordered; this order breaks them by namespace, group, kind, prune-after-apply, then input position,
 * so the result is total and stable.
 */
function compareTasks(a: MutableTask, b: MutableTask): number {
  return PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase)
    || a.wave - b.wave
    || kindRank(str(a.object.kind)) - kindRank(str(b.object.kind))
    || compareStrings(nameOf(a.object), nameOf(b.object))
    || compareStrings(metaOf(a.object).namespace, metaOf(b.object).namespace)
    || compareStrings(groupOf(a.object), groupOf(b.object))
    || compareStrings(str(a.object.kind), str(b.object.kind))
    || Number(a.prune) - Number(b.prune)
    || a.order - b.order;
}

/** gitops-engine `syncTasks.adjustDeps`: move a dependency before its first user, inheriting wave and phase. */
function adjustDeps(
  tasks: MutableTask[],
  isDep: (o: Manifest) => string | undefined,
  refersTo: (o: Manifest) => string | undefined,
): void {
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (t.prune) continue; // targetObj == nil
    const depKey = isDep(t.object);
    if (depKey !== undefined) {
      const index = firstIndex.get(depKey);
      if (index !== undefined) {
        t.wave = tasks[index].wave;
        t.phase = tasks[index].phase;
        for (let j = i; j > index; j--) tasks[j] = tasks[j - 1];
        tasks[index] = t;
        for (const [key, first] of firstIndex) if (first >= index) firstIndex.set(key, first + 1);
      }
    } else {
      const ref = refersTo(t.object);
      if (ref !== undefined && !firstIndex.has(ref)) firstIndex.set(ref, i);
    }
  }
}

function isCrd(o: Manifest): boolean {
  return str(o.kind) === 'CustomResourceDefinition' && groupOf(o) === 'apiextensions.k8s.io';
}

function identity(o: Manifest): string {
  const m = metaOf(o);
  return `${groupOf(o)}/${str(o.kind)}/${m.namespace}/${m.name}`;
}

/** gitops-engine `syncTasks.Sort`. */
export function sortTasks<T extends MutableTask>(tasks: T[]): T[] {
  tasks.sort(compareTasks);
  adjustDeps(tasks,
    (o) => (str(o.kind) === 'Namespace' && groupOf(o) === '' ? metaOf(o).name : undefined),
    (o) => metaOf(o).namespace || undefined);
  adjustDeps(tasks,
    (o) => {
      if (!isCrd(o)) return undefined;
      const group = o.spec?.group;
      const kind = o.spec?.names?.kind;
      return typeof group === 'string' && typeof kind === 'string' ? `${group}/${kind}` : undefined;
    },
    (o) => `${groupOf(o)}/${str(o.kind)}`);
  return tasks;
}

function toTask(t: MutableTask): SyncTask {
  const hook = !t.prune && isHook(t.object);
  return {
    phase: t.phase,
    wave: t.wave,
    group: groupOf(t.object),
    kind: str(t.object.kind),
    namespace: metaOf(t.object).namespace,
    name: nameOf(t.object),
    hookTypes: hook ? hookTypesOf(t.object) : [],
    deletePolicies: hook ? deletePoliciesOf(t.object) : [],
    prune: t.prune,
    index: t.index,
  };
}

/**
 * The order Argo CD v3.5.1 syncs a set of objects in, as gitops-engine `sync_context.go`
 * (`getSyncTasks`) and `sync_tasks.go` compute it: hooks expanded into one task per sync phase,
 * `Skip` and delete-only hooks left out, prune waves reversed and `PruneLast` prunes moved to a
 * final wave, then sorted by phase, wave, kind and name, with Namespaces and CRDs moved before
 * their first user.
 */
export function planSync(objects: Manifest[], options: PlanSyncOptions = {}): SyncTask[] {
  return analyzeSync(objects, options).order;
}

/** {@link planSync} with the details: apply and prune tasks apart, steps, skipped objects, wave delay estimate. */
export function analyzeSync(objects: Manifest[], options: PlanSyncOptions = {}): SyncPlan {
  const all: MutableTask[] = [];
  const skipped: SkippedObject[] = [];
  let order = 0;
  objects.forEach((object, index) => {
    if (object === null || typeof object !== 'object' || Array.isArray(object)) return;
    const phases = syncPhasesOf(object);
    if (phases.length === 0) {
      skipped.push({
        group: groupOf(object),
        kind: str(object.kind),
        namespace: metaOf(object).namespace,
        name: nameOf(object),
        index,
        reason: isSkipped(object) ? 'skip' : isDeleteOnlyHook(object) ? 'delete-hook' : 'no-phase',
        hookTypes: hookTypesOf(object),
      });
      return;
    }
    for (const phase of phases) all.push({ phase, wave: waveOf(object), object, prune: false, index, order: order++ });
  });

  // prune tasks: live objects that are not desired (hooks are never pruned)
  const desired = new Set(objects.filter((o) => o && typeof o === 'object').map(identity));
  const pruneTasks: MutableTask[] = [];
  (options.live ?? []).forEach((live, index) => {
    if (live === null || typeof live !== 'object' || desired.has(identity(live)) || isHook(live)) return;
    if (hasSyncOption(live, SYNC_OPTION.PRUNE_FALSE)) return;
    const t: MutableTask = { phase: 'Sync', wave: waveOf(live), object: live, prune: true, index, order: order++ };
    pruneTasks.push(t);
    all.push(t);
  });
  // reverse the prune waves (symmetric swap on the sorted distinct prune waves)
  const pruneWaves = [...new Set(pruneTasks.map((t) => t.wave))].sort((a, b) => a - b);
  const reversed = new Map(pruneWaves.map((w, i) => [w, pruneWaves[pruneWaves.length - 1 - i]]));
  for (const t of pruneTasks) t.wave = reversed.get(t.wave)!;
  // PruneLast: one wave after the last Sync-phase wave (prune tasks included, as in v3.5.1)
  let lastWave = 0;
  for (const t of all) if (t.phase === 'Sync' && t.wave > lastWave) lastWave = t.wave;
  for (const t of pruneTasks) {
    if (options.pruneLast || hasSyncOption(t.object, SYNC_OPTION.PRUNE_LAST)) t.wave = lastWave + 1;
  }

  sortTasks(all);
  const tasks = all.map(toTask);
  const running = tasks.filter((t) => t.phase !== HOOK_TYPE.SYNC_FAIL);
  const steps: SyncStep[] = [];
  for (const t of running) {
    const last = steps[steps.length - 1];
    if (last && last.phase === t.phase && last.wave === t.wave) last.tasks.push(t);
    else steps.push({ phase: t.phase, wave: t.wave, tasks: [t] });
  }
  const multiStep = running.length > 0
    && (running[0].wave !== running[running.length - 1].wave || running[0].phase !== running[running.length - 1].phase);
  const delay = options.waveDelaySeconds ?? DEFAULT_WAVE_DELAY_SECONDS;
  return {
    order: tasks,
    tasks: tasks.filter((t) => !t.prune),
    prune: tasks.filter((t) => t.prune),
    steps,
    skipped,
    multiStep,
    estimatedWaveDelaySeconds: multiStep ? (steps.length - 1) * delay : 0,
  };
}
