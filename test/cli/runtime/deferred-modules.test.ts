import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli, tempDir } from '../run-cli';

// deferCdk8sModules patches node's module loader, which jest's own module registry bypasses: these
// tests run node on the compiled library, as the CLI does.
const DEFER = `require(${JSON.stringify(path.join(ROOT, 'lib', 'src', 'cli', 'runtime', 'deferred-modules.js'))}).deferCdk8sModules()`;
const CDK8S = JSON.stringify(require.resolve('cdk8s', { paths: [ROOT] }));

/** Runs `script` in node after the deferral is installed; the script prints one JSON line. */
function runNode(script: string, cwd = ROOT): any {
  const r = spawnSync(process.execPath, ['-e', `${DEFER};\n${script}`], { cwd, encoding: 'utf-8' });
  if (r.status !== 0) throw new Error(`node failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Whether a file of the `yaml` package is loaded in the running node (as script source). */
const YAML_LOADED = 'Object.keys(require.cache).some((f) => /[\\\\/]node_modules[\\\\/]yaml[\\\\/]/.test(f))';

/** Whether node's child_process module is loaded in the running node. */
const CHILD_PROCESS_LOADED = "process.moduleLoadList.includes('NativeModule child_process')";

describe('deferCdk8sModules', () => {
  test('cdk8s loads without yaml, and yaml loads the first time cdk8s writes YAML', () => {
    // WHEN
    const out = runNode(`
      const cdk8s = require(${CDK8S});
      const before = ${YAML_LOADED};
      const text = cdk8s.Yaml.stringify({ b: [1, 'x'], a: null }, { c: 'multi\\nline' });
      console.log(JSON.stringify({ before, after: ${YAML_LOADED}, text }));`);
    // THEN
    expect(out.before).toBe(false);
    expect(out.after).toBe(true);
    expect(out.text).toBe('b:\n  - 1\n  - x\na: null\n---\nc: |-\n  multi\n  line\n');
  });

  test('cdk8s loads without child_process, and child_process loads when a Helm chart renders', () => {
    // GIVEN a helm executable that prints one object
    const dir = tempDir({ 'helm.sh': "#!/bin/sh\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: from-helm\\n'\n" });
    fs.chmodSync(path.join(dir, 'helm.sh'), 0o755);
    // WHEN
    const out = runNode(`
      const before = ${CHILD_PROCESS_LOADED};
      const cdk8s = require(${CDK8S});
      const loadedWithCdk8s = ${CHILD_PROCESS_LOADED};
      const chart = new cdk8s.Chart(new cdk8s.App(), 'c');
      new cdk8s.Helm(chart, 'h', { chart: 'x', helmExecutable: ${JSON.stringify(path.join(dir, 'helm.sh'))} });
      console.log(JSON.stringify({ before, loadedWithCdk8s, after: ${CHILD_PROCESS_LOADED}, objects: chart.toJson() }));`);
    // THEN
    expect(out).toEqual({ before: false, loadedWithCdk8s: false, after: true, objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-helm' } }] });
  });

  test('fails when the helm executable is missing, as cdk8s does', () => {
    // WHEN
    const out = runNode(`
      const cdk8s = require(${CDK8S});
      let message;
      try { new cdk8s.Helm(new cdk8s.Chart(new cdk8s.App(), 'c'), 'h', { chart: 'x', helmExecutable: '/nonexistent/helm' }); } catch (e) { message = e.message; }
      console.log(JSON.stringify({ message }));`);
    // THEN
    expect(out.message).toBe("unable to execute '/nonexistent/helm' to render Helm chart. Is it installed on your system?");
  });

  test('cdk8s reads YAML files through the deferred module (Yaml.load)', () => {
    // GIVEN
    const dir = tempDir({ 'in.yaml': 'kind: ConfigMap\nmetadata:\n  name: a\n---\nkind: Secret\nmetadata:\n  name: b\n' });
    // WHEN
    const out = runNode(`
      const cdk8s = require(${CDK8S});
      console.log(JSON.stringify(cdk8s.Yaml.load(${JSON.stringify(path.join(dir, 'in.yaml'))})));`);
    // THEN
    expect(out).toEqual([{ kind: 'ConfigMap', metadata: { name: 'a' } }, { kind: 'Secret', metadata: { name: 'b' } }]);
  });

  test("the app's own require('yaml') gets the yaml module itself, not the stand-in", () => {
    // WHEN
    const out = runNode(`
      require(${CDK8S});
      const yaml = require(${JSON.stringify(require.resolve('yaml', { paths: [ROOT] }))});
      console.log(JSON.stringify({ proxy: require('util').types.isProxy(yaml), parsed: yaml.parse('a: 1') }));`);
    // THEN
    expect(out).toEqual({ proxy: false, parsed: { a: 1 } });
  });

  test('the stand-in answers keys and `in` from the real module', () => {
    // WHEN
    const out = runNode(`
      const Module = require('module');
      const parent = new Module(require.resolve(${CDK8S}).replace(/index\\.js$/, 'yaml.js'));
      parent.filename = parent.id;
      parent.paths = Module._nodeModulePaths(require('path').dirname(parent.filename));
      const standIn = Module._load('yaml', parent, false);
      const real = require(require.resolve('yaml', { paths: [require('path').dirname(parent.filename)] }));
      console.log(JSON.stringify({
        esModule: standIn.__esModule,
        keys: Object.keys(standIn).join() === Object.keys(real).join(),
        has: 'parseDocument' in standIn,
        same: standIn.stringify === real.stringify,
      }));`);
    // THEN
    expect(out).toEqual({ esModule: true, keys: true, has: true, same: true });
  });

  test('generate renders an app that includes a YAML file (cdk8s Include)', () => {
    // GIVEN
    const app = tempDir({
      'main.ts': "import { App, Chart, Include } from 'cdk8s';\nconst app = new App();\nnew Include(new Chart(app, 'c'), 'inc', { url: 'cm.yaml' });\napp.synth();\n",
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: included\ndata:\n  mode: "0755"\n',
    });
    // WHEN
    const r = runCli(['generate'], { cwd: app });
    // THEN
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: included\ndata:\n  mode: "0755"\n');
  });
});
