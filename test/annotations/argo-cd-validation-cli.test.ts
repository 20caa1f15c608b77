/**
 * Plain `cdk8s synth` (the real cdk8s CLI, and `node main.js` calling `app.synth()`) gives the
 * same verdict as `cdk8s-argocd synth`; the cdk8s CLI validation plugin reports the same problems
 * in cdk8s's report. Runs the compiled library (lib/), like the CLI tests.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli, tempDir } from '../cli/run-cli';

const CDK8S = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const PLUGIN = './node_modules/cdk8s-argocd/lib/src/annotations/argo-cd-validation-plugin.js';

/** An app (JavaScript, so plain node runs it) with an Application and a cdk8s-plus Deployment with raw annotations. */
function appSource(annotations: { [key: string]: string }): string {
  return [
    "const { App, Chart } = require('cdk8s');",
    "const kplus = require('cdk8s-plus-30');",
    "const { Application, ApplicationSource, Destination } = require('cdk8s-argocd');",
    'const app = new App();',
    "const apps = new Chart(app, 'apps');",
    "new Application(apps, 'guestbook', { name: 'guestbook',",
    "  source: ApplicationSource.git({ repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook', targetRevision: 'HEAD' }),",
    "  destination: Destination.inCluster('guestbook') });",
    "const workload = new Chart(app, 'workload');",
    "const web = new kplus.Deployment(workload, 'web', { metadata: { name: 'web' }, containers: [{ image: 'nginx', portNumber: 80, securityContext: { ensureNonRoot: false } }] });",
    `for (const [k, v] of Object.entries(${JSON.stringify(annotations)})) web.metadata.addAnnotation(k, v);`,
    "console.log('the app runs');",
    'app.synth();',
    '',
  ].join('\n');
}

/** A project whose node_modules resolve cdk8s-argocd to this repository (its compiled lib/). */
function project(main: string, cdk8sYaml: string): string {
  const dir = tempDir({ 'main.js': main, 'cdk8s.yaml': cdk8sYaml, 'package.json': '{"name":"p","private":true}' });
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'cdk8s-argocd'), 'dir');
  for (const m of ['cdk8s', 'cdk8s-plus-30', 'constructs']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', m), path.join(dir, 'node_modules', m), 'dir');
  }
  return dir;
}

const ENV = { CDK8S_CHECK_UPGRADE: 'false', CDK8S_ARGOCD_STRICT: '', FORCE_COLOR: '0' };

function run(command: string, args: string[], cwd: string, env: { [k: string]: string } = {}) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf-8', env: { ...process.env, ...ENV, ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `path severity rule` of the lines that report problems (`[path] message [rule]` or the CLI's `[path]: severity: message [rule]`). */
function located(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*\[([^\]]+)\]:? (?:(error|warning): )?.*\[([a-z0-9-]+\/[a-z0-9-]+)\]/.exec(line);
    if (m) out.push(`${m[1]} ${m[2] ?? 'error'} ${m[3]}`);
  }
  return out.sort();
}

