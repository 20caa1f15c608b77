import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { ROOT, runCli, tempDir } from '../run-cli';

const OWN = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
const FILES = ['.cdk8s-argocd', '.gitignore', 'cdk8s.yaml', 'chart.ts', 'main.test.ts', 'main.ts', 'package.json', 'tsconfig.json'];

/**
 * The project's node_modules without the network: every package of this repository's
 * node_modules (linked), and cdk8s-argocd itself as this checkout (its compiled lib/).
 */
function linkDependencies(project: string): void {
  const modules = path.join(project, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  fs.symlinkSync(ROOT, path.join(modules, 'cdk8s-argocd'));
}

function run(bin: string, args: string[], cwd: string) {
  const r = spawnSync(path.join(cwd, 'node_modules', '.bin', bin), args, {
    cwd, encoding: 'utf-8', timeout: 180_000, env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', JEST_WORKER_ID: undefined, CI: 'true' },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('cdk8s-argocd init', () => {
  test('writes the project files into an empty directory, at the versions this CLI is built against', () => {
    const dir = tempDir();
    const r = runCli(['init', '--name', 'platform-apps'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('  wrote main.ts\n');
    expect(r.stderr).toContain('npx cdk8s-argocd synth');
    expect(fs.readdirSync(dir).sort()).toEqual(FILES);

    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
    expect(pkg.name).toBe('platform-apps');
    expect(pkg.dependencies).toEqual({
      'cdk8s-argocd': OWN.version,
      'cdk8s': `^${OWN.devDependencies.cdk8s}`,
      'constructs': `^${OWN.devDependencies.constructs}`,
    });
    for (const tool of ['typescript', 'ts-node', 'jest', 'ts-jest', '@types/jest', '@types/node']) {
      expect(pkg.devDependencies[tool]).toBe(OWN.devDependencies[tool]);
    }
    expect(pkg.devDependencies.typescript).toMatch(/^~6\.0\./);
    expect(YAML.parse(fs.readFileSync(path.join(dir, 'cdk8s.yaml'), 'utf-8'))).toEqual({ language: 'typescript', app: 'npx ts-node main.ts' });
    expect(fs.readFileSync(path.join(dir, 'chart.ts'), 'utf-8')).toContain("name: 'platform-apps'");
    expect(fs.readFileSync(path.join(dir, 'main.test.ts'), 'utf-8')).toContain('Testing.synth(');
    fs.rmSync(dir, { recursive: true });
  });

  test('fails when the directory is not empty, and writes nothing', () => {
    const dir = tempDir({ 'main.ts': '// mine\n', 'README.md': 'mine\n' });
    const r = runCli(['init'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is not empty (README.md, main.ts): run init in an empty directory, or pass --force to write the project files (overwriting main.ts); other files are left alone');
    expect(fs.readdirSync(dir).sort()).toEqual(['README.md', 'main.ts']);
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf-8')).toBe('// mine\n');
    fs.rmSync(dir, { recursive: true });
  });

  test('--force writes the project files and leaves other files alone; a .git directory does not count', () => {
    const dir = tempDir({ 'main.ts': '// mine\n', 'README.md': 'mine\n', '.git/HEAD': 'ref: refs/heads/main\n' });
    const r = runCli(['init', '--force'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf-8')).toBe('mine\n');
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf-8')).toContain('new ArgoCdChart(app, ');
    const onlyGit = tempDir({ '.git/HEAD': 'ref: refs/heads/main\n' });
    expect(runCli(['init'], { cwd: onlyGit }).status).toBe(0);
    fs.rmSync(dir, { recursive: true });
    fs.rmSync(onlyGit, { recursive: true });
  });

  test('fails when --name is not a lower-case name', () => {
    const dir = tempDir();
    const r = runCli(['init', '--name', 'My_Apps'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--name My_Apps: use lower-case letters, digits and '-'");
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });

  test('the project type-checks, synthesizes with cdk8s-argocd synth and with plain cdk8s synth, and its test passes', () => {
    const dir = tempDir();
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    linkDependencies(dir);

    const tsc = run('tsc', ['--noEmit', '-p', '.'], dir);
    expect(tsc.out).toBe('');
    expect(tsc.status).toBe(0);

    const synth = runCli(['synth'], { cwd: dir });
    expect(synth.stderr).toContain('wrote dist/argocd.k8s.yaml');
    expect(synth.status).toBe(0);
    const ours = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, 'dist', 'argocd.k8s.yaml'), 'utf-8')).map((d) => d.toJS());
    expect(ours.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([`AppProject/${path.basename(dir).toLowerCase()}`, 'Application/guestbook']);

    fs.rmSync(path.join(dir, 'dist'), { recursive: true });
    const cdk8s = run('cdk8s', ['synth'], dir);
    expect(cdk8s.status).toBe(0);
    const theirs = YAML.parseAllDocuments(fs.readFileSync(path.join(dir, 'dist', 'argocd.k8s.yaml'), 'utf-8')).map((d) => d.toJS());
    expect(theirs).toEqual(ours);

    const jest = run('jest', ['--ci', '--coverage=false'], dir);
    expect(jest.out).toMatch(/Tests:\s+1 passed, 1 total/);
    expect(jest.status).toBe(0);
    fs.rmSync(dir, { recursive: true });
  }, 300_000);
});
