import * as fs from 'fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('module');
import * as path from 'path';
import { transformSync, TransformFailure } from 'esbuild';
import { InputError } from './errors';

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
      const source = fs.readFileSync(filename, 'utf-8');
      let code: string;
      try {
        code = transformSync(source, {
          loader,
          format: 'cjs',
          target: 'node20',
          sourcemap: 'inline',
          sourcefile: filename,
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
      module._compile(code, filename);
    };
  }
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
      return original.call(this, request, Object.assign(new M(anchor), { filename: anchor, paths: M._nodeModulePaths(root) }), isMain, undefined);
    }
  };
}
