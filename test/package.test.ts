/**
 * What `npm pack` produces installs into a fresh project and works there: its types compile, the
 * `cdk8s-argocd` binary runs, nothing it needs is a dev dependency. The plugin bundle's Dockerfile
 * builds from that package (its install steps run here against the tarball: no container builder),
 * `npm pack` compiles a fresh clone (prepack), and the contributor tasks do not rewrite files.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ROOT, tempDir } from './cli/run-cli';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, {
  cwd,
  encoding: 'utf-8',
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
});

const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
let tarball: string;

describe('the npm package', () => {
  let project: string;

  beforeAll(() => {
    const packDir = tempDir();
    const out = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], ROOT));
    tarball = path.join(packDir, out[0].filename);
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
    // Only the tarball and the compiler: cdk8s and constructs arrive as peer dependencies; cdk8s-plus-30 is an optional one.
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', tarball, 'typescript@~6.0.3', '@types/node@^20'], project);
  }, 300_000);

  test('cdk8s-plus-30 is an optional peer: not installed with the package, and nothing in src/ imports it', () => {
    expect(OWN.peerDependencies['cdk8s-plus-30']).toBeDefined();
    expect(OWN.peerDependenciesMeta).toEqual({ 'cdk8s-plus-30': { optional: true } });
    expect(fs.existsSync(path.join(project, 'node_modules', 'cdk8s-plus-30'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'node_modules', 'cdk8s'))).toBe(true);
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ts$/.test(entry.name) && /(from|require\(|import\()\s*['"]cdk8s-plus-/.test(fs.readFileSync(file, 'utf-8'))) importers.push(path.relative(ROOT, file));
      }
    };
    walk(path.join(ROOT, 'src'));
    expect(importers).toEqual([]);
  });

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

/** The instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructions(dockerfile: string): Array<{ op: string; args: string }> {
  const joined = dockerfile.split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/\\\n/g, ' ');
  return joined.split('\n').filter((l) => l.trim() !== '').map((l) => {
    const m = /^([A-Z]+)\s+(.*)$/.exec(l.trim())!;
    return { op: m[1], args: m[2].replace(/\s+/g, ' ').trim() };
  });
}

describe('the plugin bundle\'s Dockerfile', () => {
  test('its build steps install the packed package and its peers, and generate renders an app from the installed CLI as the plugin does', () => {
    expect(tarball).toBeDefined();
    const scratch = tempDir();
    fs.chmodSync(scratch, 0o755);
    const bundle = path.join(scratch, 'bundle');
    const prefix = path.join(scratch, 'usr-local');
    const plugin = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cdk8s-argocd'), 'plugin', '--print', 'bundle', '--output', bundle, '--image', 'registry.example.com/cdk8s-argocd:test'], { encoding: 'utf-8' });
    expect(plugin.status).toBe(0);
    const steps = instructions(fs.readFileSync(path.join(bundle, 'Dockerfile'), 'utf-8'));
    expect(steps.map((s) => s.op)).toEqual(['FROM', 'RUN', 'ENV', 'USER', 'WORKDIR', 'ENTRYPOINT']);
    expect(steps[0].args).toMatch(/^node:20[-.\w]*$/);
    expect(steps[3].args).toBe('999');

    // RUN, step by step, with the global prefix in the scratch directory instead of /usr/local and the
    // released cdk8s-argocd@<version> replaced by the packed tarball (not published yet).
    const run = steps.find((s) => s.op === 'RUN')!.args;
    expect(run).toContain(`cdk8s-argocd@${OWN.version} cdk8s@${OWN.devDependencies.cdk8s} constructs@${OWN.devDependencies.constructs} cdk8s-plus-30@${OWN.devDependencies['cdk8s-plus-30']}`);
    const nodeDir = path.dirname(process.execPath);
    const buildEnv = {
      ...process.env,
      PATH: `${prefix}/bin:${nodeDir}:/usr/bin:/bin`,
      npm_config_prefix: prefix,
      npm_config_prefer_offline: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    for (const step of run.split(' && ')) {
      const command = step.replace(`cdk8s-argocd@${OWN.version}`, tarball).replace(/\/usr\/local/g, prefix).replace(/\/root\/\.npm/g, path.join(scratch, 'root-npm'));
      // `npm cache clean` would empty this machine's cache: it cleans a scratch one.
      const env = step.startsWith('npm cache') ? { ...buildEnv, npm_config_cache: path.join(scratch, 'npm-cache') } : buildEnv;
      const r = spawnSync('bash', ['-c', command], { env, encoding: 'utf-8', timeout: 600_000 });
      expect({ step, status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ step, status: 0, stderr: '' });
    }
    const installed = fs.readdirSync(path.join(prefix, 'lib', 'node_modules')).sort();
    expect(installed).toEqual(['cdk8s', 'cdk8s-argocd', 'cdk8s-plus-30', 'constructs']);

    // The sidecar: the image's ENV, plugin.yaml's generate command, uid 999 (when the tests run as root),
    // a checkout with only TypeScript in it.
    const imageEnv: { [k: string]: string } = {};
    for (const m of steps.find((s) => s.op === 'ENV')!.args.matchAll(/(\w+)=(\S+)/g)) imageEnv[m[1]] = m[2];
    expect(imageEnv.HOME).toBe('/tmp');
    const checkout = path.join(scratch, 'checkout');
    fs.mkdirSync(checkout, { mode: 0o755 });
    fs.writeFileSync(path.join(checkout, '.cdk8s-argocd'), '');
    fs.writeFileSync(path.join(checkout, 'main.ts'), [
      "import { App, Chart } from 'cdk8s';",
      "import { Deployment } from 'cdk8s-plus-30';",
      "import { Application, ApplicationSource, BuildEnvironment, Destination } from 'cdk8s-argocd';",
      'const env = BuildEnvironment.current();',
      'const app = new App();',
      "const chart = new Chart(app, 'web');",
      "new Deployment(chart, 'web', { containers: [{ image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });",
      "new Application(chart, 'child', { name: `${env.appName}-child`, namespace: 'argocd',",
      "  source: ApplicationSource.git({ repoURL: 'https://example.com/r.git', path: 'child', targetRevision: 'main' }), destination: Destination.inCluster('web') });",
      'app.synth();',
      '',
    ].join('\n'));
    const generate = YAML.parse(fs.readFileSync(path.join(bundle, 'plugin.yaml'), 'utf-8')).spec.generate.command as string[];
    expect(generate).toEqual(['cdk8s-argocd', 'generate']);
    const asPluginUser = process.getuid?.() === 0 ? { uid: 999, gid: 999 } : {};
    const sidecar = (dir: string) => spawnSync(generate[0], generate.slice(1), {
      cwd: dir,
      encoding: 'utf-8',
      timeout: 120_000,
      ...asPluginUser,
      env: { PATH: `${prefix}/bin:${nodeDir}:/usr/bin:/bin`, ...imageEnv, ARGOCD_APP_NAME: 'web', ARGOCD_APP_NAMESPACE: 'web', CDK8S_ARGOCD_PLUGIN_CONFIG: path.join(bundle, 'plugin.yaml') },
    });
    const r = sidecar(checkout);
    expect(r.stderr).toMatch(/generate: 2 objects\n$/);
    expect(r.status).toBe(0);
    const objects = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(objects.map((o) => o.kind).sort()).toEqual(['Application', 'Deployment']);
    expect(objects.find((o) => o.kind === 'Application').metadata.name).toBe('web-child');

    // A package the image does not ship: the message lists what it ships and how to add one.
    fs.writeFileSync(path.join(checkout, 'main.ts'), "import 'lodash';\n");
    const missing = sidecar(checkout);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain("cannot find module 'lodash' (imported by main.ts): the cdk8s-argocd plugin image ships only cdk8s, cdk8s-argocd, cdk8s-plus-30, constructs; add it to the plugin image");
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 900_000);
});

describe('contributor hygiene', () => {
  test('npm pack compiles a fresh clone (prepack): lib/ is in the tarball', () => {
    const clone = tempDir();
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
    expect(fs.existsSync(path.join(clone, 'lib'))).toBe(false);
    const out = JSON.parse(npm(['pack', '--json', '--pack-destination', clone], clone));
    const files: string[] = out[0].files.map((f: any) => f.path);
    expect(files).toEqual(expect.arrayContaining(['lib/src/index.js', 'lib/src/cli/main.js', 'lib/imports/validators/application.js']));
    fs.rmSync(clone, { recursive: true, force: true });
  }, 600_000);

  test('npm test does not rewrite files: no --fix in any task it runs; npm run lint:fix fixes', () => {
    const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf-8')).tasks;
    const commands: string[] = [];
    const visit = (name: string) => {
      for (const step of tasks[name].steps ?? []) {
        if (step.spawn) visit(step.spawn);
        else commands.push([step.exec ?? '', ...(step.execArgs ?? []), ...(step.args ?? [])].join(' '));
      }
    };
    visit('test');
    expect(commands.filter((c) => /--fix|--write|-u\b|--updateSnapshot/.test(c))).toEqual([]);
    expect(commands).toEqual(expect.arrayContaining([expect.stringMatching(/^ eslint /), expect.stringMatching(/docgen\.ts --check$/)]));
    expect(tasks['lint:fix'].steps).toEqual([{ spawn: 'eslint', args: ['--fix'] }]);
    expect(OWN.scripts.prepack).toBe('projen compile && projen post-compile');
  });

  test('fails when API.md is stale: the docgen check names the fix', () => {
    const stale = path.join(tempDir(), 'API.md');
    fs.writeFileSync(stale, fs.readFileSync(path.join(ROOT, 'API.md'), 'utf-8').replace('## Classes', '## Classes\n\nAn edit by hand.'));
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', 'projenrc/docgen.ts', '--check', '--api-md', stale], { cwd: ROOT, encoding: 'utf-8', timeout: 300_000 });
    expect(r.stderr).toMatch(/^error: API\.md is stale: run npm run docgen \(and commit API\.md\); first difference at line \d+\n$/);
    expect(r.status).toBe(1);
  }, 300_000);
});
