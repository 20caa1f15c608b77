import * as path from 'path';
import { ROOT, runCli, tempDir } from '../run-cli';

const GOOD = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: guestbook
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/argoproj/argocd-example-apps.git
    path: guestbook
    targetRevision: HEAD
  destination:
    server: https://kubernetes.default.svc
    namespace: guestbook
`;

const BAD = `${GOOD}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: broken
  namespace: argocd
spec:
  project: default
  source:
    repoUrl: https://github.com/argoproj/argocd-example-apps.git
    path: guestbook
  destination:
    server: https://kubernetes.default.svc
`;

describe('cdk8s-argocd validate', () => {
  test('exits 0 on the rendered reference apps in dist/', () => {
    const r = runCli(['validate', path.join(ROOT, 'dist')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings? in \d+ objects \(\d+ files?\)\n$/m);
    expect(r.status).toBe(0);
  });

  test('fails when one object is bad, with file, index, kind, name and pointer in JSON', () => {
    // GIVEN
    const dir = tempDir({ 'apps.yaml': BAD });
    // WHEN
    const r = runCli(['validate', '--format', 'json', path.join(dir, 'apps.yaml')]);
    // THEN
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.valid).toBe(false);
    expect(out.problems).toEqual([
      {
        severity: 'error',
        rule: 'schema/required',
        message: 'missing required field spec.source.repoURL: add it',
        file: path.join(dir, 'apps.yaml'),
        index: 2,
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        namespace: 'argocd',
        name: 'broken',
        path: '/spec/source/repoURL',
      },
      expect.objectContaining({
        severity: 'error',
        rule: 'schema/unknown-field',
        file: path.join(dir, 'apps.yaml'),
        index: 2,
        kind: 'Application',
        name: 'broken',
        path: '/spec/source/repoUrl',
        message: expect.stringMatching(/did you mean 'repoURL'\?/),
      }),
    ]);
    expect(Object.keys(out.problems[0])).toEqual(['severity', 'rule', 'message', 'file', 'index', 'apiVersion', 'kind', 'namespace', 'name', 'path']);
  });

  test('text output points at file:line:column of the offending node', () => {
    const dir = tempDir({ 'apps.yaml': BAD });
    const r = runCli(['validate', 'apps.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([
      // the missing repoURL points at its parent map, spec.source (line 29); the unknown field at its key
      'apps.yaml:29:5: error: missing required field spec.source.repoURL: add it [schema/required]',
      expect.stringMatching(/^apps\.yaml:29:5: error: unknown field 'repoUrl' in spec\.source: .* \[schema\/unknown-field\]$/),
      '2 errors, 0 warnings in 3 objects (1 file)',
    ]);
  });

  test('directories are searched recursively for .yaml, .yml and .json', () => {
    const dir = tempDir({
      'a/one.yaml': GOOD,
      'b/two.json': JSON.stringify({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'p' }, spec: { sourceRepo: ['*'] } }),
      'b/readme.md': 'not yaml',
    });
    const r = runCli(['validate', '--format', 'json', dir]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).problems.map((p: any) => `${path.relative(dir, p.file)} ${p.rule} ${p.path}`)).toEqual([
      'b/two.json schema/unknown-field /spec/sourceRepo',
    ]);
  });

  test('unparseable YAML is a problem with file and line, not a crash', () => {
    const dir = tempDir({ 'broken.yaml': `${GOOD}---\napiVersion: v1\nkind: [unclosed\n` });
    const r = runCli(['validate', 'broken.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^broken\.yaml:18:\d+: error: cannot parse YAML: .* \[yaml\/parse\]$/m);
    expect(r.stderr).toBe('');
  });

  test('--strict fails on warnings', () => {
    const dir = tempDir({ 'w.yaml': GOOD.replace('  source:\n', '  source:\n    helm: null\n') });
    expect(runCli(['validate', dir]).status).toBe(0);
    expect(runCli(['validate', '--strict', dir]).status).toBe(1);
  });

  test('fails when a path does not exist (exit 1, message on stderr, nothing on stdout)', () => {
    const r = runCli(['validate', '/no/such/file.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error: no such file or directory: \/no\/such\/file\.yaml/);
  });

  test('fails with exit 2 on usage errors, naming the flag', () => {
    const r = runCli(['validate', '--format', 'xml', 'x.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json/);
    expect(runCli(['validate']).status).toBe(2);
    expect(runCli(['no-such-command']).status).toBe(2);
  });

  test('--help prints usage on stdout and exits 0', () => {
    const r = runCli(['validate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: cdk8s-argocd validate \[options\] <paths\.\.\.>/);
  });
});

describe('cdk8s-argocd validate on List documents', () => {
  test('items of a kind: List are validated one by one, located inside the list', () => {
    const dir = tempDir({
      'list.yaml': [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  metadata: {name: a}',
        '- apiVersion: argoproj.io/v1alpha1',
        '  kind: AppProject',
        '  metadata: {name: p, namespace: argocd}',
        '  spec:',
        '    sourceRepo: ["*"]',
        '',
      ].join('\n'),
    });
    const r = runCli(['validate', 'list.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^list\.yaml:11:5: error: unknown field 'sourceRepo' in spec: .*did you mean 'sourceRepos'\? \[schema\/unknown-field\]$/);
    expect(r.stdout).toMatch(/^1 error, 0 warnings in 2 objects \(1 file\)$/m);
  });
});

describe('cdk8s-argocd validate --project and --plugin', () => {
  const PROJECT = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: AppProject',
    'metadata: {name: team, namespace: argocd}',
    'spec:',
    '  sourceRepos: ["https://github.com/example/*"]',
    '  destinations: [{server: "https://kubernetes.default.svc", namespace: "team-*"}]',
    '',
  ].join('\n');
  const APP = GOOD.replace('project: default', 'project: team');

  test('AppProjects given with --project are used for the cross-object checks', () => {
    const dir = tempDir({ 'app.yaml': APP, 'project.yaml': PROJECT });
    const r = runCli(['validate', '--format', 'json', '--project', 'project.yaml', 'app.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).problems.map((p: any) => `${p.rule} ${p.file} ${p.path}`)).toEqual([
      'project-permissions/source-repo app.yaml /spec/source/repoURL',
      'project-permissions/destination app.yaml /spec/destination',
    ]);
  });

  test('fails when a --project file holds something else', () => {
    const dir = tempDir({ 'app.yaml': APP });
    const r = runCli(['validate', '--project', 'app.yaml', 'app.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--project app\.yaml holds a "Application" \(document 0\); --project takes files of AppProject objects only/);
  });
});

describe('cdk8s-argocd validate on the wrong input', () => {
  test('fails when the directory holds no YAML or JSON, or a glob matches nothing (exit 1, not "0 problems")', () => {
    const dir = tempDir({ 'readme.md': '# docs' });
    const empty = runCli(['validate', dir]);
    expect(empty.status).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/^error: .* holds no \.yaml, \.yml or \.json file/m);
    const glob = runCli(['validate', 'manifests/**/*.yaml'], { cwd: dir });
    expect(glob.status).toBe(1);
    expect(glob.stderr).toMatch(/^error: manifests\/\*\*\/\*\.yaml matches no file/m);
  });

  test('configuration files are skipped with a notice on stderr; only configuration is an error', () => {
    const dir = tempDir({
      'package.json': '{"name": "x"}',
      'tsconfig.json': '{"compilerOptions": {}}',
      'cdk8s.yaml': 'language: typescript\napp: npx ts-node main.ts\n',
      'kustomization.yaml': 'resources: [app.yaml]\n',
      'app.yaml': GOOD,
    });
    const r = runCli(['validate', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 object (1 file); 4 files skipped\n');
    expect(r.stderr.trim().split('\n')).toEqual([
      'cdk8s.yaml: notice: skipped: cdk8s.yaml is a configuration file, not a Kubernetes manifest (--exclude it to silence this notice)',
      'kustomization.yaml: notice: skipped: kustomization.yaml is a configuration file, not a Kubernetes manifest (--exclude it to silence this notice)',
      'package.json: notice: skipped: package.json is a configuration file, not a Kubernetes manifest (--exclude it to silence this notice)',
      'tsconfig.json: notice: skipped: tsconfig.json is a configuration file, not a Kubernetes manifest (--exclude it to silence this notice)',
    ]);
    const only = runCli(['validate', 'package.json', 'tsconfig.json'], { cwd: dir });
    expect(only.status).toBe(1);
    expect(only.stderr).toMatch(/^error: no Kubernetes objects in package\.json tsconfig\.json \(every file is configuration, skipped: package\.json, tsconfig\.json\)/m);
  });

  test('--exclude leaves files out (a name glob or a path glob, repeatable); --skip-rule drops a rule or a family', () => {
    const dir = tempDir({ 'app.yaml': BAD, 'tests/bad.yaml': BAD, 'other.json': '{}' });
    const r = runCli(['validate', '--format', 'json', '.', '--exclude', 'tests/**', '--exclude', '*.json'], { cwd: dir });
    expect(JSON.parse(r.stdout).problems.map((p: any) => `${p.file} ${p.rule}`)).toEqual(['app.yaml schema/required', 'app.yaml schema/unknown-field']);
    expect(r.stderr).toBe('2 errors, 0 warnings in 3 objects (1 file)\n');
    const skipOne = runCli(['validate', 'app.yaml', '--skip-rule', 'schema/required'], { cwd: dir });
    expect(skipOne.stdout).toMatch(/^app\.yaml:29:5: error: .* \[schema\/unknown-field\]\n1 error, 0 warnings in 3 objects \(1 file\)\n$/);
    const skipFamily = runCli(['validate', 'app.yaml', '--skip-rule', 'schema/'], { cwd: dir });
    expect(skipFamily.status).toBe(0);
    expect(skipFamily.stdout).toBe('0 errors, 0 warnings in 3 objects (1 file)\n');
  });
});

describe('cdk8s-argocd validate reads YAML as Argo CD does', () => {
  const APP_WITH = (automated: string) => GOOD.replace('  destination:', `  syncPolicy:\n    automated:\n${automated}  destination:`);

  test('prune: yes is the boolean Argo CD reads, with a yaml/ambiguous-value warning (not a schema error)', () => {
    const dir = tempDir({ 'app.yaml': APP_WITH('      prune: yes\n') });
    const r = runCli(['validate', 'app.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      'app.yaml:14:14: warning: prune: yes is the boolean true to Argo CD and kubectl, which read YAML 1.1, but the string "yes" to YAML 1.2 tools: write true if a boolean is meant, or quote it ("yes") for a string [yaml/ambiguous-value]',
      '0 errors, 1 warning in 1 object (1 file)',
      '',
    ].join('\n'));
  });

  test('a repeated key is a yaml/duplicate-key warning naming the key and both lines; the other documents are still validated', () => {
    const dir = tempDir({ 'app.yaml': `${APP_WITH('      prune: true\n      prune: false\n')}---\n${BAD.split('---\n')[2]}` });
    const r = runCli(['validate', '--format', 'json', 'app.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).problems.map((p: any) => [p.severity, p.rule, p.index, p.name, p.path, p.message])).toEqual([
      ['warning', 'yaml/duplicate-key', 0, 'guestbook', '/spec/syncPolicy/automated/prune', expect.stringMatching(/^key "prune" is repeated \(lines 14 and 15\): Argo CD .* keeps the last value \(line 15\)/)],
      ['error', 'schema/required', 1, 'broken', '/spec/source/repoURL', expect.any(String)],
      ['error', 'schema/unknown-field', 1, 'broken', '/spec/source/repoUrl', expect.any(String)],
    ]);
  });

  test('fails when an unquoted {{ }} makes a flow mapping a key: a yaml/parse error, no Node warning', () => {
    const dir = tempDir({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  core: {{ .host }}\n' });
    const r = runCli(['validate', 'cm.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^cm\.yaml:5:10: error: cannot parse YAML: a flow mapping is used as a mapping key under "core", which Argo CD cannot decode \("unsupported map key"\): .*"\{\{ \.host \}\}" \[yaml\/parse\]$/m);
    expect(r.stderr).toBe('');
  });
});
