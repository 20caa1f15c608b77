import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

// An exception the engine did not mean to throw is a bug: exit 2, "internal error", the stack only with --debug.
jest.mock('../../src/engine/validation/validate-manifests', () => ({
  ...jest.requireActual('../../src/engine/validation/validate-manifests'),
  validateManifests: () => {
    throw new TypeError('boom inside a rule');
  },
}));

describe('cdk8s-argocd main', () => {
  let stderr: string;
  let stdout: string;
  let file: string;
  beforeEach(() => {
    stderr = '';
    stdout = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => { stderr += String(s); return true; });
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => { stdout += String(s); return true; });
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'main-')), 'cm.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  test('fails with exit 2 and "internal error" when validate hits a bug, without a stack', () => {
    expect(main(['validate', file])).toBe(2);
    expect(stderr).toContain('internal error: boom inside a rule');
    expect(stderr).toContain('run again with --debug');
    expect(stderr).not.toContain('at ');
    expect(stdout).toBe('');
  });

  test('prints the stack of an internal error with --debug', () => {
    expect(main(['validate', file, '--debug'])).toBe(2);
    expect(stderr).toMatch(/TypeError: boom inside a rule\n\s+at /);
  });

  test('fails with exit 1 (input, not a bug) when a path does not exist', () => {
    expect(main(['validate', path.join(path.dirname(file), 'missing.yaml')])).toBe(1);
    expect(stderr).toContain('no such file or directory');
  });
});
