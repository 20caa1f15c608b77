/**
 * The reference platform: two teams' AppProjects with roles and sync windows, an app of apps
 * that syncs the teams' Applications, multi-source Helm with `$values`, and a Kustomize app with
 * image overrides. Rendered by `npm run synth` into dist/platform/.
 */
import { App, Chart, ChartProps, Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import {
  AppOfApps, Application, ApplicationSource, AppProject, CascadeDelete, Destination, Expr, NotificationCatalog, NotificationSecret,
  NotificationService, NotificationsConfig, NotificationTemplate, NotificationTrigger, ProjectAction, ProjectPolicy, SyncOption, SyncWindowKind,
} from 'cdk8s-argocd';

const REPO = 'https://github.com/example-org/platform.git';

// Notifications: a Slack bot and a deploy webhook (secrets are keys of argocd-notifications-secret),
// a catalog trigger for failures and a trigger of our own for successful syncs.
const slack = NotificationService.slack({ token: NotificationSecret.fromKey('slack-token') });
const deployHook = NotificationService.webhook({
  name: 'deploy-hook',
  url: 'https://hooks.example.com',
  headers: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Authorization', value: `Bearer ${NotificationSecret.fromKey('deploy-hook-token')}` },
  ],
});
const deployed = new NotificationTemplate({
  name: 'deployed',
  message: '{{.app.metadata.name}} is at {{.app.status.sync.revision}}',
  webhooks: [{ service: 'deploy-hook', method: 'POST', path: '/argocd', body: '{"app": {{toJson .app.metadata.name}}, "revision": {{toJson .app.status.sync.revision}}}' }],
});
const onSynced = new NotificationTrigger({
  name: 'on-synced',
  conditions: [{
    when: Expr.path('app.status?.operationState?.phase').eq(Expr.string('Succeeded')),
    oncePer: Expr.path('app.status?.operationState?.syncResult?.revision'),
    send: [deployed],
  }],
});

/** The teams' projects and Applications; synced by the app of apps in PlatformChart. */
export class TeamsChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    const web = new AppProject(this, 'web-project', {
      name: 'web',
      description: 'Web team workloads',
      sourceRepos: ['https://github.com/example-org/web-*', 'https://github.com/example-org/platform.git'],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'web-*' }],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      roles: [
        { name: 'developers', description: 'Web developers', policies: [ProjectPolicy.allow(ProjectAction.GET), ProjectPolicy.allow(ProjectAction.SYNC)], groups: ['example-org:web'] },
        { name: 'ci', description: 'CI may sync the frontend', policies: [ProjectPolicy.allow(ProjectAction.SYNC, 'web-frontend')] },
      ],
      syncWindows: [
        { kind: SyncWindowKind.DENY, schedule: '0 22 * * *', duration: Duration.hours(8), applications: ['*'], manualSync: true, timeZone: 'Europe/Berlin' },
      ],
    });

    const data = new AppProject(this, 'data-project', {
      name: 'data',
      description: 'Data team: monitoring and pipelines',
      sourceRepos: ['https://prometheus-community.github.io/helm-charts', 'https://github.com/example-org/data-*'],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'monitoring' }, { server: 'https://kubernetes.default.svc', namespace: 'data-*' }],
      clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }, { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' }, { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' }],
      roles: [{ name: 'oncall', policies: [ProjectPolicy.allow(ProjectAction.ALL)], groups: ['example-org:data-oncall'] }],
      syncWindows: [{ kind: SyncWindowKind.ALLOW, schedule: '0 6 * * 1-5', duration: Duration.hours(12), namespaces: ['data-*'], timeZone: 'UTC' }],
    });

    const frontend = new Application(this, 'web-frontend', {
      name: 'web-frontend',
      project: web,
      source: ApplicationSource.git({
        repoURL: 'https://github.com/example-org/web-apps.git',
        path: 'deploy/frontend/overlays/prod',
        targetRevision: 'main',
        kustomize: { images: ['web-frontend=ghcr.io/example-org/web-frontend:1.4.2'], commonLabels: { team: 'web' } },
      }),
      destination: Destination.inCluster('web-frontend'),
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: [SyncOption.CREATE_NAMESPACE],
        retry: { limit: 5, backoff: { duration: Duration.seconds(5), factor: 2, maxDuration: Duration.minutes(3) } },
      },
      cascadeDelete: CascadeDelete.FOREGROUND,
    });

    const prometheus = new Application(this, 'prometheus', {
      name: 'prometheus',
      project: data,
      sources: [
        ApplicationSource.helmChart({
          repoURL: 'https://prometheus-community.github.io/helm-charts',
          chart: 'prometheus',
          targetRevision: '25.27.0',
          helm: { valueFiles: ['$values/monitoring/prometheus/values.yaml'], releaseName: 'prometheus' },
        }),
        ApplicationSource.ref({ repoURL: 'https://github.com/example-org/data-config.git', targetRevision: 'main', ref: 'values' }),
      ],
      destination: Destination.inCluster('monitoring'),
      syncPolicy: { automated: { prune: true }, syncOptions: [SyncOption.CREATE_NAMESPACE, SyncOption.SERVER_SIDE_APPLY] },
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }],
    });

    frontend.notifications.subscribe(NotificationCatalog.ON_SYNC_FAILED, slack, ['#web-alerts']);
    frontend.notifications.subscribe(onSynced, deployHook);
    data.notifications.subscribe(NotificationCatalog.ON_SYNC_FAILED, slack, ['#data-alerts']);

    // Monitoring first, then the web frontend.
    prometheus.setSyncWave(0);
    frontend.setSyncWave(1);
  }
}

/**
 * The Application health check that Argo CD removed in 1.8 (docs/operator-manual/health.md):
 * without it an Application is healthy as soon as it exists, and sync waves between the
 * Applications of an app of apps do not gate anything.
 */
const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
return hs
`;

/** The root: the app of apps that syncs the teams chart, and the argocd-cm its waves need. */
export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, teams: Chart, props: ChartProps = {}) {
    super(scope, id, props);
    new AppOfApps(this, 'root', { name: 'platform', repoURL: REPO, path: 'dist/platform', targetRevision: 'main', charts: [teams] });
    new k8s.KubeConfigMap(this, 'argocd-cm', {
      metadata: { name: 'argocd-cm', namespace: 'argocd', labels: { 'app.kubernetes.io/name': 'argocd-cm', 'app.kubernetes.io/part-of': 'argocd' } },
      data: { 'resource.customizations.health.argoproj.io_Application': APPLICATION_HEALTH_LUA },
    });
    new NotificationsConfig(this, 'notifications', {
      context: { argocdUrl: 'https://argocd.example.com' },
      services: [slack, deployHook],
      triggers: [onSynced, NotificationCatalog.ON_SYNC_FAILED],
    });
  }
}

const app = new App();
const teams = new TeamsChart(app, 'teams');
new PlatformChart(app, 'platform', teams);
app.synth();
