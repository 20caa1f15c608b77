import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ChangeHookTargetRef } from '../engine/argo/change-hooks';
import { apiGroupOf } from '../engine/core/manifest';

/** Identity of a watched resource, as `syncResult.resources[]` names it. */
export interface ResourceRefProps {
  /** API group (`''` for the core group). */
  readonly group: string;
  /** Kind, e.g. `ConfigMap`. */
  readonly kind: string;
  /** `metadata.name`. */
  readonly name: string;
  /**
   * `metadata.namespace`.
   * @default - the Application's destination namespace (ignored when `clusterScoped`)
   */
  readonly namespace?: string;
  /**
   * Whether the resource is cluster-scoped: the trigger then does not match the namespace
   * (Argo CD writes the Application's namespace into the results of cluster-scoped objects).
   * @default false
   */
  readonly clusterScoped?: boolean;
}

/** Options of {@link TargetResource.fromApiObject}. */
export interface TargetResourceOptions {
  /**
   * Whether the resource is cluster-scoped (a ClusterRole, a Namespace, a CRD …).
   * @default false
   */
  readonly clusterScoped?: boolean;
}

/**
 * The resource a {@link ResourceChangeHook} watches.
 *
 * `fromApiObject` keeps the object: the hash strategies (postSyncGate, hashNamedJob) need its
 * rendered manifest, and the construct checks that it is rendered. `of` names a resource
 * rendered elsewhere; only the notification strategy can watch it.
 */
export class TargetResource {
  /**
   * The resource an ApiObject (or a construct wrapping exactly one, such as a cdk8s-plus
   * ConfigMap) renders. Group, kind, name and namespace come from the object; a namespaced
   * object without a namespace gets the Application's destination namespace.
   */
  public static fromApiObject(obj: IConstruct, options: TargetResourceOptions = {}): TargetResource {
    const apiObject = ApiObject.of(obj);
    return new TargetResource({
      group: apiGroupOf(apiObject.apiVersion),
      kind: apiObject.kind,
      name: apiObject.name,
      namespace: apiObject.metadata.namespace,
      clusterScoped: options.clusterScoped,
    }, apiObject);
  }

  /** A resource named by its identity (rendered by another app or tool). */
  public static of(ref: ResourceRefProps): TargetResource {
    return new TargetResource(ref, undefined);
  }

  /** API group (`''` for the core group). */
  public readonly group: string;
  /** Kind. */
  public readonly kind: string;
  /** Name. */
  public readonly name: string;
  /** Namespace, when given or set on the object. */
  public readonly namespace?: string;
  /** Whether the resource is cluster-scoped. */
  public readonly clusterScoped: boolean;
  /** The rendered object, for `fromApiObject`. */
  public readonly apiObject?: ApiObject;

  private constructor(ref: ResourceRefProps, apiObject: ApiObject | undefined) {
    this.group = ref.group;
    this.kind = ref.kind;
    this.name = ref.name;
    this.clusterScoped = ref.clusterScoped ?? false;
    this.namespace = this.clusterScoped ? undefined : ref.namespace;
    this.apiObject = apiObject;
  }

  /** @internal The identity in results; a namespaced target without namespace gets `defaultNamespace`. */
  public _ref(defaultNamespace: string | undefined): ChangeHookTargetRef {
    const namespace = this.clusterScoped ? undefined : this.namespace ?? defaultNamespace;
    const ref = { group: this.group, kind: this.kind, name: this.name };
    return namespace === undefined ? ref : { ...ref, namespace };
  }
}
