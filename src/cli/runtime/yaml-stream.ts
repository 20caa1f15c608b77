import { Manifest } from '../../engine/validation/problem';

/**
 * Serialises the objects as one stream: YAML documents, or one JSON document per object (also a
 * YAML stream), separated by `---` lines as cdk8s writes a chart's file (`Yaml.stringify`: no
 * `---` before the first document).
 */
export function serialize(objects: Manifest[], format: string): string {
  if (format === 'json') return objects.map((o) => `${JSON.stringify(o)}\n`).join('---\n');
  return objects.map((o) => toYamlDocument(o)).join('---\n');
}

/**
 * A small, fast YAML emitter for plain JSON data (what charts render), ~10× faster than the
 * general-purpose `yaml` stringify (10,000 Applications: 0.1 s, against 1.2 s), and byte for byte
 * what cdk8s writes:
 * `Yaml.stringify` = `YAML.stringify(value, { keepUndefined: true, lineWidth: 0, version: '1.1' })`
 * of `yaml` 2.9.1. Block style, two-space indent, sequences indented under their key, keys in
 * object order, no line folding (lineWidth 0). The `yaml` library's choices are ported rule by
 * rule below, citing its files (node_modules/yaml/dist/…).
 *
 * Argo CD reads what we write with go-yaml v2 (YAML 1.1). Where the `yaml` library's choice would
 * be read there as something else than the string written, we keep a safe form instead. These are
 * the only deliberate differences (test/cli/runtime/yaml-stream-cdk8s.test.ts asserts each, and
 * test/differential/yaml-read.differential.ts that go-yaml misreads the library's form of each):
 *
 * 1. Strings with characters go-yaml cannot read literally: U+007F–U+009F (rejected as control
 *    characters, U+0085 read as a line break), U+2028/U+2029 (line breaks), U+FFFE, U+FFFF, and
 *    U+FEFF first (a byte order mark, dropped, when the scalar starts the document).
 *    `yaml` writes them raw (U+007F–U+009F inside double quotes); we write the string double-quoted
 *    with them escaped (`\x7f`, `\N`, `\L`, `\P`, `\ufeff` …), as `yaml` escapes other characters.
 * 2. Strings go-yaml resolves as a number but `yaml`'s 1.1 schema does not: go-yaml removes every
 *    `_` and then parses with Go's strconv (base prefixes `0x`, `0X`, `0b`, `0B`, `0o`, `0O`), so
 *    `0o17`, `0X1F`, `0B1`, `+_1`, `1e_3` are numbers there; `yaml` writes them plain, we quote them
 *    as `yaml` quotes any other string its schema would read as a number.
 * 3. Multi-line text `yaml` writes as a literal block that go-yaml cannot read back (blanks and line
 *    breaks only, or a first non-empty line that starts with a tab): we quote it.
 * 4. A line of one space inside a long double-quoted string, which `yaml` writes as `\\ ` (read
 *    back as a backslash, by `yaml` itself too): we write `\ `.
 * 5. The key `<<`, which `yaml` writes plain: a merge key to go-yaml (and to `yaml` reading YAML
 *    1.1), so the string key is lost. We quote it. (As a value, `<<` stays plain, as `yaml` writes it.)
 */

// --- indentation ----------------------------------------------------------------------------------

const INDENTS: string[] = [''];
/** Two spaces per level. */
function indentOf(depth: number): string {
  while (INDENTS.length <= depth) INDENTS.push(`${INDENTS[INDENTS.length - 1]}  `);
  return INDENTS[depth];
}

// --- which strings need quotes ----------------------------------------------------------------------

/**
 * Strings written double-quoted whatever else they contain: control characters and unpaired
 * surrogates (stringifyString.js, `stringifyString`), and (deliberate difference 1) what go-yaml v2
 * cannot read literally (its reader accepts only TAB, LF, CR, U+0020–U+007E, U+0085, U+00A0–U+D7FF,
 * U+E000–U+FFFD and beyond; U+0085, U+2028 and U+2029 are line breaks to it; U+FEFF at the start
 * of a document is a byte order mark, dropped).
 */
const FORCE_DOUBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}\u2028\u2029\ufffe\uffff]|^\ufeff/u;
/** Deliberate difference 1: characters `yaml` leaves raw that we escape. */
const GO_UNREADABLE = /[\x7f-\x9f\u2028\u2029\ufffe\uffff]|^\ufeff/;
const GO_UNREADABLE_CHAR = /[\x7f-\x9f\u2028\u2029\ufffe\uffff]/;

