import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { IApplication } from '../../application/application';
import { ChangeHookMarker, ChangeHookTargetRef } from '../../engine/argo/change-hooks';
import { HookAction } from '../hook-action';

/** What a strategy's generator gets from the ResourceChangeHook. */
export interface ChangeHookContext {
  /** The ResourceChangeHook (errors name its path). */
  readonly scope: Construct;
  /** The hook id (DNS label). */
  readonly hookId: string;
  /** The Application whose syncs the hook follows. */
  readonly application: IApplication;
  /** The watched resource. */
  readonly target: ChangeHookTargetRef;
  /** The target's object, when given with `TargetResource.fromApiObject`. */
  readonly targetObject?: ApiObject;
  readonly action: HookAction;
  /** The change kinds (`created`, `configured`, `pruned`). */
  readonly on: readonly string[];
  /** The target's content hash, computed when called (at synth). */
  contentHash(): string;
  /** The target's sync wave, read from its rendered manifest when called. */
  targetWave(): number;
  /** The JSON marker for a generated object. */
  marker(fields: Pick<ChangeHookMarker, 'strategy'> & Partial<ChangeHookMarker>): string;
  /** A scope in the chart of the target, where in-cluster objects go. */
  targetScope(): Construct;
  /** The namespace of the generated in-cluster objects. */
  inClusterNamespace(): string;
}
