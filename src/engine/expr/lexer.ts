/**
 * expr's lexer: source text to tokens, with rune-based locations.
 *
 * Ported from expr-lang/expr@v1.17.8 `parser/lexer/lexer.go`, `state.go`, `token.go` and
 * `utils.go` (string unescaping), `parser/utils/utils.go` (identifier characters).
 */
import { LocatedError, Location } from './errors';
import { goQuote, goRuneU } from './go-quote';

export type TokenKind = 'Identifier' | 'Number' | 'String' | 'Bytes' | 'Operator' | 'Bracket' | 'EOF';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly location: Location;
}

/** `Token.String()`: `Operator("+")`, `EOF`. */
export function tokenString(t: Token): string {
  return t.value === '' ? t.kind : `${t.kind}(${goQuote(t.value)})`;
}

export function tokenIs(t: Token, kind: TokenKind, ...values: string[]): boolean {
  return t.kind === kind && (values.length === 0 || values.includes(t.value));
}

const EOF = '';
const LETTER = /^[\p{L}]$/u;
const DIGIT = /^\p{Nd}$/u;
const WHITE_SPACE = /^\p{White_Space}$/u;

export function isAlphabetic(r: string): boolean {
  return r === '_' || r === '$' || LETTER.test(r);
}

export function isAlphaNumeric(r: string): boolean {
  return isAlphabetic(r) || DIGIT.test(r);
}

/** `unicode.IsSpace`. */
function isSpace(r: string): boolean {
  if (r === EOF) return false;
  const cp = r.codePointAt(0)!;
  if (cp <= 0xff) return r === ' ' || r === '\t' || r === '\n' || r === '\v' || r === '\f' || r === '\r' || cp === 0x85 || cp === 0xa0;
  return WHITE_SPACE.test(r);
}

export function isValidIdentifier(s: string): boolean {
  const runes = Array.from(s);
  return runes.length > 0 && isAlphabetic(runes[0]) && runes.slice(1).every(isAlphaNumeric);
}

type State = ((l: Lexer) => State) | undefined;

/** The tokens of an expression, and the lexing error that follows them, if any. */
export interface Lexed {
  readonly tokens: Token[];
  readonly error?: LocatedError;
}

/**
 * Tokenizes a whole expression. expr lexes lazily, so a lexing error only surfaces when the parser
 * asks for the token after the last good one: the error is returned next to the tokens before it.
 */
export function lex(source: string): Lexed {
  return new Lexer(source).run();
}

class Lexer {
  private readonly runes: string[];
  private readonly tokens: Token[] = [];
  private start = 0;
  private end = 0;
  private eof = false;
  private err?: LocatedError;

  public constructor(source: string) {
    this.runes = Array.from(source);
  }

  public run(): Lexed {
    let state: State = root;
    while (state !== undefined && this.err === undefined) {
      const before = this.tokens.length;
      state = state(this);
      if (this.err !== undefined) this.tokens.length = before;
    }
    return { tokens: this.tokens, error: this.err };
  }

  public next(): string {
    if (this.end >= this.runes.length) {
      this.eof = true;
      return EOF;
    }
    return this.runes[this.end++];
  }

  public peek(): string {
    return this.end < this.runes.length ? this.runes[this.end] : EOF;
  }

  public backup(): void {
    if (this.eof) this.eof = false;
    else if (this.end > 0) this.end--;
  }

  public word(): string {
    return this.runes.slice(this.start, this.end).join('');
  }

  public emit(kind: TokenKind): void {
    this.emitValue(kind, this.word());
  }

  public emitValue(kind: TokenKind, value: string): void {
    this.tokens.push({ kind, value, location: { from: this.start, to: this.end } });
    this.start = this.end;
  }

  public emitEOF(): void {
    const from = Math.max(this.end - 1, 0);
    this.tokens.push({ kind: 'EOF', value: '', location: { from, to: this.end } });
    this.start = this.end;
  }

  public skip(): void {
    this.start = this.end;
  }

  public accept(valid: string): boolean {
    const p = this.peek();
    if (p !== EOF && valid.includes(p)) {
      this.next();
      return true;
    }
    return false;
  }

  public acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  public error(message: string): State {
    if (this.err === undefined) {
      let end = this.end;
      if (this.eof) end++;
      this.err = new LocatedError({ from: end - 1, to: end }, message);
    }
    return undefined;
  }

  public get endPos(): number {
    return this.end;
  }