/**
 * A single-line string that cannot be a plain scalar (stringifyString.js, `plainString`): it starts
 * with an indicator (`-` and `?` only when alone or followed by a blank; `:` may start a plain
 * scalar), or contains `: ` or ` #`, or ends with a blank or `:`.
 */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;

/** A line that starts a directive or marks a document start or end (stringifyString.js, `containsDocumentMarker`). */
const DOC_MARKER = /^(?:%|---|\.\.\.)/m;

/**
 * What the `yaml` library's YAML 1.1 schema reads as another type than a string, so writes quoted:
 * the tests of its default tags (schema/yaml-1.1/schema.js, with schema/common/null.js, bool.js,
 * int.js, float.js and timestamp.js). Not `<<`: the merge tag (merge.js) identifies that string and
 * writes it plain, as a value (go-yaml reads it as the string) and as a key (see difference 5).
 */
const YAML_1_1_NOT_STRING = new RegExp(`^(?:${[
  /^(?:~|[Nn]ull|NULL)?$/, // null
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/, // true
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/, // false
  /^[-+]?0b[0-1_]+$/, // binary int
  /^[-+]?0[0-7_]+$/, // octal int
  /^[-+]?[0-9][0-9_]*$/, // int
  /^[-+]?0x[0-9a-fA-F_]+$/, // hex int
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, // infinities and NaN
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/, // float with an exponent
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/, // float
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // sexagesimal int and float
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/, // timestamp
].map((r) => r.source.slice(1, -1)).join('|')})$`);

/**
 * Deliberate difference 2: what go-yaml v2 (resolve.go) reads as a number once it has removed every
 * `_`, for a string that starts with a sign or a digit: Go's strconv.ParseInt/ParseUint with base 0
 * (prefixes 0x 0X 0b 0B 0o 0O, a leading 0 for octal), or its YAML float pattern. (An out-of-range
 * number is a string to go-yaml; quoting it too is harmless.)
 */
const GO_NUMBER = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/;

function readAsNotString(s: string): boolean {
  if (YAML_1_1_NOT_STRING.test(s)) return true;
  const c = s.charCodeAt(0);
  // go-yaml tries numbers only for a first character + - or a digit (its resolveTable hint)
  if (c !== 0x2b && c !== 0x2d && (c < 0x30 || c > 0x39)) return false;
  return GO_NUMBER.test(s.includes('_') ? s.replace(/_/g, '') : s);
}

/**
 * Deliberate difference 3: text `yaml` writes as a literal block that go-yaml v2 does not read back:
 * only blanks and line breaks (it drops the blanks, or rejects a tab), or a first non-empty line
 * that starts with a tab (it rejects the tab: "found a tab character where an indentation space is
 * expected"). We quote it, as `yaml` quotes text whose last line is blanks only.
 */
const GO_UNREADABLE_BLOCK = /^\n*(?:\t|[\t ][\t \n]*$)/;

// --- scalars ------------------------------------------------------------------------------------------

/** A string value at the given depth (its continuation lines are indented one level deeper than its parent). */
function stringValue(s: string, depth: number): string {
  if (s === '') return '""';
  if (FORCE_DOUBLE.test(s)) return doubleQuoted(s, depth, false);
  // every multi-line string is a literal block, unless that cannot hold it (stringifyString.js, `plainString`)
  if (s.includes('\n')) return literalBlock(s, depth, false);
  if (NOT_PLAIN.test(s)) return quoted(s, depth, false);
  // a whole-document string that looks like a document marker is an indented block
  if (depth === 0 && DOC_MARKER.test(s)) return literalBlock(s, depth, true);
  if (readAsNotString(s)) return quoted(s, depth, false);
  return s;
}

/** A mapping key of a mapping at the given depth: never a block, never folded (an implicit key). */
function keyText(s: string, depth: number): string {
  if (s === '') return '""';
  if (FORCE_DOUBLE.test(s)) return doubleQuoted(s, depth + 1, true);
  // `---x` and `...x` keys are quoted at the top level only (stringifyString.js, `plainString`)
  // deliberate difference 5: `<<` is quoted, not a merge key
  if (s.includes('\n') || NOT_PLAIN.test(s) || (depth === 0 && DOC_MARKER.test(s)) || readAsNotString(s) || s === '<<') return quoted(s, depth + 1, true);
  return s;
}

