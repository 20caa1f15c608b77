import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { InputError } from './errors';
import { segmentsOf } from '../../engine/core/json-pointer';
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

/** A file that could not be parsed. */
export interface ParseFailure {
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Expands files and directories (recursively, sorted) into the YAML/JSON files they hold. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      throw new InputError(`no such file or directory: ${p}`);
    }
    if (fs.statSync(p).isDirectory()) {
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) out.push(full);
        }
      };
      walk(p);
    } else {
      out.push(p);
    }
  }
  return out;
}

/**
 * Parses a YAML (or JSON) stream the way Argo CD splits one: documents separated by `---`, empty
 * and `null` documents skipped.
 */
export function parseManifestFile(file: string, text: string): { documents: ManifestDocument[]; failures: ParseFailure[] } {
  const lineCounter = new YAML.LineCounter();
  const parsed = YAML.parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents: ManifestDocument[] = [];
  const failures: ParseFailure[] = [];
  docs.forEach((document, index) => {
    if (document.errors.length > 0) {
      for (const e of document.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        failures.push({ file, index, line: pos.line, column: pos.col, message: e.message.split('\n')[0] });
      }
      return;
    }
    const object = document.toJS({ maxAliasCount: 1000 });
    if (object === null || object === undefined) return;
    // `kind: List` (and `*List`) documents are unpacked, as the repo server does; `items: null` is dropped.
    if (isList(object)) {
      (object.items ?? []).forEach((item: Manifest, i: number) => documents.push({ file, index, object: item, base: `/items/${i}`, document, lineCounter }));
      return;
    }
    documents.push({ file, index, object, base: '', document, lineCounter });
  });
  return { documents, failures };
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
      const pair: any = node.items.find((p: any) => (YAML.isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
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