  public set endPos(v: number) {
    this.end = v;
  }

  public scanNumber(): boolean {
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    const end = this.end;
    if (this.accept('.')) {
      if (this.peek() === '.') {
        this.end = end;
        return true;
      }
      this.acceptRun(digits);
    }
    if (this.accept('eE')) {
      this.accept('+-');
      this.acceptRun(digits);
    }
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  private scanDigits(ch: string, base: number, n: number): string {
    while (n > 0 && digitVal(ch) < base) {
      ch = this.next();
      n--;
    }
    if (n > 0) this.error('invalid char escape');
    return ch;
  }

  private scanEscape(quote: string): string {
    let ch = this.next();
    switch (ch) {
      case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\': case quote:
        return this.next();
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        return this.scanDigits(ch, 8, 3);
      case 'x':
        return this.scanDigits(this.next(), 16, 2);
      case 'u':
        if (this.peek() === '{') {
          this.next();
          let digits = 0;
          for (;;) {
            const p = this.peek();
            if (p === '}') break;
            if (digitVal(p) >= 16 || digits >= 6) {
              this.error('invalid char escape');
              return EOF;
            }
            this.next();
            digits++;
          }
          if (digits === 0) {
            this.error('invalid char escape');
            return EOF;
          }
          this.next();
          ch = this.next();
          return ch;
        }
        return this.scanDigits(this.next(), 16, 4);
      case 'U':
        return this.scanDigits(this.next(), 16, 8);
      default:
        this.error('invalid char escape');
        return ch;
    }
  }

  public scanString(quote: string): void {
    let ch = this.next();
    while (ch !== quote) {
      if (ch === '\n' || ch === EOF) {
        this.error('literal not terminated');
        return;
      }
      ch = ch === '\\' ? this.scanEscape(quote) : this.next();
      if (this.err !== undefined) return;
    }
  }

  public scanRawString(quote: string): void {
    let escaped = false;
    for (;;) {
      let ch = this.next();
      while (ch === quote && this.peek() === quote) {
        this.next();
        ch = this.next();
        escaped = true;
      }
      if (ch === quote) break;
      if (ch === EOF) {
        this.error('literal not terminated');
        return;
      }
    }
    const str = this.runes.slice(this.start + 1, this.end - 1).join('');
    if (!escaped) {
      this.emitValue('String', str);
      return;
    }
    let out = '';
    let skipped = false;
    for (const r of str) {
      if (r === quote) {
        if (!skipped) {
          skipped = true;
          continue;
        }
        skipped = false;
      }
      out += r;
    }
    this.emitValue('String', out);
  }
}

function digitVal(ch: string): number {
  if (ch >= '0' && ch <= '9' && ch.length === 1) return ch.charCodeAt(0) - 48;
  const lower = ch.toLowerCase();
  if (ch.length === 1 && lower >= 'a' && lower <= 'f') return lower.charCodeAt(0) - 87;
  return 16;
}

function root(l: Lexer): State {
  const r = l.next();
  if (r === EOF) {
    l.emitEOF();
    return undefined;
  }
  if (isSpace(r)) {
    l.skip();
    return root;
  }
  if (r === '\'' || r === '"') {
    l.scanString(r);
    const [str, err] = unescape(l.word());
    if (err !== undefined) l.error(err);
    l.emitValue('String', str);
    return root;
  }
  if (r === '`') {
    l.scanRawString(r);
    return root;
  }
  if ((r === 'b' || r === 'B') && (l.peek() === '\'' || l.peek() === '"')) {
    const quote = l.next();
    l.scanString(quote);
    const [str, err] = unescape(l.word().slice(1), true);
    if (err !== undefined) l.error(err);
    l.emitValue('Bytes', str);
    return root;
  }
  if (r >= '0' && r <= '9') {
    l.backup();
    return number;
  }
  if (r === '?') {
    l.accept('.?');
    l.emit('Operator');
    return root;
  }
  if (r === '/') return slash;
  if (r === '#') return pointer;
  if (r === '|') {
    l.accept('|');
    l.emit('Operator');
    return root;
  }
  if (r === ':') {
    l.accept(':');
    l.emit('Operator');
    return root;
  }
  if ('([{)]}'.includes(r)) {
    l.emit('Bracket');
    return root;
  }
  if (',;%+-^'.includes(r)) {
    l.emit('Operator');
    return root;
  }
  if ('&!=*<>'.includes(r)) {
    l.accept('&=*');
    l.emit('Operator');
    return root;
  }
  if (r === '.') {
    l.backup();
    return dot;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return identifier;
  }
  return l.error(`unrecognized character: ${goRuneU(r)}`);
}

function number(l: Lexer): State {
  if (!l.scanNumber()) return l.error(`bad number syntax: ${goQuote(l.word())}`);
  l.emit('Number');
  return root;
}

function dot(l: Lexer): State {
  l.next();
  if (l.accept('0123456789')) {
    l.backup();
    return number;
  }
  l.accept('.');
  l.emit('Operator');
  return root;
}

function identifier(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    switch (l.word()) {
      case 'not':
        return not;
      case 'in': case 'or': case 'and': case 'matches': case 'contains': case 'startsWith': case 'endsWith': case 'let':
      case 'if': case 'else':
        l.emit('Operator');
        break;
      default:
        l.emit('Identifier');
    }
    return root;
  }
}

