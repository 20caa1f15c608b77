import { ApiObject, App, Chart, Lazy, YamlOutputType } from 'cdk8s';
import { Application, CascadeDelete } from '../../application/application';
import { ApplicationSource } from '../../application/source';
import { ANNOTATION_CHANGE_HOOK } from '../../engine/argo/change-hooks';
import { ANNOTATION_HOOK, ANNOTATION_HOOK_DELETE_POLICY } from '../../engine/core/annotation-keys';
import { renderedFilesOf } from '../../private/cdk8s-output';
import { validationError } from '../../private/errors';
import { ChildApplicationProps } from '../change-hook-strategy';
import { ActionWrapping, renderActionContainer, renderJobSpec } from '../hook-action';
import { ChangeHookContext } from './context';
import { generatePostSyncGate } from './post-sync-gate';

/** The objects of a childApplication hook. */
export interface ChildApplicationObjects {
  /** The child Application, in the hook's chart. */
  readonly application: Application;
  /** The PostSync Job in the target's chart (the gate's run Job with `gate: true`). */
  readonly job: ApiObject;
}

/**
 * Generates the child Application (in the hook's chart, which the parent syncs) and its PostSync
 * Job (in the target's chart, which only the child syncs).
 */
export function generateChildApplication(ctx: ChangeHookContext, props: ChildApplicationProps): ChildApplicationObjects {
  const targetChart = Chart.of(ctx.targetObject!);
  if (targetChart === Chart.of(ctx.scope)) {
    throw validationError(ctx.scope, `childApplication moves the target into an Application of its own, so the target must be in a chart of its own, but ${ctx.target.kind} ${JSON.stringify(ctx.target.name)} is in the hook's chart ${JSON.stringify(targetChart.node.path)}: create the target in a dedicated chart, which the parent Application does not sync`);
  }
  const parent = ctx.application;
  const destination = props.destination ?? (parent instanceof Application ? parent.destination : undefined);
  if (destination === undefined) {
    throw validationError(ctx.scope, `childApplication needs a destination, and Application ${JSON.stringify(parent.name)} is a reference: pass childApplication({ destination: Destination.inCluster('<namespace>'), … })`);
  }
  const files = () => renderedFilesOf(targetChart);
  const child = new Application(ctx.scope, 'ChildApplication', {
    name: props.name ?? `${parent.name}-${ctx.hookId}`,
    namespace: parent.namespace,
    project: props.project,
    source: ApplicationSource.git({
      repoURL: props.repoURL,
      path: props.path,
      targetRevision: props.targetRevision ?? 'HEAD',
      directory: {
        include: Lazy.any({ produce: () => (files().length === 1 ? files()[0] : `{${files().join(',')}}`) }) as unknown as string,
        // only this output type writes folders (renderedFilesOf); known now, unlike the numbering of the files
        recurse: App.of(targetChart).yamlOutputType === YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE ? true : undefined,
      },
    }),
    destination,
    syncPolicy: props.syncPolicy ?? { automated: { prune: true }, retry: { limit: 3 } },
    cascadeDelete: CascadeDelete.FOREGROUND,
  });
  if (props.gate) {
    const gate = generatePostSyncGate(ctx, {}, child.name);
    return { application: child, job: gate.run };
  }
  const action = ctx.action.jobProps!;
  const job = new ApiObject(ctx.targetScope(), `${ctx.hookId}-run`, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${ctx.hookId}-run`,
      namespace: ctx.inClusterNamespace(),
      annotations: {
        [ANNOTATION_HOOK]: 'PostSync',
        [ANNOTATION_HOOK_DELETE_POLICY]: 'BeforeHookCreation',
        [ANNOTATION_CHANGE_HOOK]: ctx.marker({ strategy: 'childApplication', application: child.name }),
      },
    },
    spec: renderJobSpec(action, { containers: [renderActionContainer(action, ActionWrapping.NONE)] }),
  });
  return { application: child, job };
}
