/**
 * `toYaml` as Argo CD renders it: sigs.k8s.io/yaml Marshal = encoding/json Marshal, then the JSON
 * read back by go-yaml v2 (numbers become int, uint64 or float64, keys strings) and written by
 * go-yaml v2's emitter (block style, indentless sequences in mappings, keys in go-yaml's natural
 * order, plain/single/double-quoted/literal scalar styles, folding at 80 columns).
 * Upstream: github.com/ghodss/yaml yaml.go (JSONToYAML; sigs.k8s.io/yaml v1.6.0 is its
 * successor), gopkg.in/yaml.v2 v2.4.0 resolve.go, sorter.go, encode.go, emitterc.go.
 * `fromYaml` parses with the `yaml` package in YAML 1.1 mode and converts as sigs.k8s.io/yaml does
 * (through JSON: numbers float64); its error messages are not go-yaml's.
 */
import { Document, isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { formatFloat } from './go-fmt';
import { GoInt, GoMap, GoSlice, GoValue, fromJsonValue, ifaceMap, ifaceSlice } from './go-value';
import { parseGoFloat, parseGoInt } from './parse';
import { marshal } from './sprig/gojson';

type YNode = { kind: 'scalar'; value: string; tag: 'str' | 'other' } | { kind: 'map'; entries: Array<[string, YNode]> } | { kind: 'seq'; items: YNode[] };

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BOOL_NULL = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE',
  'off', 'Off', 'OFF', '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<']);

function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()) return false;
  if (m[4] !== undefined) {
    if (m[4] === ' ' && m[9] !== undefined) return false;
    if (m[4] !== ' ' && m[9] === undefined) return false;
    if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  }
  return true;
}

/** go-yaml v2 resolve(): the tag a plain scalar would get. */
function resolvesToString(s: string): boolean {
  const hint = s === '' ? 'N' : s[0];
  if (!/^[-+0-9yYnNtTfFoO~.N]$/.test(hint) && s !== '') return true;
  if (BOOL_NULL.has(s)) return false;
  if (s === '') return false;
  if (/^[yYnNtTfFoO~]/.test(s)) return true;
  if (s[0] === '.') {
    return parseGoFloat(s) === undefined;
  }
  if (isTimestamp(s)) return false;
  const plain = s.replace(/_/g, '');
  const i = parseGoInt(plain);
  if (i !== undefined && i >= -(2n ** 63n) && i < 2n ** 64n) return false;
  if (YAML_FLOAT.test(plain) && parseGoFloat(plain) !== undefined) return false;
  if (plain.startsWith('0b') && /^[01]+$/.test(plain.slice(2))) return false;
  if (plain.startsWith('-0b') && /^[01]+$/.test(plain.slice(3))) return false;
  return true;
}

function isBase60Float(s: string): boolean {
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}

/** go-yaml's reading of the JSON text json.Marshal produces for a value. */
function toNode(v: GoValue): YNode {
  if (v === null) return { kind: 'scalar', value: 'null', tag: 'other' };
  if (typeof v === 'string') return { kind: 'scalar', value: v, tag: 'str' };
  if (typeof v === 'boolean') return { kind: 'scalar', value: String(v), tag: 'other' };
  if (typeof v === 'number' || v instanceof GoInt) {
    const raw = marshal(v);
    const i = parseGoInt(raw);
    if (i !== undefined && i >= -(2n ** 63n) && i < 2n ** 64n) return { kind: 'scalar', value: i.toString(), tag: 'other' };
    return { kind: 'scalar', value: formatFloat(Number(raw), 'g', -1), tag: 'other' };
  }
  if (v instanceof GoSlice) {
    if (v.isNil) return { kind: 'scalar', value: 'null', tag: 'other' };
    if (v.elem === 'uint8') return { kind: 'scalar', value: JSON.parse(marshal(v)) as string, tag: 'str' };
    return { kind: 'seq', items: v.items.map(toNode) };
  }
  if (v instanceof GoMap) {
    if (v.isNil) return { kind: 'scalar', value: 'null', tag: 'other' };
    const entries = [...v.entries].map(([k, x]) => [k, toNode(x)] as [string, YNode]);
    entries.sort(([a], [b]) => (keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0));
    return { kind: 'map', entries };
  }
  return { kind: 'scalar', value: 'null', tag: 'other' };
}

const isLetterRune = (c: string) => /^\p{L}$/u.test(c);
const isDigitRune = (c: string) => /^\p{Nd}$/u.test(c);

