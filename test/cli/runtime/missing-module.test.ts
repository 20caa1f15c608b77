import * as fs from 'fs';
import * as path from 'path';
import { missingModuleError, packageName, shippedModules } from '../../../src/cli/runtime/missing-module';
import { ROOT, runCli, tempDir } from '../run-cli';

const ARGOCD = { ARGOCD_APP_NAME: 'web', HOME: '/nonexistent-home' };

describe('a module the app imports but nobody installed', () => {
  test('fails when generate runs an app importing a package the sidecar does not ship: names the shipped modules and how to add one', () => {
    const dir = tempDir({
      'main.ts': "import { App } from 'cdk8s';\nimport * as _ from 'left-pad-nowhere/fp';\nconsole.error(_);\nnew App().synth();\n",
    });
    const r = runCli(['generate'], { cwd: dir, env: ARGOCD });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: cannot find module 'left-pad-nowhere/fp' (imported by main.ts): the cdk8s-argocd plugin image ships only cdk8s, cdk8s-argocd, cdk8s-plus-30, constructs; ");
    expect(r.stderr).toContain("add it to the plugin image: write the bundle with 'cdk8s-argocd plugin --print bundle --add-package left-pad-nowhere@<version> --output <dir>'");
    expect(r.stderr).toContain("(the repository's node_modules is not sent to the plugin)");
    // An input error, not an internal one: no stack trace.
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test('fails when synth runs outside Argo CD: says to install it in the repository first', () => {
    const dir = tempDir({ 'main.ts': "import 'not-installed-anywhere';\n" });
    const r = runCli(['synth', '--app', 'main.ts'], { cwd: dir, env: { ARGOCD_APP_NAME: undefined } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("cannot find module 'not-installed-anywhere' (imported by main.ts)");
    expect(r.stderr).toContain("install it in the repository ('npm install not-installed-anywhere'), and for Argo CD add it to the plugin image");
  });

  test('a library probing for an optional module with try/require still gets MODULE_NOT_FOUND', () => {
    const dir = tempDir({
      'main.ts': [
        "import { ApiObject, App, Chart } from 'cdk8s';",
        'let found = true;',
        "try { require('optional-probe-module'); } catch (e: any) { if (e.code !== 'MODULE_NOT_FOUND') throw e; found = false; }",
        'const app = new App();',
        "new ApiObject(new Chart(app, 'c'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { found: String(found) } });",
        'app.synth();',
        '',
      ].join('\n'),
    });
    const r = runCli(['generate'], { cwd: dir, env: ARGOCD });
    expect(r.stderr).toBe('generate: entry main.ts (from default)\n0 errors, 0 warnings in 1 object (1 file)\ngenerate: 1 object\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('found: "false"');
  });
});

describe('shippedModules', () => {
  test('in a global install, the packages installed next to the CLI (not npm or corepack)', () => {
    const prefix = tempDir({
      'lib/node_modules/cdk8s-argocd/package.json': '{"name":"cdk8s-argocd","version":"1.2.3"}',
      'lib/node_modules/cdk8s/package.json': '{}',
      'lib/node_modules/@acme/charts/package.json': '{}',
      'lib/node_modules/npm/package.json': '{}',
      'lib/node_modules/corepack/package.json': '{}',
      'lib/node_modules/.package-lock.json': '{}',
    });
    expect(shippedModules(path.join(prefix, 'lib', 'node_modules', 'cdk8s-argocd'))).toEqual(['@acme/charts', 'cdk8s', 'cdk8s-argocd']);
    fs.rmSync(prefix, { recursive: true });
  });

  test('in a checkout, the peer dependencies that resolve', () => {
    expect(shippedModules(ROOT)).toEqual(['cdk8s', 'cdk8s-argocd', 'cdk8s-plus-30', 'constructs']);
  });

  test('the package of a request', () => {
    expect(packageName('lodash/fp')).toBe('lodash');
    expect(packageName('@acme/charts/web')).toBe('@acme/charts');
    expect(packageName('yaml')).toBe('yaml');
  });

  test('the error keeps code MODULE_NOT_FOUND', () => {
    const e = missingModuleError('x', undefined, ROOT, {});
    expect((e as any).code).toBe('MODULE_NOT_FOUND');
    expect(e.message).toMatch(/^cannot find module 'x': /);
  });
});
