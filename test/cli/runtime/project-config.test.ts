import * as YAML from 'yaml';
import { entryFromAppCommand, readCdk8sYaml, readProjectConfig } from '../../../src/cli/runtime/project-config';
import { tempDir } from '../run-cli';

describe('cdk8s.yaml', () => {
  test('the entry file of an app command', () => {
    expect(entryFromAppCommand('npx ts-node main.ts')).toBe('main.ts');
    expect(entryFromAppCommand('node lib/main.js --flag')).toBe('lib/main.js');
    expect(entryFromAppCommand('make synth')).toBeUndefined();
  });

  test('the common one-line form is read without the YAML parser, anything else with it, same result', () => {
    expect(readCdk8sYaml('# comment\nlanguage: typescript\napp: "npx ts-node main.ts"\n')).toEqual({ language: 'typescript', app: 'npx ts-node main.ts' });
    expect(readCdk8sYaml('app: node a.js\noutput: out\n')).toEqual({ app: 'node a.js', output: 'out' });
    expect(readCdk8sYaml('apps:\n  a: b.ts\n')).toEqual({ apps: { a: 'b.ts' } });
  });

  test('fails when an apps entry is not a lower-case name mapped to a file', () => {
    const dir = tempDir({ 'cdk8s.yaml': 'apps:\n  Platform: main.ts\n' });
    expect(() => readProjectConfig(dir)).toThrow(/'apps\.Platform' in .*cdk8s\.yaml must map a lower-case name to an entry file, got "main\.ts"/);
  });

  test('fails when there is no cdk8s.yaml or no app in it', () => {
    expect(() => readProjectConfig(tempDir())).toThrow(/no cdk8s\.yaml in .*: pass --app FILE/);
    expect(() => readProjectConfig(tempDir({ 'cdk8s.yaml': 'language: typescript\n' }))).toThrow(/has neither 'app' nor 'apps': add 'app: main\.ts'/);
    expect(() => readProjectConfig(tempDir({ 'cdk8s.yaml': 'app: make synth\n' }))).toThrow(/cannot find an entry file in 'app: make synth'/);
  });

  test.each([
    'app: npx ts-node main.ts\n',
    '# rendered by cdk8s-argocd\nlanguage: typescript\napp: "npx ts-node main.ts"\noutput: dist\n',
    "app: 'node lib/main.js'\noutput: out/manifests\n",
    'app: npx ts-node main.ts\nimports:\n  - k8s\n',
    'apps:\n  platform: apps/platform/main.ts\n',
  ])('reads %j as the YAML parser does', (text) => {
    expect(readCdk8sYaml(text)).toEqual(YAML.parse(text));
  });
});
