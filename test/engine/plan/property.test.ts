import * as fc from 'fast-check';
import { planSync } from '../../../src';
import { kindRank, PHASE_ORDER } from '../../../src/engine/argo/sync-order';
import { Manifest } from '../../../src/engine/validation/problem';

const kinds = ['Namespace', 'ConfigMap', 'Secret', 'Service', 'Deployment', 'Job', 'Widget', 'CustomResourceDefinition', 'Ingress'];
const hooks = [undefined, 'PreSync', 'Sync', 'PostSync', 'SyncFail', 'Skip', 'PreSync,PostSync', 'PostDelete', 'Bogus'];

const recordArb = fc.record({
  kind: fc.constantFrom(...kinds),
  name: fc.constantFrom('a', 'b', 'c', 'db', 'web'),
  namespace: fc.constantFrom(undefined, 'a', 'b'),
  wave: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  hook: fc.constantFrom(...hooks),
});
interface ObjectRecord {
  kind: string;
  name: string;
  namespace?: string;
  wave?: number;
  hook?: string;
}
const toManifest = ({ kind, name, namespace, wave, hook }: ObjectRecord): Manifest => {
  const annotations: Record<string, string> = {};
  if (wave !== undefined) annotations['argocd.argoproj.io/sync-wave'] = String(wave);
  if (hook !== undefined) annotations['argocd.argoproj.io/hook'] = hook;
  const o: Manifest = {
    apiVersion: kind === 'Widget' ? 'example.com/v1' : kind === 'CustomResourceDefinition' ? 'apiextensions.k8s.io/v1' : 'v1',
    kind,
    metadata: { name, annotations },
  };
  if (namespace && kind !== 'Namespace' && kind !== 'CustomResourceDefinition') o.metadata.namespace = namespace;
  if (kind === 'CustomResourceDefinition') o.spec = { group: 'example.com', names: { kind: 'Widget' } };
  return o;
};
/** Sets of objects with distinct identities (duplicates are a validation error, manifest/duplicate). */
const objectsArb = (maxLength: number) => fc.uniqueArray(recordArb, {
  maxLength,
  selector: (r) => `${r.kind}/${r.kind === 'Namespace' || r.kind === 'CustomResourceDefinition' ? '' : r.namespace ?? ''}/${r.name}`,
}).map((rs) => rs.map(toManifest));

describe('planSync properties', () => {
  test('a total, stable order consistent with the sort key (modulo Namespace/CRD bubbling)', () => {
    fc.assert(fc.property(objectsArb(25), (objects) => {
      const tasks = planSync(objects);
      // total: one task per object and sync phase
      const expected = objects.reduce((n, o) => {
        const types = (o.metadata.annotations['argocd.argoproj.io/hook'] ?? '').split(',').filter((t: string) => t);
        if (types.length === 0) return n + 1;
        if (types.length === 1 && types[0] === 'Skip') return n;
        return n + types.filter((t: string) => ['PreSync', 'Sync', 'PostSync', 'SyncFail'].includes(t)).length;
      }, 0);
      expect(tasks).toHaveLength(expected);
      // deterministic
      expect(planSync(objects)).toEqual(tasks);
      // consistent with the key for every pair of non-bubbled tasks
      const bubbled = (t: { kind: string }) => t.kind === 'Namespace' || t.kind === 'CustomResourceDefinition';
      const key = (t: typeof tasks[number]) => [PHASE_ORDER.indexOf(t.phase), t.wave, kindRank(t.kind)];
      const plain = tasks.filter((t) => !bubbled(t));
      for (let i = 1; i < plain.length; i++) {
        const [a, b] = [key(plain[i - 1]), key(plain[i])];
        const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (plain[i - 1].name <= plain[i].name ? -1 : 1);
        expect(cmp).toBeLessThanOrEqual(0);
      }
      // phases never go backwards, even with bubbling
      for (let i = 1; i < tasks.length; i++) {
        expect(PHASE_ORDER.indexOf(tasks[i - 1].phase)).toBeLessThanOrEqual(PHASE_ORDER.indexOf(tasks[i].phase));
      }
      // a bubbled Namespace comes before every task in it that shares its step
      for (const ns of tasks.filter((t) => t.kind === 'Namespace')) {
        const first = tasks.findIndex((t) => t.namespace === ns.name);
        if (first >= 0) expect(tasks.indexOf(ns)).toBeLessThan(first);
      }
    }), { numRuns: 300 });
  });

  test('input order does not change the plan', () => {
    const shuffledArb = objectsArb(20).chain((objs) =>
      fc.tuple(fc.constant(objs), fc.shuffledSubarray(objs, { minLength: objs.length, maxLength: objs.length })));
    fc.assert(fc.property(shuffledArb,
      ([objects, shuffled]) => {
        const strip = (ts: ReturnType<typeof planSync>) => ts.map(({ index: _index, ...rest }) => rest);
        // identical objects may swap; compare the visible rows
        expect(strip(planSync(shuffled))).toEqual(strip(planSync(objects)));
      }), { numRuns: 200 });
  });
});
