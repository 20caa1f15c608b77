/**
 * Sprig's list functions (list, first, rest, last, initial, append/push, prepend, concat,
 * reverse, uniq, without, has, slice, chunk, compact and their must* forms). The plain forms panic
 * where the must* forms return the error; both surface as `error calling <fn>: <message>`.
 * Upstream: github.com/Masterminds/sprig list.go@v3.3.0.
 */
import { GoError, GoFunc, GoSlice, GoValue, IFACE, ifaceSlice } from '../go-value';
import { toInt64 } from './cast';
import { deepEqual, empty } from './defaults';
import { A, AS, I, fn, fnErr, kindName, variadic } from './support';

function asList(v: GoValue, what: (kind: string) => string): GoValue[] {
  const kind = kindName(v);
  if (kind !== 'slice') throw new GoError(what(kind));
  return (v as GoSlice).items;
}

type ListFn = (...args: never[]) => GoValue;

/** Registers `name` (panicking) and `mustName` (returning the error) for one implementation. */
function pair(out: Record<string, GoFunc>, name: string, params: string[], impl: ListFn, result: string, isVariadic = false): void {
  const must = 'must' + name[0].toUpperCase() + name.slice(1);
  if (isVariadic) {
    out[name] = variadic(params, impl, result);
    out[must] = variadic(params, impl, result, true);
  } else {
    out[name] = fn(params, impl, result);
    out[must] = fnErr(params, impl, result);
  }
}

function chunk(sizeI: { value: bigint }, list: GoValue): GoSlice {
  const items = asList(list, (k) => `Cannot chunk type ${k}`);
  const size = Number(sizeI.value);
  const l = items.length;
  const cs = Math.floor((l - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new GoError('runtime error: makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l % size);
      if (clen === 0) clen = size;
    }
    if (clen < 0) throw new GoError('runtime error: makeslice: len out of range');
    out.push(ifaceSlice(items.slice(i * size, i * size + clen)));
  }
  return new GoSlice(`[]${IFACE}`, out);
}

function sliceList(list: GoValue, ...indices: GoValue[]): GoValue {
  const kind = kindName(list);
  if (kind !== 'slice') throw new GoError(`list should be type of slice or array but ${kind}`);
  const s = list as GoSlice;
  const l = s.items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length < 2 ? l : Number(toInt64(indices[1]));
  if (start < 0 || end < start || end > l) throw new GoError('reflect.Value.Slice: slice index out of bounds');
  return new GoSlice(s.elem, s.items.slice(start, end));
}

export function listFuncs(): Record<string, GoFunc> {
  const out: Record<string, GoFunc> = {
    list: variadic([AS], (...v: GoValue[]) => ifaceSlice(v), `[]${IFACE}`),
    tuple: variadic([AS], (...v: GoValue[]) => ifaceSlice(v), `[]${IFACE}`),
    concat: variadic([AS], (...lists: GoValue[]) => {
      const res: GoValue[] = [];
      for (const l of lists) {
        const kind = kindName(l);
        if (kind !== 'slice') throw new GoError(`Cannot concat type ${kind} as list`);
        res.push(...(l as GoSlice).items);
      }
      return new GoSlice(IFACE, res, res.length === 0);
    }),
  };
  const push = (list: GoValue, v: GoValue) => ifaceSlice([...asList(list, (k) => `Cannot push on type ${k}`), v]);
  pair(out, 'push', [A, A], push, `[]${IFACE}`);
  pair(out, 'append', [A, A], push, `[]${IFACE}`);
  pair(out, 'prepend', [A, A], (list: GoValue, v: GoValue) => ifaceSlice([v, ...asList(list, (k) => `Cannot prepend on type ${k}`)]), `[]${IFACE}`);
  pair(out, 'chunk', [I, A], chunk, `[][]${IFACE}`);
  pair(out, 'last', [A], (list: GoValue) => {
    const items = asList(list, (k) => `Cannot find last on type ${k}`);
    return items.length === 0 ? null : items[items.length - 1];
  }, IFACE);
  pair(out, 'first', [A], (list: GoValue) => {
    const items = asList(list, (k) => `Cannot find first on type ${k}`);
    return items.length === 0 ? null : items[0];
  }, IFACE);
  pair(out, 'rest', [A], (list: GoValue) => {
    const items = asList(list, (k) => `Cannot find rest on type ${k}`);
    return items.length === 0 ? new GoSlice(IFACE, [], true) : ifaceSlice(items.slice(1));
  }, `[]${IFACE}`);
  pair(out, 'initial', [A], (list: GoValue) => {
    const items = asList(list, (k) => `Cannot find initial on type ${k}`);
    return items.length === 0 ? new GoSlice(IFACE, [], true) : ifaceSlice(items.slice(0, -1));
  }, `[]${IFACE}`);
  pair(out, 'reverse', [A], (list: GoValue) => ifaceSlice([...asList(list, (k) => `Cannot find reverse on type ${k}`)].reverse()), `[]${IFACE}`);
  pair(out, 'compact', [A], (list: GoValue) => ifaceSlice(asList(list, (k) => `Cannot compact on type ${k}`).filter((x) => !empty(x))), `[]${IFACE}`);
  pair(out, 'uniq', [A], (list: GoValue) => {
    const dest: GoValue[] = [];
    for (const item of asList(list, (k) => `Cannot find uniq on type ${k}`)) if (!dest.some((d) => deepEqual(item, d))) dest.push(item);
    return ifaceSlice(dest);
  }, `[]${IFACE}`);
  pair(out, 'without', [A, AS], (list: GoValue, ...omit: GoValue[]) =>
    ifaceSlice(asList(list, (k) => `Cannot find without on type ${k}`).filter((x) => !omit.some((o) => deepEqual(x, o)))), `[]${IFACE}`, true);
  pair(out, 'has', [A, A], (needle: GoValue, haystack: GoValue) => {
    if (haystack === null) return false;
    return asList(haystack, (k) => `Cannot find has on type ${k}`).some((x) => deepEqual(needle, x));
  }, 'bool');
  pair(out, 'slice', [A, AS], sliceList, IFACE, true);
  return out;
}
