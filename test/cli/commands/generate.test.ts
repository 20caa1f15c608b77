import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';

// Runs the compiled CLI (npm test compiles lib/ first) as Argo CD's cmp-server would: in a fresh
// directory holding only the repository files (mode 0644, no node_modules), HOME unwritable.
const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'cdk8s-argocd');
const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'cmp', 'basic');

const ARGOCD_ENV = {
  ARGOCD_APP_NAME: 'platform',
  ARGOCD_APP_NAMESPACE: 'web',
  ARGOCD_APP_PROJECT_NAME: 'web-team',
  ARGOCD_APP_REVISION: '0123456789abcdef0123456789abcdef01234567',
  ARGOCD_APP_REVISION_SHORT: '0123456',
  ARGOCD_APP_REVISION_SHORT_8: '01234567',
  ARGOCD_APP_SOURCE_REPO_URL: 'https://git.example.com/platform.git',
  ARGOCD_APP_SOURCE_PATH: 'apps/platform',
  ARGOCD_APP_SOURCE_TARGET_REVISION: 'main',
  KUBE_VERSION: '1.30.2',
  KUBE_API_VERSIONS: 'v1,v1/Pod,apps/v1,apps/v1/Deployment,argoproj.io/v1alpha1',
};

let dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A repository checkout as the sidecar extracts it: the given files, mode 0644. */
function checkout(files: { [name: string]: string }): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmp-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content, { mode: 0o644 });
  }
  return dir;
}

function fixtureFiles(): { [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const f of fs.readdirSync(FIXTURE)) out[f] = fs.readFileSync(path.join(FIXTURE, f), 'utf-8');
  return out;
}

function env(extra: { [k: string]: string } = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: '/nonexistent-home', ...ARGOCD_ENV, ...extra };
}

