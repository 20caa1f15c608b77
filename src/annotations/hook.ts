import { ApiObject, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { generateNamePrefixError, HOOK_TYPE, hookTypeValueError, skipWithOtherTypesError } from '../engine/argo/hooks';
import { ANNOTATION_HOOK, ANNOTATION_HOOK_DELETE_POLICY } from '../engine/core/annotation-keys';
import { appValidationOf } from '../private/app-validation';
import { arrayOf, checkConstruct, checkProps, enumOf, instanceOf, optional, record, required, Shape, string } from '../private/props';

/**
 * A resource hook type (`argocd.argoproj.io/hook`). Argo CD keeps adding types (PostDelete in
 * v2.10, PreDelete in v3.x), so {@link HookType.custom} accepts any string; the validator still
 * reports a type Argo CD v3.5.1 does not know.
 *
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export class HookType {
  /** Runs before the manifests are applied; if it fails, the sync stops and fails. */
  public static readonly PRE_SYNC = new HookType(HOOK_TYPE.PRE_SYNC);
  /** Runs with the normal resources, after every PreSync hook succeeded. */
  public static readonly SYNC = new HookType(HOOK_TYPE.SYNC);
  /** Runs after every Sync hook succeeded, the apply succeeded and every resource is healthy. */
  public static readonly POST_SYNC = new HookType(HOOK_TYPE.POST_SYNC);
  /** Runs when the sync operation fails. */
  public static readonly SYNC_FAIL = new HookType(HOOK_TYPE.SYNC_FAIL);
  /** The object is not applied at all. Only effective as the sole type. */
  public static readonly SKIP = new HookType(HOOK_TYPE.SKIP);
  /** Runs when the Application is deleted, before its resources are deleted. */
  public static readonly PRE_DELETE = new HookType(HOOK_TYPE.PRE_DELETE);
  /** Runs after every resource of the deleted Application is gone (since v2.10). */
  public static readonly POST_DELETE = new HookType(HOOK_TYPE.POST_DELETE);

  /** A hook type this library does not list yet, written exactly as Argo CD expects it. */
  public static custom(value: string): HookType {
    const problem = hookTypeValueError(value);
    if (problem) throw new Error(problem);
    return new HookType(value);
  }

  private constructor(public readonly value: string) {}
}

/**
 * When Argo CD deletes a hook object (`argocd.argoproj.io/hook-delete-policy`).
 * Without a policy Argo CD uses `BeforeHookCreation`.
 */
export enum HookDeletePolicy {
  /** Delete the hook after it succeeded. */
  HOOK_SUCCEEDED = 'HookSucceeded',
  /** Delete the hook after it failed. */
  HOOK_FAILED = 'HookFailed',
  /** Delete the existing hook object before creating the new one (meant for a fixed metadata.name). */
  BEFORE_HOOK_CREATION = 'BeforeHookCreation',
}

/** Options of {@link Hook.set}. */
export interface HookOptions {
  /** The phases the hook runs in; several types make it run once per phase. */
  readonly types: HookType[];
  /**
   * When Argo CD deletes the hook object.
   * @default - no annotation: Argo CD uses BeforeHookCreation
   */
  readonly deletePolicies?: HookDeletePolicy[];
  /**
   * Emit `metadata.generateName` with this prefix instead of `metadata.name`, so that Argo CD
   * names every run `<prefix><revision>-<phase>-<unix time>` and earlier runs do not collide.
   * Pair it with `HookDeletePolicy.HOOK_SUCCEEDED`, or old runs accumulate. See also
   * {@link Hook.useGenerateName}, which derives the prefix from the name.
   * @default - the object keeps its metadata.name
   */
  readonly generateName?: string;
}

const HOOK_OPTIONS: Shape = record({
  types: required(arrayOf(instanceOf(HookType, 'use a HookType constant such as HookType.PRE_SYNC', { custom: true })), 'give the hook types, e.g. [HookType.PRE_SYNC]'),
  deletePolicies: optional(arrayOf(enumOf(HookDeletePolicy as unknown as { [key: string]: string }, 'HookDeletePolicy'))),
  generateName: optional(string),
}, 'an object of HookOptions');

/**
 * Turns any construct that renders one Kubernetes object into an Argo CD resource hook.
 *
 * @example
 * Hook.of(migrationJob).set({ types: [HookType.PRE_SYNC], deletePolicies: [HookDeletePolicy.HOOK_SUCCEEDED] });
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export class Hook {
  /** The hook API of `construct` (which must be, or wrap, exactly one ApiObject). */
  public static of(construct: IConstruct): Hook {
    checkConstruct('Hook.of()', construct);
    const apiObject = ApiObject.of(construct);
    appValidationOf(apiObject);
    return new Hook(apiObject);
  }

  private constructor(private readonly apiObject: ApiObject) {}

  /** Sets the hook types and delete policies. */
  public set(options: HookOptions): void {
    const path = this.apiObject.node.path;
    checkProps(path, options, HOOK_OPTIONS);
    if (options.types.length === 0) {
      throw new Error(`[${path}] hook 'types' is empty: give at least one HookType, e.g. HookType.PRE_SYNC`);
    }
    const types = [...new Set(options.types.map((t) => t.value))];
    const skipProblem = skipWithOtherTypesError(types);
    if (skipProblem) throw new Error(`[${path}] ${skipProblem}`);
    this.apiObject.metadata.addAnnotation(ANNOTATION_HOOK, types.join(','));
    if (options.deletePolicies !== undefined && options.deletePolicies.length > 0) {
      this.apiObject.metadata.addAnnotation(ANNOTATION_HOOK_DELETE_POLICY, [...new Set(options.deletePolicies)].join(','));
    }
    if (options.generateName !== undefined) this.useGenerateName(options.generateName);
  }

  /**
   * Emits the object with only `metadata.generateName` (cdk8s always sets `metadata.name`;
   * this removes it with a JSON patch at synth).
   *
   * @param prefix the generateName prefix. @default - the object's name followed by "-"
   */
  public useGenerateName(prefix?: string): void {
    const value = prefix ?? `${this.apiObject.name}-`;
    const problem = generateNamePrefixError(value);
    if (problem) throw new Error(`[${this.apiObject.node.path}] ${problem}`);
    this.apiObject.addJsonPatch(JsonPatch.remove('/metadata/name'), JsonPatch.add('/metadata/generateName', value));
  }
}
