/** Rendering helpers shared by the constructs and value types. */

/** The array, or undefined when it is empty or undefined (keeps the output minimal). */
export function undefinedIfEmpty<T>(items: readonly T[] | undefined): T[] | undefined {
  return items === undefined || items.length === 0 ? undefined : [...items];
}

/** The map, or undefined when it has no keys. */
export function undefinedIfEmptyMap<T>(map: { [key: string]: T } | undefined): { [key: string]: T } | undefined {
  return map === undefined || Object.keys(map).length === 0 ? undefined : { ...map };
}

/** Drops keys whose value is undefined. */
export function compact<T extends object>(obj: T): T {
  const out: any = {};
  for (const k of Object.keys(obj)) {
    const v = (obj as { [key: string]: unknown })[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
