#!/usr/bin/env node
/* eslint-disable */
'use strict';
// `npm run bench` (which compiles lib/ first): benchmarks what users write, from the packed tarball,
// in one run, reported as ratios (never as timed assertions). Plain JS, no dependencies besides the
// project's own. Markdown tables on stdout (for the README), progress on stderr.
//
// 1. `npm pack` the repository (lib/ as compiled; `--ignore-scripts`, the bench task compiles
//    first) and install the tarball like a user, with cdk8s and constructs at the versions of
//    package.json (and ts-node/typescript for the default `cdk8s synth`), into .bench/project/.
// 2. For N = 100, 1,000, 10,000 (BENCH_SIZES), median of BENCH_RUNS (default 3) runs, wall time and
//    peak RSS from /usr/bin/time -v:
//    - `cdk8s-argocd generate` of a TypeScript app of N `Application` constructs (one AppProject,
//      labels, automated sync, two sync options: issue 15's shape), and the same as the sidecar
//      runs it (NODE_OPTIONS=--max-semi-space-size=1);
//    - the floor: node + `yaml` stringify of exactly the objects generate wrote (its JSON output);
//    - default `cdk8s synth` (`npx ts-node main.ts`) and precompiled `cdk8s synth --app "node main.js"`;
//    - `cdk8s-argocd generate` of the same objects as plain cdk8s `ApiObject`s;
//    - validateManifests alone on generate's objects, in a fresh process (first call, no compile cache).
// 3. ApplicationSet: expandApplicationSet + validateManifests of a set generating
//    BENCH_APPSET_SIZE (default 1,000) Applications, and `cdk8s-argocd appset generate` of it.
// 4. CPU profiles of generate at every N (BENCH_PROFILE=0 to skip; BENCH_PROFILE_RUNS, default 5):
//    validation's share of the run (median over the runs), and for the largest and smallest N the top self-time functions
//    and the share per package.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const PROJECT = path.join(WORK, 'project');
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s'); // cdk8s-cli, a devDependency
const SIZES = (process.env.BENCH_SIZES || '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const APPSET_SIZE = Number(process.env.BENCH_APPSET_SIZE || 1000);
const PROFILE = process.env.BENCH_PROFILE !== '0';
const PROFILE_RUNS = Number(process.env.BENCH_PROFILE_RUNS || 5);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 300000);
const TIME = '/usr/bin/time';
const SIDECAR_NODE_OPTIONS = '--max-semi-space-size=1'; // as src/cmp/repo-server-sidecar.ts and the Dockerfile set it
const REPO_URL = 'https://github.com/example-org/apps.git';

const log = (line) => process.stderr.write(`bench: ${line}\n`);
function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

// --- the package, as a user installs it ----------------------------------------------------------

function sh(cmd, args, cwd, what) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024, timeout: TIMEOUT_MS });
  if (r.status !== 0) fail(`${what} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}):\n${r.stderr || r.stdout}`);
  return r.stdout;
}

function installedVersion(name) {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), 'utf-8')).version;
}

function installPackage() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
  // Start from an empty .bench/ (a fresh install) and pack outside the repository, so a previous
  // run's files cannot end up in the tarball whatever .npmignore says.
  fs.rmSync(WORK, { recursive: true, force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-argocd-bench-'));
  log('npm pack');
  const packed = JSON.parse(sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT, 'npm pack'));
  const packDir = path.join(WORK, 'pack');
  fs.mkdirSync(packDir, { recursive: true });
  const tarball = path.join(packDir, packed[0].filename);
  fs.copyFileSync(path.join(tmp, packed[0].filename), tarball);
  fs.rmSync(tmp, { recursive: true, force: true });
  const stray = packed[0].files.filter((x) => !/^(lib|bin)\//.test(x.path) && !/^(package\.json|[A-Z]+\.md|LICENSE)$/.test(x.path));
  if (stray.length > 0) log(`warning: the tarball holds files outside lib/ and bin/: ${stray.slice(0, 5).map((x) => x.path).join(', ')}${stray.length > 5 ? ` and ${stray.length - 5} more` : ''}`);
  for (const f of ['lib/src/cli/main.js', 'lib/imports/validators/application.js']) {
    if (!packed[0].files.some((x) => x.path === f)) fail(`the tarball has no ${f}: compile first (npm run bench does)`);
  }
  fs.mkdirSync(PROJECT, { recursive: true });
  fs.writeFileSync(path.join(PROJECT, 'package.json'), `${JSON.stringify({ name: 'bench-project', version: '0.0.0', private: true }, null, 2)}\n`);
  // A cdk8s TypeScript project's own devDependencies (for the default `npx ts-node main.ts`), at the repo's versions.
  const specs = [tarball, `cdk8s@${pkg.devDependencies.cdk8s}`, `constructs@${pkg.devDependencies.constructs}`,
    `ts-node@${installedVersion('ts-node')}`, `typescript@${installedVersion('typescript')}`, `@types/node@${installedVersion('@types/node')}`];
  log(`npm install ${specs.map((s) => (s === tarball ? path.basename(s) : s)).join(' ')}`);
  sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], PROJECT, 'npm install');
  return { tarball: path.basename(tarball), bytes: packed[0].size, files: packed[0].entryCount };
}

