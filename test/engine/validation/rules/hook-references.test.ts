import { validateManifests } from '../../../../src';
import { Manifest } from '../../../../src/engine/validation/problem';

function job(annotations: Record<string, string>, podSpec: Manifest): Manifest {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'shop', annotations }, spec: { template: { spec: podSpec } } };
}
const config = (annotations: Record<string, string> = {}): Manifest =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'db', namespace: 'shop', annotations }, data: {} });
const usesConfig = { containers: [{ name: 'm', image: 'm', envFrom: [{ configMapRef: { name: 'db' } }] }] };

describe('hook/references-later-object', () => {
  test('warns when a PreSync hook needs a ConfigMap applied in the Sync phase', () => {
    const problems = validateManifests([job({ 'argocd.argoproj.io/hook': 'PreSync' }, usesConfig), config()]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      rule: 'hook/references-later-object',
      kind: 'Job',
      name: 'migrate',
      path: '/spec/template/spec/containers/0/envFrom/0/configMapRef/name',
    });
    expect(problems[0].message).toMatch(/^PreSync hook needs ConfigMap "db", which this sync applies only in the Sync phase: .*make the ConfigMap a PreSync hook in a lower wave/);
  });

  test('warns when the referenced hook is in a later PreSync wave', () => {
    const problems = validateManifests([
      job({ 'argocd.argoproj.io/hook': 'PreSync' }, { serviceAccountName: 'migrator', containers: [] }),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'migrator', namespace: 'shop', annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/sync-wave': '1' } } },
    ]);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/in PreSync wave 1, after this hook \(wave 0\)/)]);
  });

  test('is silent when the object comes first (lower wave, or earlier kind in the same wave), is optional, or the hook is not PreSync', () => {
    expect(validateManifests([job({ 'argocd.argoproj.io/hook': 'PreSync' }, usesConfig), config({ 'argocd.argoproj.io/hook': 'PreSync' })])).toEqual([]);
    expect(validateManifests([
      job({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/sync-wave': '1' }, usesConfig),
      config({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/sync-wave': '0' }),
    ])).toEqual([]);
    expect(validateManifests([
      job({ 'argocd.argoproj.io/hook': 'PreSync' }, { containers: [{ name: 'm', image: 'm', envFrom: [{ configMapRef: { name: 'db', optional: true } }] }] }),
      config(),
    ])).toEqual([]);
    expect(validateManifests([job({ 'argocd.argoproj.io/hook': 'PostSync' }, usesConfig), config()])).toEqual([]);
  });
});
