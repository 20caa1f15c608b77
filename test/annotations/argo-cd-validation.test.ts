import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-30';
import { Application, ApplicationSource, AppProject, Destination, SyncWave } from '../../src';
import { ArgoCdValidation } from '../../src/annotations/argo-cd-validation';
import { splitFix } from '../../src/private/app-validation';

const WAVE = 'argocd.argoproj.io/sync-wave';
const HOOK = 'argocd.argoproj.io/hook';
const DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';

/** A cdk8s-plus Deployment whose Argo CD annotations were written by hand. */
function webDeployment(chart: Chart, annotations: { [key: string]: string }): kplus.Deployment {
  const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx', portNumber: 80, securityContext: { ensureNonRoot: false } }] });
  for (const [k, v] of Object.entries(annotations)) web.metadata.addAnnotation(k, v);
  return web;
}

/** Captures what is written to stdout and stderr while `fn` runs. */
function captureOutput(fn: () => void): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => { out.stdout += String(chunk); return true; });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { out.stderr += String(chunk); return true; });
  try {
    fn();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return out;
}

describe('ArgoCdValidation', () => {
  const env = process.env.CDK8S_ARGOCD_STRICT;
  afterEach(() => {
    if (env === undefined) delete process.env.CDK8S_ARGOCD_STRICT;
    else process.env.CDK8S_ARGOCD_STRICT = env;
  });

  test('fails when a cdk8s-plus object carries a raw sync-wave, hook type or delete policy Argo CD ignores', () => {
    const chart = Testing.chart();
    webDeployment(chart, { [WAVE]: '1.5', [HOOK]: 'Presync', [DELETE_POLICY]: 'HookSucceded' });
    ArgoCdValidation.of(chart);
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('Validation failed with the following errors:');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^\[test\/web\] hook type "Presync" is not one Argo CD knows.*: use "PreSync" \[hook\/unknown-type\]$/),
      expect.stringMatching(/^\[test\/web\] hook delete policy "HookSucceded" .*: use "HookSucceeded" \[hook\/unknown-delete-policy\]$/),
      expect.stringMatching(/^\[test\/web\] sync-wave "1.5" is not an integer .*, e\.g\. "2" \[sync-wave\/not-an-integer\]$/),
    ]);
  });

  test('any use of the library registers it: an Application makes app.synth() check the plain objects next to it', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'argocd-validation-')) });
    const apps = new Chart(app, 'apps');
    new Application(apps, 'guestbook', {
      source: ApplicationSource.git({ repoURL: 'https://github.com/argoproj/argocd-example-apps.git', path: 'guestbook', targetRevision: 'HEAD' }),
      destination: Destination.inCluster('guestbook'),
    });
    const workload = new Chart(app, 'workload');
    webDeployment(workload, { [WAVE]: 'one' });
    expect(() => app.synth()).toThrow(/^ {2}\[workload\/web\] sync-wave "one" is not an integer .*\[sync-wave\/not-an-integer\]$/m);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });

  test('a plain app that uses no Argo CD construct is not checked until ArgoCdValidation.of(app)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    webDeployment(chart, { [WAVE]: '1.5' });
    expect(() => app.synthYaml()).not.toThrow();
    ArgoCdValidation.of(app);
    expect(() => app.synthYaml()).toThrow(/\[c\/web\] sync-wave "1\.5"/);
  });

  test('cross-object rules see every chart: an Application in one chart, its AppProject in another', () => {
    const app = Testing.app();
    const projects = new Chart(app, 'projects');
    const team = new AppProject(projects, 'team', { name: 'team', sourceRepos: ['https://github.com/team/*'], destinations: [{ server: 'https://kubernetes.default.svc', namespace: '*' }] });
    const apps = new Chart(app, 'apps');
    new Application(apps, 'other', {
      project: team,
      source: ApplicationSource.git({ repoURL: 'https://github.com/other/b.git', path: '.', targetRevision: 'main' }),
      destination: Destination.inCluster('b'),
    });
    expect(() => app.synthYaml()).toThrow(/\[apps\/other\] application repo https:\/\/github\.com\/other\/b\.git is not permitted in project 'team'.*\[[a-z-]+\/[a-z-]+\]$/m);
  });

  test('warnings go to stderr once per synth (not stdout) and do not fail it', () => {
    // app.synth() runs the App's validations once, then again for every chart it writes.
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'argocd-validation-')) });
    for (const id of ['a', 'b', 'c']) {
      const chart = new Chart(app, id);
      new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${id}` } });
    }
    const cm = new ApiObject(Chart.of(app.node.findChild('b')), 'orphan', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'orphan', annotations: { [DELETE_POLICY]: 'HookSucceeded' } } });
    ArgoCdValidation.of(app);
    ArgoCdValidation.of(cm);
    const out = captureOutput(() => expect(() => app.synth()).not.toThrow());
    expect(fs.readdirSync(app.outdir).sort()).toEqual(['a.k8s.yaml', 'b.k8s.yaml', 'c.k8s.yaml']);
    expect(out.stdout).toBe('');
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\[b\/orphan\] warning: .*\[hook\/delete-policy-without-hook\]$/),
    ]);
  });

  test('fails on warnings when strict, by option or by CDK8S_ARGOCD_STRICT=true', () => {
    const make = () => {
      const chart = Testing.chart();
      new ApiObject(chart, 'orphan', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'orphan', annotations: { [DELETE_POLICY]: 'HookSucceeded' } } });
      return chart;
    };
    const byOption = make();
    expect(ArgoCdValidation.of(byOption, { strict: true }).strict).toBe(true);
    expect(() => Testing.synth(byOption)).toThrow(/\[test\/orphan\] warning: .*\[hook\/delete-policy-without-hook\]/);

    process.env.CDK8S_ARGOCD_STRICT = 'true';
    const byEnv = make();
    expect(ArgoCdValidation.of(byEnv).strict).toBe(true);
    expect(() => Testing.synth(byEnv)).toThrow(/\[hook\/delete-policy-without-hook\]/);
    // The option wins over the environment.
    const relaxed = make();
    ArgoCdValidation.of(relaxed, { strict: false });
    captureOutput(() => expect(() => Testing.synth(relaxed)).not.toThrow());
  });

  test('reports construct validation errors and engine errors in one cdk8s-style failure', () => {
    const chart = Testing.chart();
    new Application(chart, 'nosource', { destination: Destination.inCluster('x') });
    webDeployment(chart, { [WAVE]: 'x' });
    expect(() => Testing.synth(chart)).toThrow(/Validation failed with the following errors:\n {2}\[test\/nosource\] the Application has no source/);
  });

  test('stands down while the cdk8s-argocd CLI runs the app (the internal switch)', () => {
    const chart = Testing.chart();
    webDeployment(chart, { [WAVE]: '1.5' });
    SyncWave.of(new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap' })).set(1);
    const key = Symbol.for('cdk8s-argocd.validated-by-cli');
    (globalThis as any)[key] = true;
    try {
      expect(() => Testing.synth(chart)).not.toThrow();
    } finally {
      delete (globalThis as any)[key];
    }
    expect(() => Testing.synth(chart)).toThrow(/sync-wave "1\.5"/);
  });

  test('fails when of() is given something that is not a construct, or a strict that is not a boolean', () => {
    expect(() => ArgoCdValidation.of(undefined as any)).toThrow(/ArgoCdValidation\.of\(\) needs a construct .*got undefined: pass the cdk8s App/);
    expect(() => ArgoCdValidation.of(Testing.chart(), { strict: 'yes' as any })).toThrow(/\[test\] ArgoCdValidation 'strict' is "yes" \(a string\), not a boolean: pass true or false/);
  });
});

describe('splitFix', () => {
  test('splits a house-style message at its last ": " outside quotes', () => {
    expect(splitFix('sync-wave "a: b" is not an integer: use e.g. "2"')).toEqual({ what: 'sync-wave "a: b" is not an integer', fix: 'use e.g. "2"' });
    expect(splitFix('no fix here')).toEqual({ what: 'no fix here', fix: 'no fix here' });
  });
});
