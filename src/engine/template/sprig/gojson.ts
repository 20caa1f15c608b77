/**
 * Go's encoding/json for the values templates hold: Marshal (keys sorted, `<`, `>`, `&`, U+2028,
 * U+2029 escaped unless escapeHTML is off, floats in Go's format) and Unmarshal into `interface {}`
 * (numbers float64) with Go's syntax error messages.
 * Upstream: go/src/encoding/json/encode.go, scanner.go (Go 1.19).
 */
import { formatFloat } from '../go-fmt';
import { GoFunc, GoInt, GoMap, GoSlice, GoValue, fromJsonValue, typeName } from '../go-value';

export class JsonError extends Error {}

function encodeString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') {out += '\\"';} else if (ch === '\\') {out += '\\\\';} else if (c < 0x20) {
      switch (ch) {
        case '\n': out += '\\n'; break;
        case '\r': out += '\\r'; break;
        case '\t': out += '\\t'; break;
        default: out += '\\u00' + c.toString(16).padStart(2, '0');
      }
    } else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) {
      out += '\\u00' + c.toString(16).padStart(2, '0');
    } else if (c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd';
    } else {
      out += ch;
    }
  }
  return out + '"';
}

function encodeFloat(f: number): string {
  if (!Number.isFinite(f)) throw new JsonError(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const abs = Math.abs(f);
  let fmt = 'f';
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) fmt = 'e';
  let s = formatFloat(f, fmt, -1);
  if (fmt === 'e') s = s.replace(/e-0(\d)$/, 'e-$1');
  return s;
}

/** json.Marshal / MarshalIndent(v, "", indent). */
export function marshal(v: GoValue, options: { escapeHTML?: boolean; indent?: string } = {}): string {
  const escapeHTML = options.escapeHTML ?? true;
  const indent = options.indent;
  const enc = (x: GoValue, depth: number): string => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'string': return encodeString(x, escapeHTML);
      case 'boolean': return x ? 'true' : 'false';
      case 'number': return encodeFloat(x);
    }
    if (x instanceof GoInt) return x.value.toString();
    const nl = (d: number) => (indent === undefined ? '' : '\n' + indent.repeat(d));
    if (x instanceof GoSlice) {
      if (x.isNil) return 'null';
      if (x.elem === 'uint8') return encodeString(Buffer.from(x.items.map((b) => Number((b as GoInt).value))).toString('base64'), false);
      if (x.items.length === 0) return '[]';
      return '[' + x.items.map((e) => nl(depth + 1) + enc(e, depth + 1)).join(',') + nl(depth) + ']';
    }
    if (x instanceof GoMap) {
      if (x.isNil) return 'null';
      if (x.entries.size === 0) return '{}';
      const keys = [...x.entries.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const sep = indent === undefined ? ':' : ': ';
      return '{' + keys.map((k) => nl(depth + 1) + encodeString(k, escapeHTML) + sep + enc(x.entries.get(k)!, depth + 1)).join(',') + nl(depth) + '}';
    }
    if (x instanceof GoFunc) throw new JsonError(`json: unsupported type: ${typeName(x)}`);
    throw new JsonError(`json: unsupported type: ${typeName(x)}`);
  };
  return enc(v, 0);
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const code = c.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

/** Checks JSON syntax as Go's scanner does; returns Go's error message or undefined. */
function syntaxError(s: string): string | undefined {
  let i = 0;
  // At the end of input Go's scanner steps a space: where a space is invalid, that is the error.
  const err = (what: string, spaceOk = true): string => {
    if (i >= s.length) return spaceOk ? 'unexpected end of JSON input' : `invalid character ' ' ${what}`;
    return `invalid character ${quoteChar(String.fromCodePoint(s.codePointAt(i)!))} ${what}`;
  };
  const ws = () => {
    while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
  };
  const value = (): string | undefined => {
    ws();
    if (i >= s.length) return 'unexpected end of JSON input';
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return undefined;
      }
      for (;;) {
        ws();
        if (s[i] !== '"') return err('looking for beginning of object key string');
        const e = str();
        if (e) return e;
        ws();
        if (s[i] !== ':') return err('after object key');
        i++;
        const ve = value();
        if (ve) return ve;
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return undefined;
        }
        return err('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return undefined;
      }
      for (;;) {
        const ve = value();
        if (ve) return ve;
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return undefined;
        }
        return err('after array element');
      }
    }
    if (c === '"') return str();
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    for (const lit of ['true', 'false', 'null']) {
      if (c === lit[0]) {
        for (let k = 0; k < lit.length; k++, i++) {
          if (s[i] !== lit[k]) return err(`in literal ${lit} (expecting ${quoteChar(lit[k])})`, false);
        }
        return undefined;
      }
    }
    return err('looking for beginning of value');
  };
  const str = (): string | undefined => {
    i++;
    for (;;) {
      if (i >= s.length) return 'unexpected end of JSON input';
      const c = s[i];
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        i++;
        if (i >= s.length) return err('in string escape code', false);
        if ('"\\/bfnrt'.includes(s[i])) {
          i++;
          continue;
        }
        if (s[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) {
            if (i >= s.length || !/[0-9a-fA-F]/.test(s[i])) return err('in \\u hexadecimal character escape', false);
          }
          continue;
        }
        return err('in string escape code');
      }
      if (c.charCodeAt(0) < 0x20) return err('in string literal');
      i++;
    }
  };
  const digits = () => {
    while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
  };
  const num = (): string | undefined => {
    if (s[i] === '-') {
      i++;
      if (i >= s.length || !(s[i] >= '0' && s[i] <= '9')) return err('in numeric literal', false);
    }
    if (s[i] === '0') i++;
    else digits();
    if (s[i] === '.') {
      i++;
      if (i >= s.length || !(s[i] >= '0' && s[i] <= '9')) return err('after decimal point in numeric literal', false);
      digits();
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (i >= s.length || !(s[i] >= '0' && s[i] <= '9')) return err('in exponent of numeric literal', false);
      digits();
    }
    return undefined;
  };
  const e = value();
  if (e) return e;
  ws();
  if (i < s.length) return err('after top-level value');
  return undefined;
}

/** json.Unmarshal into interface {}: numbers float64, objects map[string]interface {}. */
export function unmarshal(s: string): GoValue {
  const e = syntaxError(s);
  if (e !== undefined) throw new JsonError(e);
  return fromJsonValue(JSON.parse(s));
}
