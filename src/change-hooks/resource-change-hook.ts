import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ChangeHookStrategy, ChildApplicationProps } from './change-hook-strategy';
import { contentHashOf } from './content-hash';
import { HookAction, HookActionKind } from './hook-action';
import { generateChildApplication } from './strategies/child-application';
import { ChangeHookContext } from './strategies/context';
import { generateHashNamedJob } from './strategies/hash-named-job';
import { generateNotification, NotificationObjects } from './strategies/notification';
import { generatePostSyncGate } from './strategies/post-sync-gate';
import { TargetResource } from './target-resource';
import { Application, IApplication } from '../application/application';
import {
  applicationSyncOptionsOf, changeHookIdError, changeKindsError, ChangeHookMarker, ChangeHookTargetRef, exprLiteralError,
  formatChangeHookMarker, gateWithReplaceError, isTargetObject, strategyActionError, targetIsHookError,
  targetNotHashableError, targetNotRenderedError,
} from '../engine/argo/change-hooks';
import { waveOf } from '../engine/argo/sync-annotations';
import { validationError } from '../private/errors';

/** What happened to the target in a sync. */
export enum ChangeKind {
  /** The target did not exist and was created. */
  CREATED = 'created',
  /** The target existed and its content changed. */
  CONFIGURED = 'configured',
  /** The target was deleted because it left the source (notification strategy only). */
  PRUNED = 'pruned',
}

/** Properties of a {@link ResourceChangeHook}. */
export interface ResourceChangeHookProps {
  /**
   * The Application whose syncs apply the target. An `Application` construct lets the hook check
   * its sync options; a reference (`Application.fromApplicationName`) works for the Job strategies.
   */
  readonly application: IApplication;
  /** The watched resource. */
  readonly target: TargetResource;
  /** What to run when the target changed. */
  readonly action: HookAction;
  /**
   * How the change is detected.
   * @default - ChangeHookStrategy.postSyncGate() for a Job action, ChangeHookStrategy.notification() for a webhook
   */
  readonly strategy?: ChangeHookStrategy;
  /**
   * The changes that fire the hook. Only the notification strategy tells them apart (and sees
   * prunes); the other strategies need the default.
   * @default [ChangeKind.CREATED, ChangeKind.CONFIGURED]
   */
  readonly on?: ChangeKind[];
  /**
   * The hook id: a DNS label of at most 52 characters without "." that names the generated
   * Jobs (`<id>-run`, `<id>-record`, `<id>-<hash>`) and the trigger (`on-<id>`).
   * @default - the construct id
   */
  readonly hookName?: string;
}

/**
 * Runs an action only when one specific resource changed in a sync of its Application — what
 * Argo CD's Application-scoped hooks cannot do (argo-cd#7691). See {@link ChangeHookStrategy}
 * for the strategies side by side.
 *
 * @example
 * new ResourceChangeHook(this, 'cdn-purge', {
 *   application: Application.fromApplicationName(this, 'shop-app', 'shop'),
 *   target: TargetResource.fromApiObject(nginxConfig),
 *   action: HookAction.job({ image: 'curlimages/curl:8.10.1', command: ['curl', '-fsS', '-X', 'POST', 'http://cdn-api/purge'] }),
 * });
 */
export class ResourceChangeHook extends Construct {
  /** The hook id. */
  public readonly hookName: string;
  /** The strategy used. */
  public readonly strategy: ChangeHookStrategy;
  /** The target's identity as it appears in `syncResult.resources`. */
  public readonly target: ChangeHookTargetRef;
  /** The child Application (childApplication strategy only). */
  public readonly childApplication?: Application;
  /** The webhook service, template and trigger (notification strategy only). */
  public readonly notification?: NotificationObjects;
  private readonly targetResource: TargetResource;
  private holder?: Construct;

