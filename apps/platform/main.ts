/**
 * The reference platform: one AppProject for the web team and two Applications deployed through it.
 * Written against the L1 classes generated from the vendored Argo CD v3.5.1 CRDs.
 */
import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { Application } from '../../imports/application-argoproj.io';
import { AppProject } from '../../imports/appproject-argoproj.io';

export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'argocd', ...props });

    const project = new AppProject(this, 'web-project', {
      metadata: { name: 'web' },
      spec: {
        description: 'Web team workloads',
        sourceRepos: ['https://github.com/example-org/web-*'],
        destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'web-*' }],
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      },
    });

    for (const [name, path] of [['web-frontend', 'deploy/frontend'], ['web-api', 'deploy/api']]) {
      new Application(this, name, {
        metadata: { name, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
        spec: {
          project: project.name,
          source: { repoUrl: 'https://github.com/example-org/web-apps.git', path, targetRevision: 'main' },
          destination: { server: 'https://kubernetes.default.svc', namespace: name },
          syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
        },
      });
    }
  }
}

const app = new App();
new PlatformChart(app, 'platform');
app.synth();
