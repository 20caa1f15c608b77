/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from path segments. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${escapeToken(s)}`).join('');
}

/** Splits a JSON pointer into its unescaped segments. */
export function segmentsOf(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(object: unknown, ptr: string): unknown {
  let cur: any = object;
  for (const seg of segmentsOf(ptr)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[seg];
  }
  return cur;
}

/**
 * A readable field path for messages: `/spec/sources/0/repoURL` becomes `spec.sources[0].repoURL`;
 * keys that are not identifiers are bracketed (`metadata.annotations["a/b"]`).
 */
export function fieldPath(ptr: string): string {
  let out = '';
  for (const seg of segmentsOf(ptr)) {
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(object)' : out;
}
