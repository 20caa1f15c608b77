/**
 * `cdk8s-argocd synth --typecheck`: the project's TypeScript checks the app first (incrementally),
 * errors in the house format stop the synth before anything renders.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli, tempDir } from '../run-cli';

const GOOD = [
  "import { App, Chart } from 'cdk8s';",
  "import { Application, ApplicationSource, Destination } from 'cdk8s-argocd';",
  'const app = new App();',
  "const chart = new Chart(app, 'apps');",
  "new Application(chart, 'web', { name: 'web', source: ApplicationSource.git({ repoURL: 'https://github.com/org/web.git', path: 'web', targetRevision: 'main' }), destination: Destination.inCluster('web') });",
  'app.synth();',
  '',
].join('\n');

function project(main: string, options: { typescript?: boolean; tsconfig?: object } = {}): string {
  const files: { [name: string]: string } = { 'main.ts': main, 'package.json': '{"name":"p","private":true}' };
  if (options.tsconfig) files['tsconfig.json'] = JSON.stringify(options.tsconfig);
  const dir = tempDir(files);
  fs.mkdirSync(path.join(dir, 'node_modules', '@types'), { recursive: true });
  fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'cdk8s-argocd'), 'dir');
  const deps = ['cdk8s', 'constructs', '@types/node', ...(options.typescript === false ? [] : ['typescript'])];
  for (const m of deps) fs.symlinkSync(path.join(ROOT, 'node_modules', m), path.join(dir, 'node_modules', m), 'dir');
  return dir;
}

const TSCONFIG = { compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs', esModuleInterop: true, skipLibCheck: true, types: ['node'] }, include: ['*.ts'] };

describe('synth --typecheck', () => {
  test('fails when the app does not type-check, before rendering, with file:line:column and the TS code', () => {
    const bad = GOOD.replace("destination: Destination.inCluster('web')", "destination: Destination.inCluster('web'), syncPolicy: { syncOptions: ['CreateNamespace=true'] }");
    const dir = project(bad, { tsconfig: TSCONFIG });
    const r = runCli(['synth', '--typecheck', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/^main\.ts:5:\d+: error: Type 'string' is not assignable to type 'SyncOption'\. \[TS2322\]$/m);
    expect(r.stderr).toMatch(/typecheck: 1 error: fix them, or synth without --typecheck/);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    // Without --typecheck the props check at run time catches the same mistake.
    const loose = runCli(['synth', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(loose.stderr).toMatch(/syncPolicy\.syncOptions\[0\] is "CreateNamespace=true" \(a string\), not a SyncOption: use SyncOption\.CREATE_NAMESPACE/);
    expect(loose.status).not.toBe(0);
  }, 120_000);

  test('synthesizes a clean app and keeps the incremental state in node_modules/.cache, also without a tsconfig.json', () => {
    const dir = project(GOOD);
    const r = runCli(['synth', '--typecheck', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(r.stderr).not.toMatch(/: error: /);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', 'apps.k8s.yaml'))).toBe(true);
    const info = path.join(dir, 'node_modules', '.cache', 'cdk8s-argocd', 'typecheck.tsbuildinfo');
    expect(fs.existsSync(info)).toBe(true);
    const again = runCli(['synth', '--typecheck', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(again.status).toBe(0);
  }, 120_000);

  test('fails with a clear message when the project has no typescript', () => {
    const dir = project(GOOD, { typescript: false });
    const r = runCli(['synth', '--typecheck', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    expect(r.stderr).toMatch(/install typescript to use --typecheck: .*npm install --save-dev typescript/);
    expect(r.status).toBe(1);
  }, 120_000);

  test('fails with the fix when the project has TypeScript 7, which has no compiler API (typescript@latest)', () => {
    // GIVEN a project whose typescript is a TypeScript 7 package: a version, no `sys`, no programs
    const dir = project(GOOD, { typescript: false });
    const ts7 = path.join(dir, 'node_modules', 'typescript');
    fs.mkdirSync(ts7);
    fs.writeFileSync(path.join(ts7, 'package.json'), '{"name":"typescript","version":"7.0.2","main":"index.js"}');
    fs.writeFileSync(path.join(ts7, 'index.js'), "module.exports = { version: '7.0.2' };\n");
    // WHEN
    const r = runCli(['synth', '--typecheck', '--app', 'main.ts', '--output', 'out'], { cwd: dir });
    // THEN
    expect(r.stderr).toMatch(/--typecheck runs the TypeScript compiler API, which the typescript 7\.0\.2 installed in .* does not have \(TypeScript 7 ships a native compiler without it\): install typescript@~6\.0/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  }, 120_000);
});
