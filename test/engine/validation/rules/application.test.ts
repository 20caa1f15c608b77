import { validateManifests } from '../../../../src';

const app = (spec: any, name = 'guestbook', extra: any = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: 'argocd', ...extra }, spec: { project: 'default', ...spec },
});
const git = { repoURL: 'https://github.com/a/b.git', path: 'x', targetRevision: 'HEAD' };
const dest = { server: 'https://kubernetes.default.svc', namespace: 'web' };
const rules = (o: any, prefix = 'application/') => validateManifests([o]).filter((p) => p.rule.startsWith(prefix)).map((p) => [p.severity, p.rule, p.message]);

describe('application rules', () => {
  test('stay silent on a valid Application', () => {
    expect(rules(app({ source: git, destination: dest, syncPolicy: { syncOptions: ['CreateNamespace=true'], retry: { backoff: { duration: '5s', maxDuration: '3m' } } } }))).toEqual([]);
  });
  test.each([
    ['application/destination', { source: git, destination: { ...dest, name: 'in-cluster' } }, /sets both server "https:\/\/kubernetes.default.svc" and name "in-cluster"/],
    ['application/destination', { source: git, destination: { namespace: 'web' } }, /has neither server nor name/],
    ['application/source', { source: git, sources: [git], destination: dest }, /spec sets source and sources, but Argo CD uses only sources/],
    ['application/source', { source: { repoURL: 'https://x' }, destination: dest }, /has neither path nor chart/],
    ['application/source', { source: { repoURL: 'https://x', chart: 'c' }, destination: dest }, /has chart "c" but no targetRevision/],
    ['application/source', { source: { ...git, helm: {}, kustomize: {} }, destination: dest }, /sets helm and kustomize/],
    ['application/multi-source-ref', { sources: [{ ...git, ref: 'a.b' }], destination: dest }, /ref "a.b" must match/],
    ['application/multi-source-ref', { sources: [{ ...git, ref: 'v' }, { ...git, ref: 'v' }], destination: dest }, /ref "v" is already used/],
    ['application/multi-source-ref', { sources: [{ ...git, helm: { valueFiles: ['$valus/x.yaml'] } }, { ...git, ref: 'values' }], destination: dest }, /refers to \$valus.*did you mean "\$values"/],
    ['application/multi-source-ref', { sources: [{ ...git, helm: { valueFiles: ['a/$values/x.yaml'] } }, { ...git, ref: 'values' }], destination: dest }, /has "\$" in the middle/],
    ['application/multi-source-ref', { sources: [{ repoURL: 'https://c', chart: 'c', targetRevision: '1', ref: 'v' }], destination: dest }, /sets both ref "v" and chart "c"/],
    ['application/multi-source-ref', { sources: [{ ...git, name: 'n' }, { ...git, name: 'n' }], destination: dest }, /name "n" is already used/],
    ['application/sync-option', { source: git, destination: dest, syncPolicy: { syncOptions: ['CreateNamespace=True'] } }, /"CreateNamespace=True" does nothing.*use "CreateNamespace=true"/],
    ['application/sync-option', { source: git, destination: dest, syncPolicy: { syncOptions: ['PrunePropagationPolicy=later'] } }, /is not a value Argo CD recognises/],
    ['application/sync-option', { source: git, destination: dest, syncPolicy: { syncOptions: ['Retry=true'] } }, /^sync option "Retry=true" is not a sync option, so Argo CD ignores it and never retries: use spec.syncPolicy.retry \(e.g. retry: \{ limit: 5, .*\) and remove "Retry=true"$/],
    ['application/retry-duration', { source: git, destination: dest, syncPolicy: { retry: { backoff: { duration: '1d' } } } }, /backoff.duration "1d" is not a Go duration/],
  ])('fails when %s is violated (%#)', (rule, spec, message) => {
    const found = rules(app(spec)).filter((r) => r[1] === rule);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((r) => r[2]).join('\n')).toMatch(message);
  });
  test('warns about long names: 53 for Helm, 63 otherwise', () => {
    expect(rules(app({ source: { ...git, helm: {} }, destination: dest }, 'a'.repeat(54)))).toEqual([
      ['warning', 'application/name-length', expect.stringMatching(/Helm release names default to it but may have at most 53/)],
    ]);
    expect(rules(app({ source: git, destination: dest }, 'a'.repeat(64)))).toEqual([
      ['warning', 'application/name-length', expect.stringMatching(/truncates names above 63/)],
    ]);
  });
  test('warns when waves on Applications have no health check, silent when argocd-cm restores it', () => {
    const a = app({ source: git, destination: dest }, 'child', { annotations: { 'argocd.argoproj.io/sync-wave': '1' } });
    expect(validateManifests([a]).filter((p) => p.rule === 'application/wave-health-check').map((p) => p.message))
      .toEqual([expect.stringMatching(/only gate when the argoproj.io\/Application health check is restored/)]);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-cm', namespace: 'argocd' }, data: { 'resource.customizations.health.argoproj.io_Application': 'hs = {}' } };
    expect(validateManifests([a, cm]).filter((p) => p.rule === 'application/wave-health-check')).toEqual([]);
  });
});
