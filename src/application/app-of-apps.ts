import { Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { Application, CascadeDelete } from './application';
import { Destination } from './destination';
import { ApplicationSource } from './source';
import { SyncPolicy } from './sync-policy';
import { renderedFilesOf } from '../private/cdk8s-output';
import { validationError } from '../private/errors';
import { arrayOf, checkArg, checkProps, enumOf, implementing, instanceOf, optional, pathOf, record, required, Shape, string } from '../private/props';
import { IAppProject } from '../project/app-project';

/** Properties of an app of apps. */
export interface AppOfAppsProps {
  /** Repository the rendered manifests are committed to. */
  readonly repoURL: string;
  /** Folder in that repository the cdk8s app is rendered into, e.g. `dist/platform`. */
  readonly path: string;
  /**
   * Revision to sync.
   * @default 'HEAD'
   */
  readonly targetRevision?: string;
  /**
   * Name of the parent Application.
   * @default - a name generated from the construct path
   */
  readonly name?: string;
  /**
   * Project of the parent Application.
   * @default - the "default" AppProject
   */
  readonly project?: IAppProject;
  /**
   * Namespace the child Applications are created in.
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * Charts of the same cdk8s app whose rendered files (`<chart>.k8s.yaml`) the parent syncs.
   * You can also use `addChart()`.
   * @default - none
   */
  readonly charts?: Chart[];
  /**
   * Sync policy of the parent.
   * @default - automated with prune and selfHeal
   */
  readonly syncPolicy?: SyncPolicy;
  /**
   * Delete the child Applications (and, through their own finalizers, their resources) when the
   * parent is deleted. Deleting the root of an app of apps with cascading delete removes every
   * child: opt in explicitly.
   * @default - no finalizer: deleting the parent leaves the children in place
   */
  readonly cascadeDelete?: CascadeDelete;
}

const CHART: Shape = instanceOf(Chart, 'pass a cdk8s Chart of this app whose rendered file holds child Applications');
const APP_OF_APPS_PROPS: Shape = record({
  repoURL: required(string, 'give the repository the rendered manifests are committed to, e.g. "https://github.com/example-org/platform.git"'),
  path: required(string, 'give the folder the app is rendered into, e.g. "dist/platform"'),
  targetRevision: optional(string),
  name: optional(string),
  project: optional(implementing('IAppProject', ['name'], "pass an AppProject, or AppProject.fromAppProjectName(scope, id, 'name')")),
  namespace: optional(string),
  charts: optional(arrayOf(CHART)),
  syncPolicy: optional(record({})),
  cascadeDelete: optional(enumOf(CascadeDelete as unknown as { [key: string]: string }, 'CascadeDelete')),
});

/**
 * The app-of-apps pattern: a parent Application that syncs the rendered files of other charts of
 * the same cdk8s app (which hold child Applications), with sync waves between the children.
 *
 * Waves on Applications gate only when the `argoproj.io/Application` health check is restored in
 * argocd-cm (Argo CD removed it in 1.8); the `application/wave-health-check` rule warns otherwise.
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/cluster-bootstrapping/
 */
export class AppOfApps extends Construct {
  /** The parent Application. */
  public readonly application: Application;
  private readonly charts: Chart[] = [];

  constructor(scope: Construct, id: string, props: AppOfAppsProps) {
    checkProps(pathOf(scope, id), props, APP_OF_APPS_PROPS);
    super(scope, id);
    props.charts?.forEach((c) => this.addChart(c));
    // The files cdk8s writes for the charts, known only at synth (numbering depends on every chart's dependencies).
    const files = () => [...new Set(this.charts.flatMap(renderedFilesOf))];
    const include = Lazy.any({ produce: () => (files().length === 1 ? files()[0] : `{${files().join(',')}}`) }) as unknown as string;
    const recurse = Lazy.any({ produce: () => (files().some((f) => f.includes('/')) ? true : undefined) }) as unknown as boolean;
    this.application = new Application(this, 'Parent', {
      name: props.name,
      project: props.project,
      source: ApplicationSource.git({
        repoURL: props.repoURL,
        path: props.path,
        targetRevision: props.targetRevision ?? 'HEAD',
        directory: { include, recurse },
      }),
      destination: Destination.inCluster(props.namespace ?? 'argocd'),
      syncPolicy: props.syncPolicy ?? { automated: { prune: true, selfHeal: true } },
      cascadeDelete: props.cascadeDelete,
    });
    this.node.addValidation({
      validate: () => (this.charts.length === 0 ? ['the app of apps syncs no chart: pass \'charts\' or call addChart()'] : []),
    });
  }

  /** Syncs the rendered file of a chart of this app. */
  public addChart(chart: Chart): void {
    checkArg(this.node.path, 'chart', chart, CHART);
    if (Chart.of(this) === chart) throw validationError(this, `chart ${chart.node.path} holds the app of apps itself: put the child Applications in another chart`);
    this.charts.push(chart);
  }

  /** Sets a child Application's sync wave. */
  public addChild(child: Application, wave: number): void {
    checkArg(this.node.path, 'child', child, instanceOf(Application, 'pass an Application construct'));
    child.setSyncWave(wave);
  }
}
