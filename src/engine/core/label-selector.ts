/**
 * Kubernetes label selector strings as `labels.Parse` reads them (k8s.io/apimachinery@v0.36.1,
 * the version Argo CD v3.5.1 builds with: `pkg/labels/selector.go` Lexer/Parser/NewRequirement,
 * `pkg/api/validate/content` IsLabelKey/IsLabelValue), and `Selector.Matches`.
 *
 *     <selector>    ::= <requirement> | <requirement> "," <selector>
 *     <requirement> ::= [!] KEY [ ("in"|"notin") "(" VALUES ")" | ("="|"=="|"!="|">"|"<") VALUE ]
 *
 * The lexer works on bytes like Go's: a NUL ends the input; whitespace is space, tab, CR, LF.
 */
import { labelValueError, qualifiedNameError } from './dns';

/** The operators of `k8s.io/apimachinery/pkg/selection`. */
export type SelectorOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a parsed selector. */
export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Sorted and unique, as `sets.String.List()` gives them. */
  readonly values: readonly string[];
}

/** A parse failure: `message` says what the parser found and expected. */
export class LabelSelectorError extends Error {}

type Token = 'error' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

const KEYWORDS: { readonly [literal: string]: Token } = {
  ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', 'in': 'in', '<': '<', '!=': '!=', 'notin': 'notin', '(': '(',
};

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecial = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

function lex(s: string): Array<{ tok: Token; lit: string }> {
  // Go reads bytes and stops at a NUL byte (read() returns 0 at the end).
  const nul = s.indexOf('\0');
  const text = nul >= 0 ? s.slice(0, nul) : s;
  let pos = 0;
  const read = () => (pos < text.length ? text[pos++] : '');
  const items: Array<{ tok: Token; lit: string }> = [];
  for (;;) {
    let ch = read();
    while (ch !== '' && isWhitespace(ch)) ch = read();
    if (ch === '') {
      items.push({ tok: 'end', lit: '' });
      return items;
    }
    pos--;
    if (isSpecial(ch)) {
      let buffer = '';
      let last: { tok: Token; lit: string } | undefined;
      for (;;) {
        const c = read();
        if (c === '') break;
        if (!isSpecial(c)) {
          pos--;
          break;
        }
        buffer += c;
        if (Object.prototype.hasOwnProperty.call(KEYWORDS, buffer)) {
          last = { tok: KEYWORDS[buffer], lit: buffer };
        } else if (last) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '') break;
        if (isSpecial(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buffer += c;
      }
      const keyword = Object.prototype.hasOwnProperty.call(KEYWORDS, buffer) ? KEYWORDS[buffer] : undefined;
      items.push({ tok: keyword ?? 'id', lit: buffer });
    }
  }
}

function keyError(key: string): string | undefined {
  const problem = qualifiedNameError(key);
  return problem ? `key ${JSON.stringify(key)} ${problem}` : undefined;
}

function requirement(key: string, operator: SelectorOperator, values: string[]): SelectorRequirement {
  const problems: string[] = [];
  const k = keyError(key);
  if (k) problems.push(k);
  if ((operator === 'gt' || operator === 'lt')) {
    for (const v of values) {
      if (!/^[+-]?[0-9]+$/.test(v) || BigInt(v) > 9223372036854775807n || BigInt(v) < -9223372036854775808n) {
        problems.push(`value ${JSON.stringify(v)} of key ${JSON.stringify(key)}: for 'Gt', 'Lt' operators, the value must be an integer`);
      }
    }
  }
  for (const v of values) {
    const problem = labelValueError(v);
    if (problem) problems.push(`value ${JSON.stringify(v)} of key ${JSON.stringify(key)} ${problem}`);
  }
  if (problems.length) throw new LabelSelectorError(`unable to parse requirement: ${problems.join('; ')}`);
  return { key, operator, values };
}

/**
 * `labels.Parse`: the requirements of a selector string, sorted by key; throws
 * {@link LabelSelectorError} where Go returns an error. The empty string selects everything.
 */
export function parseLabelSelector(selector: string): SelectorRequirement[] {
  const items = lex(selector);
  let position = 0;
  // In a value position the keywords in/notin are identifiers.
  const asValue = (t: Token): Token => (t === 'in' || t === 'notin' ? 'id' : t);
  const lookahead = (values: boolean) => ({ tok: values ? asValue(items[position].tok) : items[position].tok, lit: items[position].lit });
  const consume = (values: boolean) => {
    position++;
    return { tok: values ? asValue(items[position - 1].tok) : items[position - 1].tok, lit: items[position - 1].lit };
  };
  const fail = (message: string): never => {
    throw new LabelSelectorError(message);
  };
  const sortedSet = (values: Set<string>) => [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const parseValues = (): string[] => {
    let t = consume(true);
    if (t.tok !== '(') fail(`found '${t.lit}' expected: '('`);
    const first = lookahead(true);
    if (first.tok === ')') {
      consume(true);
      return [''];
    }
    if (first.tok !== 'id' && first.tok !== ',') fail(`found '${first.lit}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      t = consume(true);
      if (t.tok === 'id') {
        set.add(t.lit);
        const next = lookahead(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') break;
        fail(`found '${next.lit}', expected: ',' or ')'`);
      } else if (t.tok === ',') {
        if (set.size === 0) set.add('');
        const next = lookahead(true);
        if (next.tok === ')') {
          set.add('');
          break;
        }
        if (next.tok === ',') set.add('');
      } else {
        fail(`found '${t.lit}', expected: ',', or identifier`);
      }
    }
    if (consume(true).tok !== ')') fail(`found '${first.lit}', expected: ')'`);
    return sortedSet(set);
  };

  const parseRequirement = (): SelectorRequirement => {
    let t = consume(true);
    let operator: SelectorOperator | undefined;
    if (t.tok === '!') {
      operator = '!';
      t = consume(true);
    }
    if (t.tok !== 'id') fail(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const k = keyError(key);
    if (k) fail(`unable to parse requirement: ${k}`);
    const next = lookahead(true).tok;
    // `!key` is complete whatever follows (the main loop then wants ',' or the end).
    if (operator === '!' || next === 'end' || next === ',') return requirement(key, operator ?? 'exists', []);
    const op = consume(false);
    const operators: { [t: string]: SelectorOperator } = { 'in': 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', 'notin': 'notin', '!=': '!=' };
    const parsed = operators[op.tok];
    if (!parsed) fail(`found '${op.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    if (parsed === 'in' || parsed === 'notin') return requirement(key, parsed, parseValues());
    const value = lookahead(true);
    if (value.tok === 'end' || value.tok === ',') return requirement(key, parsed, ['']);
    const v = consume(true);
    if (v.tok !== 'id') fail(`found '${v.lit}', expected: identifier`);
    return requirement(key, parsed, [v.lit]);
  };

  const requirements: SelectorRequirement[] = [];
  for (;;) {
    const t = lookahead(true);
    if (t.tok === 'end') break;
    if (t.tok !== 'id' && t.tok !== '!') fail(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
    requirements.push(parseRequirement());
    const after = consume(true);
    if (after.tok === 'end') break;
    if (after.tok !== ',') fail(`found '${after.lit}', expected: ',' or 'end of string'`);
    const next = lookahead(true);
    if (next.tok !== 'id' && next.tok !== '!') fail(`found '${next.lit}', expected: identifier after ','`);
  }
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The parse error of a selector string, or undefined when `labels.Parse` accepts it. */
export function labelSelectorError(selector: string): string | undefined {
  try {
    parseLabelSelector(selector);
    return undefined;
  } catch (e) {
    if (e instanceof LabelSelectorError) return e.message;
    throw e;
  }
}

/** `Selector.Matches(labels.Set(labels))` for parsed requirements. */
export function labelSelectorMatches(requirements: readonly SelectorRequirement[], labels: { readonly [key: string]: string }): boolean {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  const int = (v: string) => (/^[+-]?[0-9]+$/.test(v) ? BigInt(v) : undefined);
  return requirements.every((r) => {
    switch (r.operator) {
      case 'in': case '=': case '==': return has(r.key) && r.values.includes(labels[r.key]);
      case 'notin': case '!=': return !has(r.key) || !r.values.includes(labels[r.key]);
      case 'exists': return has(r.key);
      case '!': return !has(r.key);
      case 'gt': case 'lt': {
        if (!has(r.key)) return false;
        const l = int(labels[r.key]);
        const v = int(r.values[0]);
        if (l === undefined || v === undefined || l > 9223372036854775807n || l < -9223372036854775808n) return false;
        return r.operator === 'gt' ? l > v : l < v;
      }
    }
    return false;
  });
}

/** A selector string for a label map (`k1=v1,k2=v2`, keys sorted, as `labels.SelectorFromSet(...).String()`). */
export function selectorStringOf(labels: { readonly [key: string]: string }): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(',');
}
