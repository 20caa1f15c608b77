/** `cdk8s-argocd appset generate` (runs the compiled CLI: `npx tsc --build` first). */
import * as path from 'path';
import { ROOT, runCli, tempDir } from '../run-cli';

const APPSET = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: guestbook
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
  - list:
      elements:
      - cluster: engineering-dev
        url: https://1.2.3.4
      - cluster: engineering-prod
        url: https://5.6.7.8
  template:
    metadata:
      name: '{{.cluster}}-guestbook'
    spec:
      project: default
      source:
        repoURL: https://github.com/argoproj/argocd-example-apps.git
        targetRevision: HEAD
        path: guestbook
      destination:
        server: '{{.url}}'
        namespace: guestbook
`;

describe('appset generate', () => {
  test('prints the generated Applications as a YAML stream', () => {
    const dir = tempDir({ 'appset.yaml': APPSET });
    const r = runCli(['appset', 'generate', 'appset.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: engineering-dev-guestbook
  namespace: argocd
  finalizers:
    - resources-finalizer.argocd.argoproj.io
spec:
  project: default
  source:
    repoURL: https://github.com/argoproj/argocd-example-apps.git
    targetRevision: HEAD
    path: guestbook
  destination:
    server: https://1.2.3.4
    namespace: guestbook
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: engineering-prod-guestbook
  namespace: argocd
  finalizers:
    - resources-finalizer.argocd.argoproj.io
spec:
  project: default
  source:
    repoURL: https://github.com/argoproj/argocd-example-apps.git
    targetRevision: HEAD
    path: guestbook
  destination:
    server: https://5.6.7.8
    namespace: guestbook
`);
  });

  test('--format json prints one array', () => {
    const dir = tempDir({ 'appset.yaml': APPSET });
    const r = runCli(['appset', 'generate', 'appset.yaml', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const apps = JSON.parse(r.stdout);
    expect(apps.map((a: any) => a.metadata.name)).toEqual(['engineering-dev-guestbook', 'engineering-prod-guestbook']);
  });

  test('--repo and --clusters expand the fleet example', () => {
    const fleet = APPSET.replace(/generators:[\s\S]*?template:/, `generators:
  - matrix:
      generators:
      - git:
          repoURL: https://github.com/example-org/fleet.git
          revision: main
          directories:
          - path: apps/*
      - clusters: {}
  template:`).replace("'{{.cluster}}-guestbook'", "'{{.path.basename}}-{{.name}}'").replace("'{{.url}}'", "'{{.server}}'");
    const dir = tempDir({ 'appset.yaml': fleet });
    const r = runCli(['appset', 'generate', 'appset.yaml', '--repo', path.join(ROOT, 'apps/fleet/repo'),
      '--clusters', path.join(ROOT, 'apps/fleet/clusters.yaml'), '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).map((a: any) => a.metadata.name)).toEqual([
      'guestbook-dev-eu', 'guestbook-prod-eu', 'guestbook-in-cluster',
      'ingress-dev-eu', 'ingress-prod-eu', 'ingress-in-cluster',
      'metrics-dev-eu', 'metrics-prod-eu', 'metrics-in-cluster',
    ]);
  });

  test('--params feeds a pull request generator', () => {
    const prs = APPSET.replace(/- list:[\s\S]*?template:/, `- pullRequest:
      github:
        owner: org
        repo: app
  template:`).replace("'{{.cluster}}-guestbook'", "'pr-{{.number}}'").replace("'{{.url}}'", 'https://1.2.3.4');
    const dir = tempDir({ 'appset.yaml': prs, 'prs.json': JSON.stringify({ pullRequest: [{ number: '12', branch: 'feat' }] }) });
    const r = runCli(['appset', 'generate', 'appset.yaml', '--params', 'prs.json', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((a: any) => a.metadata.name)).toEqual(['pr-12']);
  });

  test('fails when a template fails, with the ApplicationSet, field and Go message, and nothing on stdout', () => {
    const dir = tempDir({ 'appset.yaml': APPSET.replace("'{{.cluster}}-guestbook'", "'{{.clustr}}'") });
    const r = runCli(['appset', 'generate', 'appset.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: ApplicationSet "guestbook": spec.template.metadata.name: failed to execute go template {{.clustr}}: template: base:1:2: executing "base" at <.clustr>: map has no entry for key "clustr"\n');
  });

  test('fails when a generated Application is invalid, and prints nothing on stdout', () => {
    const dir = tempDir({ 'appset.yaml': APPSET.replace("server: '{{.url}}'", "server: '{{.url}}'\n        name: '{{.cluster}}'") });
    const r = runCli(['appset', 'generate', 'appset.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Application engineering-dev-guestbook: error: /spec/destination: spec.destination sets both server "https://1.2.3.4" and name "engineering-dev"');
    expect(r.stderr).toContain('2 problems in 2 generated Applications: nothing written');
  });

  test('fails when a remote generator has no --params', () => {
    const dir = tempDir({ 'appset.yaml': APPSET.replace(/- list:[\s\S]*?template:/, '- plugin:\n      configMapRef:\n        name: p\n  template:') });
    const r = runCli(['appset', 'generate', 'appset.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the plugin generator asks a remote API for its parameters: give them offline under the key "/spec/generators/0" or "plugin"');
  });

  test('fails with a usage error when --repo is not a directory', () => {
    const dir = tempDir({ 'appset.yaml': APPSET });
    const r = runCli(['appset', 'generate', 'appset.yaml', '--repo', 'nope'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: --repo nope: not a directory: give a local checkout of the repository the git generators read\n');
  });

  test('--help shows examples', () => {
    const r = runCli(['appset', 'generate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ cdk8s-argocd appset generate appset.yaml');
  });
});