// --- the apps --------------------------------------------------------------------------------------

// issue 15's shape, as users write it.
function constructsApp(n) {
  return `import { App, Chart } from 'cdk8s';
import { Application, ApplicationSource, AppProject, CascadeDelete, Destination, SyncOption } from 'cdk8s-argocd';

const app = new App();
const chart = new Chart(app, 'apps');
const project = new AppProject(chart, 'team', {
  name: 'team',
  description: 'The team\\'s applications',
  sourceRepos: ['${REPO_URL}'],
  destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'ns-*' }],
});
for (let i = 0; i < ${n}; i++) {
  new Application(chart, \`app-\${i}\`, {
    name: \`app-\${i}\`,
    project,
    labels: { team: \`team-\${i % 10}\`, tier: 'backend' },
    source: ApplicationSource.git({ repoURL: '${REPO_URL}', path: \`apps/app-\${i}\`, targetRevision: 'main' }),
    destination: Destination.inCluster(\`ns-\${i}\`),
    syncPolicy: {
      automated: { prune: true, selfHeal: true },
      syncOptions: [SyncOption.CREATE_NAMESPACE, SyncOption.SERVER_SIDE_APPLY],
    },
    cascadeDelete: CascadeDelete.FOREGROUND,
  });
}
app.synth();
`;
}

// The previous benchmark's app: the same kind of objects as plain cdk8s ApiObjects.
function apiObjectsApp(n) {
  return `import { ApiObject, App, Chart } from 'cdk8s';

const app = new App();
const chart = new Chart(app, 'apps');
for (let i = 0; i < ${n}; i++) {
  new ApiObject(chart, \`app-\${i}\`, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: \`app-\${i}\`,
      namespace: 'argocd',
      labels: { team: \`team-\${i % 10}\`, tier: 'backend' },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: 'default',
      source: { repoURL: '${REPO_URL}', path: \`apps/app-\${i}\`, targetRevision: 'main' },
      destination: { server: 'https://kubernetes.default.svc', namespace: \`ns-\${i}\` },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'] },
    },
  });
}
app.synth();
`;
}

// node + `yaml` stringify of the objects in objects.json (generate's own objects), one document each.
const FLOOR_JS = `'use strict';
const fs = require('fs');
const YAML = require('yaml');
const objects = JSON.parse(fs.readFileSync(require('path').join(__dirname, 'objects.json'), 'utf-8'));
process.stdout.write(objects.map((o) => '---\\n' + YAML.stringify(o)).join(''));
`;

// validateManifests alone on generate's objects, as generate calls it (first call: loads the validators).
const VALIDATE_JS = `'use strict';
const fs = require('fs');
const objects = JSON.parse(fs.readFileSync(require('path').join(__dirname, 'objects.json'), 'utf-8'));
const t0 = process.hrtime.bigint();
const { validateManifests } = require('cdk8s-argocd');
const t1 = process.hrtime.bigint();
const problems = validateManifests(objects);
const t2 = process.hrtime.bigint();
validateManifests(objects);
const t3 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, validateMs: Number(t2 - t1) / 1e6, warmMs: Number(t3 - t2) / 1e6, problems: problems.length }));
`;

