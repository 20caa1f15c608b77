import * as crypto from 'crypto';
import * as fs from 'fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('module');
import * as path from 'path';
import * as vm from 'vm';
import { privateCacheDir } from './cache-dir';

/**
 * A V8 code cache for the installed modules the CLI runs (its own, cdk8s, constructs, the schema
 * validators, commander …): what Node 22's `module.enableCompileCache()` does, which Node 20 lacks.
 * `generate` runs as a new process for every render inside argocd-repo-server, and compiling the
 * same JavaScript again (a 0.2 MB validator is one function) was a fifth of a small render.
 *
 * The code V8 compiled during a run, lazily compiled functions included, is written at exit to one
 * file in the private cache directory (`CDK8S_ARGOCD_COMPILE_CACHE=<dir>|off`, default
 * `$TMPDIR/cdk8s-argocd-code-<uid>`), and the next run starts from it. Each entry is keyed by the
 * SHA-256 of the module's source: V8 itself checks only the source's length, and a changed module
 * must never run stale code. The file is rewritten only when a module was missing or rejected;
 * files of other Node versions, installs or flags that no run wrote for a week are removed then.
 * Only files of installed packages (under `node_modules`, or the CLI's own package) are cached; the
 * app's own files compile as before, with their source maps.
 *
 * The `v8-compile-cache` package does the same but caches each module before it runs (so the
 * functions compiled lazily, most of the cost, are not in it) and trusts any directory in $TMPDIR.
 */

interface Entry {
  readonly hash: string;
  readonly offset: number;
  readonly length: number;
}

interface Compiled {
  readonly filename: string;
  readonly hash: string;
  readonly script: vm.Script;
}

let enabled = false;

/**
 * The cache file of this Node version, architecture, CLI installation and V8 flags (V8 rejects code
 * compiled under other flags: the sidecar's `NODE_OPTIONS` get a file of their own).
 */
function cacheFile(dir: string, root: string): string {
  const flags = `${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`;
  const key = crypto.createHash('sha256').update(`${process.version}\0${process.arch}\0${root}\0${flags}`).digest('hex').slice(0, 16);
  return path.join(dir, `code-${key}.bin`);
}

/** Reads `<4-byte index length><JSON index><code>`; an unreadable or damaged file is no cache. */
function readCache(file: string): { index: { [filename: string]: Entry }; data: Buffer } | undefined {
  try {
    const buffer = fs.readFileSync(file);
    const indexLength = buffer.readUInt32LE(0);
    const index = JSON.parse(buffer.subarray(4, 4 + indexLength).toString('utf-8'));
    return { index, data: buffer.subarray(4 + indexLength) };
  } catch {
    return undefined;
  }
}

function writeCache(file: string, compiled: Compiled[]): void {
  const index: { [filename: string]: Entry } = {};
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const c of compiled) {
    const code = c.script.createCachedData();
    index[c.filename] = { hash: c.hash, offset, length: code.length };
    chunks.push(code);
    offset += code.length;
  }
  const indexBuffer = Buffer.from(JSON.stringify(index), 'utf-8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(indexBuffer.length, 0);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([header, indexBuffer, ...chunks]), { mode: 0o600 });
    fs.renameSync(tmp, file);
    removeUnused(path.dirname(file), path.basename(file));
  } catch {
    // A cache that cannot be written is no cache.
    fs.rmSync(tmp, { force: true });
  }
}

/** A cache file no run has written for this long belongs to a Node version or an install that is gone. */
const UNUSED_MS = 7 * 24 * 3600 * 1000;

