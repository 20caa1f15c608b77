import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { InputError, UsageError } from './errors';
import { compileGlob, Glob, GlobSyntaxError } from '../../engine/core/glob';
import { pointer, segmentsOf } from '../../engine/core/json-pointer';
import { Manifest } from '../../engine/validation/problem';

/** One document read from a file, with what is needed to point back into the file. */
export interface ManifestDocument {
  readonly file: string;
  /** Position of the document in its file, from 0. */
  readonly index: number;
  readonly object: Manifest;
  /** JSON pointer of the object inside the document: `""`, or `/items/N` for an item of a `List`. */
  readonly base: string;
  readonly document: YAML.Document.Parsed;
  readonly lineCounter: YAML.LineCounter;
}

/** A document that could not be read as Argo CD reads it (rule `yaml/parse`): it is left out. */
export interface ParseFailure {
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Something Argo CD reads without complaint but probably not as meant (`yaml/*` warnings). */
export interface YamlWarning {
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly column: number;
  /** `yaml/ambiguous-value` or `yaml/duplicate-key`. */
  readonly rule: string;
  readonly message: string;
  /** JSON pointer into the document. */
  readonly path: string;
}

/** What one file holds. */
export interface ParsedFile {
  readonly documents: ManifestDocument[];
  readonly failures: ParseFailure[];
  readonly warnings: YamlWarning[];
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];
const GLOB_CHARS = /[*?[{]/;

/** Paths with `/` separators, relative to the working directory when inside it (what globs match). */
function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

/** A glob over `/` paths; `**\/` also matches no folder at all (`a/**\/*.yaml` matches `a/x.yaml`), as in shells. */
interface PathGlob {
  match(text: string): boolean;
}

function compile(flag: string, pattern: string): PathGlob {
  const slashed = pattern.split(path.sep).join('/');
  const variants = [...new Set([slashed, slashed.replace(/(^|\/)\*\*\//g, '$1')])];
  try {
    const globs: Glob[] = variants.map((v) => compileGlob(v, '/'));
    return { match: (text: string) => globs.some((g) => g.match(text)) };
  } catch (e) {
    if (e instanceof GlobSyntaxError) throw new UsageError(`${flag} ${JSON.stringify(pattern)} is not a valid glob (${e.reason}): use * (within a folder), ** (across folders), ? and {a,b}`);
    throw e;
  }
}

/**
 * `--exclude` patterns: a pattern with a `/` matches the path (relative to the working directory,
 * `**` crossing folders); one without matches any single file or folder name, as in .gitignore.
 */
export class Excludes {
  private readonly globs: Array<{ glob: PathGlob; byName: boolean }>;
  constructor(patterns: readonly string[] = []) {
    this.globs = patterns.map((p) => {
      const trimmed = p.replace(/\/+$/, '');
      return { glob: compile('--exclude', trimmed.replace(/^\.\//, '')), byName: !trimmed.includes('/') };
    });
  }
  /** Whether a file or folder is excluded. */
  public excludes(file: string): boolean {
    if (this.globs.length === 0) return false;
    const shown = displayPath(file);
    return this.globs.some(({ glob, byName }) => (byName ? glob.match(path.basename(file)) : glob.match(shown)));
  }
}

function walk(dir: string, excludes: Excludes, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (excludes.excludes(full)) continue;
    if (entry.isDirectory()) walk(full, excludes, out);
    else if (EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) out.push(full);
  }
}

/** The files a glob matches: walks from the folder before its first wildcard. */
function expandGlob(pattern: string, excludes: Excludes): string[] {
  const segments = pattern.split(/[\\/]/);
  const firstWild = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = segments.slice(0, firstWild).join('/') || (pattern.startsWith('/') ? '/' : '.');
  if (!fs.existsSync(base) || !fs.statSync(base).isDirectory()) return [];
  const glob = compile('path', path.normalize(pattern).split(path.sep).join('/'));
  const candidates: string[] = [];
  const collect = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) collect(full);
      else candidates.push(full);
    }
  };
  collect(base);
  const matched = candidates.filter((f) => glob.match(path.normalize(f).split(path.sep).join('/'))).sort();
  const out: string[] = [];
  for (const f of matched) if (!excludes.excludes(f)) out.push(f);
  return out;
}

/**
 * Expands files, directories (recursively, sorted, `node_modules` and dot-folders left out) and
 * globs (`manifests/**\/*.yaml`, quoted so the shell leaves them) into the YAML/JSON files they
 * hold, less the `--exclude`d ones. A path that does not exist, a directory with no YAML or JSON
 * file, or a glob that matches nothing is an InputError: "0 problems" must never mean "0 files".
 */
export function expandPaths(paths: readonly string[], excludes: Excludes = new Excludes()): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      if (GLOB_CHARS.test(p)) {
        const matched = expandGlob(p, excludes);
        if (matched.length === 0) throw new InputError(`${p} matches no file: check the pattern (* stays within a folder, ** crosses folders) and the --exclude patterns`);
        out.push(...matched);
        continue;
      }
      throw new InputError(`no such file or directory: ${p}`);
    }
    if (fs.statSync(p).isDirectory()) {
      const found: string[] = [];
      walk(p, excludes, found);
      if (found.length === 0) {
        throw new InputError(`${p} holds no .yaml, .yml or .json file (node_modules, dot-folders and --exclude matches are left out): pass the folder of the manifests, e.g. dist/`);
      }
      out.push(...found);
    } else if (!excludes.excludes(p)) {
      out.push(p);
    }
  }
  if (paths.length > 0 && out.length === 0) throw new InputError(`every file given is excluded by --exclude: ${paths.join(' ')}`);
  return [...new Set(out)];
}

/** File names that hold configuration, never Kubernetes manifests. */
const CONFIG_FILES = /^(package(-lock)?\.json|npm-shrinkwrap\.json|tsconfig(\..*)?\.json|jsconfig\.json|\.?eslintrc(\..*)?|kustomization\.ya?ml|cdk8s\.ya?ml|plugin\.ya?ml|chart\.ya?ml|values(\..*)?\.ya?ml|(docker-)?compose\.ya?ml|renovate\.json|\.prettierrc(\..*)?|lerna\.json|nx\.json|turbo\.json|vercel\.json|api-extractor\.json|cspell\.json|tslint\.json)$/i;

/**
 * Why a file is a configuration file and not a manifest file (a notice for `validate` and `plan`),
 * or undefined. A file is skipped when its name is a known configuration file (package.json,
 * tsconfig.json, kustomization.yaml, cdk8s.yaml, plugin.yaml, Chart.yaml, values.yaml…) or when
 * none of its documents looks like a Kubernetes object (no apiVersion, kind or metadata).
 */
export function configFileReason(file: string, parsed: ParsedFile): string | undefined {
  const name = path.basename(file);
  const looksLikeManifest = (o: unknown) => o !== null && typeof o === 'object' && !Array.isArray(o)
    && ['apiVersion', 'kind', 'metadata'].some((k) => Object.prototype.hasOwnProperty.call(o, k));
  if (CONFIG_FILES.test(name)) {
    // A file named like a config file that does hold Kubernetes objects (a `plugin.yaml`
    // ConfigMap) is still read, unless it is one of these tools' own kinds.
    const ownKinds = /^(Kustomization|Component|ConfigManagementPlugin)$/;
    const manifests = parsed.documents.filter((d) => looksLikeManifest(d.object) && !ownKinds.test(String(d.object.kind ?? '')) && typeof d.object.apiVersion === 'string' && typeof d.object.kind === 'string');
    if (manifests.length === 0) return `${name} is a configuration file, not a Kubernetes manifest`;
    return undefined;
  }
  if (parsed.failures.length > 0 || parsed.documents.length === 0) return undefined;
  if (parsed.documents.every((d) => !looksLikeManifest(d.object))) {
    return 'no document has apiVersion, kind or metadata, so it is not a Kubernetes manifest';
  }
  return undefined;
}

/**
 * The tags Argo CD's reader resolves plain scalars to: gitops-engine `kube.SplitYAML`
 * (gitops-engine/pkg/utils/kube/kube.go@v3.5.1) → sigs.k8s.io/yaml v1.6.0 → go.yaml.in/yaml/v2, a
 * YAML 1.1 reader: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0755` is octal. Go's reader has no
 * sexagesimal numbers (`1:20` stays a string) and hands timestamps to an `interface{}` as strings.
 */
function yaml11Tags(tags: YAML.Tags): YAML.Tags {
  return tags.filter((t) => {
    const tag = t as { tag?: string; format?: string };
    return tag.format !== 'TIME' && tag.tag !== 'tag:yaml.org,2002:timestamp';
  });
}

const PARSE_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  version: '1.1',
  customTags: yaml11Tags,
  // Go's reader accepts a repeated key (the last wins); it is reported as yaml/duplicate-key.
  uniqueKeys: false,
  prettyErrors: false,
};

const q = JSON.stringify;

function nodeDescription(node: unknown): string {
  if (YAML.isMap(node)) return (node as YAML.YAMLMap).flow ? 'flow mapping' : 'mapping';
  return (node as YAML.YAMLSeq).flow ? 'flow sequence' : 'sequence';
}

/** The JSON key Go's reader makes of a scalar key (sigs.k8s.io/yaml: bools and numbers as text). */
function keyText(key: unknown): string {
  if (YAML.isScalar(key)) {
    const v = key.value;
    return v === null || v === undefined ? 'null' : String(v);
  }
  return String(key);
}

/** How a YAML 1.2 reader (yq, editors, the `yaml` npm package) reads a plain scalar. */
function yaml12Value(source: string): unknown {
  const doc = YAML.parseDocument(source, { version: '1.2' });
  return YAML.isScalar(doc.contents) ? doc.contents.value : source;
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? `the string ${q(v)}` : typeof v === 'boolean' ? `the boolean ${v}` : `the number ${String(v)}`;
}

/**
 * Walks one document: a collection used as a key fails the document (Argo CD: "unsupported map
 * key"); repeated keys and plain scalars that YAML 1.1 and 1.2 read differently are warnings.
 */
function inspect(document: YAML.Document.Parsed, at: (offset: number) => { line: number; col: number }, file: string, index: number,
  failures: ParseFailure[], warnings: YamlWarning[]): boolean {
  let ok = true;
  const warn = (node: { range?: YAML.Range | null }, rule: string, ptr: string, message: string) => {
    const pos = at(node.range?.[0] ?? 0);
    warnings.push({ file, index, line: pos.line, column: pos.col, rule, message, path: ptr });
  };
  const visit = (node: unknown, ptr: string, key: string | undefined) => {
    if (!ok) return;
    if (YAML.isMap(node)) {
      const seen = new Map<string, YAML.Pair>();
      for (const pair of node.items as YAML.Pair[]) {
        if (YAML.isCollection(pair.key)) {
          const pos = at((pair.key as YAML.Node).range?.[0] ?? 0);
          // `core: {{ .host }}` is a flow mapping whose key is the flow mapping `{ .host }`.
          const hint = YAML.isMap(pair.key) && (node as YAML.YAMLMap).flow
            ? ': an unquoted {{ … }} is a flow mapping in YAML, quote the whole value, e.g. "{{ .host }}"'
            : ': use a string key';
          failures.push({ file, index, line: pos.line, column: pos.col, message: `a ${nodeDescription(pair.key)} is used as a mapping key${key !== undefined ? ` under ${q(key)}` : ''}, which Argo CD cannot decode ("unsupported map key")${hint}` });
          ok = false;
          return;
        }
        const k = keyText(pair.key);
        const keyNode = pair.key as YAML.Scalar;
        if (YAML.isScalar(keyNode)) checkScalar(keyNode, pointer(...segmentsOf(ptr), k), 'key');
        const previous = seen.get(k);
        if (previous) {
          const first = at((previous.key as YAML.Node).range?.[0] ?? 0).line;
          const second = at(keyNode.range?.[0] ?? 0).line;
          warn(keyNode, 'yaml/duplicate-key', pointer(...segmentsOf(ptr), k),
            `key ${q(k)} is repeated (lines ${first} and ${second}): Argo CD reads YAML without strict checks and keeps the last value (line ${second}), dropping line ${first}; kubectl apply and strict readers refuse the file: remove one`);
        }
        seen.set(k, pair);
        visit(pair.value, pointer(...segmentsOf(ptr), k), k);
      }
    } else if (YAML.isSeq(node)) {
      node.items.forEach((item, i) => visit(item, pointer(...segmentsOf(ptr), i), key));
    } else if (YAML.isScalar(node)) {
      checkScalar(node, ptr, key === undefined ? 'value' : `${key}:`);
    }
  };
  const checkScalar = (node: YAML.Scalar, ptr: string, what: string) => {
    if (node.type !== 'PLAIN' || node.tag !== undefined || typeof node.source !== 'string') return;
    const v11 = node.value;
    if (typeof v11 !== 'boolean' && typeof v11 !== 'number') return;
    const v12 = yaml12Value(node.source);
    if (v12 === v11) return;
    const fix = typeof v11 === 'boolean'
      ? `write ${v11} if a boolean is meant, or quote it (${q(node.source)}) for a string`
      : `write ${String(v11)} if that number is meant, or quote it (${q(node.source)}) for a string`;
    warn(node, 'yaml/ambiguous-value', ptr,
      `${what} ${node.source} is ${valueText(v11)} to Argo CD and kubectl, which read YAML 1.1, but ${valueText(v12)} to YAML 1.2 tools: ${fix}`);
  };
  visit(document.contents, '', undefined);
  return ok;
}

/**
 * Parses a YAML (or JSON) stream the way Argo CD splits and reads one (gitops-engine
 * `kube.SplitYAML`): documents separated by `---`, empty and `null` documents skipped, YAML 1.1
 * scalars, repeated keys accepted (the last wins) with a `yaml/duplicate-key` warning, values
 * YAML 1.1 and 1.2 read differently with a `yaml/ambiguous-value` warning, and a collection used
 * as a key a failure of its document.
 */
export function parseManifestFile(file: string, text: string): ParsedFile {
  const lineCounter = new YAML.LineCounter();
  const parsed = YAML.parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents: ManifestDocument[] = [];
  const failures: ParseFailure[] = [];
  const warnings: YamlWarning[] = [];
  const at = (offset: number) => lineCounter.linePos(offset);
  docs.forEach((document, index) => {
    if (document.errors.length > 0) {
      for (const e of document.errors) {
        const pos = at(e.pos[0]);
        failures.push({ file, index, line: pos.line, column: pos.col, message: e.message.split('\n')[0] });
      }
      return;
    }
    if (!inspect(document, at, file, index, failures, warnings)) return;
    const object = document.toJS({ maxAliasCount: 1000 });
    if (object === null || object === undefined) return;
    // `kind: List` (and `*List`) documents are unpacked, as the repo server does; `items: null` is dropped.
    if (isList(object)) {
      (object.items ?? []).forEach((item: Manifest, i: number) => documents.push({ file, index, object: item, base: `/items/${i}`, document, lineCounter }));
      return;
    }
    documents.push({ file, index, object, base: '', document, lineCounter });
  });
  return { documents, failures, warnings };
}

function isList(object: unknown): object is { items?: Manifest[] } {
  const o = object as Manifest;
  return o !== null && typeof o === 'object' && typeof o.kind === 'string' && o.kind.endsWith('List')
    && typeof o.apiVersion === 'string' && (o.items === null || Array.isArray(o.items));
}

/**
 * The line and column (1-based) of the node a JSON pointer names; for a pointer to a missing
 * field, the nearest existing parent. With `key`, the position of the map key rather than its value.
 */
export function locate(doc: ManifestDocument, ptr: string, key = false): { line: number; column: number } {
  let node: any = doc.document.contents;
  let best: any = node;
  const segments = segmentsOf(doc.base + ptr);
  segments.forEach((seg, i) => {
    if (!node) return;
    if (YAML.isMap(node)) {
      // The last of repeated keys: the one Argo CD keeps.
      const pair: any = [...node.items].reverse().find((p: any) => keyText(p.key) === seg);
      if (!pair) {
        node = undefined;
        return;
      }
      node = key && i === segments.length - 1 ? pair.key : pair.value ?? pair.key;
    } else if (YAML.isSeq(node)) {
      node = node.items[Number(seg)];
    } else {
      node = undefined;
    }
    if (node?.range) best = node;
  });
  const offset = best?.range?.[0] ?? 0;
  const pos = doc.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
