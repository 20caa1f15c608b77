import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { syncWaveValueError } from '../engine/argo/sync-annotations';
import { ANNOTATION_SYNC_WAVE } from '../engine/core/annotation-keys';
import { appValidationOf } from '../private/app-validation';
import { checkArg, checkConstruct, number } from '../private/props';

/** Waves set explicitly through {@link SyncWave.set}, read by `SyncWaves.fromDependencies`. */
const EXPLICIT_WAVES = new WeakMap<ApiObject, number>();

/** @internal */
export function _explicitWave(apiObject: ApiObject): number | undefined {
  return EXPLICIT_WAVES.get(apiObject);
}

/**
 * The `argocd.argoproj.io/sync-wave` of any construct that renders one Kubernetes object
 * (cdk8s-plus objects, L1 objects, this library's constructs), through `ApiObject.of()`.
 *
 * Argo CD applies the objects of a sync wave by wave, lowest first (default wave 0, negative
 * waves allowed), and waits until every object of a wave is healthy before the next one.
 *
 * @example
 * SyncWave.of(database).set(-1);
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export class SyncWave {
  /** The sync wave API of `construct` (which must be, or wrap, exactly one ApiObject). */
  public static of(construct: IConstruct): SyncWave {
    checkConstruct('SyncWave.of()', construct);
    const apiObject = ApiObject.of(construct);
    appValidationOf(apiObject);
    return new SyncWave(apiObject);
  }

  private constructor(private readonly apiObject: ApiObject) {}

  /**
   * Puts the object into `wave`, an integer (negative allowed). The last call wins.
   */
  public set(wave: number): void {
    checkArg(this.apiObject.node.path, 'wave', wave, (v, f) => (typeof v === 'string' ? `'${f}' is ${JSON.stringify(v)} (a string), not a number: pass the number, e.g. set(${/^-?\d+$/.test(v) ? v : '2'})` : number(v, f)));
    const problem = syncWaveValueError(wave);
    if (problem) throw new Error(`[${this.apiObject.node.path}] ${problem}`);
    EXPLICIT_WAVES.set(this.apiObject, wave);
    this.apiObject.metadata.addAnnotation(ANNOTATION_SYNC_WAVE, String(wave));
  }

  /**
   * The wave set with {@link set}.
   * @returns the wave, or undefined when none was set through this API
   */
  public get wave(): number | undefined {
    return EXPLICIT_WAVES.get(this.apiObject);
  }
}