function writeApp(dir, mainTs) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.ts'), mainTs);
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\noutput: dist\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', lib: ['es2022'], types: ['node'], strict: true, esModuleInterop: true, skipLibCheck: true } }, null, 2)}\n`);
  // The precompiled app (compiling it is not timed).
  const esbuild = require(require.resolve('esbuild', { paths: [PROJECT] }));
  fs.writeFileSync(path.join(dir, 'main.js'), esbuild.transformSync(mainTs, { loader: 'ts', format: 'cjs', target: 'node20' }).code);
}

const BIN = () => path.join(PROJECT, 'node_modules', '.bin', 'cdk8s-argocd');

function setup(n) {
  const dir = path.join(PROJECT, `apps-${n}`);
  writeApp(dir, constructsApp(n));
  fs.writeFileSync(path.join(dir, 'floor.js'), FLOOR_JS);
  fs.writeFileSync(path.join(dir, 'validate.js'), VALIDATE_JS);
  // The floor and the validation share work on exactly the objects generate writes (not timed).
  const r = spawnSync(BIN(), ['generate', '--format', 'json'], { cwd: dir, encoding: 'utf-8', maxBuffer: 1024 * 1024 * 1024, timeout: TIMEOUT_MS });
  if (r.status !== 0) fail(`generate --format json in ${dir} failed:\n${r.stderr}`);
  const objects = r.stdout.split('---\n').filter((d) => d.trim() !== '').map((d) => JSON.parse(d));
  if (objects.length !== n + 1) fail(`generate wrote ${objects.length} objects for ${n} Applications + 1 AppProject`);
  fs.writeFileSync(path.join(dir, 'objects.json'), JSON.stringify(objects));
  const plain = path.join(PROJECT, `api-objects-${n}`);
  writeApp(plain, apiObjectsApp(n));
  return { dir, plain };
}

// --- measuring -------------------------------------------------------------------------------------

