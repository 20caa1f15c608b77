/**
 * What `npm pack` produces installs into a fresh project and works there: its types compile, the
 * `cdk8s-argocd` binary runs, nothing it needs is a dev dependency.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, tempDir } from './cli/run-cli';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, {
  cwd,
  encoding: 'utf-8',
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
});

describe('the npm package', () => {
  let project: string;

  beforeAll(() => {
    const packDir = tempDir();
    const out = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], ROOT));
    const tarball = path.join(packDir, out[0].filename);
    const files: string[] = out[0].files.map((f: any) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/cdk8s-argocd', 'lib/src/index.js', 'lib/src/index.d.ts', 'lib/imports/validators/application.js']));
    expect(files.filter((f) => /^(src|test|apps|dist|bench|imports\/crds)\//.test(f))).toEqual([]);

    project = tempDir({
      'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'node16', moduleResolution: 'node16', target: 'ES2022', noEmit: true, skipLibCheck: false, types: ['node'] } }),
      'main.ts': [
        "import { App, Chart, ApiObject } from 'cdk8s';",
        "import { validateManifests, Problem } from 'cdk8s-argocd';",
        'const app = new App();',
        "const chart = new Chart(app, 'apps');",
        "new ApiObject(chart, 'web', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'web', namespace: 'argocd' },",
        "  spec: { project: 'default', source: { repoURL: 'https://example.com/r.git', path: 'web', targetRevision: 'main' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'web' } } });",
        'const problems: Problem[] = validateManifests(chart.toJson());',
        "if (problems.length > 0) throw new Error('unexpected problems');",
        'app.synth();',
        '',
      ].join('\n'),
    });
    // Only the tarball and the compiler: cdk8s, constructs and cdk8s-plus-30 arrive as peer dependencies.
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, 'typescript@~6.0.3', '@types/node@^20'], project);
  }, 300_000);

  test('its types compile in a consumer project', () => {
    const r = spawnSync(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { encoding: 'utf-8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('the binary runs from node_modules/.bin and synthesizes the consumer app', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'cdk8s-argocd');
    expect(fs.existsSync(bin)).toBe(true);
    const version = spawnSync(bin, ['--version'], { cwd: project, encoding: 'utf-8' });
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version);
    const synth = spawnSync(bin, ['synth', '--app', 'main.ts', '--output', 'out'], { cwd: project, encoding: 'utf-8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' } });
    expect(synth.stderr).toMatch(/wrote out\/apps\.k8s\.yaml/);
    expect(synth.status).toBe(0);
    const validate = spawnSync(bin, ['validate', '--format', 'json', 'out'], { cwd: project, encoding: 'utf-8' });
    expect(JSON.parse(validate.stdout)).toEqual({ valid: true, problems: [] });
  });
});
