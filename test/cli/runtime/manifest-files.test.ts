import * as path from 'path';
import { configFileReason, Excludes, expandPaths, parseManifestFile } from '../../../src/cli/runtime/manifest-files';
import { tempDir } from '../run-cli';

describe('parseManifestFile reads YAML as Argo CD does (sigs.k8s.io/yaml, YAML 1.1, non-strict)', () => {
  test('yes/no/on/off/y/n are booleans and 0755 is octal, each with a yaml/ambiguous-value warning at its line', () => {
    const { documents, failures, warnings } = parseManifestFile('a.yaml', 'a: yes\nb: Off\nc: 0755\nd: "yes"\ne: true\nf: 1:20\ng: 2001-12-14\nh: 12\n');
    expect(failures).toEqual([]);
    expect(documents[0].object).toEqual({ a: true, b: false, c: 493, d: 'yes', e: true, f: '1:20', g: '2001-12-14', h: 12 });
    expect(warnings.map((w) => [w.rule, w.line, w.column, w.path, w.message])).toEqual([
      ['yaml/ambiguous-value', 1, 4, '/a', 'a: yes is the boolean true to Argo CD and kubectl, which read YAML 1.1, but the string "yes" to YAML 1.2 tools: write true if a boolean is meant, or quote it ("yes") for a string'],
      ['yaml/ambiguous-value', 2, 4, '/b', 'b: Off is the boolean false to Argo CD and kubectl, which read YAML 1.1, but the string "Off" to YAML 1.2 tools: write false if a boolean is meant, or quote it ("Off") for a string'],
      ['yaml/ambiguous-value', 3, 4, '/c', 'c: 0755 is the number 493 to Argo CD and kubectl, which read YAML 1.1, but the number 755 to YAML 1.2 tools: write 493 if that number is meant, or quote it ("0755") for a string'],
    ]);
  });

  test('a key that YAML 1.1 reads as a boolean becomes "true", as sigs.k8s.io/yaml makes it, with a warning', () => {
    const { documents, warnings } = parseManifestFile('a.yaml', 'on: push\n');
    expect(documents[0].object).toEqual({ true: 'push' });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^key on is the boolean true to Argo CD/)]);
  });

  test('a repeated key: the last value wins, a yaml/duplicate-key warning names the key and both lines, later documents still read', () => {
    const { documents, failures, warnings } = parseManifestFile('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(failures).toEqual([]);
    expect(documents.map((d) => d.object.metadata.name)).toEqual(['b', 'c']);
    expect(warnings).toEqual([{
      file: 'a.yaml',
      index: 0,
      line: 5,
      column: 3,
      rule: 'yaml/duplicate-key',
      path: '/metadata/name',
      message: 'key "name" is repeated (lines 4 and 5): Argo CD reads YAML without strict checks and keeps the last value (line 5), dropping line 4; kubectl apply and strict readers refuse the file: remove one',
    }]);
  });

  test('fails when a flow mapping is a key (unquoted {{ … }}): a yaml/parse failure of that document only, no Node warning', () => {
    const emitted: unknown[] = [];
    const listener = (w: unknown) => emitted.push(w);
    process.on('warning', listener);
    try {
      const { documents, failures } = parseManifestFile('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  core: {{ .host }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n');
      expect(failures).toEqual([{
        file: 'a.yaml',
        index: 0,
        line: 5,
        column: 10,
        message: 'a flow mapping is used as a mapping key under "core", which Argo CD cannot decode ("unsupported map key"): an unquoted {{ … }} is a flow mapping in YAML, quote the whole value, e.g. "{{ .host }}"',
      }]);
      expect(documents.map((d) => d.object.metadata.name)).toEqual(['b']);
    } finally {
      process.off('warning', listener);
    }
    expect(emitted).toEqual([]);
  });

  test('quoted values and true/false stay quiet', () => {
    expect(parseManifestFile('a.yaml', 'a: "yes"\nb: true\nc: False\nd: \'0755\'\ne: 1.5\n').warnings).toEqual([]);
  });
});

describe('expandPaths', () => {
  test('fails when a directory holds no YAML or JSON file', () => {
    const dir = tempDir({ 'readme.md': 'x' });
    expect(() => expandPaths([dir])).toThrow(/holds no \.yaml, \.yml or \.json file/);
  });

  test('fails when a glob matches nothing, and expands one that does', () => {
    const dir = tempDir({ 'a/x.yaml': 'a: 1\n', 'a/b/y.yml': 'a: 1\n', 'a/z.json': '{}' });
    expect(() => expandPaths([path.join(dir, 'a', '*.txt')])).toThrow(/matches no file/);
    expect(expandPaths([path.join(dir, 'a', '**', '*.y*ml')]).map((f) => path.relative(dir, f))).toEqual([path.join('a', 'b', 'y.yml'), path.join('a', 'x.yaml')]);
  });

  test('--exclude: a name glob matches any file or folder name, a path glob the path', () => {
    const dir = tempDir({ 'x.yaml': 'a: 1\n', 'tests/t.yaml': 'a: 1\n', 'y.json': '{}' });
    const rel = (files: string[]) => files.map((f) => path.relative(dir, f));
    expect(rel(expandPaths([dir], new Excludes(['*.json', 'tests'])))).toEqual(['x.yaml']);
    expect(rel(expandPaths([dir], new Excludes([`${dir}/tests/**`])))).toEqual(['x.yaml', 'y.json']);
    expect(() => new Excludes(['[a'])).toThrow(/--exclude "\[a" is not a valid glob/);
  });
});

describe('configFileReason', () => {
  test.each([
    ['package.json', '{"name": "x", "version": "1.0.0"}'],
    ['tsconfig.json', '{"compilerOptions": {}}'],
    ['kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n'],
    ['cdk8s.yaml', 'language: typescript\napp: npx ts-node main.ts\n'],
    ['plugin.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: ConfigManagementPlugin\nmetadata: {name: p}\nspec: {}\n'],
    ['settings.yaml', 'replicas: 3\nimage: nginx\n'],
  ])('%s is a configuration file', (name, text) => {
    expect(configFileReason(name, parseManifestFile(name, text))).toMatch(/configuration file|not a Kubernetes manifest/);
  });

  test.each([
    ['app.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n'],
    ['broken.yaml', 'metadata: {name: a}\nspec: {}\n'],
    ['plugin.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cmp-plugin}\ndata: {plugin.yaml: "x"}\n'],
  ])('%s is a manifest file', (name, text) => {
    expect(configFileReason(name, parseManifestFile(name, text))).toBeUndefined();
  });
});
