import { ApiObject, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
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

/**
 * A generated L1 kind: its class and its `toJson_<Kind>Props` (the camelCase props to the wire
 * form, e.g. `repoUrl` to `repoURL`), both from the same `imports/*.ts` module.
 */
export interface L1Kind {
  readonly resource: L1Class;
  readonly propsToJson: (props: any) => Record<string, any> | undefined;
}

/** The object's spec, rendered by its construct (set before the L1 class is constructed). */
type SpecRenderer = () => object;

/** Marks a value that only cdk8s's generic resolve can render (a token, a class instance, a function). */
const NOT_PLAIN = Symbol('not plain JSON');

/**
 * What cdk8s's `sanitizeValue(resolve(value), { sortKeys: true })` (cdk8s _util.ts, resolve.ts)
 * returns for plain data, in one pass and without resolve's per-value allocations: object keys
 * sorted, null and undefined values dropped from objects (and undefined in arrays). Anything that
 * is not plain JSON (a `Lazy`, an object with a `resolve()`, a class instance, a function, a
 * symbol) returns NOT_PLAIN: resolve may replace it, so the object takes cdk8s's own path.
 */
function plainSorted(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case 'string': case 'number': case 'boolean': return value;
    case 'object': break;
    default: return NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = plainSorted(value[i]);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[i] = v;
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const keys = Object.keys(value).sort();
  const out: { [key: string]: unknown } = {};
  for (const key of keys) {
    // An own `__proto__` key (JSON.parse and YAML parsers make one) would set `out`'s prototype
    // here instead of a key, losing the value: it takes cdk8s's path, which decides as it does.
    if (key === '__proto__') return NOT_PLAIN;
    const v = plainSorted((value as { [key: string]: unknown })[key]);
    if (v === NOT_PLAIN) return NOT_PLAIN;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Whether the app's resolvers are exactly cdk8s's built-in three (no custom `resolvers` prop). */
function hasDefaultResolvers(app: App): boolean {
  const r = app.resolvers;
  return r.length === 3 && r[0].constructor === LazyResolver && r[1].constructor === ImplicitTokenResolver
    && r[2].constructor === NumberStringUnionResolver;
}

const WIRE_CLASSES = new Map<L1Class, L1Class>();

/**
 * The L1 class with two changes:
 * - JSON patches are applied to the wire form: the generated L1 maps camelCase props to wire names
 *   (repoUrl → repoURL) after cdk8s applies patches, so a patch to `/spec/source/repoURL` would
 *   be silently lost. Patches are kept here and applied to what `toJson()` returns, where paths
 *   mean what the user reads in the YAML.
 * - The object renders without cdk8s's generic resolve when nothing in it is a token: the
 *   construct knows its own shape, and resolve (a context object, a key path and an app lookup
 *   per value) was most of the time and garbage of a large synth. The output is the one cdk8s
 *   writes (`ApiObject.toJson` then the L1's `toJson`): metadata from `metadata.toJson()`, the
 *   spec with keys sorted and nulls dropped, then the L1's props-to-wire conversion. An app with
 *   custom resolvers, `CDK8S_DISABLE_SORT`, or a spec holding anything but plain JSON takes
 *   cdk8s's own path.
 */
function wireFormOf(kind: L1Kind): L1Class {
  let cls = WIRE_CLASSES.get(kind.resource);
  if (cls === undefined) {
    cls = class extends kind.resource {
      /** Set by ArgoCdObject before the first synth. */
      public renderSpec?: SpecRenderer;
      private wirePatches?: JsonPatch[];
      public addJsonPatch(...ops: JsonPatch[]): void {
        (this.wirePatches ??= []).push(...ops);
      }
      public toJson(): any {
        const json = this.renderPlain() ?? super.toJson();
        return this.wirePatches === undefined ? json : JsonPatch.apply(json, ...this.wirePatches);
      }
      private renderPlain(): any {
        if (this.renderSpec === undefined || process.env.CDK8S_DISABLE_SORT || !hasDefaultResolvers(App.of(this))) return undefined;
        const spec = plainSorted(this.renderSpec());
        if (spec === NOT_PLAIN) return undefined;
        const metadata = this.metadata.toJson();
        try {
          return { apiVersion: this.apiVersion, kind: this.kind, ...kind.propsToJson({ metadata, spec }) };
        } catch (e) {
          // The message ApiObject.toJson gives a failure to render.
          throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
        }
      }
    };
    WIRE_CLASSES.set(kind.resource, cls);
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

  protected constructor(scope: Construct, id: string, l1: L1Kind, metadata: ArgoCdObjectMetadata) {
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
    (this.apiObject as ApiObject & { renderSpec?: SpecRenderer }).renderSpec = () => this.renderSpec();
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