const BAD = { 'argocd.argoproj.io/sync-wave': '1.5', 'argocd.argoproj.io/hook': 'Presync' };
const WARNING_ONLY = { 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' };
const CONFIG = 'language: typescript\napp: node main.js\noutput: dist\n';
const WITH_PLUGIN = `${CONFIG}validations:\n  - package: ${PLUGIN}\n    class: ArgoCdValidationPlugin\n    version: 0.0.0\n`;

describe('plain synth and cdk8s-argocd synth give the same verdict', () => {
  test('fails when a cdk8s-plus object carries annotations Argo CD ignores, with the same problems', () => {
    const dir = project(appSource(BAD), CONFIG);
    const plain = run(process.execPath, ['main.js'], dir);
    const cli = runCli(['synth', '--app', 'main.js', '--output', 'out'], { cwd: dir, env: ENV });
    expect(plain.status).not.toBe(0);
    expect(cli.status).toBe(1);
    const expected = ['workload/web error hook/unknown-type', 'workload/web error sync-wave/not-an-integer'];
    expect(located(plain.stderr)).toEqual(expected);
    expect(located(cli.stderr)).toEqual(expected);
    // cdk8s creates the output folder before it validates; nothing is written into it.
    expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  test('warnings pass both, printed once on stderr; strict fails both', () => {
    const dir = project(appSource(WARNING_ONLY), CONFIG);
    const plain = run(process.execPath, ['main.js'], dir);
    const cli = runCli(['synth', '--app', 'main.js', '--output', 'out'], { cwd: dir, env: ENV });
    expect([plain.status, cli.status]).toEqual([0, 0]);
    const expected = ['workload/web warning hook/delete-policy-without-hook'];
    expect(located(plain.stderr)).toEqual(expected);
    expect(located(cli.stderr)).toEqual(expected);
    expect(plain.stdout).toBe('the app runs\n');
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(['apps.k8s.yaml', 'workload.k8s.yaml']);

    const strictPlain = run(process.execPath, ['main.js'], dir, { CDK8S_ARGOCD_STRICT: 'true' });
    const strictCli = runCli(['synth', '--strict', '--app', 'main.js', '--output', 'out2'], { cwd: dir, env: ENV });
    expect(strictPlain.status).not.toBe(0);
    expect(strictCli.status).toBe(1);
    expect(located(strictPlain.stderr)).toEqual(expected);
  });

  test('the real cdk8s CLI fails the synth with the construct path', () => {
    const dir = project(appSource(BAD), CONFIG);
    const r = run(process.execPath, [CDK8S, 'synth'], dir);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/\[workload\/web\] sync-wave "1\.5" is not an integer .*\[sync-wave\/not-an-integer\]/);
  }, 120_000);
});

describe('the cdk8s CLI validation plugin (validations: in cdk8s.yaml)', () => {
  test('reports errors and warnings in cdk8s\'s report and fails the synth on errors', () => {
    const dir = project(appSource(BAD), WITH_PLUGIN);
    const r = run(process.execPath, [CDK8S, 'synth', '--validation-reports-output-file', 'report.json'], dir);
    // The App-level validation stands down for the plugin: the manifests are written, then judged.
    expect(r.stdout).toMatch(/Validation Report \(.*argo-cd-validation-plugin\.js@0\.0\.0\)/);
    expect(r.stdout).toMatch(/Construct Path: workload\/web\/Resource/);
    expect(r.stderr).toMatch(/Validation failed/);
    expect(r.status).toBe(2);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf-8')).reports[0];
    expect(report.summary).toEqual(expect.objectContaining({ status: 'failure', metadata: { Objects: '2', Errors: '2', Warnings: '0', Strict: 'false' } }));
    expect(report.violations.map((v: any) => v.ruleName).sort()).toEqual([
      'hook/unknown-type (error)', 'sync-wave/not-an-integer (error)',
    ]);
    const wave = report.violations.find((v: any) => v.ruleName.startsWith('sync-wave/'));
    expect(wave).toEqual({
      ruleName: 'sync-wave/not-an-integer (error)',
      recommendation: expect.stringMatching(/^sync-wave "1\.5" is not an integer/),
      fix: expect.stringMatching(/^use a whole number/),
      violatingConstructs: [{
        resourceName: 'web',
        locations: ['/metadata/annotations/argocd.argoproj.io~1sync-wave'],
        manifestPath: path.join('dist', 'workload.k8s.yaml'),
        constructPath: 'workload/web/Resource',
      }],
    });
  }, 120_000);

  test('passes with warnings only, unless strict', () => {
    const dir = project(appSource(WARNING_ONLY), WITH_PLUGIN);
    const r = run(process.execPath, [CDK8S, 'synth'], dir);
    expect(r.stdout).toMatch(/hook\/delete-policy-without-hook \(warning\)/);
    expect(r.stdout).toMatch(/Validations ended succesfully/);
    expect(r.status).toBe(0);

    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), `${WITH_PLUGIN}    properties:\n      strict: true\n`);
    const strict = run(process.execPath, [CDK8S, 'synth'], dir);
    expect(strict.status).toBe(2);
  }, 120_000);
});