function numberText(n: number): string {
  // stringifyNumber.js
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n < 0 ? '-.inf' : '.inf';
  return Object.is(n, -0) ? '-0' : JSON.stringify(n);
}

/**
 * Single quotes for text with `"` and no `'`, else double quotes (stringifyString.js,
 * `quotedString`, with the library's default `singleQuote: null`).
 */
function quoted(s: string, depth: number, implicitKey: boolean): string {
  if (s.includes('"') && !s.includes("'")) {
    // single quotes cannot hold a line break in a key, nor blanks around a line break
    if ((implicitKey && s.includes('\n')) || /[ \t]\n|\n[ \t]/.test(s)) return doubleQuoted(s, depth, implicitKey);
    if (!s.includes('\n')) return `'${s}'`;
    // a line break is written as an empty line (folding)
    return `'${s.replace(/\n+/g, `$&\n${blockIndent(s, depth, false)}`)}'`;
  }
  return doubleQuoted(s, depth, implicitKey);
}

/** The indentation of a scalar's continuation lines; a whole-document scalar is indented only when it has to be. */
function blockIndent(s: string, depth: number, force: boolean): string {
  return depth > 0 ? indentOf(depth) : force || DOC_MARKER.test(s) ? '  ' : '';
}

// the escapes `yaml` writes for JSON's \u escapes (stringifyString.js, `doubleQuotedString`)
const NAMED_ESCAPES: { [code: string]: string } = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e', '0085': '\\N', '00a0': '\\_', '2028': '\\L', '2029': '\\P' };

function escapeCode(code: string): string {
  return NAMED_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : `\\u${code}`);
}

/**
 * A JSON string made a YAML double-quoted scalar the way `yaml` writes it (stringifyString.js,
 * `doubleQuotedString`): control characters with YAML's short escapes; a space before a line break
 * escaped (`\ `); and in a value of 40 characters or more (doubleQuotedMinMultiLineLength) each
 * line break but a final one written as a real one, folded (one more line break, then the
 * indentation, and `\` before a leading space of the next line).
 */
function doubleQuoted(s: string, depth: number, implicitKey: boolean): string {
  const json = JSON.stringify(s);
  const unreadable = GO_UNREADABLE.test(s);
  if (!unreadable && !json.includes('\\')) return json;
  const fold = !implicitKey && json.length >= 40;
  const indent = fold ? blockIndent(s, depth, false) : '';
  let res = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (ch === ' ') {
      if (json[i + 1] === '\\' && json[i + 2] === 'n') {
        res += `${json.slice(from, i)}\\ `;
        from = i + 1;
      }
    } else if (ch === '\\') {
      const next = json[i + 1];
      if (next === 'u') {
        res += json.slice(from, i) + escapeCode(json.substr(i + 2, 4));
        i += 5;
        from = i + 1;
      } else if (next === 'n' && fold && json[i + 2] !== '"') {
        res += `${json.slice(from, i)}\n\n`;
        // further line breaks, but not a final one, are one empty line each
        while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
          res += '\n';
          i += 2;
        }
        res += indent;
        // deliberate difference 4: a line of one space is left to the rule above (`\ `), where
        // `yaml` writes `\\ `, an escaped backslash (read back as `\`, by `yaml` itself too)
        if (json[i + 2] === ' ' && !(json[i + 3] === '\\' && json[i + 4] === 'n')) res += '\\';
        i += 1;
        from = i + 1;
      } else {
        i += 1;
      }
    } else if (unreadable && (GO_UNREADABLE_CHAR.test(ch) || (i === 1 && ch === '\ufeff'))) {
      // deliberate difference 1: escaped, in `yaml`'s escape vocabulary
      res += json.slice(from, i) + escapeCode(ch.charCodeAt(0).toString(16).padStart(4, '0'));
      from = i + 1;
    }
  }
  return res + json.slice(from);
}

/**
 * A multi-line string as a literal block scalar (stringifyString.js, `blockString`; with lineWidth
 * 0 `yaml` never folds, so never `>`). Chomping from the trailing blanks and line breaks: `|-` none,
 * `|` one, `|+` more (or only blanks and line breaks); an indentation indicator when the text starts
 * with a space (`|2`, `|1` for a whole document). Text whose last line is blanks only is quoted.
 */
