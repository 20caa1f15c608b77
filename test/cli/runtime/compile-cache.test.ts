import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli, tempDir } from '../run-cli';

// The compile cache runs in the CLI process (bin/cdk8s-argocd), so these tests run node on the
// compiled library, as the binary does.
const ENABLE = `require(${JSON.stringify(path.join(ROOT, 'lib', 'src', 'cli', 'runtime', 'compile-cache.js'))}).enableCompileCache(process.argv[1])`;

/** Runs `script` in node after enabling the cache (`{{enable}}` in the script places it elsewhere). */
function runNode(script: string, root: string, cacheDir: string): { status: number | null; stdout: string; stderr: string } {
  const code = script.includes('{{enable}}') ? script.replace('{{enable}}', ENABLE) : `${ENABLE}; ${script}`;
  const r = spawnSync(process.execPath, ['-e', code, root], {
    encoding: 'utf-8',
    env: { ...process.env, CDK8S_ARGOCD_COMPILE_CACHE: cacheDir },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `script` in plain node: what Node does without the CLI's loading. */
function runPlain(script: string, root: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-e', script, root], { encoding: 'utf-8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cacheFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /^code-[0-9a-f]{16}\.bin$/.test(f));
}

describe('compile cache', () => {
  test('the second generate starts from the code the first one compiled, and writes the same output', () => {
    // GIVEN
    const cache = tempDir();
    fs.chmodSync(cache, 0o700);
    const app = tempDir({
      'main.ts': "import { App, Chart, ApiObject } from 'cdk8s';\nconst app = new App();\nnew ApiObject(new Chart(app, 'c'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });\napp.synth();\n",
    });
    // WHEN
    const first = runCli(['generate'], { cwd: app, env: { CDK8S_ARGOCD_COMPILE_CACHE: cache } });
    const [file] = cacheFiles(cache);
    const written = fs.statSync(path.join(cache, file)).mtimeMs;
    const second = runCli(['generate'], { cwd: app, env: { CDK8S_ARGOCD_COMPILE_CACHE: cache } });
    // THEN
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('kind: ConfigMap');
    expect(cacheFiles(cache)).toEqual([file]);
    // nothing was missing, so nothing was rewritten
    expect(fs.statSync(path.join(cache, file)).mtimeMs).toBe(written);
    expect(fs.statSync(path.join(cache, file)).mode % 0o1000).toBe(0o600);
  });

  test('a module changed to a source of the same length runs its new code, never the cached one', () => {
    // GIVEN
    const cache = tempDir();
    fs.chmodSync(cache, 0o700);
    const root = tempDir({ 'node_modules/dep/index.js': "module.exports = 'aaa';\n" });
    const script = `console.log(require(${JSON.stringify(path.join(root, 'node_modules', 'dep', 'index.js'))}))`;
    const first = runNode(script, root, cache);
    expect(first.stdout).toBe('aaa\n');
    expect(cacheFiles(cache)).toHaveLength(1);
    // WHEN
    fs.writeFileSync(path.join(root, 'node_modules', 'dep', 'index.js'), "module.exports = 'bbb';\n");
    const second = runNode(script, root, cache);
    // THEN
    expect(second.status).toBe(0);
    expect(second.stdout).toBe('bbb\n');
  });

  test('modules keep what Node gives them: require.resolve, __dirname, their own module object', () => {
    // GIVEN
    const cache = tempDir();
    fs.chmodSync(cache, 0o700);
    const root = tempDir({
      'node_modules/dep/index.js': "#!/usr/bin/env node\nmodule.exports = { dir: __dirname, file: __filename, sib: require.resolve('./sib'), same: require('./sib') === require('./sib.js'), main: require.main === undefined, children: module.children.length };\n",
      'node_modules/dep/sib.js': 'module.exports = {};\n',
    });
    const script = `console.log(JSON.stringify(require(${JSON.stringify(path.join(root, 'node_modules', 'dep'))})))`;
    // WHEN
    const runs = [runNode(script, root, cache), runNode(script, root, cache)];
    // THEN
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        dir: path.join(root, 'node_modules', 'dep'),
        file: path.join(root, 'node_modules', 'dep', 'index.js'),
        sib: path.join(root, 'node_modules', 'dep', 'sib.js'),
        same: true,
        main: true,
        children: 1,
      });
    }
  });

  test('removes the files of other Node versions or installs that no run wrote for a week', () => {
    // GIVEN
    const cache = tempDir();
    const old = path.join(cache, 'code-0123456789abcdef.bin');
    const recent = path.join(cache, 'code-fedcba9876543210.bin');
    const other = path.join(cache, 'notes.txt');
    for (const f of [old, recent, other]) fs.writeFileSync(f, 'x');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    fs.utimesSync(old, eightDaysAgo, eightDaysAgo);
    fs.utimesSync(other, eightDaysAgo, eightDaysAgo);
    const root = tempDir({ 'node_modules/dep/index.js': "module.exports = 'a';\n" });
    // WHEN
    runNode(`require(${JSON.stringify(path.join(root, 'node_modules', 'dep'))})`, root, cache);
    // THEN
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  test('is not used in a directory other users can write', () => {
    // GIVEN
    const cache = tempDir();
    fs.chmodSync(cache, 0o777);
    const root = tempDir({ 'node_modules/dep/index.js': "module.exports = 'a';\n" });
    // WHEN
    const r = runNode(`require(${JSON.stringify(path.join(root, 'node_modules', 'dep'))})`, root, cache);
    // THEN
    expect(r.status).toBe(0);
    expect(cacheFiles(cache)).toEqual([]);
  });

  test('is off with CDK8S_ARGOCD_COMPILE_CACHE=off', () => {
    // GIVEN
    const root = tempDir({ 'node_modules/dep/index.js': "module.exports = 'a';\n" });
    // WHEN
    const dep = JSON.stringify(path.join(root, 'node_modules', 'dep'));
    const r = runNode(`const M = require('module'); const before = M.prototype._compile; {{enable}}; require(${dep}); console.log(M.prototype._compile === before)`, root, 'off');
    const on = runNode(`const M = require('module'); const before = M.prototype._compile; {{enable}}; require(${dep}); console.log(M.prototype._compile === before)`, root, tempDir());
    // THEN
    expect(r.stdout).toBe('true\n');
    expect(on.stdout).toBe('false\n');
  });

  test("resolves the CLI's own requests of packages (once) as Node does from each folder of lib/", () => {
    // GIVEN a module in every folder of the compiled library, and the packages the library requires
    const script = `
      const fs = require('fs'); const path = require('path'); const Module = require('module');
      const lib = path.join(process.argv[1], 'lib');
      const folders = [];
      const walk = (d) => { if (fs.readdirSync(d).some((f) => f.endsWith('.js'))) folders.push(d); for (const f of fs.readdirSync(d)) if (fs.statSync(path.join(d, f)).isDirectory()) walk(path.join(d, f)); };
      walk(lib);
      const out = {};
      for (const d of folders) {
        const parent = new Module(path.join(d, 'x.js'));
        parent.filename = parent.id;
        parent.paths = Module._nodeModulePaths(d);
        out[path.relative(lib, d)] = ['constructs', 'cdk8s', 'yaml', 'ajv-formats/dist/formats', 'fs', 'node:path', './index'].map((r) => {
          try { return Module._resolveFilename(r, parent, false); } catch (e) { return e.code; }
        });
      }
      console.log(JSON.stringify(out));`;
    // WHEN
    const plain = runPlain(script, ROOT);
    const cli = runNode(script, ROOT, 'off');
    // THEN
    expect(plain.stderr).toBe('');
    const folders = Object.keys(JSON.parse(plain.stdout));
    expect(folders.length).toBeGreaterThan(20);
    expect(JSON.parse(plain.stdout)['src/engine/validation'][0]).toBe(require.resolve('constructs'));
    expect(cli.stdout).toBe(plain.stdout);
  });

  describe('loads every kind of installed package as Node does without it', () => {
    // Each package is required by plain node, then with the CLI's loading, cache off and on (twice:
    // compiled, then from the cache): the same value, or the same error, every time.
    const packages: { [name: string]: { [file: string]: string } } = {
      'an ES module package (type: module, require(esm) in Node 20.19+)': {
        'package.json': '{"name":"dep","type":"module","main":"index.js"}',
        'index.js': "import { b } from './b.js';\nexport const value = 'esm ' + b;\n",
        'b.js': "export const b = 'b';\n",
      },
      'ES module syntax with no type (detected as a module by Node 20.19+)': {
        'package.json': '{"name":"dep","main":"index.js"}',
        'index.js': "export const value = 'detected';\n",
      },
      'CommonJS with type: commonjs, and a folder whose own package.json says module': {
        'package.json': '{"name":"dep","type":"commonjs","main":"index.js"}',
        'index.js': "module.exports = { value: 'cjs ' + require('./esm/x.js').x };\n",
        'esm/package.json': '{"type":"module"}',
        'esm/x.js': "export const x = 'x';\n",
      },
      'a package.json that does not parse': {
        'package.json': '{"name":"dep", main',
        'index.js': "module.exports = { value: 'broken' };\n",
      },
      'a syntax error': {
        'package.json': '{"name":"dep","main":"index.js"}',
        'index.js': 'module.exports = { value: ;\n',
      },
      'relative requests: a file, a folder with index.js or its own main, JSON, a file beside a folder of the same name, the package by its own name': {
        'package.json': '{"name":"dep","main":"index.js","exports":{".":"./index.js","./sub":"./lib/sub.js"}}',
        'index.js': "module.exports = { value: [require('./lib/a'), require('./lib'), require('./lib/b'), require('./data.json').d, require('./lib/sub/'), require('./twin'), require('dep/sub'), require.resolve('./lib/a').slice(__dirname.length)].join(' ') };\n",
        'lib/a.js': "module.exports = 'a' + require('../lib/b.js');\n",
        'lib/b.js': "module.exports = 'b';\n",
        'lib/index.js': "module.exports = 'lib-index';\n",
        'lib/sub.js': "module.exports = 'sub-file';\n",
        'lib/sub/package.json': '{"main":"main.js"}',
        'lib/sub/main.js': "module.exports = 'sub-main';\n",
        'data.json': '{"d":"json"}',
        'twin.js': "module.exports = 'twin-file';\n",
        'twin/index.js': "module.exports = 'twin-folder';\n",
      },
      'relative requests Node resolves in its order: a file without extension first, .js before .json, a file before a folder, a folder\'s index.json or its main, `..`, the wrong case': {
        'package.json': '{"name":"dep","main":"index.js"}',
        'index.js': 'const tryIt = (r) => { try { return require(r); } catch (e) { return e.code; } };\n'
          + "module.exports = { value: [require('./noext'), require('./order'), require('./twin'), require('./idx'), require('./lib/x/..'), require('./withmain'), tryIt('./NOEXT'), tryIt('./lib/x/')].join(' ') };\n",
        'noext': "module.exports = 'noext-file';\n",
        'noext.js': "module.exports = 'noext-js';\n",
        'order.js': "module.exports = 'order-js';\n",
        'order.json': '"order-json"',
        'twin.json': '"twin-json"',
        'twin/index.js': "module.exports = 'twin-folder';\n",
        'idx/index.json': '"idx-json"',
        'lib/index.js': "module.exports = 'lib-index';\n",
        'lib/x/index.js': "module.exports = 'x-index';\n",
        'withmain/package.json': '{"main":"main.js"}',
        'withmain/main.js': "module.exports = 'withmain-main';\n",
        'withmain/index.js': "module.exports = 'withmain-index';\n",
      },
      'a relative request for a file that does not exist': {
        'package.json': '{"name":"dep","main":"index.js"}',
        'index.js': "module.exports = { value: require('./missing') };\n",
      },
    };
    test('symbolic links: a linked file and a file in a linked folder resolve to their targets', () => {
      // GIVEN
      const root = tempDir({
        'node_modules/dep/package.json': '{"name":"dep","main":"index.js"}',
        'node_modules/dep/index.js': "module.exports = { value: [require('./linked'), require('./linkdir/target'), require('./linked') === require('./real/target'), require.resolve('./linked').slice(__dirname.length), require.resolve('./linkdir/target').slice(__dirname.length)].join(' ') };\n",
        'node_modules/dep/real/target.js': "module.exports = 'target';\n",
      });
      fs.symlinkSync(path.join('real', 'target.js'), path.join(root, 'node_modules', 'dep', 'linked.js'));
      fs.symlinkSync('real', path.join(root, 'node_modules', 'dep', 'linkdir'));
      const cache = tempDir();
      fs.chmodSync(cache, 0o700);
      const script = `console.log(JSON.stringify(require(${JSON.stringify(path.join(root, 'node_modules', 'dep', 'index.js'))}).value))`;
      // WHEN
      const runs = [runPlain(script, root), runNode(script, root, 'off'), runNode(script, root, cache), runNode(script, root, cache)];
      // THEN
      expect(runs[0].stdout).toBe(`"target target true ${path.sep}real${path.sep}target.js ${path.sep}real${path.sep}target.js"\n`);
      for (const r of runs) expect(r.stdout).toBe(runs[0].stdout);
    });

    for (const [what, files] of Object.entries(packages)) {
      test(what, () => {
        // GIVEN
        const root = tempDir(Object.fromEntries(Object.entries(files).map(([f, text]) => [`node_modules/dep/${f}`, text])));
        const cache = tempDir();
        fs.chmodSync(cache, 0o700);
        const script = `try { console.log(JSON.stringify(require(${JSON.stringify(path.join(root, 'node_modules', 'dep', 'index.js'))}).value)) } catch (e) { console.log(e.name + ': ' + (e.code ?? e.message.split('\\n')[0])) }`;
        // WHEN
        const runs = [runPlain(script, root), runNode(script, root, 'off'), runNode(script, root, cache), runNode(script, root, cache)];
        // THEN
        expect(runs[0].stdout).not.toBe('');
        for (const r of runs) expect(r.stdout).toBe(runs[0].stdout);
      });
    }
  });
});
