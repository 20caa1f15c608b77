import { App, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-30';
import { Application, ApplicationSource, Destination, SyncOption } from '../../src';

/** The CDN-purge setting: an nginx ConfigMap in namespace shop, synced by Application "shop". */
export function cdnSetting(options: { syncOptions?: SyncOption[]; retry?: boolean; appChart?: boolean } = {}) {
  const app = Testing.app();
  const chart = new Chart(app, 'workload', { namespace: 'shop', disableResourceNameHashes: true });
  const appChart = options.appChart ? new Chart(app, 'platform', { disableResourceNameHashes: true }) : chart;
  const application = new Application(appChart, 'shop-app', {
    name: 'shop',
    source: ApplicationSource.git({ repoURL: 'https://github.com/example-org/shop.git', path: 'dist/workload', targetRevision: 'main' }),
    destination: Destination.inCluster('shop'),
    syncPolicy: {
      automated: { prune: true },
      syncOptions: options.syncOptions,
      retry: options.retry === false ? undefined : { limit: 3 },
    },
  });
  const nginxConfig = new k8s.KubeConfigMap(chart, 'nginx-config', {
    metadata: { name: 'nginx-config' },
    data: { 'nginx.conf': 'server { listen 8080; }' },
  });
  return { app, chart, appChart, application, nginxConfig };
}

/** The rendered objects of a chart. */
export function objects(chart: Chart): any[] {
  return chart.toJson();
}

export function find(list: any[], kind: string, name: string): any {
  const found = list.find((o) => o.kind === kind && o.metadata?.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name} in ${list.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  return found;
}

export type { App };
