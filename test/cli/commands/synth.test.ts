import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ROOT, runCli, tempDir } from '../run-cli';

const APP = `import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';

class Apps extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const spec: any = {
      project: 'default',
      source: { repoURL: 'https://github.com/example/apps.git', path: 'web', targetRevision: 'main' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'web' },
    };
    MUTATE
    new ApiObjectCtor(this, 'web', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'web', namespace: 'argocd' }, spec });
  }
}
const ApiObjectCtor = require('cdk8s').ApiObject;
console.log('hello from the app');
const app = new App();
new Apps(app, 'apps');
app.synth();
`;

const app = (mutate = '') => APP.replace('MUTATE', mutate);

describe('cdk8s-argocd synth', () => {
  test('renders a TypeScript app in-process, validates it and writes one file per chart', () => {
    // GIVEN
    const dir = tempDir({ 'main.ts': app() });
    // WHEN
    const r = runCli(['synth', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    // THEN
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/hello from the app/);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['apps.k8s.yaml']);
    const docs = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, 'out', 'apps.k8s.yaml'), 'utf-8')).map((d) => d.toJS());
    expect(docs).toEqual([{
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'web', namespace: 'argocd' },
      spec: {
        destination: { namespace: 'web', server: 'https://kubernetes.default.svc' },
        project: 'default',
        source: { path: 'web', repoURL: 'https://github.com/example/apps.git', targetRevision: 'main' },
      },
    }]);
  });

  test('fails when validation fails: [construct/path] message, nothing written', () => {
    const dir = tempDir({ 'main.ts': app('spec.destinations = [spec.destination];') });
    const r = runCli(['synth', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\[apps\/web\]: error: unknown field 'destinations' in spec: .*did you mean 'destination'\? \[schema\/unknown-field\]$/m);
    expect(r.stderr).toMatch(/^1 error, 0 warnings in 1 object \(1 file\)$/m);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('fails when the app throws, with the TypeScript location and no stack trace (the stack with --debug)', () => {
    const dir = tempDir({ 'main.ts': app("throw new Error('boom');") });
    const r = runCli(['synth', '--app', 'main.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^main\.ts:12:\d+: error: the app threw Error: boom\n\(run with --debug for the stack trace\)\n1 error, 0 warnings: the app did not render\n$/m);
    expect(r.stderr).not.toMatch(/\s+at /);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    const debug = runCli(['synth', '--app', 'main.ts', '--debug'], { cwd: dir });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/^main\.ts:12:\d+: error: the app threw Error: boom\nError: boom\n\s+at new Apps \(.*main\.ts:12:/m);
  });

  test('fails when the TypeScript does not parse', () => {
    const dir = tempDir({ 'main.ts': 'const x: = 1;\n' });
    const r = runCli(['synth', '--app', 'main.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^main\.ts:1:10: error: TypeScript syntax error: .+$/m);
  });

  test('fails when a construct validation fails, with cdk8s construct paths', () => {
    const dir = tempDir({
      'main.ts': app("this.node.addValidation({ validate: () => ['something is off'] });"),
    });
    const r = runCli(['synth', '--app', 'main.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\[apps\]: error: something is off$/m);
  });

  test('fails when a construct throws a validation error: [construct/path]: error: message, no stack trace', () => {
    const dir = tempDir({
      'main.ts': app("const e = new Error(`[${this.node.path}/web] destination is missing: set destination`); e.name = 'ValidationError'; throw e;"),
    });
    const r = runCli(['synth', '--app', 'main.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^\[apps\/web\]: error: destination is missing: set destination\n1 error, 0 warnings: the app did not render\n$/m);
    expect(r.stderr).not.toMatch(/\s+at /);
  });

  test('fails when the entry does not exist or never calls app.synth()', () => {
    const dir = tempDir({ 'empty.ts': 'export const x = 1;\n' });
    expect(runCli(['synth', '--app', 'nope.ts'], { cwd: dir }).stderr).toMatch(/app entry nope\.ts does not exist/);
    const r = runCli(['synth', '--app', 'empty.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/did not call app\.synth\(\)/);
  });

  test('without --app renders every app of cdk8s.yaml into its own folder and removes stale files', () => {
    const dir = tempDir({
      'cdk8s.yaml': 'output: rendered\napps:\n  first: apps/first.ts\n  second: apps/second.ts\n',
      'apps/first.ts': app(),
      'apps/second.ts': app().replace("'apps'", "'more'"),
      'rendered/first/stale.k8s.yaml': 'old',
    });
    const r = runCli(['synth'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'rendered'))).toEqual(['first', 'second']);
    expect(fs.readdirSync(path.join(dir, 'rendered', 'first'))).toEqual(['apps.k8s.yaml']);
    expect(fs.readdirSync(path.join(dir, 'rendered', 'second'))).toEqual(['more.k8s.yaml']);
  });

  test('a plain cdk8s.yaml `app` command is understood', () => {
    const dir = tempDir({ 'cdk8s.yaml': 'app: npx ts-node main.ts\n', 'main.ts': app() });
    expect(runCli(['synth'], { cwd: dir }).status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual(['apps.k8s.yaml']);
  });

  test('output is byte-identical across runs, time zones and locales', () => {
    const dir = tempDir({ 'main.ts': app() });
    runCli(['synth', '--app', 'main.ts', '--output', 'a'], { cwd: dir, env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8' } });
    runCli(['synth', '--app', 'main.ts', '--output', 'b'], { cwd: dir, env: { TZ: 'UTC', LANG: 'C' } });
    expect(fs.readFileSync(path.join(dir, 'a', 'apps.k8s.yaml'), 'utf-8')).toBe(fs.readFileSync(path.join(dir, 'b', 'apps.k8s.yaml'), 'utf-8'));
  });

  test('the committed dist/ is what the reference apps render', () => {
    const out = tempDir();
    const r = runCli(['synth', '--output', out], { cwd: ROOT });
    expect(r.status).toBe(0);
    for (const name of fs.readdirSync(path.join(ROOT, 'dist'))) {
      for (const file of fs.readdirSync(path.join(ROOT, 'dist', name))) {
        expect(fs.readFileSync(path.join(out, name, file), 'utf-8')).toBe(fs.readFileSync(path.join(ROOT, 'dist', name, file), 'utf-8'));
      }
    }
  });

  test.each(['platform', 'workload'])('synth and generate render apps/%s byte-identically (one pipeline, one writer)', (name) => {
    const out = tempDir();
    const synth = runCli(['synth', '--app', `apps/${name}/main.ts`, '--output', out], { cwd: ROOT });
    expect(synth.status).toBe(0);
    // synth writes (and logs) the chart files in the order cdk8s orders the charts, as generate streams them
    const files = [...synth.stderr.matchAll(/wrote (.+)$/gm)].map((m) => m[1]);
    expect(files.length).toBeGreaterThan(0);
    // one stream: the files' documents, a `---` line between each (a file holds no leading `---`, as cdk8s writes it)
    const synthesized = files.map((f) => fs.readFileSync(path.resolve(ROOT, f), 'utf-8')).join('---\n');
    const generated = runCli(['generate', '--app', `apps/${name}/main.ts`], { cwd: ROOT });
    expect(generated.status).toBe(0);
    expect(generated.stdout).toBe(synthesized);
  });
});

describe('cdk8s-argocd synth and generate run ES module apps', () => {
  const ESM_APP = `import { App, Chart, ApiObject } from 'cdk8s';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { name } from './lib.js';

const here = path.basename(path.dirname(fileURLToPath(import.meta.url)));
const app = new App();
new ApiObject(new Chart(app, 'esm'), 'cm', {
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name },
  data: { dir: here, fromMeta: String(import.meta.filename === fileURLToPath(import.meta.url)) },
});
app.synth();
`;
  const data = (yaml: string) => YAML.parseAllDocuments(yaml).map((d) => d.toJS().data);

  test('a "type": "module" package with import.meta.url and an import of ./lib.js (lib.ts)', () => {
    const dir = tempDir({ 'package.json': '{"name": "esm-app", "type": "module"}', 'main.ts': ESM_APP, 'lib.ts': "export const name = 'from-lib';\n" });
    const r = runCli(['synth', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/^0 errors, 0 warnings in 1 object \(1 file\)$/m);
    expect(r.status).toBe(0);
    expect(data(fs.readFileSync(path.join(dir, 'out', 'esm.k8s.yaml'), 'utf-8'))).toEqual([{ dir: path.basename(dir), fromMeta: 'true' }]);
  });

  test('an .mts entry and a .js ES module of a "type": "module" package, through generate', () => {
    const dir = tempDir({
      'package.json': '{"type": "module"}',
      'main.mts': ESM_APP.replace("'./lib.js'", "'./lib.mjs'"),
      'lib.mjs': "export const name = 'from-mjs';\n",
      'plain.js': ESM_APP.replace("import { name } from './lib.js';", "const name = 'from-js';"),
    });
    const mts = runCli(['generate', '--app', 'main.mts'], { cwd: dir });
    expect(mts.status).toBe(0);
    expect(YAML.parseAllDocuments(mts.stdout).map((d) => d.toJS().metadata.name)).toEqual(['from-mjs']);
    const js = runCli(['generate', '--app', 'plain.js'], { cwd: dir });
    expect(js.status).toBe(0);
    expect(data(js.stdout)).toEqual([{ dir: path.basename(dir), fromMeta: 'true' }]);
  });

  test('fails when the app uses top-level await, saying where and what to change', () => {
    const dir = tempDir({ 'package.json': '{"type": "module"}', 'main.ts': "import { App } from 'cdk8s';\nconst n = await Promise.resolve(1);\nnew App().synth();\n" });
    const r = runCli(['generate', '--app', 'main.ts'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^main\.ts:2:11: error: top-level await is not supported in cdk8s apps run by cdk8s-argocd: the app runs synchronously, .*must call app\.synth\(\) before the entry file returns; replace each await with its synchronous form \(fs\.readFileSync for fs\.promises\.readFile, require\(\) for await import\(\), .*$/m);
  });
});
