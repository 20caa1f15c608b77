import { createHash } from 'crypto';
import { ApiObject, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { Application } from '../../src';
import { canonicalJson, contentHashOf } from '../../src/change-hooks/content-hash';
import { HookAction } from '../../src/change-hooks/hook-action';
import { ResourceChangeHook } from '../../src/change-hooks/resource-change-hook';
import { TargetResource } from '../../src/change-hooks/target-resource';

/** Rendered manifests: nested JSON without undefined (what toJson() returns). */
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 })),
})).value;
const manifest = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1'),
  kind: fc.constantFrom('ConfigMap', 'Deployment'),
  metadata: fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), namespace: fc.constantFrom('shop', 'web') }),
  data: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 5 }),
});

/** The same value with every object's keys in another order. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const order = seed % 2 === 0 ? keys.reverse() : [...keys.slice(1), ...keys.slice(0, 1)];
  return Object.fromEntries(order.map((k) => [k, shuffled((value as any)[k], seed + 1)]));
}

describe('content hash', () => {
  test('changes if and only if the rendered content changes (property)', () => {
    fc.assert(fc.property(manifest, manifest, (a, b) => {
      const same = canonicalJson(a) === canonicalJson(b);
      expect(contentHashOf(a) === contentHashOf(b)).toBe(same);
    }), { numRuns: 500 });
  });

  test('a one-field edit always changes it (property)', () => {
    fc.assert(fc.property(manifest, fc.string({ maxLength: 8 }), json, (m, key, value) => {
      const edited = { ...m, data: { ...m.data, [key]: value } };
      const changed = canonicalJson(edited) !== canonicalJson(m);
      expect(contentHashOf(edited) !== contentHashOf(m)).toBe(changed);
    }), { numRuns: 500 });
  });

  test('does not depend on key order, and is the sha256 of the canonical JSON (stable across machines)', () => {
    fc.assert(fc.property(manifest, fc.nat(), (m, seed) => {
      expect(contentHashOf(shuffled(m, seed))).toBe(contentHashOf(m));
    }), { numRuns: 300 });
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const hash = contentHashOf({ metadata: { name: 'nginx-config' }, kind: 'ConfigMap', apiVersion: 'v1' });
    expect(hash).toBe(createHash('sha256').update('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"nginx-config"}}').digest('hex'));
    expect(hash).toBe('2e9a3cce198ebc454ca63ab1df783cba71cb68a1c4756efdf8f6b9f8fe0a4747');
  });

  test('ignores the library\'s own marker annotation', () => {
    const m = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', annotations: { a: 'b' } } };
    const marked = { ...m, metadata: { ...m.metadata, annotations: { 'a': 'b', 'change-hooks.cdk8s-argocd.io/hook': '{}' } } };
    expect(contentHashOf(marked)).toBe(contentHashOf(m));
    const onlyMarker = { ...m, metadata: { name: 'x', annotations: { 'change-hooks.cdk8s-argocd.io/hook': '{}' } } };
    expect(contentHashOf(onlyMarker)).toBe(contentHashOf({ ...m, metadata: { name: 'x' } }));
  });

  test('hook.contentHash is the hash of the target\'s rendered manifest, property over ConfigMap data', () => {
    fc.assert(fc.property(fc.dictionary(fc.stringMatching(/^[a-z.]{1,6}$/), fc.string({ maxLength: 10 }), { maxKeys: 4 }),
      fc.dictionary(fc.stringMatching(/^[a-z.]{1,6}$/), fc.string({ maxLength: 10 }), { maxKeys: 4 }), (d1, d2) => {
        const hashes = [d1, d2].map((data) => {
          const chart = Testing.chart();
          const cfg = new ApiObject(chart, 'cfg', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginx-config', namespace: 'shop' }, data: { ...data } });
          const hook = new ResourceChangeHook(chart, 'cdn-purge', {
            application: Application.fromApplicationName(chart, 'shop', 'shop'),
            target: TargetResource.fromApiObject(cfg),
            action: HookAction.job({ image: 'i', command: ['c'] }),
          });
          expect(hook.contentHash).toBe(contentHashOf(cfg.toJson()));
          return hook.contentHash;
        });
        expect(hashes[0] === hashes[1]).toBe(canonicalJson(d1) === canonicalJson(d2));
      }), { numRuns: 60 });
  });
});
