import { validateManifests } from '../../../../src';
import { application, appProject, withChange } from '../fixtures';

describe('metadata rules', () => {
  test('a valid name, labels and annotations pass', () => {
    const app = withChange(application(), (o) => {
      o.metadata.labels = { 'app.kubernetes.io/name': 'guestbook', 'team': '' };
      o.metadata.annotations = { 'example.com/note': 'anything goes: here, even spaces' };
    });
    expect(validateManifests([app])).toEqual([]);
  });

  test('fails when the name is not a DNS-1123 subdomain', () => {
    const [problem] = validateManifests([withChange(application(), (o) => (o.metadata.name = 'My_App'))]);
    expect(problem).toMatchObject({ severity: 'error', rule: 'metadata/name', path: '/metadata/name', name: 'My_App' });
    expect(problem.message).toMatch(/^metadata\.name "My_App" is not a valid DNS-1123 subdomain .*: use e\.g\. "my-app"$/);
  });

  test('fails when the name is longer than 253 characters', () => {
    const [problem] = validateManifests([withChange(appProject(), (o) => (o.metadata.name = 'a'.repeat(254)))]);
    expect(problem.rule).toBe('metadata/name');
  });

  test('fails when the name is missing', () => {
    const [problem] = validateManifests([withChange(application(), (o) => delete o.metadata.name)]);
    expect(problem).toMatchObject({ rule: 'metadata/name', path: '/metadata/name' });
    expect(problem.message).toMatch(/has no metadata\.name: add one/);
  });

  test('fails when the namespace is not a DNS-1123 label', () => {
    const [problem] = validateManifests([withChange(application(), (o) => (o.metadata.namespace = 'Argo.CD'))]);
    expect(problem).toMatchObject({ rule: 'metadata/namespace', path: '/metadata/namespace' });
  });

  test('fails when a label key is invalid', () => {
    const [problem] = validateManifests([withChange(application(), (o) => (o.metadata.labels = { 'a/b/c': 'x' }))]);
    expect(problem).toMatchObject({ rule: 'metadata/label-key', path: '/metadata/labels/a~1b~1c' });
    expect(problem.message).toMatch(/label key "a\/b\/c" has more than one "\/"/);
  });

  test('fails when a label value is too long or malformed', () => {
    const problems = validateManifests([withChange(application(), (o) => (o.metadata.labels = { a: 'x'.repeat(64), b: '-bad' }))]);
    expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['metadata/label-value /metadata/labels/a', 'metadata/label-value /metadata/labels/b']);
    expect(problems[0].message).toMatch(/is 64 characters long, more than 63/);
  });

  test('fails when a label value is not a string (schema)', () => {
    const [problem] = validateManifests([withChange(application(), (o) => (o.metadata.labels = { replicas: 3 }))]);
    expect(problem).toMatchObject({ rule: 'schema/type', path: '/metadata/labels/replicas' });
    expect(problem.message).toMatch(/quote it: "3"/);
  });

  test('fails when an annotation key has an invalid prefix', () => {
    const [problem] = validateManifests([withChange(application(), (o) => (o.metadata.annotations = { 'Example.COM/x': 'y' }))]);
    expect(problem).toMatchObject({ rule: 'metadata/annotation-key' });
  });

  test('fails when annotations exceed 256 KiB in total', () => {
    const big = 'x'.repeat(130 * 1024);
    const [problem] = validateManifests([withChange(application(), (o) => (o.metadata.annotations = { a: big, b: big }))]);
    expect(problem).toMatchObject({ rule: 'metadata/annotations-size', path: '/metadata/annotations' });
    expect(problem.message).toMatch(/total 266242 bytes, more than Kubernetes' limit of 262144 bytes/);
  });
});

describe('manifest rules', () => {
  test('fails when a document has no kind or apiVersion', () => {
    const problems = validateManifests([{ metadata: { name: 'x' } }]);
    expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['manifest/missing-type /apiVersion', 'manifest/missing-type /kind']);
  });

  test('fails when a document is not a map', () => {
    const problems = validateManifests(['just text']);
    expect(problems.map((p) => p.rule)).toEqual(['manifest/not-an-object']);
  });

  test('fails when the same object is defined twice', () => {
    const problems = validateManifests([application(), application()]);
    expect(problems.map((p) => `${p.rule} ${p.index}`)).toEqual(['manifest/duplicate 1']);
    expect(problems[0].message).toMatch(/Application "guestbook" in namespace "argocd" is defined twice \(also object #0\)/);
  });

  test('same name in different namespaces or kinds is not a duplicate', () => {
    const other = withChange(application(), (o) => (o.metadata.namespace = 'team-a'));
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'guestbook', namespace: 'argocd' } };
    expect(validateManifests([application(), other, cm])).toEqual([]);
  });
});
