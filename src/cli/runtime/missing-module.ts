import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';

/** The package a bare request names: `lodash/fp` → `lodash`, `@org/pkg/sub` → `@org/pkg`. */
export function packageName(request: string): string {
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The packages installed next to the CLI, which an app may import without installing them
 * itself: in the plugin image (`npm install -g cdk8s-argocd cdk8s constructs cdk8s-plus-30`)
 * the other top-level packages of the global `node_modules`; in a checkout or a project that
 * installs the CLI, its peer dependencies that resolve from it.
 */
export function shippedModules(cliRoot: string): string[] {
  const parent = path.dirname(cliRoot);
  const names = new Set<string>(['cdk8s-argocd']);
  if (path.basename(parent) === 'node_modules' && path.basename(path.dirname(parent)) === 'lib') {
    // A global install (<prefix>/lib/node_modules): everything installed with `npm install -g`.
    for (const entry of safeReaddir(parent)) {
      if (entry.startsWith('.') || entry === 'npm' || entry === 'corepack') continue;
      if (entry.startsWith('@')) {
        for (const scoped of safeReaddir(path.join(parent, entry))) names.add(`${entry}/${scoped}`);
      } else {
        names.add(entry);
      }
    }
  } else {
    const pkg = JSON.parse(fs.readFileSync(path.join(cliRoot, 'package.json'), 'utf-8'));
    for (const peer of Object.keys(pkg.peerDependencies ?? {})) {
      try {
        require.resolve(`${peer}/package.json`, { paths: [cliRoot] });
        names.add(peer);
      } catch {
        // An optional peer that is not installed is not shipped.
      }
    }
  }
  return [...names].sort();
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The error for a module neither the app's directory nor the CLI's installation provides. It keeps
 * `code: 'MODULE_NOT_FOUND'`, so a library that probes for an optional module with
 * `try { require(x) } catch` still works, and it is an `InputError`, so the CLI reports it
 * without a stack trace.
 */
export function missingModuleError(
  request: string, parentFile: string | undefined, cliRoot: string, env: NodeJS.ProcessEnv = process.env,
): InputError {
  const name = packageName(request);
  const shipped = shippedModules(cliRoot);
  const from = parentFile ? ` (imported by ${path.relative(process.cwd(), parentFile) || parentFile})` : '';
  const image = `add it to the plugin image: write the bundle with 'cdk8s-argocd plugin --print bundle --add-package ${name}@<version> --output <dir>' `
    + `(or add ${name}@<version> to the 'npm install -g' line of the bundle's Dockerfile), then rebuild the image and roll out the repo-server`;
  const local = `install it in the repository ('npm install ${name}')`;
  const insideArgoCd = env.ARGOCD_APP_NAME !== undefined;
  const message = `cannot find module '${request}'${from}: the cdk8s-argocd plugin image ships only ${shipped.join(', ')}; `
    + (insideArgoCd ? `${image} (the repository's node_modules is not sent to the plugin)` : `${local}, and for Argo CD ${image}`);
  const error = new InputError(message);
  Object.assign(error, { code: 'MODULE_NOT_FOUND' });
  return error;
}