function generate(dir: string, extra: { [k: string]: string } = {}, args: string[] = []) {
  const r = spawnSync(process.execPath, [BIN, 'generate', ...args], { cwd: dir, env: env(extra), encoding: 'utf-8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const APP = (body: string) => `import { ApiObject, App, Chart } from 'cdk8s';
const app = new App();
const chart = new Chart(app, 'c', { namespace: 'argocd' });
const application = (name: string) => new ApiObject(chart, name, {
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name },
  spec: { project: 'default', source: { repoURL: 'https://example.com/r.git', path: '.', targetRevision: 'main' },
    destination: { server: 'https://kubernetes.default.svc', namespace: 'x' } },
});
${body}
app.synth();
`;

describe('generate in an Argo CD-like checkout', () => {
  test('prints the rendered objects, with the build environment and parameters applied', () => {
    const dir = checkout(fixtureFiles());
    const r = generate(dir, {
      ARGOCD_APP_PARAMETERS: JSON.stringify([{ name: 'teams', array: ['web', 'api'] }, { name: 'labels', map: { tier: 'gold' } }]),
      ARGOCD_ENV_REGION: 'eu-west-1',
    });
    expect(r.stderr).toContain('generate: entry main.ts (from cdk8s.yaml app)');
    expect(r.status).toBe(0);
    const docs = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(docs.map((d) => d.metadata.name)).toEqual(['web-dev', 'api-dev']);
    expect(docs[0]).toMatchObject({
      kind: 'Application',
      metadata: {
        namespace: 'argocd',
        labels: { tier: 'gold', revision: '0123456' },
        annotations: { 'example.com/app-name': 'platform', 'example.com/kube': '1.30.2', 'example.com/region': 'eu-west-1' },
      },
      spec: { project: 'web-team', source: { repoURL: 'https://git.example.com/platform.git', path: 'deploy/web' }, destination: { namespace: 'web' } },
    });
    // The app's console.log went to stderr, never stdout.
    expect(r.stderr).toContain('noise from the app on stdout');
    expect(r.stdout).not.toContain('noise');
  });

  test('applies the announced defaults of the plugin config', () => {
    const dir = checkout(fixtureFiles());
    const pluginYaml = path.join(checkout({
      'plugin.yaml': YAML.stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ConfigManagementPlugin',
        metadata: { name: 'cdk8s-argocd' },
        spec: { version: 'v1', generate: { command: ['cdk8s-argocd', 'generate'] }, parameters: { static: [{ name: 'stage', string: 'prod' }, { name: 'teams', collectionType: 'array', array: ['ops'] }] } },
      }),
    }), 'plugin.yaml');
    const r = generate(dir, { CDK8S_ARGOCD_PLUGIN_CONFIG: pluginYaml, ARGOCD_APP_PARAMETERS: JSON.stringify([{ name: 'stage', string: 'qa' }]) });
    expect(r.status).toBe(0);
    expect(YAML.parseAllDocuments(r.stdout).map((d) => d.toJS().metadata.name)).toEqual(['ops-qa']);
  });

  test('renders identically outside Argo CD with flags', () => {
    const dir = checkout(fixtureFiles());
    const inside = generate(dir, { ARGOCD_APP_PARAMETERS: JSON.stringify([{ name: 'stage', string: 'prod' }]), ARGOCD_ENV_REGION: 'eu' });
    const outside = generate(dir, {}, ['--parameter', 'stage=prod', '--env', 'REGION=eu']);
    expect(outside.status).toBe(0);
    expect(outside.stdout).toEqual(inside.stdout);
  });

  test('is deterministic and --format json gives the same objects', () => {
    const dir = checkout(fixtureFiles());
    const a = generate(dir);
    const b = generate(dir);
    expect(a.stdout).toEqual(b.stdout);
    const json = generate(dir, {}, ['--format', 'json']);
    expect(json.status).toBe(0);
    expect(YAML.parseAllDocuments(json.stdout).map((d) => d.toJS())).toEqual(YAML.parseAllDocuments(a.stdout).map((d) => d.toJS()));
  });

  test('takes the entry from ARGOCD_ENV_CDK8S_ARGOCD_ENTRY, else main.ts', () => {
    const dir = checkout({ 'src/other.ts': APP("application('other');"), 'main.ts': APP("application('main');") });
    const r = generate(dir, { ARGOCD_ENV_CDK8S_ARGOCD_ENTRY: 'src/other.ts' });
    expect(r.stderr).toContain('entry src/other.ts (from ARGOCD_ENV_CDK8S_ARGOCD_ENTRY)');
    expect(YAML.parse(r.stdout).metadata.name).toBe('other');
    const d = generate(dir);
    expect(d.stderr).toContain('entry main.ts (from default)');
    expect(YAML.parse(d.stdout).metadata.name).toBe('main');
  });

  test('keeps transpiled files in the transpile cache and renders the same from it', () => {
    const dir = checkout(fixtureFiles());
    const cache = checkout({});
    fs.chmodSync(cache, 0o700);
    const first = generate(dir, { CDK8S_ARGOCD_TRANSPILE_CACHE: cache });
    expect(fs.readdirSync(cache).filter((f) => f.endsWith('.js'))).toHaveLength(1);
    const second = generate(dir, { CDK8S_ARGOCD_TRANSPILE_CACHE: cache });
    expect(second.status).toBe(0);
    expect(second.stdout).toEqual(first.stdout);
  });

  test('a stack trace points at the TypeScript line', () => {
    const dir = checkout({ 'main.ts': APP("\n\nfunction fail(): never {\n  throw new Error('boom');\n}\nfail();") });
    const r = generate(dir, { CDK8S_ARGOCD_TRANSPILE_CACHE: 'off' });
    expect(r.status).toBe(1);
    // `file:line:column: error: …` relative to the application directory, the stack only with --debug
    expect(r.stderr).toMatch(/^main\.ts:12:\d+: error: the app threw Error: boom$/m);
    expect(r.stdout).toBe('');
    const debug = generate(dir, { CDK8S_ARGOCD_TRANSPILE_CACHE: 'off' }, ['--debug']);
    expect(debug.stderr).toMatch(new RegExp(`at fail \\(${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/main\\.ts:12:`));
  });

  test('zero objects are allowed with ARGOCD_ENV_ALLOW_EMPTY=true', () => {
    const dir = checkout({ 'main.ts': APP('') });
    const r = generate(dir, { ARGOCD_ENV_ALLOW_EMPTY: 'true' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });
});

describe('generate fails closed', () => {
  const cases: Array<[string, { [name: string]: string }, { [k: string]: string }, RegExp]> = [
    ['fails when the TypeScript has a syntax error', { 'main.ts': APP('const x: = 1;') }, {}, /main\.ts:\d+:\d+: error: TypeScript syntax error/],
    ['fails when a construct throws', { 'main.ts': APP("application('a'); throw new Error('boom in construct');") }, {}, /boom in construct/],
    ['fails when validation finds an error', { 'main.ts': APP("application('Not_A_Valid_Name');") }, {}, /validation failed/],
    ['fails when the app renders zero objects', { 'main.ts': APP('') }, {}, /zero objects/],
    ['fails when ARGOCD_APP_PARAMETERS is malformed', { 'main.ts': APP("application('a');") }, { ARGOCD_APP_PARAMETERS: '[{"name": "x", "array": "not-a-list"}]' }, /"array" must be a list of strings/],
    ['fails when ARGOCD_APP_PARAMETERS is not JSON', { 'main.ts': APP("application('a');") }, { ARGOCD_APP_PARAMETERS: '{oops' }, /not valid JSON/],
    ['fails when the entry is missing', { 'README.md': '# nothing here' }, {}, /main\.ts does not exist/],
    ['fails when the entry points outside the app directory', { 'main.ts': APP("application('a');") }, { ARGOCD_ENV_CDK8S_ARGOCD_ENTRY: '../../etc/x.ts' }, /outside the application directory/],
    ['fails when the repository pins an incompatible cdk8s-argocd', {
      'main.ts': APP("application('a');"),
      'node_modules/cdk8s-argocd/package.json': JSON.stringify({ name: 'cdk8s-argocd', version: '99.0.0' }),
    }, {}, /pins cdk8s-argocd 99\.0\.0/],
  ];
  test.each(cases)('%s', (_, files, extra, message) => {
    const r = generate(checkout(files), extra);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('console.log noise: exit 0 and clean stdout', () => {
    const dir = checkout({ 'main.ts': APP("console.log('hello'); process.stdout.write('raw write\\n'); console.info('info'); application('a');") });
    const r = generate(dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/hello[\s\S]*raw write[\s\S]*info/);
    const docs = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
    expect(docs).toHaveLength(1);
    expect(docs[0].kind).toBe('Application');
  });

  test('writes the whole stream to a reader slower than the render, then exits with the code', async () => {
    // 3,000 objects: far more than a pipe holds, so the writes wait for the reader (the CLI exits
    // as soon as main returns and the streams are flushed: nothing may be cut off)
    const dir = checkout({ 'main.ts': APP('for (let i = 0; i < 3000; i++) application(`app-${i}`);') });
    const child = spawn(process.execPath, [BIN, 'generate'], { cwd: dir, env: env() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stdout.resume();
    const closed = new Promise<void>((resolve) => child.stdout.on('end', () => resolve()));
    expect(await exited).toBe(0);
    await closed;
    const docs = YAML.parseAllDocuments(stdout).map((d) => d.toJS());
    expect(docs).toHaveLength(3000);
    expect(docs[2999].metadata.name).toBe('app-2999');
  });

  test('SIGTERM mid-render ends it without output', async () => {
    const dir = checkout({ 'main.ts': APP("application('a'); process.stderr.write('rendering\\n'); const end = Date.now() + 20000; while (Date.now() < end) { /* a long render */ }") });
    const child = spawn(process.execPath, [BIN, 'generate'], { cwd: dir, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const started = new Promise<void>((resolve) => child.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('rendering')) resolve();
    }));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await started;
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(code === 0).toBe(false);
    expect(signal ?? code).toBeTruthy();
    expect(stdout).toBe('');
  });
});
