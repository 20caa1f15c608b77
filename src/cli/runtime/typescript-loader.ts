import * as crypto from 'crypto';
import * as fs from 'fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('module');
import * as os from 'os';
import * as path from 'path';
import type { TransformFailure } from 'esbuild';
import { InputError } from './errors';
import { missingModuleError } from './missing-module';

/**
 * Runs TypeScript in-process without a type-check pass: each `.ts` file is transpiled by esbuild
 * as it is required (the way `tsx` or `ts-node --transpile-only` would, at a fraction of the
 * start-up cost). Stack traces point at the TypeScript lines (inline source maps).
 */
let installed = false;

const LOADERS: { [ext: string]: 'ts' | 'tsx' } = { '.ts': 'ts', '.cts': 'ts', '.mts': 'ts', '.tsx': 'tsx' };

export function installTypeScriptLoader(): void {
  if (installed) return;
  installed = true;
  process.setSourceMapsEnabled(true);
  const extensions = (Module as any)._extensions as { [ext: string]: (m: any, filename: string) => void };
  for (const [ext, loader] of Object.entries(LOADERS)) {
    extensions[ext] = (module: any, filename: string) => {
      module._compile(transpile(fs.readFileSync(filename, 'utf-8'), filename, loader), filename);
    };
  }
}

/**
 * The transpile cache: esbuild's first call in a process starts its service (about 50 ms, more than
 * a 100-Application render), so output is kept by content hash. In the CMP sidecar the directory is
 * under the sidecar's own /tmp, so a file unchanged since the last render is not transpiled again.
 * `CDK8S_ARGOCD_TRANSPILE_CACHE` sets the directory, `off` disables it. A directory not owned by
 * this user, or not private to it, is never read.
 */
function cacheDir(): string | undefined {
  const setting = process.env.CDK8S_ARGOCD_TRANSPILE_CACHE;
  if (setting === 'off') return undefined;
  const dir = setting || path.join(os.tmpdir(), `cdk8s-argocd-transpile-${process.getuid?.() ?? 'user'}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    if (process.getuid && (stat.uid !== process.getuid() || stat.mode % 0o100 !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

let esbuildVersion: string | undefined;

function transpile(source: string, filename: string, loader: 'ts' | 'tsx'): string {
  esbuildVersion ??= JSON.parse(fs.readFileSync(require.resolve('esbuild/package.json'), 'utf-8')).version as string;
  const dir = cacheDir();
  // The source map names the file relative to itself, so a cached entry fits any checkout path.
  const sourcefile = path.basename(filename);
  const key = crypto.createHash('sha256').update(`${esbuildVersion}\0${loader}\0${sourcefile}\0${source}`).digest('hex');
  const cached = dir && path.join(dir, `${key}.js`);
  if (cached) {
    try {
      return fs.readFileSync(cached, 'utf-8');
    } catch {
      // Not cached yet.
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  let code: string;
  try {
    code = esbuild.transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile,
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true } },
    }).code;
  } catch (e) {
    const failure = e as TransformFailure;
    const first = failure.errors?.[0];
    if (first?.location) {
      throw new InputError(`${path.relative(process.cwd(), filename)}:${first.location.line}:${first.location.column + 1}: TypeScript syntax error: ${first.text}`);
    }
    throw e;
  }
  if (cached) {
    try {
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, code, { mode: 0o600 });
      fs.renameSync(tmp, cached);
    } catch {
      // A cache that cannot be written is no cache.
    }
  }
  return code;
}

/** The root of the installed cdk8s-argocd package (the one this CLI runs from). */
export function ownPackageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf-8')).name === 'cdk8s-argocd') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the cdk8s-argocd package root');
    dir = parent;
  }
}

let fallbackInstalled = false;

/**
 * Lets an app resolve `cdk8s-argocd`, `cdk8s`, `constructs`, `cdk8s-plus-30` (and anything else
 * installed with the CLI) when its own directory has no `node_modules`: the CMP sidecar image
 * carries them, the user's repository holds only TypeScript. A module the repository does
 * install itself still wins.
 */
export function installModuleFallback(): void {
  if (fallbackInstalled) return;
  fallbackInstalled = true;
  const root = ownPackageRoot();
  const anchor = path.join(root, 'package.json');
  const M = Module as any;
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, parent: any, isMain: boolean, options: any) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (e) {
      const bare = !request.startsWith('.') && !path.isAbsolute(request) && !request.startsWith('node:');
      if ((e as any).code !== 'MODULE_NOT_FOUND' || !bare) throw e;
      if (request === 'cdk8s-argocd') return require.resolve(root);
      if (request.startsWith('cdk8s-argocd/')) return require.resolve(path.join(root, request.slice('cdk8s-argocd/'.length)));
      // Resolve as if required from the CLI package itself (explicit lookup paths of the caller are dropped).
      try {
        return original.call(this, request, Object.assign(new M(anchor), { filename: anchor, paths: M._nodeModulePaths(root) }), isMain, undefined);
      } catch (fallbackError) {
        if ((fallbackError as any).code !== 'MODULE_NOT_FOUND') throw fallbackError;
        throw missingModuleError(request, parent?.filename, root);
      }
    }
  };
}
