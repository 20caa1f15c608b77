/** A plain JSON object (not null, not a list): what a YAML map parses to. */
export function isObject(value: unknown): value is { [key: string]: any } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value if it is a string, else `''` (Argo CD's Go structs read a missing string as empty). */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
