import { didYouMean } from '../../../src/engine/core/did-you-mean';
import { isDns1123Label, isDns1123Subdomain, labelValueError, qualifiedNameError, toDns1123 } from '../../../src/engine/core/dns';
import { fieldPath, pointer, segmentsOf, valueAt } from '../../../src/engine/core/json-pointer';

describe('json pointers', () => {
  test('escape and split round-trip', () => {
    const ptr = pointer('metadata', 'annotations', 'argocd.argoproj.io/sync-wave', 'a~b');
    expect(ptr).toBe('/metadata/annotations/argocd.argoproj.io~1sync-wave/a~0b');
    expect(segmentsOf(ptr)).toEqual(['metadata', 'annotations', 'argocd.argoproj.io/sync-wave', 'a~b']);
  });

  test('valueAt follows maps and lists', () => {
    expect(valueAt({ a: [{ b: 1 }] }, '/a/0/b')).toBe(1);
    expect(valueAt({ a: 1 }, '/a/b')).toBeUndefined();
    expect(valueAt({ a: 1 }, '')).toEqual({ a: 1 });
  });

  test('fieldPath reads like code', () => {
    expect(fieldPath('/spec/sources/0/repoURL')).toBe('spec.sources[0].repoURL');
    expect(fieldPath('/metadata/annotations/a~1b')).toBe('metadata.annotations["a/b"]');
    expect(fieldPath('')).toBe('(object)');
  });
});

describe('did you mean', () => {
  test('finds case and small typos', () => {
    expect(didYouMean('repoUrl', ['repoURL', 'path', 'chart'])).toBe('repoURL');
    expect(didYouMean('selfheal', ['prune', 'selfHeal', 'allowEmpty', 'enabled'])).toBe('selfHeal');
    expect(didYouMean('destinations', ['destination', 'project', 'source'])).toBe('destination');
  });

  test('stays quiet when nothing is close', () => {
    expect(didYouMean('zzz', ['repoURL', 'path'])).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });
});

describe('Kubernetes names', () => {
  test('DNS-1123 subdomain and label', () => {
    expect(isDns1123Subdomain('guestbook.prod-1')).toBe(true);
    expect(isDns1123Subdomain('Guestbook')).toBe(false);
    expect(isDns1123Subdomain('-a')).toBe(false);
    expect(isDns1123Label('a.b')).toBe(false);
    expect(isDns1123Label('a'.repeat(64))).toBe(false);
  });

  test('qualified names and label values', () => {
    expect(qualifiedNameError('app.kubernetes.io/name')).toBeUndefined();
    expect(qualifiedNameError('/name')).toMatch(/empty prefix/);
    expect(qualifiedNameError('a/')).toMatch(/empty name/);
    expect(labelValueError('')).toBeUndefined();
    expect(labelValueError('a_b.c-d')).toBeUndefined();
    expect(labelValueError('a b')).toMatch(/must be empty or consist of/);
  });

  test('toDns1123 suggests a valid name', () => {
    expect(toDns1123('My_App')).toBe('my-app');
    expect(toDns1123('__')).toBe('my-name');
    expect(isDns1123Subdomain(toDns1123('Hello World!'))).toBe(true);
  });
});
