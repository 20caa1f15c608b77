import * as path from 'path';
import { ROOT, runCli, tempDir } from '../run-cli';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    argocd.argoproj.io/sync-wave: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: config
  namespace: shop
---
apiVersion: batch/v1
kind: Job
metadata:
  generateName: migrate-
  namespace: shop
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/hook-delete-policy: HookSucceeded
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
`;

const LIVE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: config
  namespace: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: legacy
  namespace: shop
  annotations:
    argocd.argoproj.io/sync-wave: "5"
`;

describe('cdk8s-argocd plan', () => {
  test('prints the JSON plan in execution order, exit 0', () => {
    // GIVEN
    const dir = tempDir({ 'app.yaml': MANIFESTS, 'live/live.yaml': LIVE });
    // WHEN
    const r = runCli(['plan', path.join(dir, 'app.yaml'), '--live', path.join(dir, 'live'), '--format', 'json']);
    // THEN
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      tasks: [
        { phase: 'PreSync', wave: 0, group: '', kind: 'Namespace', namespace: '', name: 'shop', hookTypes: [], deletePolicies: [] },
        { phase: 'PreSync', wave: 0, group: 'batch', kind: 'Job', namespace: 'shop', name: 'migrate-', hookTypes: ['PreSync'], deletePolicies: ['HookSucceeded'] },
        { phase: 'Sync', wave: 0, group: '', kind: 'ConfigMap', namespace: 'shop', name: 'config', hookTypes: [], deletePolicies: [] },
        { phase: 'Sync', wave: 1, group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web', hookTypes: [], deletePolicies: [] },
      ],
      prune: [
        { phase: 'Sync', wave: 5, group: '', kind: 'ConfigMap', namespace: 'shop', name: 'legacy', hookTypes: [], deletePolicies: [] },
      ],
    });
    expect(r.stderr).toBe('');
  });

  test('prints a text table grouped by phase and wave', () => {
    const dir = tempDir({ 'app.yaml': MANIFESTS });
    const r = runCli(['plan', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      'PreSync · wave 0',
      '  apply  Namespace shop',
      '  apply  Job.batch shop/migrate-  hook PreSync; delete HookSucceeded',
      'Sync · wave 0',
      '  apply  ConfigMap shop/config',
      'Sync · wave 1',
      '  apply  Deployment.apps shop/web',
      '',
      '3 steps: multi-step sync, Argo CD waits until every object of a wave is healthy before the next; wave delays add about 4s (2s each, ARGOCD_SYNC_WAVE_DELAY)',
      '',
    ].join('\n'));
  });

  test('prints a mermaid flowchart', () => {
    const dir = tempDir({ 'app.yaml': MANIFESTS });
    const r = runCli(['plan', dir, '--format', 'mermaid']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^flowchart TD\n {2}subgraph PreSync\["PreSync"\]\n {4}s0\["wave 0<br\/>Namespace shop<br\/>Job.batch shop\/migrate-"\]/);
    expect(r.stdout).toContain('  s0 --> s1\n  s1 --> s2\n');
  });

  test('plans the reference workload', () => {
    const r = runCli(['plan', path.join(ROOT, 'dist', 'workload'), '--format', 'json']);
    expect(r.status).toBe(0);
    const { tasks } = JSON.parse(r.stdout);
    expect(tasks.map((t: any) => `${t.phase}/${t.wave}/${t.kind}/${t.name}`)).toEqual([
      'PreSync/0/Namespace/shop',
      'PreSync/0/Job/db-migrate-',
      // the CDN-purge change hook's gate (postSyncGate): its state, minimal RBAC and two PostSync Jobs
      'Sync/0/ServiceAccount/shop-change-hooks-state-gate',
      'Sync/0/Secret/session-key',
      'Sync/0/ConfigMap/nginx-config',
      'Sync/0/ConfigMap/shop-change-hooks-state',
      'Sync/0/ConfigMap/web-config',
      'Sync/0/Role/shop-change-hooks-state-gate',
      'Sync/0/RoleBinding/shop-change-hooks-state-gate',
      'Sync/0/Deployment/cache',
      'Sync/1/Service/cache',
      'Sync/2/Deployment/web',
      'Sync/3/Service/web',
      'PostSync/0/Job/cdn-purge-run',
      'PostSync/0/Job/smoke-test-',
      'PostSync/1/Job/cdn-purge-record',
      'SyncFail/0/Job/notify-sync-failure',
    ]);
  });

  test('the reference workload validates without problems', () => {
    const r = runCli(['validate', path.join(ROOT, 'dist', 'workload'), '--format', 'json', '--strict']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, problems: [] });
  });

  test('fails with exit 1 when a path does not exist', () => {
    const r = runCli(['plan', '/no/such/dir', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no such file or directory: \/no\/such\/dir/);
  });

  test('fails with exit 1 when a file does not parse', () => {
    const dir = tempDir({ 'bad.yaml': 'a: [1,\n' });
    const r = runCli(['plan', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^.*bad\.yaml:2:1: error: cannot parse YAML: .* \[yaml\/parse\]$/m);
    expect(r.stderr).toMatch(/^plan: not planned: fix the errors above/m);
  });

  test('fails with exit 2 on a bad flag', () => {
    const dir = tempDir({ 'app.yaml': MANIFESTS });
    expect(runCli(['plan', dir, '--format', 'xml']).status).toBe(2);
    const r = runCli(['plan', dir, '--wave-delay', 'soon']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/option '--wave-delay' must be a whole number of seconds, got "soon"/);
    expect(runCli(['plan']).status).toBe(2);
  });
});

