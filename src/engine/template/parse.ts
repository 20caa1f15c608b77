/**
 * The template parser, ported from go/src/text/template/parse/parse.go (Go 1.19), with two later
 * additions Argo CD v3.5.1 (built with Go 1.26) has: `{{else with}}` (Go 1.23) and, in the
 * executor, range over an integer (Go 1.22). `goVersion: '1.19'` turns `else with` off.
 * Error messages are Go's: `template: <name>:<line>: <message>`.
 */
import { quote } from './go-fmt';
import { decodeUtf8 } from './go-value';
import { Item, ItemType, itemString, lex } from './lexer';
import { BranchNode, ChainNode, CommandNode, ListNode, Node, NumberInfo, PipeNode, TemplateNode, VariableNode, nodeString } from './nodes';
import { TemplateError } from './template-error';

export interface ParseOptions {
  /** The Go version whose syntax to accept: '1.26' (Argo CD v3.5.1, the default) or '1.19'. */
  readonly goVersion?: '1.19' | '1.26';
}

/** A parsed template set: the named trees (`define`, `block`) and the source text. */
export interface TreeSet {
  readonly name: string;
  readonly text: string;
  readonly trees: Map<string, ListNode>;
}

class ParseError {
  constructor(public readonly message: string) {}
}

class Tree {
  public root!: ListNode;
  private token: Item[] = [];
  private peekCount = 0;
  public vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;

  constructor(
    public name: string,
    private readonly parseName: string,
    private readonly lexer: { items: Item[]; i: number },
    private readonly hasFunction: (name: string) => boolean,
    private readonly treeSet: Map<string, ListNode>,
    private readonly modern: boolean,
  ) {}

