import { Manifest } from '../../../src/engine/validation/problem';

/** A valid Application; tests break one field at a time. */
export function application(overrides: Manifest = {}): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'guestbook', namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook', targetRevision: 'HEAD' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'guestbook' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
    },
    ...overrides,
  };
}

export function appProject(overrides: Manifest = {}): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: 'team-a', namespace: 'argocd' },
    spec: {
      sourceRepos: ['https://github.com/example/*'],
      destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'team-a-*' }],
    },
    ...overrides,
  };
}

export function applicationSet(overrides: Manifest = {}): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'guestbooks', namespace: 'argocd' },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements: [{ cluster: 'dev', url: 'https://kubernetes.default.svc' }] } }],
      template: {
        metadata: { name: '{{.cluster}}-guestbook' },
        spec: {
          project: 'default',
          source: { repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook', targetRevision: 'HEAD' },
          destination: { server: '{{.url}}', namespace: 'guestbook' },
        },
      },
    },
    ...overrides,
  };
}

/** Deep copy with a change applied. */
export function withChange(object: Manifest, change: (o: any) => void): Manifest {
  const copy = structuredClone(object);
  change(copy);
  return copy;
}