describe('cdk8s-argocd plan validates what it plans', () => {
  const CM = (name: string, annotations: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  annotations:\n${annotations}---\n`;

  test('fails when the manifests have errors: the problems on stderr, nothing on stdout', () => {
    const dir = tempDir({ 'a.yaml': CM('a', '    argocd.argoproj.io/sync-options: Prune=False\n') });
    const r = runCli(['plan', 'a.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^a\.yaml:6:38: error: sync option "Prune=False" .*use "Prune=false" \[sync-options\/unknown\]$/m);
    expect(r.stderr).toMatch(/^1 error, 0 warnings in 1 object \(1 file\)\nplan: not planned: fix the errors above/m);
  });

  test('fails when a live object has a sync option Argo CD does not honour (Prune=False is pruned all the same)', () => {
    const dir = tempDir({ 'desired/a.yaml': CM('a', '    x: z\n'), 'live/b.yaml': CM('b', '    argocd.argoproj.io/sync-options: Prune=False\n') });
    const r = runCli(['plan', 'desired', '--live', 'live'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^live\/b\.yaml:6:38: error: sync option "Prune=False" .* \[sync-options\/unknown\]$/m);
  });

  test('warnings are reported and the plan is printed; configuration files are skipped; an empty folder fails', () => {
    const dir = tempDir({ 'm/a.yaml': CM('a', '    argocd.argoproj.io/sync-wave: "1"\n    z: yes\n'), 'm/package.json': '{"name": "x"}', 'empty/readme.md': 'x' });
    const r = runCli(['plan', 'm', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).tasks.map((t: any) => `${t.kind}/${t.name} ${t.wave}`)).toEqual(['ConfigMap/a 1']);
    expect(r.stderr).toMatch(/^m\/package\.json: notice: skipped: package\.json is a configuration file/m);
    expect(r.stderr).toMatch(/^m\/a\.yaml:7:8: warning: z: yes is the boolean true .* \[yaml\/ambiguous-value\]$/m);
    expect(r.stderr).toMatch(/^0 errors, 1 warning in 1 object \(1 file\); 1 file skipped$/m);
    const empty = runCli(['plan', 'empty'], { cwd: dir });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/^error: empty holds no \.yaml, \.yml or \.json file/m);
  });
});
