import { validateManifests } from '../../../../src';
import { Manifest } from '../../../../src/engine/validation/problem';

const cm = (metadata: Record<string, unknown>): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', ...metadata } });

describe('annotation-as-label rule', () => {
  test('stays quiet on Argo CD keys under annotations and on ordinary labels', () => {
    expect(validateManifests([cm({
      labels: { 'app.kubernetes.io/name': 'web', 'argocd.argoproj.io/instance': 'web' },
      annotations: { 'argocd.argoproj.io/sync-wave': '1', 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/sync-options': 'Prune=false' },
    })])).toEqual([]);
  });

  test.each([
    ['argocd.argoproj.io/sync-wave', '1', 'sync-wave/label'],
    ['argocd.argoproj.io/hook', 'PreSync', 'hook/label'],
    ['argocd.argoproj.io/hook-delete-policy', 'HookSucceeded', 'hook/label'],
    ['argocd.argoproj.io/sync-options', 'Prune=false', 'sync-options/label'],
    ['argocd.argoproj.io/compare-options', 'IgnoreExtraneous', 'compare-options/label'],
  ])('fails when %s is a label', (key, value, rule) => {
    const problems = validateManifests([cm({ labels: { [key]: value } })]);
    expect(problems).toEqual([expect.objectContaining({
      severity: 'error',
      rule,
      path: `/metadata/labels/${key.replace('/', '~1')}`,
      message: `${key}: ${JSON.stringify(value)} is a label, and Argo CD reads ${key} only from annotations, so it is silently ignored: move it to metadata.annotations`,
    })]);
  });

  test('fails when the label repeats an annotation, and says to remove the label', () => {
    const [p] = validateManifests([cm({ labels: { 'argocd.argoproj.io/sync-wave': '2' }, annotations: { 'argocd.argoproj.io/sync-wave': '1' } })]);
    expect(p.rule).toBe('sync-wave/label');
    expect(p.message).toMatch(/: remove the label \(metadata.annotations already sets argocd.argoproj.io\/sync-wave: "1"\)$/);
  });

  test('--skip-rule style family prefixes drop it', () => {
    expect(validateManifests([cm({ labels: { 'argocd.argoproj.io/hook': 'Sync' } })], { skipRules: ['hook/'] })).toEqual([]);
  });
});
