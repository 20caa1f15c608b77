/**
 * Sprig's dict functions: dict, get, set, unset (these two mutate, as in Go), hasKey, pluck,
 * keys, values, pick, omit, merge/mergeOverwrite (mergo semantics), deepCopy, dig.
 * Upstream: github.com/Masterminds/sprig dict.go@v3.3.0; dario.cat/mergo merge.go v1.0.1
 * (deepMerge for map[string]interface {}); github.com/mitchellh/copystructure (deepCopy).
 * Go iterates maps in random order: `keys` and `values` return the sorted-key order here.
 */
import { GoError, GoFunc, GoMap, GoSlice, GoValue, IFACE, ifaceMap, ifaceSlice, stringSlice } from '../go-value';
import { strval } from './cast';
import { empty } from './defaults';
import { A, AS, M, S, assertionError, fn, fnErr, variadic } from './support';

/** mergo's deepMerge of src into dst (both map[string]interface {}), in place. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [key, srcElement] of src.entries) {
    const had = dst.entries.has(key);
    const dstElement = dst.entries.get(key);
    if (srcElement === null) {
      if (overwrite) dst.entries.set(key, null);
      continue;
    }
    if (srcElement instanceof GoMap) {
      if (dstElement instanceof GoMap) mergeInto(dstElement, srcElement, overwrite);
    } else if (srcElement instanceof GoSlice) {
      if (!(overwrite || dst.entries.size === 0)) {
        const missing = !had || dstElement === null || (dstElement instanceof GoSlice && dstElement.isNil);
        const dstSlice = missing ? new GoSlice(srcElement.elem, []) : dstElement!;
        dst.entries.set(key, dstSlice);
      } else {
        dst.entries.set(key, srcElement);
      }
    }
    if (had && !empty(dstElement!)) {
      if (srcElement instanceof GoSlice) continue;
      if (srcElement instanceof GoMap && dstElement instanceof GoMap) continue;
    }
    if (overwrite || !had || empty(dstElement!)) dst.entries.set(key, srcElement);
  }
}

function deepCopyTop(v: GoValue): GoValue {
  if (v === null) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  return deepCopy(v);
}

function deepCopy(v: GoValue): GoValue {
  if (v instanceof GoSlice) return new GoSlice(v.elem, v.items.map(deepCopy), v.isNil);
  if (v instanceof GoMap) return new GoMap(v.elem, new Map([...v.entries].map(([k, x]) => [k, deepCopy(x)])), v.isNil);
  return v;
}

function merge(overwrite: boolean): (dst: GoMap, ...srcs: GoMap[]) => GoValue {
  return (dst, ...srcs) => {
    let d = dst;
    for (const src of srcs) {
      if (d.isNil && !src.isNil) d = ifaceMap();
      mergeInto(d, src, overwrite);
    }
    return d;
  };
}

function dig(...ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new GoError('dig needs at least three arguments');
  const last = ps[ps.length - 1];
  if (!(last instanceof GoMap) || last.elem !== IFACE) throw assertionError(last, 'map[string]interface {}');
  const def = ps[ps.length - 2];
  const ks = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw assertionError(k, 'string');
    return k;
  });
  let dict: GoMap = last;
  for (let i = 0; ; i++) {
    if (!dict.entries.has(ks[i])) return def;
    const step = dict.entries.get(ks[i])!;
    if (i === ks.length - 1) return step;
    if (!(step instanceof GoMap) || step.elem !== IFACE) throw assertionError(step, 'map[string]interface {}');
    dict = step;
  }
}

export function dictFuncs(): Record<string, GoFunc> {
  return {
    dict: variadic([AS], (...v: GoValue[]) => {
      const d = ifaceMap();
      for (let i = 0; i < v.length; i += 2) d.entries.set(strval(v[i]), i + 1 >= v.length ? '' : v[i + 1]);
      return d;
    }, M),
    get: fn([M, S], (d: GoMap, k: string) => (d.entries.has(k) ? d.entries.get(k)! : '')),
    set: fn([M, S, A], (d: GoMap, k: string, v: GoValue) => {
      if (d.isNil) throw new GoError('assignment to entry in nil map');
      d.entries.set(k, v);
      return d;
    }, M),
    unset: fn([M, S], (d: GoMap, k: string) => {
      d.entries.delete(k);
      return d;
    }, M),
    hasKey: fn([M, S], (d: GoMap, k: string) => d.entries.has(k), 'bool'),
    pluck: variadic([S, `[]${M}`], (k: string, ...ds: GoMap[]) => ifaceSlice(ds.filter((d) => d.entries.has(k)).map((d) => d.entries.get(k)!)), `[]${IFACE}`),
    keys: variadic([`[]${M}`], (...ds: GoMap[]) => stringSlice(ds.flatMap((d) => d.sortedKeys())), '[]string'),
    values: fn([M], (d: GoMap) => ifaceSlice(d.sortedKeys().map((k) => d.entries.get(k)!)), `[]${IFACE}`),
    pick: variadic([M, '[]string'], (d: GoMap, ...ks: string[]) => {
      const res = ifaceMap();
      for (const k of ks) if (d.entries.has(k)) res.entries.set(k, d.entries.get(k)!);
      return res;
    }, M),
    omit: variadic([M, '[]string'], (d: GoMap, ...ks: string[]) => {
      const res = ifaceMap();
      for (const [k, v] of d.entries) if (!ks.includes(k)) res.entries.set(k, v);
      return res;
    }, M),
    merge: variadic([M, `[]${M}`], merge(false) as never),
    mustMerge: variadic([M, `[]${M}`], merge(false) as never, IFACE, true),
    mergeOverwrite: variadic([M, `[]${M}`], merge(true) as never),
    mustMergeOverwrite: variadic([M, `[]${M}`], merge(true) as never, IFACE, true),
    deepCopy: fn([A], deepCopyTop),
    mustDeepCopy: fnErr([A], deepCopyTop),
    dig: variadic([AS], dig, IFACE, true),
  };
}