  private nextItem(): Item {
    const it = this.lexer.items[Math.min(this.lexer.i, this.lexer.items.length - 1)];
    this.lexer.i++;
    return it;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.nextItem();
    return this.token[this.peekCount];
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next(); while (token.typ === ItemType.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  public errorf(msg: string): never {
    throw new ParseError(`template: ${this.parseName}:${this.token[0]?.line ?? 1}: ${msg}`);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  private add(): void {
    const tree = this.treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree)) {
      this.treeSet.set(this.name, this.root);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  private child(name: string): Tree {
    return new Tree(name, this.parseName, this.lexer, this.hasFunction, this.treeSet, this.modern);
  }

  public parse(): void {
    this.root = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const newT = this.child('definition');
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
    this.add();
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquote(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case ItemType.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case ItemType.Comment:
        return { type: 'comment', pos: token.pos, text: token.val };
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block: return this.blockControl();
      case ItemType.Break: return this.loopControl('break', token.pos);
      case ItemType.Continue: return this.loopControl('continue', token.pos);
      case ItemType.Else: return this.elseControl();
      case ItemType.End: return { type: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos };
      case ItemType.If: return this.branch('if', true);
      case ItemType.Range: return this.branch('range', false);
      case ItemType.Template: return this.templateControl();
      case ItemType.With: return this.branch('with', false);
    }
    this.backup();
    const t = this.peek();
    return { type: 'action', pos: t.pos, pipe: this.pipeline('command', ItemType.RightDelim) };
  }

  private loopControl(kind: 'break' | 'continue', pos: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, pos };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === ItemType.Variable) {
        this.next();
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
          pipe.isAssign = next.typ === ItemType.Assign;
          this.nextNonSpace();
          pipe.decl.push(newVariable(v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === ItemType.Char && next.val === ',') {
          this.nextNonSpace();
          pipe.decl.push(newVariable(v.pos, v.val));
          this.vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = this.peekNonSpace().typ;
            if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) continue decls;
            this.errorf('range can only initialize variables');
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === ItemType.Space) {
          this.backup3(v, tokenAfterVariable);
        } else {
          this.backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      switch (t.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool: case ItemType.CharConstant: case ItemType.Complex: case ItemType.Dot: case ItemType.Field:
        case ItemType.Identifier: case ItemType.Number: case ItemType.Nil: case ItemType.RawString: case ItemType.String:
        case ItemType.Variable: case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      switch (c.args[0].type) {
        case 'bool': case 'dot': case 'nil': case 'number': case 'string':
          this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private branch(context: 'if' | 'range' | 'with', allowElseIf: boolean): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if (allowElseIf && this.peek().typ === ItemType.If) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('if', true)] };
        } else if (this.modern && context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branch('with', false)] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || (this.modern && peek.typ === ItemType.With)) return { type: 'else', pos: peek.pos };
    const token = this.expect(ItemType.RightDelim, 'else');
    return { type: 'else', pos: token.pos };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = this.child(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, name, pipe } satisfies TemplateNode;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return { type: 'template', pos: token.pos, name, pipe };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquote(token.val);
    this.unexpected(token, context);
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | undefined {
    let node = this.term();
    if (node === undefined) return undefined;
    if (this.peek().typ === ItemType.Field) {
      const chain: ChainNode = { type: 'chain', pos: this.peek().pos, node, field: [] };
      while (this.peek().typ === ItemType.Field) chain.field.push(this.next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chain.pos, ident: nodeString(chain).slice(1).split('.') };
          break;
        case 'variable':
          node = newVariable(chain.pos, nodeString(chain));
          break;
        case 'bool': case 'string': case 'number': case 'nil': case 'dot':
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case ItemType.Dot: return { type: 'dot', pos: token.pos };
      case ItemType.Nil: return { type: 'nil', pos: token.pos };
      case ItemType.Variable: return this.useVar(token.pos, token.val);
      case ItemType.Field: return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case ItemType.Bool: return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case ItemType.CharConstant: case ItemType.Complex: case ItemType.Number:
        return { type: 'number', pos: token.pos, ...this.number(token) };
      case ItemType.LeftParen: return this.pipeline('parenthesized pipeline', ItemType.RightParen);
      case ItemType.String: case ItemType.RawString:
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquote(token.val) };
    }
    this.backup();
    return undefined;
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = newVariable(pos, name);
    if (!this.vars.includes(v.ident[0])) this.errorf(`undefined variable ${quote(v.ident[0])}`);
    return v;
  }

  private unquote(s: string): string {
    try {
      return unquote(s);
    } catch {
      this.errorf('invalid syntax');
    }
  }

  private number(token: Item): NumberInfo {
    try {
      return parseNumber(token.val, token.typ);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }
}

function newVariable(pos: number, ident: string): VariableNode {
  return { type: 'variable', pos, ident: ident.split('.') };
}

function isEmptyTree(n: Node): boolean {
  switch (n.type) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim() === '';
    default: return false;
  }
}

/** strconv.Unquote for "…", `…` and '…' literals; throws on invalid syntax. */
export function unquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || s[s.length - 1] !== q) throw new Error('invalid syntax');
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new Error('invalid syntax');
    return body.replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new Error('invalid syntax');
  const bytes: number[] = [];
  const pushRune = (r: number) => bytes.push(...Buffer.from(String.fromCodePoint(r), 'utf8'));
  let runes = 0;
  for (let i = 0; i < body.length;) {
    const c = body[i];
    if (c === q && q === "'") throw new Error('invalid syntax');
    if (c === '\n') throw new Error('invalid syntax');
    runes++;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      pushRune(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case 'a': bytes.push(7); break;
      case 'b': bytes.push(8); break;
      case 'f': bytes.push(12); break;
      case 'n': bytes.push(10); break;
      case 'r': bytes.push(13); break;
      case 't': bytes.push(9); break;
      case 'v': bytes.push(11); break;
      case '\\': bytes.push(92); break;
      case "'": case '"':
        if (e !== q) throw new Error('invalid syntax');
        bytes.push(e.charCodeAt(0));
        break;
      case 'x': case 'u': case 'U': {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i, i + n);
        if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error('invalid syntax');
        const v = parseInt(hex, 16);
        i += n;
        if (e === 'x') {
          if (q === "'") pushRune(v);
          else bytes.push(v);
        } else {
          if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new Error('invalid syntax');
          pushRune(v);
        }
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        const oct = body.slice(i - 1, i + 2);
        if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax');
        const v = parseInt(oct, 8);
        if (v > 255) throw new Error('invalid syntax');
        i += 2;
        if (q === "'") pushRune(v);
        else bytes.push(v);
        break;
      }
      default:
        throw new Error('invalid syntax');
    }
  }
  if (q === "'" && runes !== 1) throw new Error('invalid syntax');
  return decodeUtf8(Buffer.from(bytes));
}

