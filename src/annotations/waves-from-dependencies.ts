import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { _explicitWave } from './sync-wave';
import { SYNC_PHASES } from '../engine/argo/hooks';
import { syncPhasesOf } from '../engine/argo/sync-annotations';
import { ANNOTATION_SYNC_WAVE } from '../engine/core/annotation-keys';
import { atoi } from '../engine/core/go-strconv';
import { appValidationOf } from '../private/app-validation';

/** Options of {@link SyncWaves.fromDependencies}. */
export interface SyncWavesFromDependenciesOptions {
  /**
   * The wave of objects that depend on nothing. Every other wave is one more than the highest
   * wave among the object's dependencies.
   * @default 0
   */
  readonly lowestWave?: number;
}

interface Computed {
  readonly waves: Map<ApiObject, number>;
  readonly errors: string[];
}

/** The raw annotation value, without resolving Lazy values (which may be ours). */
function rawWave(apiObject: ApiObject): unknown {
  const annotations = (apiObject.metadata as unknown as { annotations?: { [key: string]: unknown } }).annotations;
  return annotations?.[ANNOTATION_SYNC_WAVE];
}

/** An explicit wave: one set with SyncWave.set, or a plain integer string added with addAnnotation. */
function explicitWaveOf(apiObject: ApiObject): number | undefined {
  const set = _explicitWave(apiObject);
  const raw = rawWave(apiObject);
  if (set !== undefined && raw === String(set)) return set;
  return typeof raw === 'string' ? atoi(raw) : undefined;
}

/**
 * The first sync phase of an object, read from its plain (already resolved) annotations the way
 * Argo CD reads them; `undefined` for an object no sync applies (Skip, delete-only hooks).
 */
function firstPhaseOf(apiObject: ApiObject): string | undefined {
  const annotations = (apiObject.metadata as unknown as { annotations?: { [key: string]: unknown } }).annotations;
  return syncPhasesOf({ metadata: { annotations } })[0];
}

function apiObjectsUnder(c: IConstruct): ApiObject[] {
  return c.node.findAll().filter((x): x is ApiObject => ApiObject.isApiObject(x));
}

/** Dependencies of an ApiObject as cdk8s expands them: declared on it or any ancestor, onto every ApiObject below the target. */
function dependenciesOf(x: ApiObject): ApiObject[] {
  const out = new Set<ApiObject>();
  const ancestors = new Set<IConstruct>(x.node.scopes);
  for (const scope of x.node.scopes) {
    for (const target of scope.node.dependencies) {
      if (ancestors.has(target)) continue;
      for (const d of apiObjectsUnder(target)) if (d !== x) out.add(d);
    }
  }
  return [...out];
}

function compute(scope: IConstruct, lowest: number): Computed {
  const waves = new Map<ApiObject, number>();
  const errors: string[] = [];
  const state = new Map<ApiObject, 'visiting' | 'done'>();
  const stack: ApiObject[] = [];
  const reported = new Set<string>();
  /** Objects in the order their visit finished: dependencies before their dependents. */
  const finished: ApiObject[] = [];

  const visit = (x: ApiObject): number => {
    const s = state.get(x);
    if (s === 'done') return waves.get(x)!;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(x)), x].map((o) => o.node.path);
      const key = [...cycle].sort().join('|');
      if (!reported.has(key)) {
        reported.add(key);
        errors.push(`sync waves from dependencies: dependency cycle ${cycle.join(' => ')}: remove one of these addDependency() calls`);
      }
      return explicitWaveOf(x) ?? lowest;
    }
    state.set(x, 'visiting');
    stack.push(x);
    const explicit = explicitWaveOf(x);
    let wave = lowest;
    const deps = dependenciesOf(x);
    for (const d of deps) wave = Math.max(wave, visit(d) + 1);
    const phase = firstPhaseOf(x);
    for (const d of deps) {
      const dPhase = firstPhaseOf(d);
      if (phase !== undefined && dPhase !== undefined && SYNC_PHASES.indexOf(phase) < SYNC_PHASES.indexOf(dPhase)) {
        errors.push(`${x.node.path} runs in the ${phase} phase but depends on ${d.node.path}, which Argo CD applies in the ${dPhase} phase, after it: waves only order objects within a phase; make ${d.node.path} a ${phase} hook too or remove the dependency`);
      }
    }
    if (explicit !== undefined) wave = explicit;
    stack.pop();
    state.set(x, 'done');
    finished.push(x);
    waves.set(x, wave);
    return wave;
  };
  for (const x of apiObjectsUnder(scope)) visit(x);

  // Dependencies of an explicitly waved object go below it, rather than the explicit wave failing:
  // cdk8s-plus adds dependencies the user never wrote (a StatefulSet on its headless Service, a
  // Deployment on its ConfigMap), so an explicit wave on the dependent must pull them down. Walk
  // dependents before their dependencies (reverse finishing order) and cap every object without
  // an explicit wave one below its lowest dependent.
  for (const x of [...finished].reverse()) {
    for (const d of dependenciesOf(x)) {
      if (explicitWaveOf(d) !== undefined || !waves.has(d)) continue;
      waves.set(d, Math.min(waves.get(d)!, waves.get(x)! - 1));
    }
  }
  // What is left is a real contradiction: an explicit wave at or above an explicit wave that
  // depends on it, directly or through objects squeezed between the two.
  for (const x of finished) {
    for (const d of dependenciesOf(x)) {
      const xw = waves.get(x)!;
      const dw = waves.get(d);
      if (dw === undefined || dw < xw) continue;
      errors.push(explicitWaveOf(x) !== undefined && explicitWaveOf(d) !== undefined
        ? `sync wave ${xw} of ${x.node.path} contradicts its dependency on ${d.node.path} (wave ${dw}): Argo CD applies one wave at a time, so a dependent needs a higher wave; set the wave to at least ${dw + 1} or remove the explicit wave`
        : `${x.node.path} (wave ${xw}) depends on ${d.node.path} (wave ${dw}), and explicit waves leave no wave between them: Argo CD applies one wave at a time; raise the explicit wave of the dependent or lower that of the dependency`);
    }
  }
  return { waves, errors };
}