function not(l: Lexer): State {
  l.emit('Operator');
  l.acceptRun(' ');
  l.skip();
  const end = l.endPos;
  for (;;) {
    const r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  switch (l.word()) {
    case 'in': case 'matches': case 'contains': case 'startsWith': case 'endsWith':
      l.emit('Operator');
      break;
    default:
      l.endPos = end;
  }
  return root;
}

function slash(l: Lexer): State {
  if (l.accept('/')) {
    for (;;) {
      const r = l.next();
      if (r === EOF || r === '\n') break;
    }
    l.skip();
    return root;
  }
  if (l.accept('*')) {
    for (;;) {
      const r = l.next();
      if (r === EOF) return l.error('unclosed comment');
      if (r === '*' && l.accept('/')) break;
    }
    l.skip();
    return root;
  }
  l.emit('Operator');
  return root;
}

function pointer(l: Lexer): State {
  l.accept('#');
  l.emit('Operator');
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup();
    if (l.word() !== '') l.emit('Identifier');
    return root;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  'a': '\x07',
  'b': '\b',
  'f': '\f',
  'n': '\n',
  'r': '\r',
  't': '\t',
  'v': '\v',
  '\\': '\\',
  '\'': '\'',
  '"': '"',
  '`': '`',
  '?': '?',
};

/**
 * expr's `unescape` (and `unescapeBytes` when `bytes`): strips the quotes and decodes escapes.
 * Returns the error message instead of throwing, as the lexer reports it at its own position.
 */
function unescape(quoted: string, bytes = false): [string, string | undefined] {
  let value = quoted.replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  const n = value.length;
  if (n < 2 || value[0] !== value[n - 1] || (value[0] !== '"' && value[0] !== '\'')) return [value, 'unable to unescape string'];
  value = value.slice(1, n - 1);
  let out = '';
  let i = 0;
  const fail = (message = 'unable to unescape string'): [string, string] => ['', message];
  while (i < value.length) {
    const c = value[i];
    if (c !== '\\') {
      const cp = value.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out += ch;
      i += ch.length;
      continue;
    }
    if (i + 1 >= value.length) return fail('unable to unescape string, found \'\\\' as last character');
    const e = value[i + 1];
    i += 2;
    if (SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e];
      continue;
    }
    if (e === 'x' || e === 'X' || (!bytes && (e === 'u' || e === 'U'))) {
      if (e === 'u' && value[i] === '{') {
        i++;
        let digits = '';
        while (i < value.length && value[i] !== '}') {
          if (digitVal(value[i]) >= 16 || digits.length >= 6) return fail();
          digits += value[i++];
        }
        if (i >= value.length || digits === '') return fail();
        i++;
        const v = parseInt(digits, 16);
        if (v > 0x10ffff) return fail();
        out += String.fromCodePoint(v);
        continue;
      }
      const len = e === 'x' || e === 'X' ? 2 : e === 'u' ? 4 : 8;
      const hex = value.slice(i, i + len);
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) return fail();
      i += len;
      const v = parseInt(hex, 16);
      if (v > 0x10ffff) return fail();
      out += String.fromCodePoint(v);
      continue;
    }
    if (e >= '0' && e <= '3') {
      const oct = value.slice(i, i + 2);
      if (oct.length < 2 || !/^[0-7]{2}$/.test(oct)) return fail('unable to unescape octal sequence in string');
      i += 2;
      out += String.fromCodePoint(parseInt(e + oct, 8));
      continue;
    }
    return fail();
  }
  return [out, undefined];
}
