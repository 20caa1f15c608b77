import { validateManifests } from '../../../../src';
import { Manifest } from '../../../../src/engine/validation/problem';

const cm = (annotations: Record<string, string>, kind = 'ConfigMap', apiVersion = 'v1'): Manifest => ({ apiVersion, kind, metadata: { name: 'c', annotations } });
const rules = (o: Manifest) => validateManifests([o]).map((p) => p.rule);

describe('sync-options and compare-options rules', () => {
  test('every honoured option passes', () => {
    expect([
      cm({ 'argocd.argoproj.io/sync-options': 'Prune=false,Delete=confirm,Validate=false,SkipDryRunOnMissingResource=true,PruneLast=true' }),
      cm({ 'argocd.argoproj.io/sync-options': 'Replace=true, Force=true' }),
      cm({ 'argocd.argoproj.io/sync-options': 'ServerSideApply=false', 'argocd.argoproj.io/compare-options': 'IgnoreExtraneous' }),
    ].flatMap((o) => validateManifests([o]))).toEqual([]);
  });

  test('fails when a sync option is misspelt', () => {
    const [p] = validateManifests([cm({ 'argocd.argoproj.io/sync-options': 'Prune=False' })]);
    expect(p).toMatchObject({ severity: 'error', rule: 'sync-options/unknown', path: '/metadata/annotations/argocd.argoproj.io~1sync-options' });
    expect(p.message).toMatch(/^sync option "Prune=False" is not one Argo CD honours on a resource .*: use "Prune=false"$/);
  });

  test('fails when an Application-level option is set on a resource', () => {
    expect(rules(cm({ 'argocd.argoproj.io/sync-options': 'CreateNamespace=true' }))).toEqual(['sync-options/application-only']);
  });

  test('warns when an option restates the default', () => {
    expect(rules(cm({ 'argocd.argoproj.io/sync-options': 'Validate=true' }))).toEqual(['sync-options/no-effect']);
  });

  test('fails when options contradict each other', () => {
    expect(rules(cm({ 'argocd.argoproj.io/sync-options': 'Prune=false,Prune=confirm' }))).toEqual(['sync-options/conflict']);
  });

  test('warns when Replace=true and ServerSideApply=true are combined', () => {
    expect(rules(cm({ 'argocd.argoproj.io/sync-options': 'Replace=true,ServerSideApply=true' }))).toEqual(['sync-options/replace-overrides-server-side-apply']);
  });

  test('warns when Replace=true is set on a Namespace', () => {
    expect(rules(cm({ 'argocd.argoproj.io/sync-options': 'Replace=true' }, 'Namespace'))).toEqual(['sync-options/replace-ignored']);
  });

  test('fails when a compare option is unknown', () => {
    const [p] = validateManifests([cm({ 'argocd.argoproj.io/compare-options': 'IgnoreExtranous' })]);
    expect(p).toMatchObject({ rule: 'compare-options/unknown', severity: 'error' });
    expect(p.message).toMatch(/use "IgnoreExtraneous"$/);
  });

  test('fails when an Application-only compare option is set on a resource', () => {
    expect(rules(cm({ 'argocd.argoproj.io/compare-options': 'ServerSideDiff=true' }))).toEqual(['compare-options/application-only']);
  });
});