/** One run under /usr/bin/time -v: wall seconds, peak RSS MiB, stdout (in a file) size. */
function measure(cmd, args, cwd, extraEnv = {}, outName = 'stdout.out') {
  const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...extraEnv };
  if (!('NODE_OPTIONS' in extraEnv)) delete env.NODE_OPTIONS;
  const out = path.join(cwd, outName);
  const fd = fs.openSync(out, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync(TIME, ['-v', cmd, ...args], { cwd, env, stdio: ['ignore', fd, 'pipe'], timeout: TIMEOUT_MS, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  fs.closeSync(fd);
  if (r.status !== 0) {
    return { error: `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr || '').split('\n').filter((l) => l && !/^\t/.test(l)).slice(-4).join(' | ')}` };
  }
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
  return { wall, cpu, rss: m ? Number(m[1]) / 1024 : undefined, bytes: fs.statSync(out).size, out };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function summarize(results, keepOutput) {
  const failed = results.find((r) => r.error);
  if (failed) return failed;
  const last = results[results.length - 1];
  return { wall: median(results.map((r) => r.wall)), cpu: median(results.map((r) => r.cpu)), rss: median(results.map((r) => r.rss)), bytes: last.bytes, output: keepOutput ? fs.readFileSync(last.out, 'utf-8') : undefined };
}

function run(variant, dir) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(measure(variant.cmd, variant.args(), dir, variant.env));
  return summarize(results, variant.keep);
}

/**
 * The variants of one size, interleaved (run 1 of every variant, then run 2 …) so that a change in
 * the machine's load during the run shifts every variant alike and the ratios stay comparable.
 * Each variant writes its stdout to its own file.
 */
function runInterleaved(variants, dirs) {
  const results = new Map(variants.map((v) => [v.id, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const v of variants) {
      const prev = results.get(v.id);
      if (prev.some((r) => r.error)) continue;
      const r = measure(v.cmd, v.args(), dirs[v.dir], typeof v.env === 'function' ? v.env() : v.env, `${v.id}.out`);
      prev.push(r);
    }
  }
  return new Map(variants.map((v) => [v.id, summarize(results.get(v.id), v.keep)]));
}

/** A fresh private cache directory (removed when the benchmark ends). */
const cacheDirs = [];
function emptyCacheDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cdk8s-argocd-bench-${name}-`));
  cacheDirs.push(dir);
  return dir;
}
process.on('exit', () => cacheDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const VARIANTS = [
  { id: 'floor', dir: 'dir', label: 'floor: node + `yaml` stringify of the same objects', cmd: process.execPath, args: () => ['floor.js'] },
  { id: 'generate', dir: 'dir', label: '**`cdk8s-argocd generate`**', cmd: process.execPath, args: () => [BIN(), 'generate'], keep: true },
  { id: 'sidecar', dir: 'dir', label: '**`cdk8s-argocd generate` as the sidecar runs it** (`NODE_OPTIONS=--max-semi-space-size=1`)', cmd: process.execPath, args: () => [BIN(), 'generate'], env: { NODE_OPTIONS: SIDECAR_NODE_OPTIONS } },
  // The first render after the sidecar starts: empty transpile and compile caches (fresh directories every run).
  { id: 'sidecar-cold', dir: 'dir', label: '`cdk8s-argocd generate` as the sidecar runs it, first render after the sidecar starts (empty transpile and compile caches)', cmd: process.execPath, args: () => [BIN(), 'generate'], env: () => ({ NODE_OPTIONS: SIDECAR_NODE_OPTIONS, CDK8S_ARGOCD_COMPILE_CACHE: emptyCacheDir('code'), CDK8S_ARGOCD_TRANSPILE_CACHE: emptyCacheDir('transpile') }) },
  { id: 'synth-precompiled', dir: 'dir', label: '`cdk8s synth --app "node main.js"` (precompiled)', cmd: CDK8S, args: () => ['synth', '--app', 'node main.js'] },
  { id: 'synth-default', dir: 'dir', label: '`cdk8s synth` (default: `npx ts-node main.ts`)', cmd: CDK8S, args: () => ['synth'] },
  { id: 'api-objects', dir: 'plain', label: '`cdk8s-argocd generate`, the same objects as plain `ApiObject`s', cmd: process.execPath, args: () => [BIN(), 'generate'] },
];

function validationShare(dir) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['validate.js'], { cwd: dir, encoding: 'utf-8', timeout: TIMEOUT_MS, env: { ...process.env, NODE_OPTIONS: '' } });
    if (r.status !== 0) return { error: r.stderr };
    runs.push(JSON.parse(r.stdout));
  }
  return { validateMs: median(runs.map((r) => r.validateMs)), warmMs: median(runs.map((r) => r.warmMs)), requireMs: median(runs.map((r) => r.requireMs)), problems: runs[0].problems };
}

/** Whether generate's YAML stream is byte-identical to what `cdk8s synth` wrote, else the first difference and whether the objects are the same. */
function compareWithSynth(generate, synthFile, objectsFile) {
  if (generate.error || !fs.existsSync(synthFile)) return 'n/a';
  const mine = generate.output.replace(/^---\n/, '');
  const theirs = fs.readFileSync(synthFile, 'utf-8');
  if (mine === theirs) return 'yes';
  const a = mine.split('\n');
  const b = theirs.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const differing = a.filter((line, j) => line !== b[j]).length;
  const YAML = require(require.resolve('yaml', { paths: [PROJECT] }));
  const same = JSON.stringify(YAML.parseAllDocuments(theirs).map((d) => d.toJS())) === fs.readFileSync(objectsFile, 'utf-8');
  return `**no**: ${differing} lines differ, first line ${i + 1}: \`${a[i]?.trim()}\` vs \`${b[i]?.trim()}\`; ${same ? 'same objects' : '**different objects**'}`;
}

function renderBenchmark() {
  const table = {};
  for (const n of SIZES) {
    log(`${n} Applications: setting up`);
    const dirs = setup(n);
    table[n] = {};
    const results = runInterleaved(VARIANTS, dirs);
    for (const v of VARIANTS) {
      const r = results.get(v.id);
      table[n][v.id] = r;
      log(`  ${v.id}: ${r.error ? r.error : `${r.wall.toFixed(2)} s, ${r.rss?.toFixed(0)} MiB, ${(r.bytes / 1e6).toFixed(2)} MB out`}`);
    }
    table[n].sameAsSynth = compareWithSynth(table[n].generate, path.join(dirs.dir, 'dist', 'apps.k8s.yaml'), path.join(dirs.dir, 'objects.json'));
    log(`  generate vs cdk8s synth: ${table[n].sameAsSynth}`);
    table[n].validation = validationShare(dirs.dir);
    const val = table[n].validation;
    log(`  validateManifests alone: ${val.error ? val.error : `${val.validateMs.toFixed(0)} ms, ${val.problems} problems`}`);
  }
  return table;
}

// --- ApplicationSet --------------------------------------------------------------------------------

function appSetYaml(n) {
  const elements = [];
  for (let i = 0; i < n; i++) elements.push(`          - name: app-${i}\n            team: team-${i % 10}`);
  return `apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: team
  namespace: argocd
spec:
  sourceRepos:
    - ${REPO_URL}
  destinations:
    - server: https://kubernetes.default.svc
      namespace: ns-*
---
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: apps
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - list:
        elements:
${elements.join('\n')}
  template:
    metadata:
      name: '{{.name}}'
      labels:
        team: '{{.team}}'
        tier: backend
      finalizers:
        - resources-finalizer.argocd.argoproj.io/foreground
    spec:
      project: team
      source:
        repoURL: ${REPO_URL}
        path: 'apps/{{.name}}'
        targetRevision: main
      destination:
        server: https://kubernetes.default.svc
        namespace: 'ns-{{.name}}'
      syncPolicy:
        automated:
          prune: true
          selfHeal: true
        syncOptions:
          - CreateNamespace=true
          - ServerSideApply=true
`;
}

// expandApplicationSet + validateManifests from the installed package; times inside the process.
const EXPAND_JS = `'use strict';
const fs = require('fs');
const YAML = require('yaml');
const t0 = process.hrtime.bigint();
const { expandApplicationSet, validateManifests } = require('cdk8s-argocd');
const objects = YAML.parseAllDocuments(fs.readFileSync(require('path').join(__dirname, 'appset.yaml'), 'utf-8')).map((d) => d.toJS());
const t1 = process.hrtime.bigint();
const apps = expandApplicationSet(objects.find((o) => o.kind === 'ApplicationSet'));
const t2 = process.hrtime.bigint();
const problems = validateManifests(apps, { projects: objects.filter((o) => o.kind === 'AppProject') });
const t3 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ loadMs: Number(t1 - t0) / 1e6, expandMs: Number(t2 - t1) / 1e6, validateMs: Number(t3 - t2) / 1e6, apps: apps.length, problems: problems.length }));
`;

function appSetBenchmark() {
  const dir = path.join(PROJECT, 'appset');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'appset.yaml'), appSetYaml(APPSET_SIZE));
  fs.writeFileSync(path.join(dir, 'expand.js'), EXPAND_JS);
  log(`ApplicationSet of ${APPSET_SIZE} Applications`);
  const inner = [];
  const outer = [];
  for (let i = 0; i < RUNS; i++) {
    const r = measure(process.execPath, ['expand.js'], dir);
    if (r.error) return { error: r.error };
    const j = JSON.parse(fs.readFileSync(r.out, 'utf-8'));
    if (j.apps !== APPSET_SIZE) return { error: `expandApplicationSet returned ${j.apps} Applications, expected ${APPSET_SIZE}` };
    inner.push(j);
    outer.push(r);
  }
  const cli = run({ cmd: process.execPath, args: () => [BIN(), 'appset', 'generate', 'appset.yaml'] }, dir);
  log(`  appset generate: ${cli.error ? cli.error : `${cli.wall.toFixed(2)} s, ${cli.rss.toFixed(0)} MiB`}`);
  const m = (k) => median(inner.map((r) => r[k]));
  return {
    loadMs: m('loadMs'), expandMs: m('expandMs'), validateMs: m('validateMs'), problems: inner[0].problems,
    wall: median(outer.map((r) => r.wall)), rss: median(outer.map((r) => r.rss)), cli,
  };
}