function literalBlock(s: string, depth: number, forceIndent: boolean): string {
  if (/\n[\t ]+$/.test(s) || GO_UNREADABLE_BLOCK.test(s)) return quoted(s, depth, false);
  const indent = blockIndent(s, depth, forceIndent);
  let endStart = s.length;
  while (endStart > 0) {
    const c = s.charCodeAt(endStart - 1);
    if (c !== 0x0a && c !== 0x09 && c !== 0x20) break;
    endStart--;
  }
  let end = s.slice(endStart);
  const endBreak = end.indexOf('\n');
  const chomp = endBreak === -1 ? '-' : endStart === 0 || endBreak !== end.length - 1 ? '+' : '';
  if (end.endsWith('\n')) end = end.slice(0, -1);
  // line breaks inside the trailing part are followed by the indentation, a final one is not
  if (end.includes('\n')) end = end.replace(/\n+(?=[^\n])/g, `$&${indent}`);
  let body = s.slice(0, endStart);
  // leading blank lines (spaces only) are written before the indentation indicator is decided
  let spaceFirst = false;
  let lastBreak = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x20) spaceFirst = true;
    else if (c === 0x0a) lastBreak = i;
    else break;
  }
  let start = '';
  if (lastBreak >= 0) {
    start = body.slice(0, lastBreak + 1).replace(/\n+/g, `$&${indent}`);
    body = body.slice(lastBreak + 1);
  }
  const header = (spaceFirst ? (indent ? '2' : '1') : '') + chomp;
  return `|${header}\n${indent}${start}${body.replace(/\n+/g, `$&${indent}`)}${end}`;
}

// --- collections ----------------------------------------------------------------------------------

let out = '';

/** A scalar or an empty collection on the current line, else undefined. */
function inline(v: unknown, depth: number): string | undefined {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return stringValue(v, depth);
    case 'number': return numberText(v);
    case 'boolean': return v ? 'true' : 'false';
    case 'bigint': return v.toString();
    default:
      if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
      // an object with a key is written by writeMap (no array of its keys here)
      for (const _ in v as object) return undefined;
      return '{}';
  }
}

/**
 * A non-empty mapping whose first key continues the current line; its other keys start a line at
 * the mapping's depth (stringifyCollection.js, stringifyPair.js).
 */
function writeMap(map: { [k: string]: unknown }, depth: number): void {
  const indent = indentOf(depth);
  const inner = depth + 1;
  let first = true;
  for (const key of Object.keys(map)) {
    if (first) first = false;
    else out += `\n${indent}`;
    const value = map[key];
    const k = keyText(key, depth);
    const s = inline(value, inner);
    if (k.length > 1024) {
      // a key longer than 1024 characters is explicit, its value after `: ` (stringifyPair.js)
      out += `? ${k}\n${indent}: `;
      if (s !== undefined) out += s;
      else writeCollection(value, inner);
    } else if (s !== undefined) {
      out += `${k}: ${s}`;
    } else {
      // a collection starts on the next line, one level deeper (a sequence too)
      out += `${k}:\n${indentOf(inner)}`;
      writeCollection(value, inner);
    }
  }
}

/** A non-empty sequence whose first item continues the current line; the others start a line at the sequence's depth. */
function writeSeq(seq: unknown[], depth: number): void {
  const indent = indentOf(depth);
  const inner = depth + 1;
  for (let i = 0; i < seq.length; i++) {
    if (i > 0) out += `\n${indent}`;
    out += '- ';
    const s = inline(seq[i], inner);
    if (s !== undefined) out += s;
    else writeCollection(seq[i], inner);
  }
}

function writeCollection(v: unknown, depth: number): void {
  if (Array.isArray(v)) writeSeq(v, depth);
  else writeMap(v as { [k: string]: unknown }, depth);
}

/**
 * V8 keeps a string built by concatenation as a tree of its pieces until a character is read, then
 * flattens it in place. Done per document, the pieces are garbage at once: kept for a whole stream
 * (10,000 Applications) they cost 2.5× the writing time in garbage collection.
 */
function flatten(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** One YAML document (no `---`) for a JSON value, as `yaml`'s stringify writes it (stringifyDocument.js). */
export function toYamlDocument(value: unknown): string {
  const s = inline(value, 0);
  if (s !== undefined) return `${s}\n`;
  out = '';
  writeCollection(value, 0);
  const doc = `${out}\n`;
  out = '';
  return flatten(doc);
}
