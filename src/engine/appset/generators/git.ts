/**
 * The git generator (applicationset/generators/git.go@v3.5.1) over a local checkout.
 *
 * - directories: every directory of the checkout, hidden ones (`.name`) skipped with their
 *   subtrees, in filepath.WalkDir order (reposerver GetGitDirectories), kept when a
 *   non-excluded `path` matches with path.Match and no excluded one does.
 * - files: the files `git ls-files -- <path>` lists for each included pattern (git pathspecs:
 *   `*` and `**` also match `/`), minus those of excluded patterns, sorted; each file is a YAML or
 *   JSON object or a list of them.
 *
 * The generator's `revision` is not read: the checkout is used as it is.
 */
import * as fs from 'fs';
import * as nodePath from 'path';
import { filepathMatch } from '../../argo/glob';
import { isObject } from '../../core/values';
import { sanitizeName } from '../../template';
import { AppSetRenderError, ParamSet, RenderMode } from '../render';
import { flattenParams } from '../selector';
import { parseYaml } from '../yaml';
import { appendTemplatedValues } from './values';

/** The directories of a checkout, relative, `/`-separated, in WalkDir order, hidden ones skipped. */
export function repoDirectories(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const entries = fs.readdirSync(rel === '' ? root : nodePath.join(root, rel), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort(byteOrder);
    for (const name of entries) {
      const child = rel === '' ? name : `${rel}/${name}`;
      out.push(child);
      walk(child);
    }
  };
  walk('');
  return out;
}

/** The files of a checkout (the `.git` directory left out), relative and `/`-separated. */
export function repoFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(rel === '' ? root : nodePath.join(root, rel), { withFileTypes: true })) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(child);
      } else if (e.isFile()) {
        out.push(child);
      }
    }
  };
  walk('');
  return out.sort(byteOrder);
}

function byteOrder(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

/**
 * Whether a git pathspec (no magic) matches a file: a pattern without wildcards matches the path
 * itself or anything under it as a directory; otherwise wildmatch without WM_PATHNAME (`*` and
 * `?` match `/` too, `[...]` classes, `\` escapes).
 */
export function pathspecMatch(pattern: string, file: string): boolean {
  if (!/[*?[\\]/.test(pattern)) {
    const p = pattern.replace(/\/+$/, '');
    return file === p || file.startsWith(`${p}/`) || p === '' || p === '.';
  }
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {re += '[\\s\\S]*';} else if (c === '?') {re += '[\\s\\S]';} else if (c === '\\' && i + 1 < pattern.length) {re += escapeRe(pattern[++i]);} else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else {
      re += escapeRe(c);
    }
  }
  return new RegExp(`^${re}$`).test(file);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function pathParams(dir: string, file: string | undefined, prefix: string, mode: RenderMode, params: ParamSet): void {
  const base = nodePath.posix.basename(dir);
  if (mode.goTemplate) {
    const p: { [key: string]: unknown } = { path: dir, basename: base };
    if (file !== undefined) p.filename = nodePath.posix.basename(file);
    p.basenameNormalized = sanitizeName(base);
    if (file !== undefined) p.filenameNormalized = sanitizeName(nodePath.posix.basename(file));
    p.segments = dir.split('/');
    if (prefix !== '') params[prefix] = { path: p };
    else params.path = p;
    return;
  }
  const name = prefix !== '' ? `${prefix}.path` : 'path';
  params[name] = dir;
  params[`${name}.basename`] = base;
  if (file !== undefined) params[`${name}.filename`] = nodePath.posix.basename(file);
  params[`${name}.basenameNormalized`] = sanitizeName(base);
  if (file !== undefined) params[`${name}.filenameNormalized`] = sanitizeName(nodePath.posix.basename(file));
  dir.split('/').forEach((seg, i) => {
    if (seg !== '') params[`${name}[${i}]`] = seg;
  });
}

function withValues(values: unknown, params: ParamSet, mode: RenderMode): void {
  try {
    appendTemplatedValues(values, params, mode);
  } catch (e) {
    if (e instanceof AppSetRenderError) {
      throw new AppSetRenderError(`failed to append templated values: failed to replace templated string: failed to replace templated string with rendered values: ${e.goMessage}`, '/values');
    }
    throw e;
  }
}

/** The parameter sets of a git generator read from `repoDir`. Throws AppSetRenderError. */
export function gitParams(gen: { [key: string]: any }, repoDir: string | undefined, mode: RenderMode): ParamSet[] {
  const dirs: unknown[] = Array.isArray(gen.directories) ? gen.directories : [];
  const files: unknown[] = Array.isArray(gen.files) ? gen.files : [];
  if (dirs.length === 0 && files.length === 0) throw new AppSetRenderError('ApplicationSet is empty', '');
  if (repoDir === undefined) {
    throw new AppSetRenderError(`the git generator reads ${JSON.stringify(gen.repoURL ?? '')}: give a local checkout of it (repoDir, or --repo DIR)`, '/repoURL');
  }
  if (!fs.existsSync(repoDir) || !fs.statSync(repoDir).isDirectory()) {
    throw new AppSetRenderError(`the checkout ${JSON.stringify(repoDir)} given for ${JSON.stringify(gen.repoURL ?? '')} is not a directory: give the path of a local checkout`, '/repoURL');
  }
  const prefix = typeof gen.pathParamPrefix === 'string' ? gen.pathParamPrefix : '';
  if (dirs.length > 0) {
    const items = dirs.filter(isObject).map((d) => ({ path: String(d.path ?? ''), exclude: d.exclude === true }));
    return repoDirectories(repoDir).filter((dir) => {
      const matched = items.filter((it) => filepathMatch(it.path, dir));
      return matched.some((it) => !it.exclude) && !matched.some((it) => it.exclude);
    }).map((dir) => {
      const params: ParamSet = {};
      pathParams(dir, undefined, prefix, mode, params);
      withValues(gen.values, params, mode);
      return params;
    });
  }
  const items = files.filter(isObject).map((f) => ({ path: String(f.path ?? ''), exclude: f.exclude === true }));
  const all = repoFiles(repoDir);
  const selected = all.filter((f) => items.some((it) => !it.exclude && pathspecMatch(it.path, f))
    && !items.some((it) => it.exclude && pathspecMatch(it.path, f)));
  const out: ParamSet[] = [];
  for (const file of selected) {
    const text = fs.readFileSync(nodePath.join(repoDir, file), 'utf-8');
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (e) {
      throw new AppSetRenderError(`error generating params from git: unable to process file '${file}' from repository '${gen.repoURL ?? ''}': unable to parse file: ${(e as Error).message}`, '/files');
    }
    const objects: unknown[] = parsed === null ? [{}] : Array.isArray(parsed) ? parsed : [parsed];
    if (!objects.every((o) => o === null || isObject(o))) {
      throw new AppSetRenderError(`error generating params from git: unable to process file '${file}' from repository '${gen.repoURL ?? ''}': unable to parse file: error unmarshaling JSON: json: cannot unmarshal into Go value of type []map[string]interface {}`, '/files');
    }
    for (const o of objects) {
      const object = isObject(o) ? o : {};
      const params: ParamSet = mode.goTemplate ? { ...object } : flattenParams(object);
      pathParams(nodePath.posix.dirname(file), file, prefix, mode, params);
      withValues(gen.values, params, mode);
      out.push(params);
    }
  }
  return out;
}
