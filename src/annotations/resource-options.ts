import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { COMPARE_OPTION, optionValueError, SYNC_OPTION } from '../engine/argo/sync-options';
import { ANNOTATION_COMPARE_OPTIONS, ANNOTATION_SYNC_OPTIONS } from '../engine/core/annotation-keys';
import { appValidationOf } from '../private/app-validation';
import { checkArg, checkConstruct, instanceOf } from '../private/props';

function checkOption(kind: string, value: string): void {
  const problem = optionValueError(kind, value);
  if (problem) throw new Error(problem);
}

/**
 * A per-resource sync option (`argocd.argoproj.io/sync-options`). Argo CD matches the strings
 * exactly; use {@link ResourceSyncOption.custom} for one this library does not list yet.
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/
 */
export class ResourceSyncOption {
  /** Never prune this resource (the Application then stays OutOfSync). */
  public static readonly PRUNE_FALSE = new ResourceSyncOption(SYNC_OPTION.PRUNE_FALSE);
  /** Prune only after `argocd.argoproj.io/deletion-approved` is set on the Application. */
  public static readonly PRUNE_CONFIRM = new ResourceSyncOption(SYNC_OPTION.PRUNE_CONFIRM);
  /** Keep the resource when the Application is deleted. */
  public static readonly DELETE_FALSE = new ResourceSyncOption(SYNC_OPTION.DELETE_FALSE);
  /** Delete the resource with the Application only after confirmation. */
  public static readonly DELETE_CONFIRM = new ResourceSyncOption(SYNC_OPTION.DELETE_CONFIRM);
  /** `kubectl apply --validate=false`. */
  public static readonly VALIDATE_FALSE = new ResourceSyncOption(SYNC_OPTION.VALIDATE_FALSE);
  /** Skip the dry run when the resource's CRD is not known yet. */
  public static readonly SKIP_DRY_RUN_ON_MISSING_RESOURCE = new ResourceSyncOption(SYNC_OPTION.SKIP_DRY_RUN_ON_MISSING_RESOURCE);
  /** Prune in a final implicit wave. */
  public static readonly PRUNE_LAST = new ResourceSyncOption(SYNC_OPTION.PRUNE_LAST);
  /** `kubectl replace`/`create` instead of apply. */
  public static readonly REPLACE = new ResourceSyncOption(SYNC_OPTION.REPLACE);
  /** Delete and re-create (`--force`); usually with REPLACE. */
  public static readonly FORCE = new ResourceSyncOption(SYNC_OPTION.FORCE);
  /** Server-side apply for this resource. */
  public static readonly SERVER_SIDE_APPLY = new ResourceSyncOption(SYNC_OPTION.SERVER_SIDE_APPLY);
  /** Opt this resource out of an Application-level `ServerSideApply=true`. */
  public static readonly SERVER_SIDE_APPLY_FALSE = new ResourceSyncOption(SYNC_OPTION.SERVER_SIDE_APPLY_FALSE);

  /** An option written exactly as Argo CD expects it, e.g. `Foo=bar`. */
  public static custom(value: string): ResourceSyncOption {
    checkOption('sync option', value);
    return new ResourceSyncOption(value);
  }

  private constructor(public readonly value: string) {}
}

/**
 * A compare option (`argocd.argoproj.io/compare-options`).
 * @see https://argo-cd.readthedocs.io/en/stable/user-guide/compare-options/
 */
export class CompareOption {
  /** Leave the resource out of the Application's sync status (not out of its health). */
  public static readonly IGNORE_EXTRANEOUS = new CompareOption(COMPARE_OPTION.IGNORE_EXTRANEOUS);
  /** On an Application: turn server-side diff on. */
  public static readonly SERVER_SIDE_DIFF = new CompareOption(COMPARE_OPTION.SERVER_SIDE_DIFF);
  /** On an Application: turn server-side diff off. */
  public static readonly SERVER_SIDE_DIFF_FALSE = new CompareOption(COMPARE_OPTION.SERVER_SIDE_DIFF_FALSE);
  /** On an Application: include mutation-webhook changes in the diff. */
  public static readonly INCLUDE_MUTATION_WEBHOOK = new CompareOption(COMPARE_OPTION.INCLUDE_MUTATION_WEBHOOK);

  /** An option written exactly as Argo CD expects it. */
  public static custom(value: string): CompareOption {
    checkOption('compare option', value);
    return new CompareOption(value);
  }

  private constructor(public readonly value: string) {}
}

const SYNC_OPTIONS = new WeakMap<ApiObject, string[]>();
const COMPARE_OPTIONS = new WeakMap<ApiObject, string[]>();

function listOf(map: WeakMap<ApiObject, string[]>, apiObject: ApiObject, key: string): string[] {
  let list = map.get(apiObject);
  if (list === undefined) {
    const values: string[] = [];
    list = values;
    map.set(apiObject, values);
    apiObject.metadata.addAnnotation(key, Lazy.any({ produce: () => values.join(',') }));
  }
  return list;
}

/**
 * The per-resource sync options of any construct that renders one Kubernetes object.
 * @example
 * ResourceSyncOptions.of(pvc).add(ResourceSyncOption.PRUNE_FALSE);
 */
export class ResourceSyncOptions {
  public static of(construct: IConstruct): ResourceSyncOptions {
    checkConstruct('ResourceSyncOptions.of()', construct);
    const apiObject = ApiObject.of(construct);
    appValidationOf(apiObject);
    return new ResourceSyncOptions(apiObject);
  }

  private constructor(private readonly apiObject: ApiObject) {}

  /** Adds options; an option already present is not repeated. */
  public add(...options: ResourceSyncOption[]): void {
    options.forEach((o, i) => checkArg(this.apiObject.node.path, `options[${i}]`, o,
      instanceOf(ResourceSyncOption, 'use a ResourceSyncOption constant such as ResourceSyncOption.PRUNE_FALSE', { custom: true })));
    const list = listOf(SYNC_OPTIONS, this.apiObject, ANNOTATION_SYNC_OPTIONS);
    for (const o of options) if (!list.includes(o.value)) list.push(o.value);
  }

  /** The options added so far (a copy). */
  public get options(): string[] {
    return [...(SYNC_OPTIONS.get(this.apiObject) ?? [])];
  }
}

/**
 * The compare options of any construct that renders one Kubernetes object.
 * @example
 * CompareOptions.of(generatedSecret).add(CompareOption.IGNORE_EXTRANEOUS);
 */
export class CompareOptions {
  public static of(construct: IConstruct): CompareOptions {
    checkConstruct('CompareOptions.of()', construct);
    const apiObject = ApiObject.of(construct);
    appValidationOf(apiObject);
    return new CompareOptions(apiObject);
  }

  private constructor(private readonly apiObject: ApiObject) {}

  /** Adds options; an option already present is not repeated. */
  public add(...options: CompareOption[]): void {
    options.forEach((o, i) => checkArg(this.apiObject.node.path, `options[${i}]`, o,
      instanceOf(CompareOption, 'use a CompareOption constant such as CompareOption.IGNORE_EXTRANEOUS', { custom: true })));
    const list = listOf(COMPARE_OPTIONS, this.apiObject, ANNOTATION_COMPARE_OPTIONS);
    for (const o of options) if (!list.includes(o.value)) list.push(o.value);
  }

  /** The options added so far (a copy). */
  public get options(): string[] {
    return [...(COMPARE_OPTIONS.get(this.apiObject) ?? [])];
  }
}
