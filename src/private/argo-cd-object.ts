import { ApiObject, JsonPatch, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { appValidationOf } from './app-validation';
import { Manifest } from '../engine/core/manifest';

/** Metadata every Argo CD object construct takes. */
export interface ArgoCdObjectMetadata {
  /** `metadata.name`; undefined lets the chart generate one. */
  readonly name?: string;
  /** `metadata.namespace`. */
  readonly namespace: string;
  readonly labels?: { [key: string]: string };
  readonly annotations?: { [key: string]: string };
  readonly finalizers?: string[];
}

/** The constructor of a generated L1 class (`imports/*.ts`). */
type L1Class = new (scope: Construct, id: string, props: any) => ApiObject;

const WIRE_CLASSES = new Map<L1Class, L1Class>();

/**
 * The L1 class with JSON patches applied to the wire form: the generated L1 maps camelCase
 * props to wire names (repoUrl → repoURL) after cdk8s applies patches, so a patch to
 * `/spec/source/repoURL` would be silently lost. Patches are kept here and applied to what
 * `toJson()` returns, where paths mean what the user reads in the YAML.
 */
function wireFormOf(base: L1Class): L1Class {
  let cls = WIRE_CLASSES.get(base);
  if (cls === undefined) {
    cls = class extends base {
      private wirePatches?: JsonPatch[];
      public addJsonPatch(...ops: JsonPatch[]): void {
        (this.wirePatches ??= []).push(...ops);
      }
      public toJson(): any {
        const json = super.toJson();
        return this.wirePatches === undefined ? json : JsonPatch.apply(json, ...this.wirePatches);
      }
    };
    WIRE_CLASSES.set(base, cls);
  }
  return cls;
}

/**
 * The base of every Argo CD object construct (Application, AppProject, ApplicationSet, …): one L1
 * child named `Resource`, named through the chart's `generateObjectName` (so
 * `disableResourceNameHashes` and chart overrides apply), a lazily rendered `spec`, JSON patches
 * applied to the wire form, and the App-level validation (`ArgoCdValidation`) registered, which
 * runs the engine over everything the App renders at synth.
 */
export abstract class ArgoCdObject extends Construct {
  /** `metadata.name`. */
  public readonly name: string;
  /** `metadata.namespace`. */
  public readonly namespace: string;
  /** The L1 object (also reachable with `ApiObject.of(construct)`). */
  public readonly apiObject: ApiObject;

  protected constructor(scope: Construct, id: string, l1: L1Class, metadata: ArgoCdObjectMetadata) {
    super(scope, id);
    this.apiObject = new (wireFormOf(l1))(this, 'Resource', {
      metadata: {
        // No `name` key without a name: cdk8s spreads these props over the name it generates.
        ...(metadata.name !== undefined ? { name: metadata.name } : {}),
        namespace: metadata.namespace,
        labels: metadata.labels,
        annotations: metadata.annotations,
        finalizers: metadata.finalizers,
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    this.name = this.apiObject.name;
    this.namespace = metadata.namespace;
    // The engine judges this object with everything else the App renders, once per synth.
    appValidationOf(this).addContext(() => this.validationContext());
  }

  /** The object's `spec`, rendered at synth. */
  protected abstract renderSpec(): object;

  /**
   * Other objects the engine needs to judge this one (e.g. an Application's AppProject).
   * @default - none
   */
  protected validationContext(): Manifest[] {
    return [];
  }
}

/** A reference to an Argo CD object managed elsewhere (`fromXName`). */
export class ArgoCdObjectReference extends Construct {
  constructor(scope: IConstruct, id: string, public readonly name: string, public readonly namespace: string) {
    super(scope as Construct, id);
  }
}
