/**
 * `validateManifests` never crashes: whatever it is given (undefined, numbers, nested garbage in
 * the places Argo CD fields live), it returns problems.
 */
import * as path from 'path';
import fc from 'fast-check';
import { Problem, validateJsonManifests, validateManifests } from '../../../src/engine/validation';

const VALIDATORS = path.join(__dirname, '..', '..', '..', 'imports', 'validators');

/** Every property name of the pinned CRD schemas, so that generated objects reach the rules. */
function schemaFieldNames(): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((n) => names.add(n));
      walk(v);
    }
  };
  for (const module of ['application', 'applicationset', 'appproject']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    walk(require(path.join(VALIDATORS, `${module}.schema.json`)));
  }
  return [...names].sort();
}

const FIELDS = schemaFieldNames();
const ANNOTATIONS = [
  'argocd.argoproj.io/sync-wave', 'argocd.argoproj.io/hook', 'argocd.argoproj.io/hook-delete-policy',
  'argocd.argoproj.io/sync-options', 'argocd.argoproj.io/compare-options', 'helm.sh/hook', 'helm.sh/hook-delete-policy',
  'argocd.argoproj.io/tracking-id', 'argocd.argoproj.io/manifest-generate-paths',
];

/** JSON-ish values with undefined, shaped like Argo CD objects where it matters. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constantFrom('', '*', '1.5', 'PreSync', 'Prune=false', 'https://kubernetes.default.svc', 'in-cluster', '* * * * *', '1h'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 4 }),
  ),
}));

const manifest = fc.record({
  apiVersion: fc.oneof(fc.constantFrom('argoproj.io/v1alpha1', 'apps/v1', 'v1', 'argoproj.io/v1'), value),
  kind: fc.oneof(fc.constantFrom('Application', 'ApplicationSet', 'AppProject', 'Deployment', 'ConfigMap', 'Job'), value),
  metadata: fc.oneof(value, fc.record({
    name: value,
    namespace: value,
    annotations: fc.oneof(value, fc.dictionary(fc.constantFrom(...ANNOTATIONS), value)),
    labels: value,
  }, { requiredKeys: [] })),
  spec: value,
}, { requiredKeys: [] });

function check(objects: unknown[]): void {
  let problems: Problem[] = [];
  expect(() => (problems = validateManifests(objects))).not.toThrow();
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems) {
    expect(typeof p.rule).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.index).toBeGreaterThanOrEqual(0);
    expect(p.index).toBeLessThan(objects.length);
  }
  // A rule that crashed is reported, not thrown; the property still fails so the rule gets fixed.
  expect(problems.filter((p) => p.rule === 'internal/rule-failed').map((p) => p.message)).toEqual([]);
}

describe('validateManifests on any input', () => {
  test('reports the values that are not objects instead of crashing', () => {
    const problems = validateManifests([undefined, 1, 'x', null, [1]]);
    expect(problems.map((p) => [p.index, p.rule])).toEqual([0, 1, 2, 3, 4].map((i) => [i, 'manifest/not-an-object']));
  });

  test('an undefined sync option is a schema problem, not a crash in the describer', () => {
    const problems = validateManifests([{
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'argocd' },
      spec: { project: 'default', destination: { server: 'https://kubernetes.default.svc' }, source: { repoURL: 'https://x/r.git', path: '.' }, syncPolicy: { syncOptions: [undefined, 5] } },
    }]);
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'schema/type', path: '/spec/syncPolicy/syncOptions/0', message: expect.stringMatching(/got nothing \(undefined\)/) }),
      expect.objectContaining({ rule: 'schema/type', path: '/spec/syncPolicy/syncOptions/1', message: expect.stringMatching(/got 5 \(number\)/) }),
    ]));
  });

  test('never throws on arbitrary JSON-ish values, alone or as a list of objects', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 4 }), (objects) => check(objects)), { numRuns: 300 });
  });

  test('never throws on Argo CD-shaped objects with garbage in their fields', () => {
    fc.assert(fc.property(fc.array(manifest, { minLength: 1, maxLength: 4 }), (objects) => check(objects)), { numRuns: 1500 });
  });

  test('validateJsonManifests (the CLI, on chart.toJson() output) reports what validateManifests reports on JSON data', () => {
    fc.assert(fc.property(fc.array(manifest, { minLength: 1, maxLength: 4 }), (objects) => {
      const json = JSON.parse(JSON.stringify(objects));
      expect(validateJsonManifests(json)).toEqual(validateManifests(json));
    }), { numRuns: 500 });
  });
});
