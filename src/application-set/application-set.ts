import { Construct } from 'constructs';
import { renderApplicationSetTemplate, ApplicationSetTemplateProps } from './application-set-template';
import { ApplicationSetGenerator } from './generators/generator';
import { ApplicationSetStrategy } from './strategy';
import type * as l1 from '../../imports/applicationset-argoproj.io';
import type { ExpandInputs } from '../engine/appset';
import { DEFAULT_GO_TEMPLATE_OPTIONS, goTemplateOptionError } from '../engine/argo/application-set';
import { DEFAULT_NAMESPACE } from '../engine/argo/namespace';
import { lazy } from '../engine/core/lazy';
import { ArgoCdObject } from '../private/argo-cd-object';
import { validationError } from '../private/errors';
import { compact, undefinedIfEmpty } from '../private/render';

/* eslint-disable @typescript-eslint/no-require-imports */
// The ApplicationSet L1 classes (3.3 MB) and the expansion engine load only when an ApplicationSet is built or expanded.
const l1ApplicationSet = lazy(() => require('../../imports/applicationset-argoproj.io') as typeof import('../../imports/applicationset-argoproj.io'));
const appset = lazy(() => require('../engine/appset') as typeof import('../engine/appset'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** What the ApplicationSet controller may do to the Applications it generated (`applicationsSync`). */
export class ApplicationsSyncPolicy {
  /** Create, never update or delete. */
  public static readonly CREATE_ONLY = new ApplicationsSyncPolicy('create-only');
  /** Create and update, never delete. */
  public static readonly CREATE_UPDATE = new ApplicationsSyncPolicy('create-update');
  /** Create and delete, never update. */
  public static readonly CREATE_DELETE = new ApplicationsSyncPolicy('create-delete');
  /** Create, update and delete (the default). */
  public static readonly SYNC = new ApplicationsSyncPolicy('sync');
  /** A value of a later Argo CD version. */
  public static custom(value: string): ApplicationsSyncPolicy {
    return new ApplicationsSyncPolicy(value);
  }
  private constructor(public readonly value: string) {}
}

/** The ApplicationSet's own sync policy (`spec.syncPolicy`). */
export interface ApplicationSetSyncPolicy {
  /**
   * Keep the resources of generated Applications when they are deleted (no resources finalizer).
   * @default false
   */
  readonly preserveResourcesOnDeletion?: boolean;
  /**
   * What the controller may do to generated Applications.
   * @default ApplicationsSyncPolicy.SYNC
   */
  readonly applicationsSync?: ApplicationsSyncPolicy;
}

/** Fields of generated Applications the controller leaves alone (`ignoreApplicationDifferences[]`). */
export interface IgnoreApplicationDifference {
  /**
   * Only the Application with this name.
   * @default - every generated Application
   */
  readonly name?: string;
  /**
   * JSON pointers, e.g. `/spec/source/targetRevision`.
   * @default - none
   */
  readonly jsonPointers?: string[];
  /**
   * jq path expressions, e.g. `.spec.source.helm.values`.
   * @default - none
   */
  readonly jqPathExpressions?: string[];
}

/** Properties of an ApplicationSet. */
export interface ApplicationSetProps {
  /**
   * Name of the ApplicationSet.
   * @default - a name generated from the construct path
   */
  readonly name?: string;
  /**
   * Namespace of the ApplicationSet (and of every Application it generates).
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * The generators. You can also use `addGenerator()`.
   * @default - none
   */
  readonly generators?: ApplicationSetGenerator[];
  /** The Application every parameter set renders. */
  readonly template: ApplicationSetTemplateProps;
  /**
   * A YAML template merged into each generated Application, for what typed fields cannot say
   * (e.g. an optional block behind `{{- if … }}`).
   * @default - none
   */
  readonly templatePatch?: string;
  /**
   * Render templates with Go text/template (`{{.name}}`); false means fasttemplate (`{{name}}`).
   * @default true
   */
  readonly goTemplate?: boolean;
  /**
   * text/template options.
   * @default ['missingkey=error']
   */
  readonly goTemplateOptions?: string[];
  /**
   * The order generated Applications sync in.
   * @default - all at once
   */
  readonly strategy?: ApplicationSetStrategy;
  /**
   * The ApplicationSet's own sync policy.
   * @default - create, update and delete; resources deleted with their Application
   */
  readonly syncPolicy?: ApplicationSetSyncPolicy;
  /**
   * Fields of generated Applications the controller does not overwrite. You can also use
   * `addIgnoreApplicationDifference()`.
   * @default - none
   */
  readonly ignoreApplicationDifferences?: IgnoreApplicationDifference[];
  /** @default - none */
  readonly labels?: { [key: string]: string };
  /** @default - none */
  readonly annotations?: { [key: string]: string };
}

/** Wire-form generators to the L1's property form (`repoURL` is `repoUrl` in typed positions). */
function toL1Generator(value: unknown, inChild: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => toL1Generator(v, inChild));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: unknown } = {};
  for (const [k, v] of Object.entries(value as object)) {
    if (['elements', 'values', 'parameters'].includes(k) || (inChild && (k === 'matrix' || k === 'merge'))) {
      out[k] = v;
    } else if (k === 'generators') {
      out[k] = toL1Generator(v, true);
    } else {
      out[k === 'repoURL' ? 'repoUrl' : k] = toL1Generator(v, inChild);
    }
  }
  return out;
}