// --- CPU profile -----------------------------------------------------------------------------------

function where(url) {
  if (!url) return '';
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  return url.replace(/^file:\/\//, '').replace(`${PROJECT}/`, '');
}

function owner(url, name) {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)' || name === '(idle)' || name === '(root)') return 'V8 / native (program)';
  if (!url) return 'V8 / native (program)';
  if (url.startsWith('node:')) return 'node core (fs, module loader)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (!m) return 'the app (main.ts)';
  if (m[1] !== 'cdk8s-argocd') return m[1];
  const sub = /^lib\/(src\/[^/]+(?:\/[^/]+)?|imports\/validators)\//.exec(m[2]);
  return `cdk8s-argocd ${sub ? sub[1].replace(/^src\/engine\//, 'engine/').replace(/^src\//, '') : m[2]}`;
}

/** One CPU profile: self time per node id, the total, and the time with validation on the stack. */
function readProfile(file) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const byId = new Map(prof.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) || 0) + prof.timeDeltas[i] / 1000);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // Validation's share of the run: samples with the engine's entry point on the stack (validateManifests,
  // or validateJsonManifests, which the CLI calls on chart.toJson() output).
  const parent = new Map();
  for (const node of prof.nodes) for (const c of node.children || []) parent.set(c, node.id);
  const validating = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) if (/^validate(Json)?Manifests$/.test(byId.get(cur).callFrame.functionName)) return true;
    return false;
  };
  let validationMs = 0;
  for (const [id, ms] of self) if (validating(id)) validationMs += ms;
  return { file, byId, self, total, validationMs, share: validationMs / total };
}

