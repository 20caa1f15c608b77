import { validateManifests } from '../../../../src';
import { Manifest } from '../../../../src/engine/validation/problem';

const cm = (annotations: Record<string, unknown>): Manifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations } });

describe('sync-wave rules', () => {
  test.each(['0', '-3', '+5', '12', '-9223372036854775808'])('wave %j passes', (wave) => {
    expect(validateManifests([cm({ 'argocd.argoproj.io/sync-wave': wave })])).toEqual([]);
  });

  test.each([
    ['1.5', /use a whole number, e\.g\. "2"$/],
    [' 1', /write "1" without spaces$/],
    ['one', /use a whole number such as "0", "1" or "-1"$/],
    ['', /use a whole number/],
    ['9223372036854775808', /use a whole number|use e\.g\./],
  ])('fails when the wave is %j', (wave, fix) => {
    const [p] = validateManifests([cm({ 'argocd.argoproj.io/sync-wave': wave })]);
    expect(p).toMatchObject({ severity: 'error', rule: 'sync-wave/not-an-integer', path: '/metadata/annotations/argocd.argoproj.io~1sync-wave' });
    expect(p.message).toMatch(/silently uses wave 0/);
    expect(p.message).toMatch(fix);
  });

  test('fails when the helm hook weight is not an integer', () => {
    const [p] = validateManifests([cm({ 'helm.sh/hook-weight': 'high' })]);
    expect(p.rule).toBe('sync-wave/helm-weight-not-an-integer');
  });

  test('a valid sync-wave hides an invalid helm weight (Argo CD never reads it)', () => {
    expect(validateManifests([cm({ 'argocd.argoproj.io/sync-wave': '1', 'helm.sh/hook-weight': 'x' })])).toEqual([]);
  });
});
