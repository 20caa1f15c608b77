import { validateManifests } from '../../../../src';

const configMap = (name: string, namespace?: string, apiVersion = 'v1', kind = 'ConfigMap') =>
  ({ apiVersion, kind, metadata: { name, ...(namespace === undefined ? {} : { namespace }) } });

const duplicates = (objects: unknown[]) => validateManifests(objects).filter((p) => p.rule === 'manifest/duplicate');

describe('manifest/duplicate', () => {
  test('reports the later of two objects with the same group, kind, namespace and name', () => {
    const found = duplicates([configMap('a', 'ns'), configMap('b', 'ns'), configMap('a', 'ns')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ index: 2, path: '/metadata/name', name: 'a', namespace: 'ns' });
    expect(found[0].message).toBe('ConfigMap "a" in namespace "ns" is defined twice (also object #0); Argo CD applies only one of them: rename or remove one');
  });

  test('refers every later copy to the first', () => {
    const found = duplicates([configMap('a'), configMap('a'), configMap('a')]);
    expect(found.map((p) => [p.index, p.message.match(/object #(\d+)/)![1]])).toEqual([[1, '0'], [2, '0']]);
  });

  test('does not report the same name in another namespace, kind or group', () => {
    expect(duplicates([
      configMap('a', 'one'), configMap('a', 'two'), configMap('a', 'one', 'v1', 'Secret'), configMap('a', 'one', 'example.com/v1'),
    ])).toEqual([]);
  });

  test('compares the whole identity, also where a "/" in a name makes two identities read alike', () => {
    // group/kind/namespace/name: "v1 ConfigMap a/b c" and "v1 ConfigMap a b/c" have the same key.
    const found = duplicates([configMap('c', 'a/b'), configMap('x/c', 'a'), configMap('b/c', 'a')]);
    expect(found.map((p) => p.index)).toEqual([2]);
    expect(found[0].message).toContain('also object #0');
  });
});
