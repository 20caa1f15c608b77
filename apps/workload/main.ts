/**
 * The reference workload: a web shop front end with a cache, deployed by Argo CD.
 *
 * - Sync waves come from the cdk8s dependency graph (`SyncWaves.fromDependencies`), so the order
 *   is declared once, with `addDependency()`, and Argo CD waits for each wave to be healthy.
 * - A PreSync Job migrates the database before anything is applied.
 * - A PostSync Job smoke-tests the new version once every resource is healthy.
 * - A SyncFail Job notifies the team when the sync fails.
 *
 * `cdk8s-argocd plan dist/workload` prints the order Argo CD will use.
 */
import { ApiObject, App, Chart, ChartProps, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-30';
import { Construct } from 'constructs';
import {
  Application, CompareOption, CompareOptions, Hook, HookAction, HookDeletePolicy, HookType, ResourceChangeHook, ResourceSyncOption,
  ResourceSyncOptions, SyncWaves, TargetResource,
} from 'cdk8s-argocd';

const IMAGE = 'ghcr.io/example-org/shop-web:1.4.2';
const securityContext = { user: 1000, group: 1000 };

export class WorkloadChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'shop', ...props });

    const namespace = new kplus.Namespace(this, 'namespace', { metadata: { name: 'shop' } });
    // a Namespace is cluster-scoped: drop the namespace the chart gives every object
    ApiObject.of(namespace).addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    // keep the namespace (and everything in it) when the Application is deleted or the manifest dropped
    ResourceSyncOptions.of(namespace).add(ResourceSyncOption.PRUNE_FALSE, ResourceSyncOption.DELETE_FALSE);

    const config = new kplus.ConfigMap(this, 'config', {
      metadata: { name: 'web-config' },
      data: { CACHE_URL: 'redis://cache:6379', LOG_LEVEL: 'info' },
    });

    // wave 0: the cache
    const cache = new kplus.Deployment(this, 'cache', {
      metadata: { name: 'cache' },
      replicas: 1,
      containers: [{ name: 'redis', image: 'redis:7.4', portNumber: 6379, securityContext: { user: 999, group: 999 } }],
    });
    const cacheService = new kplus.Service(this, 'cache-service', {
      metadata: { name: 'cache' },
      selector: cache,
      ports: [{ port: 6379 }],
    });
    cacheService.node.addDependency(cache);

    // wave 2: the web front end needs its configuration and a healthy cache
    const web = new kplus.Deployment(this, 'web', {
      metadata: { name: 'web' },
      replicas: 3,
      containers: [{
        name: 'web',
        image: IMAGE,
        portNumber: 8080,
        securityContext,
        envFrom: [kplus.Env.fromConfigMap(config)],
      }],
    });
    web.node.addDependency(config, cacheService);

    // wave 3: expose it once it is healthy
    const webService = new kplus.Service(this, 'web-service', {
      metadata: { name: 'web' },
      selector: web,
      ports: [{ port: 80, targetPort: 8080 }],
    });
    webService.node.addDependency(web);

    // A Secret written by an operator in the cluster: do not let it make the app OutOfSync
    const generated = new kplus.Secret(this, 'session-key', { metadata: { name: 'session-key' } });
    CompareOptions.of(generated).add(CompareOption.IGNORE_EXTRANEOUS);

    // PreSync: migrate the database before anything is applied; a new Job per sync
    const migrate = new kplus.Job(this, 'migrate', {
      metadata: { name: 'db-migrate' },
      backoffLimit: 1,
      activeDeadline: Duration.minutes(10),
      containers: [{ name: 'migrate', image: IMAGE, command: ['bin/migrate', '--to=latest'], securityContext }],
    });
    Hook.of(migrate).set({ types: [HookType.PRE_SYNC], deletePolicies: [HookDeletePolicy.HOOK_SUCCEEDED], generateName: 'db-migrate-' });

    // PostSync: smoke-test the new version once everything is healthy
    const smoke = new kplus.Job(this, 'smoke-test', {
      metadata: { name: 'smoke-test' },
      backoffLimit: 0,
      containers: [{ name: 'smoke', image: 'curlimages/curl:8.10.1', args: ['--fail', '--retry', '5', 'http://web.shop.svc/healthz'], securityContext }],
    });
    Hook.of(smoke).set({ types: [HookType.POST_SYNC], deletePolicies: [HookDeletePolicy.HOOK_SUCCEEDED], generateName: 'smoke-test-' });

    // SyncFail: tell the team; a fixed name, replaced on the next failure
    const notify = new kplus.Job(this, 'notify-failure', {
      metadata: { name: 'notify-sync-failure' },
      backoffLimit: 2,
      containers: [{
        name: 'notify',
        image: 'curlimages/curl:8.10.1',
        securityContext,
        args: ['--fail', '-X', 'POST', '-d', '{"text":"shop sync failed"}', 'http://alerts.platform.svc/hooks/shop'],
      }],
    });
    Hook.of(notify).set({ types: [HookType.SYNC_FAIL], deletePolicies: [HookDeletePolicy.BEFORE_HOOK_CREATION] });

    // everything above gets a wave from its dependencies; hooks too (wave 0 within their phase)
    SyncWaves.fromDependencies(this);
  }
}

/**
 * The CDN in front of the shop caches what nginx serves: purge it when (and only when) the
 * nginx configuration changed in a sync. The ResourceChangeHook's default strategy (postSyncGate)
 * bakes the ConfigMap's content hash into a PostSync Job, which runs the purge only when the hash
 * differs from the one recorded after the last successful purge.
 */
export function addCdnPurge(chart: Chart): void {
  const nginxConfig = new kplus.ConfigMap(chart, 'nginx-config', {
    metadata: { name: 'nginx-config' },
    data: { 'default.conf': 'server {\n  listen 8080;\n  location / { proxy_pass http://web; }\n}\n' },
  });
  new ResourceChangeHook(chart, 'cdn-purge', {
    application: Application.fromApplicationName(chart, 'shop-application', 'shop'),
    target: TargetResource.fromApiObject(nginxConfig),
    action: HookAction.job({
      image: 'curlimages/curl:8.10.1',
      command: ['curl', '--fail', '-X', 'POST', 'http://cdn-api.platform.svc/purge'],
      args: ['-d', '{"zone":"shop"}'],
    }),
  });
}

const app = new App();
const workload = new WorkloadChart(app, 'workload');
addCdnPurge(workload);
app.synth();
