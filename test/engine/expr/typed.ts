/** Spells a Go-model value with its type, as the differential programs (main.go) do: "i:3", "f:2.5", "s:x". */
import { formatValue, GoDuration, GoTime, Int64 } from '../../../src/engine/expr';

export function typed(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return `i:${v}`;
  if (v instanceof Int64) return `i:${v.value}`;
  if (v instanceof GoDuration) return `i:${v.ns}`;
  if (typeof v === 'number') return `f:${formatValue(v)}`;
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(typed);
  if (v instanceof Uint8Array) return Array.from(v, (b) => `i:${b}`);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    const keys = [...v.keys()].map((k) => [formatValue(k), k] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [name, k] of keys) out[name] = typed(v.get(k));
    return out;
  }
  if (v instanceof GoTime) return `time.Time:${formatValue(v)}`;
  return `${typeof v}:${formatValue(v)}`;
}
