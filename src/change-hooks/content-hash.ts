import { createHash } from 'crypto';
import { ANNOTATION_CHANGE_HOOK } from '../engine/argo/change-hooks';

/**
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, `undefined` members
 * dropped (as `JSON.stringify` does). Equal values give equal strings on every machine and run.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value).sort()
    .filter((k) => (value as any)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * The content hash of a rendered manifest: sha256 (hex) over its canonical JSON, without the
 * library's own change-hook annotation (so stamping it never changes the hash).
 */
export function contentHashOf(manifest: unknown): string {
  let m = manifest as any;
  const annotations = m?.metadata?.annotations;
  if (annotations !== null && typeof annotations === 'object' && ANNOTATION_CHANGE_HOOK in annotations) {
    const { [ANNOTATION_CHANGE_HOOK]: _, ...rest } = annotations;
    const metadata = { ...m.metadata, annotations: Object.keys(rest).length === 0 ? undefined : rest };
    m = { ...m, metadata };
  }
  return createHash('sha256').update(canonicalJson(m), 'utf8').digest('hex');
}
