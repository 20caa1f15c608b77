#!/usr/bin/env node
/* eslint-disable */
'use strict';
// Benchmarks for `npm run bench` (which compiles lib/ first). Plain JS, no dependencies besides
// the project's own. Prints a markdown table per benchmark.
//
// 1. Rendering N Argo CD Applications (N = 100, 1,000, 10,000; BENCH_SIZES to change), in one run:
//    - `cdk8s-argocd generate` (the CMP entry point: runs main.ts in-process, validates, prints YAML)
//    - the same with `--format json` (one JSON document per object: the same stream for Argo CD)
//    - `cdk8s synth` with its default app (`npx ts-node main.ts`)
//    - `cdk8s synth` on a precompiled app (`node main.js`)
//    - the floor: the same plain objects written with `yaml` stringify in node (no cdk8s)
//    Wall time and peak RSS (/usr/bin/time -v if present, else process.resourceUsage of the
//    child), median of BENCH_RUNS (default 3) runs, and ratios vs the floor and vs default synth.
// 2. Loading the schema validators + validateManifests on 10,000 Applications, in a fresh process.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const BIN = path.join(ROOT, 'bin', 'cdk8s-argocd');
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');
const SIZES = (process.env.BENCH_SIZES || '100,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 180000);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// The objects every variant renders (the same shape as reference/toolchain.md §3).
const OBJECT_JS = `(i) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: {
    name: 'app-' + i,
    namespace: 'argocd',
    labels: { team: 'team-' + (i % 10), tier: 'backend' },
    finalizers: ['resources-finalizer.argocd.argoproj.io'],
  },
  spec: {
    project: 'default',
    source: { repoURL: 'https://github.com/example-org/apps.git', path: 'apps/app-' + i, targetRevision: 'main' },
    destination: { server: 'https://kubernetes.default.svc', namespace: 'ns-' + i },
    syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'] },
  },
})`;

function mainTs(n) {
  return `import { ApiObject, App, Chart } from 'cdk8s';
const object = ${OBJECT_JS.replace('(i) =>', '(i: number) =>')};
const app = new App();
const chart = new Chart(app, 'apps');
for (let i = 0; i < ${n}; i++) {
  const o = object(i);
  new ApiObject(chart, o.metadata.name, o as any);
}
app.synth();
`;
}

function floorJs(n) {
  return `'use strict';
const YAML = require(${JSON.stringify(require.resolve('yaml', { paths: [ROOT] }))});
const object = ${OBJECT_JS};
const docs = [];
for (let i = 0; i < ${n}; i++) docs.push(object(i));
process.stdout.write(docs.map((d) => YAML.stringify(d)).join('---\\n'));
`;
}

function setup(n) {
  const dir = path.join(WORK, `apps-${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.ts'), mainTs(n));
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\noutput: dist\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true } }));
  fs.writeFileSync(path.join(dir, 'floor.js'), floorJs(n));
  // The precompiled app (compiling is not timed, as in reference/toolchain.md §3).
  const esbuild = require(require.resolve('esbuild', { paths: [ROOT] }));
  fs.writeFileSync(path.join(dir, 'main.js'), esbuild.transformSync(fs.readFileSync(path.join(dir, 'main.ts'), 'utf-8'), { loader: 'ts', format: 'cjs', target: 'node20' }).code);
  return dir;
}

function measure(cmd, args, cwd) {
  const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false' };
  const out = path.join(cwd, 'stdout.tmp');
  const fd = fs.openSync(out, 'w');
  let r;
  const start = process.hrtime.bigint();
  if (TIME) {
    r = spawnSync(TIME, ['-v', cmd, ...args], { cwd, env, stdio: ['ignore', fd, 'pipe'], timeout: TIMEOUT_MS, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  } else {
    r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', fd, 'pipe'], timeout: TIMEOUT_MS, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  }
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  fs.closeSync(fd);
  const bytes = fs.statSync(out).size;
  if (r.status !== 0) {
    return { error: `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}: ${(r.stderr || '').split('\n').filter((l) => !/^\t/.test(l)).slice(-3).join(' ')}` };
  }
  let rss;
  if (TIME) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    rss = m ? Number(m[1]) / 1024 : undefined;
  } else {
    rss = process.resourceUsage().maxRSS / 1024; // best effort: the largest child so far
  }
  return { wall, rss, bytes };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(variant, n, dir) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const r = measure(variant.cmd, variant.args, dir);
    if (r.error) return r;
    results.push(r);
  }
  return { wall: median(results.map((r) => r.wall)), rss: median(results.map((r) => r.rss)), bytes: results[0].bytes };
}

const VARIANTS = [
  { id: 'floor', label: 'floor: `yaml` stringify in node', cmd: process.execPath, args: ['floor.js'] },
  { id: 'generate', label: '**`cdk8s-argocd generate`**', cmd: process.execPath, args: [BIN, 'generate'] },
  { id: 'generate-sidecar', label: '`cdk8s-argocd generate` as the sidecar runs it (`NODE_OPTIONS=--max-semi-space-size=1`)', cmd: process.execPath, args: ['--max-semi-space-size=1', BIN, 'generate'] },
  { id: 'generate-json', label: '`cdk8s-argocd generate --format json`', cmd: process.execPath, args: [BIN, 'generate', '--format', 'json'] },
  { id: 'synth-precompiled', label: '`cdk8s synth --app "node main.js"`', cmd: CDK8S, args: ['synth', '--app', 'node main.js'] },
  { id: 'synth-default', label: '`cdk8s synth` (default `npx ts-node main.ts`)', cmd: CDK8S, args: ['synth'] },
];

function renderBenchmark() {
  const table = {};
  for (const n of SIZES) {
    process.stderr.write(`bench: ${n} Applications\n`);
    const dir = setup(n);
    table[n] = {};
    for (const v of VARIANTS) {
      table[n][v.id] = run(v, n, dir);
      const r = table[n][v.id];
      process.stderr.write(`  ${v.id}: ${r.error ? r.error : `${r.wall.toFixed(2)} s, ${r.rss?.toFixed(0)} MB, ${(r.bytes / 1e6).toFixed(2)} MB out`}\n`);
    }
  }
  const cell = (r) => (r.error ? 'failed' : `${r.wall.toFixed(2)} s / ${r.rss === undefined ? '?' : r.rss.toFixed(0)} MB`);
  const lines = [];
  lines.push(`| variant | ${SIZES.map((n) => `N=${n.toLocaleString('en-US')}`).join(' | ')} |`);
  lines.push(`|---|${SIZES.map(() => '---').join('|')}|`);
  for (const v of VARIANTS) lines.push(`| ${v.label} | ${SIZES.map((n) => cell(table[n][v.id])).join(' | ')} |`);
  const ratio = (a, b) => (a.error || b.error ? 'n/a' : `${(a.wall / b.wall).toFixed(2)}×`);
  lines.push(`| generate ÷ floor (target ≤ 1.5×) | ${SIZES.map((n) => ratio(table[n].generate, table[n].floor)).join(' | ')} |`);
  lines.push(`| generate (sidecar settings) ÷ floor | ${SIZES.map((n) => ratio(table[n]['generate-sidecar'], table[n].floor)).join(' | ')} |`);
  lines.push(`| generate --format json ÷ floor | ${SIZES.map((n) => ratio(table[n]['generate-json'], table[n].floor)).join(' | ')} |`);
  lines.push(`| default cdk8s synth ÷ generate (target ≥ 8× at 100) | ${SIZES.map((n) => ratio(table[n]['synth-default'], table[n].generate)).join(' | ')} |`);
  return lines.join('\n');
}

function validationBenchmark() {
  const script = `
const t0 = process.hrtime.bigint();
const { validateManifests } = require(${JSON.stringify(path.join(ROOT, 'lib', 'src', 'validation'))});
const object = ${OBJECT_JS};
const objects = [];
for (let i = 0; i < 10000; i++) objects.push(object(i));
const t1 = process.hrtime.bigint();
const problems = validateManifests(objects);
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ loadAndBuildMs: Number(t1 - t0) / 1e6, validateMs: Number(t2 - t1) / 1e6, totalMs: Number(t2 - t0) / 1e6, problems: problems.length }));
`;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf-8', timeout: TIMEOUT_MS });
    if (r.status !== 0) return `validation benchmark failed: ${r.stderr}`;
    runs.push(JSON.parse(r.stdout));
  }
  const m = (k) => median(runs.map((r) => r[k])).toFixed(0);
  return [
    '| validators load + validateManifests, 10,000 Applications (target < 1 s) | ms |',
    '|---|---|',
    `| require validation engine (+ build objects) | ${m('loadAndBuildMs')} |`,
    `| validateManifests (validators loaded lazily on first Application) | ${m('validateMs')} |`,
    `| **total** | **${m('totalMs')}** |`,
    `| problems found | ${runs[0].problems} |`,
  ].join('\n');
}

if (!fs.existsSync(path.join(ROOT, 'lib', 'src', 'cli', 'main.js'))) {
  process.stderr.write('bench: lib/ is not compiled; run `npm run bench` (it compiles first)\n');
  process.exit(1);
}
fs.mkdirSync(WORK, { recursive: true });
process.stderr.write(`bench: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, ${RUNS} runs per cell (median), ${TIME ? '/usr/bin/time -v' : 'process.resourceUsage'}\n`);
const render = renderBenchmark();
const validation = validationBenchmark();
process.stdout.write(`## Rendering N Applications (wall s / peak RSS MB)\n\n${render}\n\n## Validation\n\n${validation}\n`);
