/**
 * Sprig's regular expression functions on Go RE2 semantics (re2js). Upstream:
 * github.com/Masterminds/sprig regex.go@v3.3.0 and go/src/regexp/regexp.go (Split, Expand).
 * The non-`must` variants use regexp.MustCompile, whose panic message is
 * "regexp: Compile(<quoted pattern>): <error>".
 */
import { RE2JS } from 're2js';
import { quote } from '../go-fmt';
import { GoError, GoFunc, GoInt, GoSlice, stringSlice } from '../go-value';
import { I, S, fn, fnErr } from './support';

const cache = new Map<string, RE2JS>();

function compile(expr: string): RE2JS {
  let re = cache.get(expr);
  if (re === undefined) {
    try {
      re = RE2JS.compile(expr);
    } catch (e) {
      throw new GoError((e as Error).message);
    }
    if (cache.size > 500) cache.clear();
    cache.set(expr, re);
  }
  return re;
}

function mustCompile(expr: string): RE2JS {
  try {
    return compile(expr);
  } catch (e) {
    const shown = /^[^`\x00-\x08\x0a-\x1f\x7f\ufeff]*$/.test(expr) ? `\`${expr}\`` : quote(expr);
    throw new GoError(`regexp: Compile(${shown}): ${(e as Error).message}`);
  }
}

type Re2 = ReturnType<RE2JS['re2']>;

function findAllIndex(re: RE2JS, s: string, n: number): number[][] {
  return ((re.re2() as Re2).findAllIndex(s, n) as number[][] | null) ?? [];
}

function findAll(re: RE2JS, s: string, n: GoInt): GoSlice {
  const all = ((re.re2() as Re2).findAll(s, Number(n.value)) as string[] | null);
  return all === null ? new GoSlice('string', [], true) : stringSlice(all);
}

function find(re: RE2JS, s: string): string {
  const m = findAllIndex(re, s, 1);
  return m.length === 0 ? '' : s.slice(m[0][0], m[0][1]);
}

/** regexp.Regexp.Split. */
function split(re: RE2JS, expr: string, s: string, nI: GoInt): GoSlice {
  const n = Number(nI.value);
  if (n === 0) return new GoSlice('string', [], true);
  if (expr.length > 0 && s.length === 0) return stringSlice(['']);
  const matches = findAllIndex(re, s, n);
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of matches) {
    if (n > 0 && out.length === n - 1) break;
    end = m[0];
    if (m[1] !== 0) out.push(s.slice(beg, end));
    beg = m[1];
  }
  if (end !== s.length) out.push(s.slice(beg));
  return stringSlice(out);
}

/** regexp.Regexp.Expand's template expansion ($1, ${name}, $$). */
function expand(template: string, s: string, m: number[], names: Record<string, number>): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const d = template.indexOf('$', i);
    if (d < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, d);
    i = d + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    let name: string | undefined;
    let brace = false;
    if (template[i] === '{') {
      const close = template.indexOf('}', i + 1);
      const nm = close < 0 ? '' : template.slice(i + 1, close);
      if (close >= 0 && /^[\p{L}\p{Nd}_]+$/u.test(nm)) {
        name = nm;
        i = close + 1;
        brace = true;
      }
    } else {
      const mm = /^[\p{L}\p{Nd}_]+/u.exec(template.slice(i));
      if (mm) {
        name = mm[0];
        i += name.length;
      }
    }
    if (name === undefined) {
      out += '$';
      continue;
    }
    void brace;
    let g: number | undefined;
    if (/^\d+$/.test(name)) {
      const num = Number(name);
      if (name.length < 10 && num * 2 + 1 < m.length) g = num;
      else g = -1;
    } else {
      g = names[name] ?? -1;
    }
    if (g >= 0 && m[2 * g] >= 0) out += s.slice(m[2 * g], m[2 * g + 1]);
  }
  return out;
}

function replaceAll(re: RE2JS, s: string, repl: string, literal: boolean): string {
  const subs = ((re.re2() as Re2).findAllSubmatchIndex(s, -1) as number[][] | null) ?? [];
  const names = re.namedGroups() as Record<string, number>;
  let out = '';
  let last = 0;
  for (const m of subs) {
    out += s.slice(last, m[0]);
    out += literal ? repl : expand(repl, s, m, names);
    last = m[1];
  }
  return out + s.slice(last);
}

export function regexFuncs(): Record<string, GoFunc> {
  return {
    regexMatch: fn([S, S], (r: string, s: string) => {
      try {
        return compile(r).re2().findAllIndex(s, 1) !== null;
      } catch {
        return false;
      }
    }, 'bool'),
    mustRegexMatch: fnErr([S, S], (r: string, s: string) => findAllIndex(compile(r), s, 1).length > 0, 'bool'),
    regexFindAll: fn([S, S, I], (r: string, s: string, n: GoInt) => findAll(mustCompile(r), s, n), '[]string'),
    mustRegexFindAll: fnErr([S, S, I], (r: string, s: string, n: GoInt) => findAll(compile(r), s, n), '[]string'),
    regexFind: fn([S, S], (r: string, s: string) => find(mustCompile(r), s), S),
    mustRegexFind: fnErr([S, S], (r: string, s: string) => find(compile(r), s), S),
    regexReplaceAll: fn([S, S, S], (r: string, s: string, repl: string) => replaceAll(mustCompile(r), s, repl, false), S),
    mustRegexReplaceAll: fnErr([S, S, S], (r: string, s: string, repl: string) => replaceAll(compile(r), s, repl, false), S),
    regexReplaceAllLiteral: fn([S, S, S], (r: string, s: string, repl: string) => replaceAll(mustCompile(r), s, repl, true), S),
    mustRegexReplaceAllLiteral: fnErr([S, S, S], (r: string, s: string, repl: string) => replaceAll(compile(r), s, repl, true), S),
    regexSplit: fn([S, S, I], (r: string, s: string, n: GoInt) => split(mustCompile(r), r, s, n), '[]string'),
    mustRegexSplit: fnErr([S, S, I], (r: string, s: string, n: GoInt) => split(compile(r), r, s, n), '[]string'),
    regexQuoteMeta: fn([S], (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'), S),
  };
}
