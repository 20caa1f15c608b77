/**
 * A fleet: every add-on directory of the fleet repository on every registered cluster (a matrix
 * of git directories × clusters), rolled out dev first, then prod a quarter at a time
 * (RollingSync). Rendered by `npm run synth` into dist/fleet/; expand it offline with
 * `cdk8s-argocd appset generate dist/fleet/fleet.k8s.yaml --repo apps/fleet/repo --clusters apps/fleet/clusters.yaml`.
 */
import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ApplicationSet, ApplicationSetGenerator, ApplicationSetStrategy, ApplicationSource, Destination, MaxUpdate, SelectorOperator, SyncOption,
} from 'cdk8s-argocd';

const FLEET_REPO = 'https://github.com/example-org/fleet.git';

export class FleetChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);

    new ApplicationSet(this, 'addons', {
      name: 'fleet-addons',
      generators: [
        ApplicationSetGenerator.matrix({
          generators: [
            ApplicationSetGenerator.gitDirectories({ repoURL: FLEET_REPO, revision: 'main', directories: [{ path: 'apps/*' }] }),
            ApplicationSetGenerator.clusters({ clusterSelector: { matchExpressions: [{ key: 'env', operator: SelectorOperator.IN, values: ['dev', 'prod'] }] } }),
          ],
        }),
      ],
      // Plain TypeScript strings: no Helm-style {{ "{{" }} escaping.
      template: {
        name: '{{.path.basename}}-{{.name}}',
        labels: { env: '{{index .metadata.labels "env"}}', addon: '{{.path.basename}}' },
        source: ApplicationSource.git({ repoURL: FLEET_REPO, targetRevision: 'main', path: '{{.path.path}}' }),
        destination: Destination.server('{{.server}}', '{{.path.basename}}'),
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: [SyncOption.CREATE_NAMESPACE] },
      },
      strategy: ApplicationSetStrategy.rollingSync([
        { matchExpressions: [{ key: 'env', operator: SelectorOperator.IN, values: ['dev'] }] },
        { matchExpressions: [{ key: 'env', operator: SelectorOperator.IN, values: ['prod'] }], maxUpdate: MaxUpdate.percent(25) },
      ]),
    });
  }
}

const app = new App();
new FleetChart(app, 'fleet', { disableResourceNameHashes: true });
app.synth();
