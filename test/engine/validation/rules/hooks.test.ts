import { validateManifests } from '../../../../src';
import { Manifest } from '../../../../src/engine/validation/problem';

function job(annotations: Record<string, string>, metadata: Manifest = { name: 'migrate' }): Manifest {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { ...metadata, annotations }, spec: { template: { spec: { containers: [] } } } };
}
const rules = (o: Manifest) => validateManifests([o]).map((p) => p.rule);

describe('hook rules', () => {
  test('valid hooks, helm hooks and delete policies pass', () => {
    expect([
      job({ 'argocd.argoproj.io/hook': 'PreSync,PostSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded, BeforeHookCreation' }),
      job({ 'argocd.argoproj.io/hook': 'Skip' }),
      job({ 'argocd.argoproj.io/hook': 'PostDelete' }),
      job({ 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/hook-delete-policy': 'hook-succeeded' }),
      job({ 'argocd.argoproj.io/hook': 'Sync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }, { generateName: 'migrate-' }),
    ].flatMap((o) => validateManifests([o]))).toEqual([]);
  });

  test('fails when a hook type is unknown, with the close match', () => {
    const [p] = validateManifests([job({ 'argocd.argoproj.io/hook': 'Presync' })]);
    expect(p).toMatchObject({ severity: 'error', rule: 'hook/unknown-type', path: '/metadata/annotations/argocd.argoproj.io~1hook', kind: 'Job', name: 'migrate' });
    expect(p.message).toMatch(/^hook type "Presync" is not one Argo CD knows, so Argo CD ignores it silently .*: use "PreSync"$/);
  });

  test('fails when the hook annotation is empty', () => {
    expect(validateManifests([job({ 'argocd.argoproj.io/hook': '' })])[0].message).toMatch(/is empty, so Argo CD .* never applies it/);
  });

  test('fails when a delete policy is unknown', () => {
    const [p] = validateManifests([job({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'HookSucceded' })]);
    expect(p).toMatchObject({ rule: 'hook/unknown-delete-policy', severity: 'error' });
    expect(p.message).toMatch(/"HookSucceded" .* falls back to BeforeHookCreation: use "HookSucceeded"$/);
  });

  test('fails when a helm delete policy is unknown', () => {
    expect(rules(job({ 'helm.sh/hook': 'post-install', 'helm.sh/hook-delete-policy': 'hook-succeded' }))).toEqual(['hook/unknown-delete-policy']);
  });

  test('fails when Skip is combined with other types', () => {
    const [p] = validateManifests([job({ 'argocd.argoproj.io/hook': 'Skip,PreSync' })]);
    expect(p.rule).toBe('hook/skip-with-other-types');
    expect(p.message).toMatch(/applied as a PreSync hook: use "Skip" alone$/);
  });

  test('warns when delete hook types are mixed with sync hook types', () => {
    const [p] = validateManifests([job({ 'argocd.argoproj.io/hook': 'PreDelete,PostSync' })]);
    expect(p).toMatchObject({ rule: 'hook/delete-with-sync-types', severity: 'warning' });
  });

  test('fails when a helm hook has no Argo CD equivalent (helm test is never applied)', () => {
    const [p] = validateManifests([job({ 'helm.sh/hook': 'test' })]);
    expect(p).toMatchObject({ rule: 'hook/helm-unmapped', severity: 'error', path: '/metadata/annotations/helm.sh~1hook' });
    expect(p.message).toMatch(/^helm hook "test" has no Argo CD equivalent/);
  });

  test('warns when some helm hook values are unmapped', () => {
    expect(validateManifests([job({ 'helm.sh/hook': 'post-install,test' })])[0]).toMatchObject({ rule: 'hook/helm-unmapped', severity: 'warning' });
  });

  test('crd-install is not a hook and is silent', () => {
    expect(rules(job({ 'helm.sh/hook': 'crd-install' }))).toEqual([]);
  });

  test('warns when a helm hook is shadowed by an Argo CD hook', () => {
    expect(rules(job({ 'argocd.argoproj.io/hook': 'PreSync', 'helm.sh/hook': 'post-install' }))).toEqual(['hook/helm-hook-ignored']);
  });

  test('warns when a delete policy is set on an object that is not a hook', () => {
    expect(rules(job({ 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' }))).toEqual(['hook/delete-policy-without-hook']);
  });

  test('warns when a generateName hook only has BeforeHookCreation', () => {
    const [p] = validateManifests([job({ 'argocd.argoproj.io/hook': 'PostSync' }, { generateName: 'smoke-' })]);
    expect(p).toMatchObject({ rule: 'hook/generate-name-accumulates', severity: 'warning', path: '/metadata/generateName' });
  });
});
