/**
 * Go's `strconv` as Argo CD relies on it (go/src/strconv/atoi.go).
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go `strconv.Atoi` on a 64-bit platform: an optional sign then ASCII digits, within int64. */
export function atoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const n = BigInt(text);
  if (n < INT64_MIN || n > INT64_MAX) return undefined;
  return Number(n);
}