/**
 * CPU profiles of generate at N (PROFILE_RUNS of them, after one run that compiles under the
 * profiler's flags: its own compile cache file): validation's share as the median over the runs
 * (one run's share moves by a few points with the machine), and the tables of the median run.
 */
function profile(n) {
  const dir = path.join(PROJECT, `apps-${n}`);
  const profDir = path.join(WORK, `profile-${n}`);
  fs.rmSync(profDir, { recursive: true, force: true });
  log(`CPU profiles of generate at N=${n}`);
  const runs = [];
  // The same node arguments every run (the compile cache is per set of arguments): the profile is
  // written under one name and renamed after each run.
  const written = path.join(profDir, 'generate.cpuprofile');
  for (let i = 0; i <= PROFILE_RUNS; i++) {
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', 'generate.cpuprofile', BIN(), 'generate'], { cwd: dir, encoding: 'utf-8', maxBuffer: 1024 * 1024 * 1024, timeout: TIMEOUT_MS, env: { ...process.env, NODE_OPTIONS: SIDECAR_NODE_OPTIONS } });
    if (r.status !== 0) return { markdown: `profile failed: ${r.stderr}` };
    if (i === 0) continue;
    const file = path.join(profDir, `run-${i}.cpuprofile`);
    fs.renameSync(written, file);
    runs.push(readProfile(file));
  }
  runs.sort((a, b) => a.share - b.share);
  const { file, byId, self, total, validationMs, share } = runs[Math.floor(runs.length / 2)];
  const fns = new Map();
  const owners = new Map();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const name = functionName || '(anonymous)';
    const key = `${name} ${where(url)}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) || 0) + ms);
    const o = owner(url, name);
    owners.set(o, (owners.get(o) || 0) + ms);
  }
  const pct = (ms) => `${((100 * ms) / total).toFixed(1)}%`;
  const lines = [`CPU profile of \`cdk8s-argocd generate\` at N=${n.toLocaleString('en-US')} (sidecar settings; the run of median validation share of ${runs.length}; ${(total / 1000).toFixed(2)} s sampled; full profile: \`${path.relative(ROOT, file)}\`)`, ''];
  lines.push('| self time by package / folder | ms | share |', '|---|---|---|');
  for (const [o, ms] of [...owners].sort((a, b) => b[1] - a[1]).slice(0, 16)) lines.push(`| ${o} | ${ms.toFixed(0)} | ${pct(ms)} |`);
  lines.push('', '| top self-time functions | ms | share |', '|---|---|---|');
  for (const [k, ms] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`| \`${k}\` | ${ms.toFixed(0)} | ${pct(ms)} |`);
  return { markdown: lines.join('\n'), validationShare: share, validationMs, shareRange: [runs[0].share, runs[runs.length - 1].share], runs: runs.length };
}

// --- report ----------------------------------------------------------------------------------------

