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