/** go-yaml v2's keyList.Less for string keys (digit runs compare numerically). */
function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetterRune(ar[i]);
    const bl = isLetterRune(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigitRune(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigitRune(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigitRune(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

// ---------------------------------------------------------------------------------------------
// emitter

function isPrintableRune(r: number): boolean {
  return r === 0x0a || (r >= 0x20 && r <= 0x7e) || (r >= 0xa0 && r <= 0xd7ff) || (r >= 0xe000 && r <= 0xfffd && r !== 0xfeff);
}

const isBreak = (c: string) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  let blockInd = false;
  let flowInd = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockInd = true;
    flowInd = true;
  }
  let precededByWs = true;
  const cs = [...value];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const next = cs[i + 1];
    const followedByWs = next === undefined || next === ' ' || next === '\t' || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) {
        flowInd = true;
        blockInd = true;
      } else if (c === '?' || c === ':') {
        flowInd = true;
        if (followedByWs) blockInd = true;
      } else if (c === '-' && followedByWs) {
        flowInd = true;
        blockInd = true;
      }
    } else if (',?[]{}'.includes(c)) {
      flowInd = true;
    } else if (c === ':') {
      flowInd = true;
      if (followedByWs) blockInd = true;
    } else if (c === '#' && precededByWs) {
      flowInd = true;
      blockInd = true;
    }
    if (!isPrintableRune(c.codePointAt(0)!)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === cs.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cs.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = c === ' ' || c === '\t' || isBreak(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

class Emitter {
  public out = '';
  public column = 0;
  public whitespace = true;
  public indention = true;
  public indent = -1;
  public simpleKey = false;

  public put(c: string): void {
    this.out += c;
    this.column++;
  }

  public putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  public writeBreak(c: string): void {
    if (c === '\n') {this.putBreak();} else {
      this.out += c;
      this.column = 0;
    }
  }

  public writeIndicator(ind: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    for (const c of ind) this.put(c);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }

  public writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  public scalar(value: string, tag: 'str' | 'other'): void {
    const a = analyze(value);
    let style: 'plain' | 'single' | 'double' | 'literal';
    if (tag === 'other') style = 'plain';
    else if (value.includes('\n')) style = 'literal';
    else if (resolvesToString(value) && !isBase60Float(value)) style = 'plain';
    else style = 'double';
    if (style === 'plain') {
      if (!a.blockPlain) style = 'single';
      if (value.length === 0 && this.simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuoted) style = 'double';
    if (style === 'literal' && (!a.block || this.simpleKey)) style = 'double';
    const saved = this.indent;
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT;
    const allowBreaks = !this.simpleKey;
    switch (style) {
      case 'plain': this.plain(value, allowBreaks); break;
      case 'single': this.single(value, allowBreaks); break;
      case 'double': this.double(value, allowBreaks); break;
      case 'literal': this.literal(value); break;
    }
    this.indent = saved;
  }

  private plain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    const cs = [...value];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private single(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const cs = [...value];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private double(value: string, allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const cs = [...value];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const r = c.codePointAt(0)!;
      if (!isPrintableRune(r) || r === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
        this.put('\\');
        const esc: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
        if (esc[r] !== undefined) {
          this.put(esc[r]);
        } else {
          const [p, w] = r <= 0xff ? ['x', 2] : r <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(p as string);
          for (const d of r.toString(16).toUpperCase().padStart(w as number, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent();
          if (cs[i + 1] === ' ') this.put('\\');
        } else {
          this.put(c);
        }
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(value: string): void {
    this.writeIndicator('|', true, false, false);
    const cs = [...value];
    if (cs[0] === ' ' || isBreak(cs[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = cs.length - 1;
    if (!isBreak(cs[last])) chomp = '-';
    else if (last === 0) chomp = '+';
    else if (isBreak(cs[last - 1])) chomp = '+';
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cs) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  public node(n: YNode, ctx: { mapping: boolean }): void {
    if (n.kind === 'scalar') {
      this.scalar(n.value, n.tag);
      return;
    }
    if (n.kind === 'map' && n.entries.length === 0) {
      this.writeIndicator('{', true, true, false);
      this.writeIndicator('}', false, false, false);
      return;
    }
    if (n.kind === 'seq' && n.items.length === 0) {
      this.writeIndicator('[', true, true, false);
      this.writeIndicator(']', false, false, false);
      return;
    }
    const saved = this.indent;
    if (n.kind === 'seq') {
      const indentless = ctx.mapping && !this.indention;
      if (this.indent < 0) this.indent = 0;
      else if (!indentless) this.indent += BEST_INDENT;
      for (const item of n.items) {
        this.writeIndent();
        this.writeIndicator('-', true, false, true);
        this.node(item, { mapping: false });
      }
    } else {
      this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT;
      for (const [k, v] of n.entries) {
        this.writeIndent();
        const kb = Buffer.byteLength(k, 'utf8');
        const simple = !analyze(k).multiline && kb <= 128;
        if (simple) {
          this.simpleKey = true;
          this.scalar(k, 'str');
          this.simpleKey = false;
          this.writeIndicator(':', false, false, false);
        } else {
          this.writeIndicator('?', true, false, true);
          this.scalar(k, 'str');
          this.writeIndent();
          this.writeIndicator(':', true, false, true);
        }
        this.node(v, { mapping: true });
      }
    }
    this.indent = saved;
  }
}

/** sigs.k8s.io/yaml Marshal of plain JSON data (or Go values), with the trailing newline. */
export function marshalYaml(v: GoValue): string {
  try {
    marshal(v);
  } catch (e) {
    throw new Error(`error marshaling into JSON: ${(e as Error).message}`);
  }
  const e = new Emitter();
  e.node(toNode(v), { mapping: false });
  e.writeIndent();
  return e.out;
}

/** Argo CD's toYaml: the YAML without its trailing newline. */
export function toYaml(v: unknown): string {
  return marshalYaml(fromJsonValue(v)).replace(/\n$/, '');
}

/** A plain scalar as go-yaml v2 resolves it, then through JSON (numbers float64). */
function resolvePlain(src: string): GoValue {
  switch (src) {
    case 'y': case 'Y': case 'yes': case 'Yes': case 'YES': case 'true': case 'True': case 'TRUE': case 'on': case 'On': case 'ON':
      return true;
    case 'n': case 'N': case 'no': case 'No': case 'NO': case 'false': case 'False': case 'FALSE': case 'off': case 'Off': case 'OFF':
      return false;
    case '': case '~': case 'null': case 'Null': case 'NULL':
      return null;
  }
  if (resolvesToString(src) || isTimestamp(src)) return src;
  const plain = src.replace(/_/g, '');
  const i = parseGoInt(plain.startsWith('0b') || plain.startsWith('-0b') ? plain.replace('0b', '0b') : plain);
  if (i !== undefined) return Number(i);
  const f = parseGoFloat(plain);
  if (f === undefined || !Number.isFinite(f)) throw new Error(`error converting YAML to JSON: json: unsupported value: ${src}`);
  return f;
}

function yamlNodeToGo(node: unknown, doc: Document, depth = 0): GoValue {
  if (node === null || node === undefined) return null;
  if (depth > 1000) throw new Error('error converting YAML to JSON: yaml: document is too deeply nested or aliases are recursive');
  if (isAlias(node)) return yamlNodeToGo(node.resolve(doc), doc, depth + 1);
  if (isScalar(node)) {
    if (node.type === 'PLAIN') return resolvePlain(String(node.source ?? node.value));
    return String(node.value);
  }
  if (isSeq(node)) return ifaceSlice(node.items.map((i) => yamlNodeToGo(i, doc, depth + 1)));
  if (isMap(node)) {
    const m = ifaceMap();
    for (const pair of node.items) {
      const k = yamlNodeToGo(pair.key, doc, depth + 1);
      const key = typeof k === 'string' ? k : k === null ? 'null' : typeof k === 'number' ? formatFloat(k, 'g', -1) : String(k);
      m.entries.set(key, yamlNodeToGo(pair.value, doc, depth + 1));
    }
    return m;
  }
  return null;
}

function yamlToGo(text: string): GoValue {
  if (/^%(?!(YAML|TAG)[ \t])/m.test(text)) throw new Error('error converting YAML to JSON: yaml: could not find expected directive name');
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, keepSourceTokens: true });
  const first = Array.isArray(docs) ? docs[0] : docs;
  if (first === undefined) return null;
  const problems = [...first.errors, ...first.warnings];
  if (problems.length > 0) throw new Error(`error converting YAML to JSON: yaml: ${problems[0].message}`);
  return yamlNodeToGo(first.contents, first);
}

function jsonKind(v: GoValue): string {
  if (v instanceof GoMap) return 'object';
  if (v instanceof GoSlice) return 'array';
  return typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
}

/** Argo CD's fromYaml: a YAML mapping as map[string]interface {}. */
export function fromYaml(text: string): GoMap {
  const v = yamlToGo(text);
  if (v === null) return ifaceMap();
  if (!(v instanceof GoMap)) throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type map[string]interface {}`);
  return v;
}

/** Argo CD's fromYamlArray: a YAML sequence as []interface {}. */
export function fromYamlArray(text: string): GoSlice {
  const v = yamlToGo(text);
  if (v === null) return ifaceSlice([]);
  if (!(v instanceof GoSlice)) throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type []interface {}`);
  return v;
}

