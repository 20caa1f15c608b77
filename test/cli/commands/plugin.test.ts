import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { UPSTREAM } from '../../upstream/upstream';

const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'cdk8s-argocd');
const INSTALL = path.join(UPSTREAM, 'manifests', 'install.yaml');
const OWN = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf-8'));

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [BIN, 'plugin', ...args], { cwd, encoding: 'utf-8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf-8' }).status === 0;
const hasInstall = fs.existsSync(INSTALL);

describe('plugin command', () => {
  test('prints a plugin.yaml that argocd-cmp-server accepts, discovery narrowed to the marker', () => {
    const r = cli(['--parameter', 'stage=dev', '--parameter', 'files:array=a.yaml,b.yaml']);
    expect(r.status).toBe(0);
    const config = YAML.parse(r.stdout);
    expect(config).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ConfigManagementPlugin',
      metadata: { name: 'cdk8s-argocd' },
      spec: {
        version: 'v1',
        generate: { command: ['cdk8s-argocd', 'generate'] },
        discover: { fileName: './.cdk8s-argocd' },
        parameters: { static: [{ name: 'stage', collectionType: 'string', string: 'dev' }, { name: 'files', collectionType: 'array', array: ['a.yaml', 'b.yaml'] }] },
        preserveFileMode: false,
        provideGitCreds: false,
      },
    });
  });

  test('fails when a flag is invalid', () => {
    const r = cli(['--timeout', 'soon']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--timeout soon');
  });

  test('writes the bundle: a Dockerfile that installs the released package at this version, the image it names', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    const r = cli(['--print', 'bundle', '--output', out, '--base', 'install.yaml', '--add-package', 'lodash@4.17.21']);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['Dockerfile', 'cmd-params-patch.yaml', 'kustomization.yaml', 'marker-example', 'plugin-configmap.yaml', 'plugin.yaml', 'repo-server-patch.yaml']);
    const dockerfile = fs.readFileSync(path.join(out, 'Dockerfile'), 'utf-8');
    const dev = OWN.devDependencies;
    expect(dockerfile).toContain(['RUN npm install -g --no-audit --no-fund \\',
      `      cdk8s-argocd@${OWN.version} \\`, `      cdk8s@${dev.cdk8s} \\`, `      constructs@${dev.constructs} \\`, `      cdk8s-plus-30@${dev['cdk8s-plus-30']} \\`,
      '      lodash@4.17.21 \\'].join('\n'));
    // Not the repository's build Dockerfile: nothing copied from a checkout.
    expect(dockerfile).not.toMatch(/^COPY /m);
    // No --image: the image is the name the Dockerfile suggests, and the CLI says so.
    expect(r.stderr).toContain(`note: no --image: the sidecar image is cdk8s-argocd:${OWN.version}; build it from the bundle's Dockerfile`);
    const patch = YAML.parse(fs.readFileSync(path.join(out, 'repo-server-patch.yaml'), 'utf-8'));
    expect(patch.spec.template.spec.containers[0].image).toBe(`cdk8s-argocd:${OWN.version}`);
    for (const f of fs.readdirSync(out)) expect(fs.readFileSync(path.join(out, f), 'utf-8')).not.toContain(':latest');
    fs.rmSync(out, { recursive: true });
  });

  test('--image names the sidecar image, without a note', () => {
    const r = cli(['--print', 'overlay', '--image', 'registry.example.com/cdk8s-argocd:1.0.0', '--base', 'install.yaml']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('image: registry.example.com/cdk8s-argocd:1.0.0');
  });

  test('fails when --add-package has no exact version', () => {
    const r = cli(['--print', 'bundle', '--add-package', 'lodash@^4']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: --add-package "lodash@^4" is not name@version with an exact version: give one, e.g. lodash@1.2.3');
  });

  test('fails when --add-package names a package the image installs already', () => {
    const r = cli(['--print', 'bundle', '--add-package', 'cdk8s@2.0.0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error: --add-package cdk8s@2.0.0: the image already installs cdk8s@${OWN.devDependencies.cdk8s}`);
  });

  test('fails when --add-package is given without --print bundle', () => {
    const r = cli(['--add-package', 'lodash@4.17.21']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error: --add-package goes into the Dockerfile: use it with --print bundle');
  });

  (hasKubectl && hasInstall ? test : test.skip)('the overlay applied with kubectl kustomize patches argocd-repo-server', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'overlay-'));
    // kustomize loads only directories from outside an overlay: the copy of install.yaml sits inside it.
    fs.mkdirSync(path.join(dir, 'overlay'));
    fs.copyFileSync(INSTALL, path.join(dir, 'overlay', 'install.yaml'));
    const r = cli(['--print', 'overlay', '--output', path.join(dir, 'overlay'), '--base', 'install.yaml', '--timeout', '180', '--image', 'example.com/cmp:1.0']);
    expect(r.status).toBe(0);
    const k = spawnSync('kubectl', ['kustomize', path.join(dir, 'overlay')], { encoding: 'utf-8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(k.stderr).toBe('');
    expect(k.status).toBe(0);
    const objects = YAML.parseAllDocuments(k.stdout).map((d) => d.toJS());
    const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'argocd-repo-server');
    expect(deployment.metadata.namespace).toBe('argocd');
    const pod = deployment.spec.template.spec;
    // The upstream repo-server container is still there, next to the sidecar.
    expect(pod.containers.map((c: any) => c.name)).toEqual(expect.arrayContaining(['argocd-repo-server', 'cdk8s-argocd']));
    const sidecar = pod.containers.find((c: any) => c.name === 'cdk8s-argocd');
    expect(sidecar.command).toEqual(['/var/run/argocd/argocd-cmp-server']);
    expect(sidecar.image).toBe('example.com/cmp:1.0');
    expect(sidecar.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 999 });
    expect(sidecar.env).toEqual(expect.arrayContaining([{ name: 'HOME', value: '/tmp' }, { name: 'ARGOCD_EXEC_TIMEOUT', value: '180s' }]));
    expect(sidecar.volumeMounts).toEqual(expect.arrayContaining([
      { name: 'var-files', mountPath: '/var/run/argocd' },
      { name: 'plugins', mountPath: '/home/argocd/cmp-server/plugins' },
      { name: 'cdk8s-argocd-plugin', mountPath: '/home/argocd/cmp-server/config/plugin.yaml', subPath: 'plugin.yaml' },
      { name: 'cdk8s-argocd-tmp', mountPath: '/tmp' },
    ]));
    const volumes = Object.fromEntries(pod.volumes.map((v: any) => [v.name, v]));
    // The upstream volumes survive; the sidecar's /tmp is its own emptyDir, not the repo-server's.
    expect(volumes['var-files']).toEqual({ name: 'var-files', emptyDir: {} });
    expect(volumes.plugins).toEqual({ name: 'plugins', emptyDir: {} });
    expect(volumes['cdk8s-argocd-tmp']).toEqual({ name: 'cdk8s-argocd-tmp', emptyDir: {} });
    expect(volumes['cdk8s-argocd-plugin']).toEqual({ name: 'cdk8s-argocd-plugin', configMap: { name: 'cdk8s-argocd-plugin' } });
    const repoServer = pod.containers.find((c: any) => c.name === 'argocd-repo-server');
    expect(repoServer.volumeMounts.map((m: any) => m.mountPath)).not.toContain('/home/argocd/cmp-server/config/plugin.yaml');

    const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'cdk8s-argocd-plugin');
    expect(YAML.parse(cm.data['plugin.yaml']).metadata.name).toBe('cdk8s-argocd');
    const params = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'argocd-cmd-params-cm');
    expect(params.data).toMatchObject({ 'controller.repo.server.timeout.seconds': '180', 'server.repo.server.timeout.seconds': '180' });
    fs.rmSync(dir, { recursive: true });
  });

  if (!hasKubectl) {
    test('kubectl kustomize is not installed: the overlay test is skipped (install the Debian package kubectl)', () => {
      expect(hasKubectl).toBe(false);
    });
  }
});
