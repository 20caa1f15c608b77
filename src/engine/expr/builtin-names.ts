/**
 * The builtin functions of expr v1.17.8, in `builtin.Builtins` order, and the argument shapes of
 * the ones the parser reads as predicates (`parser/parser.go` `predicates`).
 */

export const BUILTIN_NAMES: readonly string[] = [
  'all', 'none', 'any', 'one', 'filter', 'map', 'find', 'findIndex', 'findLast', 'findLastIndex',
  'count', 'sum', 'groupBy', 'sortBy', 'reduce', 'len', 'type', 'abs', 'ceil', 'floor', 'round',
  'int', 'float', 'string', 'trim', 'trimPrefix', 'trimSuffix', 'upper', 'lower', 'split',
  'splitAfter', 'replace', 'repeat', 'join', 'indexOf', 'lastIndexOf', 'hasPrefix', 'hasSuffix',
  'max', 'min', 'mean', 'median', 'toJSON', 'fromJSON', 'toBase64', 'fromBase64', 'now', 'duration',
  'date', 'timezone', 'first', 'last', 'get', 'take', 'keys', 'values', 'toPairs', 'fromPairs',
  'reverse', 'uniq', 'concat', 'flatten', 'sort', 'bitand', 'bitor', 'bitxor', 'bitnand', 'bitshl',
  'bitshr', 'bitushr', 'bitnot',
];

/** Argument kinds of a predicate builtin: `e` an expression, `p` a predicate, `?` optional. */
export const PREDICATES: Readonly<Record<string, readonly string[]>> = {
  all: ['e', 'p'],
  none: ['e', 'p'],
  any: ['e', 'p'],
  one: ['e', 'p'],
  filter: ['e', 'p'],
  map: ['e', 'p'],
  count: ['e', 'p?'],
  sum: ['e', 'p?'],
  find: ['e', 'p'],
  findIndex: ['e', 'p'],
  findLast: ['e', 'p'],
  findLastIndex: ['e', 'p'],
  groupBy: ['e', 'p'],
  sortBy: ['e', 'p', 'e?'],
  reduce: ['e', 'p', 'e?'],
};