/** strconv.UnquoteChar(text[1:], '\'') plus newNumber's check that only the closing quote follows. */
function unquoteChar(text: string): number {
  const body = text.slice(1);
  let len: number;
  if (body[0] === '\\') {
    const e = body[1];
    len = e === 'x' ? 4 : e === 'u' ? 6 : e === 'U' ? 10 : e !== undefined && e >= '0' && e <= '7' ? 4 : 2;
  } else {
    if (body[0] === "'" || body[0] === undefined) throw new Error('invalid syntax');
    len = String.fromCodePoint(body.codePointAt(0)!).length;
  }
  const ch = unquote(`'${body.slice(0, len)}'`);
  if (body.slice(len) !== "'") throw new Error(`malformed character constant: ${text}`);
  return ch.codePointAt(0)!;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = (2n ** 63n) - 1n;
const UINT64_MAX = (2n ** 64n) - 1n;

/** strconv.ParseInt/ParseUint(text, 0, 64): base prefixes, underscores only with a prefix. */
export function parseGoInt(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  if (/^0[xX]/.test(s)) { base = 16; s = s.slice(2); } else if (/^0[bB]/.test(s)) { base = 2; s = s.slice(2); } else if (/^0[oO]/.test(s)) { base = 8; s = s.slice(2); } else if (s.length > 1 && s[0] === '0') { base = 8; s = s.slice(1); }
  if (s.includes('_')) {
    if (!underscoreOK(text)) return undefined;
    s = s.replace(/_/g, '');
  }
  if (s === '') return undefined;
  const digits = '0123456789abcdef'.slice(0, base);
  let v = 0n;
  for (const c of s.toLowerCase()) {
    const d = digits.indexOf(c);
    if (d < 0) return undefined;
    v = v * BigInt(base) + BigInt(d);
  }
  return neg ? -v : v;
}

/** strconv's underscoreOK: underscores only between digits or after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  let hex = false;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseFloat(text, 64) for Go float literal syntax; undefined when invalid. */
export function parseGoFloat(text: string): number | undefined {
  let s = text;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replace(/_/g, '');
  }
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (m) {
    const mant = (m[2] ?? '') + (m[3] ?? '');
    if (mant === '') return undefined;
    const v = parseInt(mant, 16) * Math.pow(2, Number(m[4]) - 4 * (m[3] ?? '').length);
    return m[1] === '-' ? -v : v;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    if (/^[+-]?(inf|infinity|nan)$/i.test(s)) return s.toLowerCase().includes('nan') ? NaN : s[0] === '-' ? -Infinity : Infinity;
    return undefined;
  }
  return Number(s);
}

/** parse.newNumber: the int/uint/float views of a number literal. */
export function parseNumber(text: string, typ: ItemType): NumberInfo {
  const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, isComplex: false, int64: 0n, uint64: 0n, float64: 0, text };
  if (typ === ItemType.CharConstant) {
    const r = BigInt(unquoteChar(text));
    return { ...n, isInt: true, int64: r, isUint: true, uint64: r, isFloat: true, float64: Number(r) };
  }
  if (typ === ItemType.Complex) {
    throw new Error(`complex constants are not supported: ${text}`);
  }
  if (text.endsWith('i')) {
    const f = parseGoFloat(text.slice(0, -1));
    if (f !== undefined) {
      n.isComplex = true;
      if (f === 0) {
        return { ...n, isFloat: true, float64: 0, isInt: true, int64: 0n, isUint: true, uint64: 0n };
      }
      return n;
    }
  }
  const u = text.startsWith('-') ? undefined : parseGoInt(text);
  if (u !== undefined && u >= 0n && u <= UINT64_MAX) {
    n.isUint = true;
    n.uint64 = u;
  }
  const i = parseGoInt(text);
  if (i !== undefined && i >= INT64_MIN && i <= INT64_MAX) {
    n.isInt = true;
    n.int64 = i;
    if (i === 0n) {
      n.isUint = true;
      n.uint64 = 0n;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseGoFloat(text);
    if (f !== undefined && Number.isFinite(f)) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -9223372036854775808 && f < 9223372036854775808) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 18446744073709551616) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quote(text)}`);
  return n;
}

/** Parses a template into its named trees; throws TemplateError with Go's message. */
export function parseTrees(name: string, text: string, hasFunction: (name: string) => boolean, options: ParseOptions = {}): TreeSet {
  const modern = (options.goVersion ?? '1.26') !== '1.19';
  const items = lex(text, !hasFunction('break'), !hasFunction('continue'));
  const trees = new Map<string, ListNode>();
  const t = new Tree(name, name, { items, i: 0 }, hasFunction, trees, modern);
  try {
    t.parse();
  } catch (e) {
    if (e instanceof ParseError) throw new TemplateError(e.message, 'parse');
    throw e;
  }
  return { name, text, trees };
}