const fmtN = (n) => n.toLocaleString('en-US');
const cell = (r) => (r.error ? 'failed' : `${r.wall.toFixed(2)} s / ${r.rss === undefined ? '?' : r.rss.toFixed(0)} MiB`);
const ratio = (a, b) => (!a || !b || a.error || b.error ? undefined : a.wall / b.wall);
const cpuRatio = (a, b) => (!a || !b || a.error || b.error || !a.cpu || !b.cpu ? undefined : a.cpu / b.cpu);
const x = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)}×`);
const verdict = (v, ok) => (v === undefined ? 'n/a' : ok(v) ? 'met' : '**not met**');

function report(pack, table, appSet, prof) {
  const out = [];
  out.push(`Measured on node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}; median of ${RUNS} runs; wall time / peak RSS (\`/usr/bin/time -v\`). `
    + `The package is \`npm pack\`ed (${pack.files} files, ${(pack.bytes / 1024).toFixed(0)} KiB) and installed into \`.bench/project/\` with cdk8s and constructs, as a user installs it.`);
  out.push('', `## Rendering N Applications (wall s / peak RSS MiB)`, '');
  out.push(`| variant | ${SIZES.map((n) => `N=${fmtN(n)}`).join(' | ')} |`, `|---|${SIZES.map(() => '---').join('|')}|`);
  for (const v of VARIANTS) out.push(`| ${v.label} | ${SIZES.map((n) => cell(table[n][v.id])).join(' | ')} |`);
  out.push(`| validateManifests alone on the same objects (fresh process, first call) | ${SIZES.map((n) => (table[n].validation.error ? 'failed' : `${(table[n].validation.validateMs / 1000).toFixed(2)} s`)).join(' | ')} |`);
  out.push(`| validateManifests again in the same process (validators loaded, caches warm) | ${SIZES.map((n) => (table[n].validation.error ? 'failed' : `${(table[n].validation.warmMs / 1000).toFixed(2)} s`)).join(' | ')} |`);
  out.push(`| generate output (MB) | ${SIZES.map((n) => (table[n].generate.error ? 'n/a' : (table[n].generate.bytes / 1e6).toFixed(2))).join(' | ')} |`);
  out.push(`| generate output byte-identical to \`cdk8s synth\`'s dist/ | ${SIZES.map((n) => (table[n].sameAsSynth)).join(' | ')} |`);

  out.push('', '## Ratios (issue 15 targets)', '');
  out.push(`| ratio | ${SIZES.map((n) => `N=${fmtN(n)}`).join(' | ')} |`, `|---|${SIZES.map(() => '---').join('|')}|`);
  const row = (label, f) => out.push(`| ${label} | ${SIZES.map((n) => f(table[n], n)).join(' | ')} |`);
  row('generate ÷ floor', (t) => x(ratio(t.generate, t.floor)));
  row('generate (sidecar) ÷ floor', (t) => x(ratio(t.sidecar, t.floor)));
  row('generate (sidecar) ÷ floor, CPU time (user + sys: less sensitive to other load on the machine)', (t) => x(cpuRatio(t.sidecar, t.floor)));
  row('generate (sidecar, first render after it starts: empty caches) ÷ floor', (t) => x(ratio(t['sidecar-cold'], t.floor)));
  row('default `cdk8s synth` ÷ generate (sidecar)', (t) => x(ratio(t['synth-default'], t.sidecar)));
  row('precompiled `cdk8s synth` ÷ floor', (t) => x(ratio(t['synth-precompiled'], t.floor)));
  row('plain `ApiObject`s generate ÷ floor', (t) => x(ratio(t['api-objects'], t.floor)));
  row(`validation share inside generate (sidecar; CPU profiles: samples in the engine's validateManifests ÷ all samples; median of ${PROFILE_RUNS} runs, range in brackets)`,
    (t) => (t.profile?.validationShare === undefined ? 'n/a'
      : `${(100 * t.profile.validationShare).toFixed(1)}% (${t.profile.validationMs.toFixed(0)} ms) [${t.profile.shareRange.map((v) => (100 * v).toFixed(1)).join('–')}%]`));
  row('validateManifests alone in a fresh process (first call, no compile cache) ÷ generate (sidecar)', (t) => (t.validation.error || t.sidecar.error ? 'n/a' : `${((100 * t.validation.validateMs) / 1000 / t.sidecar.wall).toFixed(1)}%`));

  out.push('', '| target (as the sidecar runs it) | measured | |', '|---|---|---|');
  const has = (n) => SIZES.includes(n);
  if (has(100)) {
    const r = ratio(table[100].sidecar, table[100].floor);
    out.push(`| generate ≤ 1.3× the floor at 100 | ${x(r)} | ${verdict(r, (v) => v <= 1.3)} |`);
    const s = ratio(table[100]['synth-default'], table[100].sidecar);
    out.push(`| generate ≥ 10× faster than default \`cdk8s synth\` at 100 | ${x(s)} | ${verdict(s, (v) => v >= 10)} |`);
  }
  if (has(10000)) {
    const r = ratio(table[10000].sidecar, table[10000].floor);
    out.push(`| generate ≤ 1.5× the floor at 10,000 | ${x(r)} | ${verdict(r, (v) => v <= 1.5)} |`);
    const mib = table[10000].sidecar.error ? undefined : table[10000].sidecar.rss;
    out.push(`| peak ≤ 150 MiB at 10,000 | ${mib === undefined ? 'n/a' : `${mib.toFixed(0)} MiB`} | ${verdict(mib, (v) => v <= 150)} |`);
  }
  if (has(1000) && has(10000)) {
    const g = ratio(table[10000].sidecar, table[1000].sidecar);
    out.push(`| growth time(10,000) ÷ time(1,000) ≤ 10 | ${x(g)} | ${verdict(g, (v) => v <= 10)} |`);
  }
  const shares = SIZES.map((n) => table[n].profile?.validationShare);
  const worst = shares.includes(undefined) ? undefined : Math.max(...shares);
  out.push(`| validation ≤ 10% of generate at every size (worst; inside generate, from the CPU profile) | ${worst === undefined ? 'n/a' : `${(100 * worst).toFixed(1)}%`} | ${verdict(worst, (v) => v <= 0.1)} |`);

  out.push('', `## ApplicationSet: ${fmtN(APPSET_SIZE)} Applications from one list generator`, '');
  if (appSet.error) {
    out.push(`failed: ${appSet.error}`);
  } else {
    out.push('| step | time |', '|---|---|');
    out.push(`| require the package + parse the YAML | ${appSet.loadMs.toFixed(0)} ms |`);
    out.push(`| expandApplicationSet | ${appSet.expandMs.toFixed(0)} ms |`);
    out.push(`| validateManifests of the ${fmtN(APPSET_SIZE)} Applications (with the AppProject) | ${appSet.validateMs.toFixed(0)} ms (${appSet.problems} problems) |`);
    out.push(`| the whole process (wall / peak RSS) | ${cell(appSet)} |`);
    out.push(`| \`cdk8s-argocd appset generate appset.yaml\` (expand, validate, write YAML) | ${cell(appSet.cli)} |`);
  }
  if (prof) out.push('', '## Where generate spends its time', '', prof);
  return `${out.join('\n')}\n`;
}

// --- main ------------------------------------------------------------------------------------------

if (!fs.existsSync(TIME)) fail(`${TIME} is missing (GNU time: apt-get install time): it measures the peak RSS`);
if (!fs.existsSync(path.join(ROOT, 'lib', 'src', 'cli', 'main.js'))) fail('lib/ is not compiled: run `npm run bench` (it compiles first)');
if (!fs.existsSync(CDK8S)) fail(`${CDK8S} is missing: npm install the devDependencies (cdk8s-cli)`);
fs.mkdirSync(WORK, { recursive: true });
log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, ${RUNS} runs per cell (median), sizes ${SIZES.join(', ')}`);
const started = Date.now();
const pack = installPackage();
const table = renderBenchmark();
const appSet = appSetBenchmark();
// Profiles at every size (validation's share of generate); the tables of the largest and smallest go in the report.
if (PROFILE) for (const n of SIZES) table[n].profile = profile(n);
const prof = PROFILE ? [...new Set([Math.max(...SIZES), Math.min(...SIZES)])].map((n) => table[n].profile.markdown).join('\n\n') : undefined;
process.stdout.write(report(pack, table, appSet, prof));
log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