/** Removes the cache files of other Node versions, installs and flags not written for a week. */
function removeUnused(dir: string, keep: string): void {
  const now = Date.now();
  for (const f of fs.readdirSync(dir)) {
    if (f === keep || !/^code-[0-9a-f]{16}\.bin$/.test(f)) continue;
    try {
      if (now - fs.statSync(path.join(dir, f)).mtimeMs > UNUSED_MS) fs.rmSync(path.join(dir, f), { force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

const NODE_MODULES_DIR = `${path.sep}node_modules`;
/**
 * What the nearest package.json of a folder says of its `.js` files: `commonjs` (`type:
 * "commonjs"`), `none` (no `type`, or no package.json up to the enclosing `node_modules` folder),
 * or `other` (`type: "module"`, another value, or a package.json that cannot be read or parsed:
 * left to Node, which reports what is wrong).
 */
type PackageScope = 'commonjs' | 'none' | 'other';

const scopes = new Map<string, PackageScope>();

/** The package scope of `.js` files in `dir`, as Node's `readPackageScope` finds it; remembered per folder. */
function packageScope(dir: string): PackageScope {
  const known = scopes.get(dir);
  if (known !== undefined) return known;
  let scope: PackageScope;
  const parent = path.dirname(dir);
  if (dir.endsWith(NODE_MODULES_DIR) || parent === dir) {
    scope = 'none';
  } else {
    let text: string | undefined;
    try {
      text = fs.readFileSync(path.join(dir, 'package.json'), 'utf-8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') text = '';
    }
    if (text === undefined) {
      scope = packageScope(parent);
    } else {
      let type: unknown = 'unreadable';
      try {
        type = JSON.parse(text).type;
      } catch {
        // Left to Node.
      }
      scope = type === undefined ? 'none' : type === 'commonjs' ? 'commonjs' : 'other';
    }
  }
  scopes.set(dir, scope);
  return scope;
}

/** The `require` a CommonJS module sees (what Node's own loader gives it). */
function requireFor(module: any): NodeJS.Require {
  const M = Module as any;
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) => M._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => M._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = M._extensions;
  require.cache = M._cache;
  return require;
}

/** Whether a file is a CommonJS file of an installed package (under `node_modules`) or of the CLI's own `lib/`. */
function installedFiles(ownLib: string): (filename: string) => boolean {
  return (filename) => (filename.startsWith(ownLib) || filename.includes(`${path.sep}node_modules${path.sep}`))
    && (filename.endsWith('.js') || filename.endsWith('.cjs'));
}

let shortcutsInstalled = false;

/** What a folder holds, by name: `file`, `dir`, or `other` (a symbolic link, a socket …: left to Node). */
type Listing = ReadonlyMap<string, 'file' | 'dir' | 'other'>;

const listings = new Map<string, Listing | null>();

/** A folder's entries, listed once per process; null when it cannot be listed. */
function listingOf(dir: string): Listing | null {
  let listing = listings.get(dir);
  if (listing === undefined) {
    try {
      listing = new Map(fs.readdirSync(dir, { withFileTypes: true }).map((d) => [d.name, d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other']));
    } catch {
      listing = null;
    }
    listings.set(dir, listing);
  }
  return listing;
}

/**
 * Whether `to` is reached from `fromDir` through plain folders only: every folder below their
 * closest common ancestor down to `to` is a folder in its parent's listing, not a symbolic link
 * (whose target Node would resolve the result to). `fromDir`, the folder of a loaded module, and
 * its ancestors are real paths already (Node resolves a module's filename to its real path).
 */
function plainFolder(fromDir: string, to: string): boolean {
  let common = fromDir;
  while (to !== common && !to.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
    const up = path.dirname(common);
    if (up === common) return false;
    common = up;
  }
  let cur = common;
  for (const part of path.relative(common, to).split(path.sep)) {
    if (part === '') continue;
    if (listingOf(cur)?.get(part) !== 'dir') return false;
    cur = path.join(cur, part);
  }
  return true;
}

/**
 * A relative request resolved as Node's `Module._findPath` resolves it (lib/internal/modules/cjs/loader.js:
 * the path itself if it is a file, else the path with each extension `require` knows, in their
 * order, else a folder's `index` with each extension), from listings of the folders instead of a
 * `stat` per candidate and a `realpath` per result: three system calls for every `require` of a
 * relative path (about 300 in a small render). Undefined, for Node to decide, when anything on the
 * way is not a plain file or folder (a symbolic link, which Node would resolve to its target), a
 * folder has a package.json (its `main`), the request ends in a separator or names `.` or `..`,
 * or nothing matches (Node reports the error).
 */
function resolveRelative(request: string, fromDir: string, extensions: readonly string[]): string | undefined {
  if (/(^|[\\/])\.{0,2}$/.test(request)) return undefined;
  const base = path.resolve(fromDir, request);
  const dir = path.dirname(base);
  const listing = plainFolder(fromDir, dir) ? listingOf(dir) : null;
  if (listing === null) return undefined;
  const name = path.basename(base);
  const kind = listing.get(name);
  if (kind === 'file') return base;
  if (kind === 'other') return undefined;
  for (const ext of extensions) {
    const k = listing.get(name + ext);
    if (k === 'file') return base + ext;
    if (k === 'other') return undefined;
  }
  if (kind !== 'dir') return undefined;
  const inside = listingOf(base);
  if (inside === null || inside.has('package.json')) return undefined;
  for (const ext of extensions) {
    const k = inside.get(`index${ext}`);
    if (k === 'file') return path.join(base, `index${ext}`);
    if (k === 'other') return undefined;
  }
  return undefined;
}

/**
 * Things Node's CommonJS loader repeats for every file, done once here for installed files (what
 * they decide is unchanged; tests compare both ways):
 *
 * - Before resolving any `require`, Node looks for the requiring file's package.json, walking up
 *   its folders, in case the request names that package itself (`trySelf`). A relative request
 *   (`./x`, `../x`) cannot name a package, so it is resolved as Node resolves it after that step,
 *   from listings of the folders on its way (`resolveRelative`) instead of a `stat` per candidate.
 * - A package request (`constructs`, `cdk8s`) from the CLI's own `lib/` resolves the same from
 *   every folder of it (the package has no `node_modules` inside `lib/`, and its package.json no
 *   `exports` to resolve itself by), so it is resolved once, not once per folder.
 * - Before compiling a `.js` file Node walks up to its package.json again for its `type`; here
 *   each folder's scope is looked up once. A file of a CommonJS scope (or one with no `type`) is
 *   read and compiled as Node would; anything else (`type: "module"`, a package.json that does not
 *   parse) is left to Node.
 *
 * The first three were a tenth of loading a module (about 150 load in a small render); the folder
 * listings then took resolution from 25 to 20 ms of a small render's CPU profile.
 */
function installLoadingShortcuts(ownLib: string, installed: (filename: string) => boolean): void {
  if (shortcutsInstalled) return;
  shortcutsInstalled = true;
  const M = Module as any;
  const resolveFilename = M._resolveFilename;
  const fromOwnLib = new Map<string, string>();
  M._resolveFilename = function (this: any, request: string, parent: any, isMain: boolean, options?: unknown) {
    const from: unknown = parent?.filename;
    if (options !== undefined || typeof from !== 'string' || !installed(from)) return resolveFilename.apply(this, arguments as any);
    if (request.startsWith('./') || request.startsWith('../')) {
      // Module._resolveFilename after trySelf: the lookup paths of a relative request are the parent's folder.
      const found = resolveRelative(request, path.dirname(from), Object.keys(M._extensions))
        ?? M._findPath(request, M._resolveLookupPaths(request, parent), isMain);
      return found || resolveFilename.apply(this, arguments as any);
    }
    if (!from.startsWith(ownLib) || request.startsWith('.') || path.isAbsolute(request)) return resolveFilename.apply(this, arguments as any);
    let found = fromOwnLib.get(request);
    if (found === undefined) {
      found = resolveFilename.apply(this, arguments as any) as string;
      fromOwnLib.set(request, found);
    }
    return found;
  };
  const loadJs = M._extensions['.js'];
  M._extensions['.js'] = function (this: any, module: any, filename: string) {
    const scope = installed(filename) && filename.endsWith('.js') ? packageScope(path.dirname(filename)) : 'other';
    if (scope === 'other') return loadJs.call(this, module, filename);
    module._compile(fs.readFileSync(filename, 'utf-8'), filename, scope === 'commonjs' ? 'commonjs' : undefined);
  };
}

/**
 * Starts caching compiled code for the rest of the process. `root` is the CLI's package root;
 * modules under its `lib/` or under a `node_modules` folder are cached. The loading shortcuts are
 * installed whether or not the cache is on.
 */
export function enableCompileCache(root: string): void {
  if (enabled) return;
  const ownLib = path.join(root, 'lib') + path.sep;
  const installed = installedFiles(ownLib);
  installLoadingShortcuts(ownLib, installed);
  const dir = privateCacheDir(process.env.CDK8S_ARGOCD_COMPILE_CACHE, 'code');
  if (dir === undefined) return;
  enabled = true;
  const file = cacheFile(dir, root);
  const cache = readCache(file);
  const compiled: Compiled[] = [];
  let stale = cache === undefined;

  const M = Module as any;
  const compile = M.prototype._compile;
  // `format` is what Node 20.19+ passes: 'module' for an ES module that `require` loads (require(esm)),
  // which Node compiles itself.
  M.prototype._compile = function (this: any, content: string, filename: string, format?: string) {
    if (!installed(filename) || (format !== undefined && format !== 'commonjs')) return compile.apply(this, arguments as any);
    const hash = crypto.createHash('sha256').update(content).digest('base64');
    const entry = cache?.index[filename];
    const cachedData = entry && entry.hash === hash ? cache!.data.subarray(entry.offset, entry.offset + entry.length) : undefined;
    // A `#!` line is not JavaScript; Node's loader strips it the same way (keeping line numbers).
    const source = content.startsWith('#!') ? `//${content}` : content;
    let script: vm.Script;
    try {
      script = new vm.Script(M.wrap(source), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      } as vm.ScriptOptions);
    } catch (e) {
      // Not CommonJS. With no `type` in its package.json Node 20.19+ tries it as an ES module
      // (--experimental-detect-module): Node's own compile decides, and reports what does not parse.
      if (format === undefined && e instanceof SyntaxError) return compile.apply(this, arguments as any);
      throw e;
    }
    if (cachedData === undefined || script.cachedDataRejected) stale = true;
    compiled.push({ filename, hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    if (stale && compiled.length > 0) writeCache(file, compiled);
  });
}