  constructor(scope: Construct, id: string, props: ResourceChangeHookProps) {
    super(scope, id);
    this.hookName = props.hookName ?? id;
    this.targetResource = props.target;
    const fail = (problem: string | undefined) => {
      if (problem !== undefined) throw validationError(this, problem);
    };
    fail(changeHookIdError(this.hookName));
    const actionKind = props.action.kind === HookActionKind.JOB ? 'job' : 'webhook';
    this.strategy = props.strategy ?? (actionKind === 'job' ? ChangeHookStrategy.postSyncGate() : ChangeHookStrategy.notification());
    const strategy = this.strategy.name;
    fail(strategyActionError(strategy, actionKind));
    const on = props.on ?? [ChangeKind.CREATED, ChangeKind.CONFIGURED];
    fail(changeKindsError(strategy, on));

    const application = props.application;
    const destinationNamespace = application instanceof Application ? application.destination.namespace : undefined;
    const targetChart = props.target.apiObject ? Chart.of(props.target.apiObject) : undefined;
    this.target = props.target._ref(destinationNamespace ?? targetChart?.namespace);
    for (const [field, value] of Object.entries(this.target)) fail(exprLiteralError(`target ${field}`, value));
    if (strategy !== 'notification' && props.target.apiObject === undefined) fail(targetNotHashableError(this.hookName, strategy, this.target));

    const gated = strategy === 'postSyncGate' || (strategy === 'childApplication' && this.strategy._child?.gate === true);
    if (gated) {
      fail(this.gateReplaceProblem(application, this.strategy._child));
      this.node.addValidation({
        validate: () => [this.gateReplaceProblem(application, this.strategy._child)].filter((p): p is string => p !== undefined),
      });
    }
    this.node.addValidation({ validate: () => this.targetProblems() });

    const ctx: ChangeHookContext = {
      scope: this,
      hookId: this.hookName,
      application,
      target: this.target,
      targetObject: props.target.apiObject,
      action: props.action,
      on,
      contentHash: () => this.contentHash!,
      targetWave: () => waveOf(props.target.apiObject!.toJson()),
      marker: (fields) => formatChangeHookMarker({
        id: this.hookName, application: application.name, target: this.target, ...fields,
      } as ChangeHookMarker),
      targetScope: () => this.targetScope(),
      inClusterNamespace: () => {
        const namespace = this.target.namespace ?? destinationNamespace ?? targetChart?.namespace;
        if (namespace === undefined) {
          throw validationError(this, `the Jobs of change hook ${JSON.stringify(this.hookName)} need a namespace, but the target is cluster-scoped and Application ${JSON.stringify(application.name)} has no destination namespace: give the target's chart a namespace or the Application Destination.inCluster('<namespace>')`);
        }
        return namespace;
      },
    };
    switch (strategy) {
      case 'postSyncGate':
        generatePostSyncGate(ctx, this.strategy._gate ?? {}, application.name);
        break;
      case 'hashNamedJob':
        generateHashNamedJob(ctx, this.strategy._hashNamed ?? {});
        break;
      case 'childApplication':
        this.childApplication = generateChildApplication(ctx, this.strategy._child!).application;
        break;
      default:
        this.notification = generateNotification(ctx, this.strategy._notification ?? {});
    }
  }

  /**
   * The content hash of the target's rendered manifest (sha256 over its canonical JSON),
   * computed when read, so it includes every change made to the target before synth. Undefined
   * for a target given by reference.
   */
  public get contentHash(): string | undefined {
    const obj = this.targetResource.apiObject;
    return obj === undefined ? undefined : contentHashOf(obj.toJson());
  }

  private gateReplaceProblem(application: IApplication, child: ChildApplicationProps | undefined): string | undefined {
    if (child !== undefined) {
      return gateWithReplaceError(child.name ?? `${application.name}-${this.hookName}`, (child.syncPolicy?.syncOptions ?? []).map((o) => o.value));
    }
    if (!(application instanceof Application)) return undefined;
    return gateWithReplaceError(application.name, applicationSyncOptionsOf(application.apiObject.toJson()));
  }

  /** The target is still in the tree, renders under the identity the hook watches, and is not a hook. */
  private targetProblems(): string[] {
    const obj = this.targetResource.apiObject;
    if (obj === undefined) return [];
    const manifest = obj.toJson();
    if (!isAttached(obj) || !isTargetObject(manifest, this.target)) return [targetNotRenderedError(this.hookName, this.target)];
    const problem = targetIsHookError(this.target, manifest);
    return problem === undefined ? [] : [problem];
  }

  /** Where the in-cluster objects go: this construct when it is in the target's chart, else a holder there. */
  private targetScope(): Construct {
    const chart = Chart.of(this.targetResource.apiObject!);
    if (Chart.of(this) === chart) return this;
    this.holder ??= new Construct(chart, `change-hook-${this.hookName}`);
    return this.holder;
  }
}

/** Whether every scope up to the root still holds the construct (it was not removed with tryRemoveChild). */
function isAttached(c: IConstruct): boolean {
  for (let cur: IConstruct = c; cur.node.scope !== undefined; cur = cur.node.scope) {
    if (cur.node.scope.node.tryFindChild(cur.node.id) !== cur) return false;
  }
  return true;
}