/**
 * An Argo CD ApplicationSet: Applications generated from parameter sets.
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/
 */
export class ApplicationSet extends ArgoCdObject {
  /** Whether templates are Go templates. */
  public readonly goTemplate: boolean;
  private readonly props: ApplicationSetProps;
  private readonly generators: ApplicationSetGenerator[] = [];
  private readonly ignoreApplicationDifferences: IgnoreApplicationDifference[] = [];

  constructor(scope: Construct, id: string, props: ApplicationSetProps) {
    super(scope, id, { resource: l1ApplicationSet().ApplicationSet, propsToJson: l1ApplicationSet().toJson_ApplicationSetProps }, {
      name: props.name,
      namespace: props.namespace ?? DEFAULT_NAMESPACE,
      labels: props.labels,
      annotations: props.annotations,
    });
    this.props = props;
    this.goTemplate = props.goTemplate ?? true;
    if (this.goTemplate) {
      for (const o of props.goTemplateOptions ?? []) {
        const problem = goTemplateOptionError(o);
        if (problem) throw validationError(this, problem);
      }
    } else if (props.goTemplateOptions !== undefined && props.goTemplateOptions.length > 0) {
      throw validationError(this, 'goTemplateOptions is ignored because goTemplate is false: remove goTemplateOptions, or set goTemplate: true');
    }
    props.generators?.forEach((g) => this.addGenerator(g));
    props.ignoreApplicationDifferences?.forEach((d) => this.addIgnoreApplicationDifference(d));
    this.node.addValidation({
      validate: () => (this.generators.length === 0 ? ['the ApplicationSet has no generator, so it generates no Application: set generators or call addGenerator()'] : []),
    });
  }

  /** Adds a generator. */
  public addGenerator(generator: ApplicationSetGenerator): void {
    this.generators.push(generator);
  }

  /** Leaves fields of generated Applications alone. */
  public addIgnoreApplicationDifference(difference: IgnoreApplicationDifference): void {
    this.ignoreApplicationDifferences.push(difference);
  }

  /**
   * The Applications Argo CD would generate, expanded offline (list, clusters, git generators
   * and their matrices and merges; remote generators take their parameter sets from `inputs.params`).
   */
  public expand(inputs: ExpandInputs = {}): object[] {
    return appset().expandApplicationSet(this.apiObject.toJson(), inputs);
  }

  protected renderSpec(): l1.ApplicationSetSpec {
    const p = this.props;
    return compact({
      goTemplate: this.goTemplate,
      goTemplateOptions: this.goTemplate ? [...(p.goTemplateOptions ?? DEFAULT_GO_TEMPLATE_OPTIONS)] : undefined,
      generators: this.generators.map((g) => toL1Generator(g._toArgo(), false)),
      template: renderApplicationSetTemplate(p.template),
      templatePatch: p.templatePatch,
      strategy: p.strategy ? this.l1Strategy(p.strategy) : undefined,
      syncPolicy: p.syncPolicy ? compact({
        preserveResourcesOnDeletion: p.syncPolicy.preserveResourcesOnDeletion,
        applicationsSync: p.syncPolicy.applicationsSync?.value,
      }) : undefined,
      ignoreApplicationDifferences: undefinedIfEmpty(this.ignoreApplicationDifferences)?.map((d) => compact({
        name: d.name, jsonPointers: undefinedIfEmpty(d.jsonPointers), jqPathExpressions: undefinedIfEmpty(d.jqPathExpressions),
      })),
    }) as l1.ApplicationSetSpec;
  }

  private l1Strategy(s: ApplicationSetStrategy): unknown {
    const wire = s._toArgo();
    if (wire.rollingSync === undefined) return wire;
    return {
      ...wire,
      rollingSync: {
        steps: wire.rollingSync.steps.map((step: any) => compact({
          ...step,
          maxUpdate: step.maxUpdate === undefined ? undefined : typeof step.maxUpdate === 'number'
            ? l1ApplicationSet().ApplicationSetSpecStrategyRollingSyncStepsMaxUpdate.fromNumber(step.maxUpdate)
            : l1ApplicationSet().ApplicationSetSpecStrategyRollingSyncStepsMaxUpdate.fromString(step.maxUpdate),
        })),
      },
    };
  }
}