/**
 * Sync waves computed from the cdk8s dependency graph.
 *
 * cdk8s `addDependency()` only orders the YAML documents; Argo CD ignores that order and applies
 * by phase, wave, kind and name. `SyncWaves.fromDependencies(scope)` turns the graph into
 * `argocd.argoproj.io/sync-wave` annotations: an object's wave is one more than the highest wave
 * of what it depends on (topological levels), objects that depend on nothing get the lowest wave.
 */
export class SyncWaves {
  /**
   * Annotates every ApiObject below `scope` (existing at the time of the call) with a wave
   * computed at synth time from the dependencies declared with `addDependency()` (also those
   * declared later). A wave set with `SyncWave.of(c).set(n)` wins: its dependents go above it and
   * its dependencies below it (also those cdk8s-plus declares implicitly, e.g. a StatefulSet on its
   * headless Service). A dependency cycle, or an explicit wave not higher than an explicit wave it
   * depends on, fails validation with the construct paths.
   *
   * The graph is computed once per (synchronous) synth pass; a graph changed between two synths
   * in the same tick of the event loop keeps the first result.
   */
  public static fromDependencies(scope: IConstruct, options: SyncWavesFromDependenciesOptions = {}): void {
    appValidationOf(scope);
    const lowest = options.lowestWave ?? 0;
    if (!Number.isSafeInteger(lowest)) {
      throw new Error(`[${scope.node.path}] 'lowestWave' must be an integer, got ${lowest}: use e.g. 0`);
    }
    // One computation serves every object of a synth pass: synthesis is synchronous, so the
    // cache is dropped at the next microtask and later changes to the graph are seen.
    let cache: Computed | undefined;
    const computed = (): Computed => {
      if (cache === undefined) {
        cache = compute(scope, lowest);
        queueMicrotask(() => (cache = undefined));
      }
      return cache;
    };
    for (const apiObject of apiObjectsUnder(scope)) {
      if (explicitWaveOf(apiObject) !== undefined) continue;
      apiObject.metadata.addAnnotation(ANNOTATION_SYNC_WAVE, Lazy.any({
        produce: () => {
          const explicit = explicitWaveOf(apiObject);
          if (explicit !== undefined) return String(explicit);
          return String(computed().waves.get(apiObject) ?? lowest);
        },
      }));
    }
    scope.node.addValidation({ validate: () => compute(scope, lowest).errors });
  }

  /**
   * The waves `fromDependencies` would assign to the ApiObjects below `scope`, by construct path
   * (explicit waves included), e.g. for tests.
   */
  public static compute(scope: IConstruct, options: SyncWavesFromDependenciesOptions = {}): { [path: string]: number } {
    const { waves } = compute(scope, options.lowestWave ?? 0);
    const out: { [path: string]: number } = {};
    for (const [o, w] of waves) if (apiObjectsUnder(scope).includes(o)) out[o.node.path] = w;
    return out;
  }

  private constructor() {}
}
