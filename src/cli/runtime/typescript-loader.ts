import * as crypto from 'crypto';
import * as fs from 'fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('module');
import * as path from 'path';
import type { TransformFailure } from 'esbuild';
import { privateCacheDir } from './cache-dir';
import { ReportedError } from './errors';
import { formatLine } from './format';
import { missingModuleError } from './missing-module';

/**
 * Runs TypeScript in-process without a type-check pass: each `.ts` file is transpiled by esbuild
 * as it is required (the way `tsx` or `ts-node --transpile-only` would, at a fraction of the
 * start-up cost). Stack traces point at the TypeScript lines (inline source maps).
 */
let installed = false;

const LOADERS: { [ext: string]: 'ts' | 'tsx' | 'js' } = { '.ts': 'ts', '.cts': 'ts', '.mts': 'ts', '.tsx': 'tsx', '.mjs': 'js' };

/**
 * ES module apps run as CommonJS: esbuild rewrites `import`/`export` to `require`, and
 * `import.meta` (url, filename, dirname, resolve) is given from the file's own path. `.mts` and
 * `.mjs` files and the `.js` files of a `"type": "module"` package of the user (not under
 * node_modules) go through the same transpiler; `import './lib.js'` finds `lib.ts` as tsc's
 * NodeNext resolution does. Top-level await cannot run in a synchronous require: it is refused
 * with the change to make.
 */
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
  const requireJs = extensions['.js'];
  extensions['.js'] = (module: any, filename: string) => {
    if (isUserEsm(filename)) module._compile(transpile(fs.readFileSync(filename, 'utf-8'), filename, 'js'), filename);
    else requireJs(module, filename);
  };
  installTypeScriptSpecifiers();
}

const packageTypes = new Map<string, string | undefined>();

/** The `type` of the nearest package.json (cached by folder). */
function packageType(dir: string): string | undefined {
  if (packageTypes.has(dir)) return packageTypes.get(dir);
  let type: string | undefined;
  const pkg = path.join(dir, 'package.json');
  if (fs.existsSync(pkg)) {
    try {
      type = JSON.parse(fs.readFileSync(pkg, 'utf-8')).type ?? 'commonjs';
    } catch {
      type = 'commonjs';
    }
  } else {
    const parent = path.dirname(dir);
    type = parent === dir ? undefined : packageType(parent);
  }
  packageTypes.set(dir, type);
  return type;
}

/** A `.js` file of the user's own `"type": "module"` package (installed packages keep Node's rules). */
function isUserEsm(filename: string): boolean {
  return !filename.includes(NODE_MODULES) && !filename.startsWith(ownLib()) && packageType(path.dirname(filename)) === 'module';
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
let ownLibDir: string | undefined;

/** The CLI's own compiled files (`<package root>/lib/`): never the user's. */
function ownLib(): string {
  return (ownLibDir ??= path.join(ownPackageRoot(), 'lib') + path.sep);
}

let specifiersInstalled = false;

/** `./lib.js` (`.mjs`, `.cjs`) of a TypeScript file resolves to `./lib.ts` (`.mts`, `.cts`, `.tsx`) when only that exists. */
function installTypeScriptSpecifiers(): void {
  if (specifiersInstalled) return;
  specifiersInstalled = true;
  const M = Module as any;
  const original = M._resolveFilename;
  const swaps: { [ext: string]: string[] } = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
  M._resolveFilename = function (request: string, parent: any, isMain: boolean, options: any) {
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (e) {
      const ext = path.extname(request);
      const relative = request.startsWith('./') || request.startsWith('../');
      const fromTypeScript = typeof parent?.filename === 'string' && /\.(c|m)?tsx?$/.test(parent.filename);
      if ((e as any)?.code !== 'MODULE_NOT_FOUND' || !relative || !fromTypeScript || !swaps[ext]) throw e;
      for (const swap of swaps[ext]) {
        const candidate = path.resolve(path.dirname(parent.filename), request.slice(0, -ext.length) + swap);
        if (fs.existsSync(candidate)) return candidate;
      }
      throw e;
    }
  };
}

/** `import.meta` of a file run as CommonJS. */
const IMPORT_META = '__cdk8s_argocd_import_meta';
const IMPORT_META_BANNER = `var ${IMPORT_META} = { url: require("url").pathToFileURL(__filename).href, filename: __filename, dirname: __dirname, `
  + 'resolve: (s) => require("url").pathToFileURL(require.resolve(s)).href };';

/**
 * The transpile cache: esbuild's first call in a process starts its service (about 50 ms, more than
 * a 100-Application render), so output is kept by content hash. In the CMP sidecar the directory is
 * under the sidecar's own /tmp, so a file unchanged since the last render is not transpiled again.
 * `CDK8S_ARGOCD_TRANSPILE_CACHE` sets the directory, `off` disables it. A directory not owned by
 * this user, or not private to it, is never read.
 */
function cacheDir(): string | undefined {
  return privateCacheDir(process.env.CDK8S_ARGOCD_TRANSPILE_CACHE, 'transpile');
}

let esbuildVersion: string | undefined;

function transpile(source: string, filename: string, loader: 'ts' | 'tsx' | 'js'): string {
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
      // Only for files that use it, so a CommonJS app's output (and cache key) stays as it was.
      ...(/\bimport\.meta\b/.test(source) ? { define: { 'import.meta': IMPORT_META }, banner: IMPORT_META_BANNER } : {}),
    }).code;
  } catch (e) {
    const failure = e as TransformFailure;
    const first = failure.errors?.[0];
    if (first?.location) {
      const where = `${path.relative(process.cwd(), filename)}:${first.location.line}:${first.location.column + 1}`;
      if (/^Top-level await is currently not supported/.test(first.text)) {
        throw new ReportedError([formatLine(where, 'error', 'top-level await is not supported in cdk8s apps run by cdk8s-argocd: the app runs synchronously, '
          + 'so that nothing is output before it is whole, and must call app.synth() before the entry file returns; replace each await with its synchronous form '
          + '(fs.readFileSync for fs.promises.readFile, require() for await import(), child_process.execFileSync for a command), '
          + 'or compute awaited inputs in a step before the synth (e.g. a JSON file the app reads)')]);
      }
      throw new ReportedError([formatLine(where, 'error', `${loader === 'js' ? 'JavaScript' : 'TypeScript'} syntax error: ${first.text}`)]);
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
