/**
 * The glob lexer of github.com/gobwas/glob v0.2.3 (syntax/lexer/lexer.go, token.go), ported
 * state for state, because its quirks decide what compiles:
 *
 * - rune 0 is its end-of-input marker, so a NUL character ends the pattern (or, inside a text run,
 *   ends that run and is skipped);
 * - U+FFFD (also what a lone surrogate becomes) is "could not read rune"; the error is kept in the
 *   lexer and may be overwritten by a later one ("unexpected end of input");
 * - inside `[...]` a `!` is negation only as the first character, `^` is a plain character, and
 *   after one range (`a-z`) or one text run the next character must be `]` ("expected close range
 *   character"), so `[a-z0-9]` does not compile;
 * - `\` escapes the next character in text and in classes, and a trailing `\` is dropped;
 * - `,` and `}` are special only inside `{...}`, and an unclosed `{` is not an error.
 *
 * Positions count code points, not bytes: only relative seeks matter, and each rune moves one.
 */

/** The token kinds of syntax/lexer/token.go. */
export enum TokenType {
  EOF = 'eof',
  ERROR = 'error',
  TEXT = 'text',
  ANY = 'any',
  SUPER = 'super',
  SINGLE = 'single',
  NOT = 'not',
  SEPARATOR = 'separator',
  RANGE_OPEN = 'range_open',
  RANGE_CLOSE = 'range_close',
  RANGE_LO = 'range_lo',
  RANGE_HI = 'range_hi',
  RANGE_BETWEEN = 'range_between',
  TERMS_OPEN = 'terms_open',
  TERMS_CLOSE = 'terms_close',
}

/** One token: its type and the raw text (for an error, the message). */
export interface Token {
  readonly type: TokenType;
  readonly raw: string;
}

const EOF_RUNE = 0;
const RUNE_ERROR = 0xfffd;
const ANY = 0x2a; // *
const COMMA = 0x2c; // ,
const SINGLE = 0x3f; // ?
const ESCAPE = 0x5c; // \
const RANGE_OPEN = 0x5b; // [
const RANGE_CLOSE = 0x5d; // ]
const TERMS_OPEN = 0x7b; // {
const TERMS_CLOSE = 0x7d; // }
const RANGE_NOT = 0x21; // !
const RANGE_BETWEEN = 0x2d; // -

const TEXT_BREAKERS = [SINGLE, ANY, RANGE_OPEN, TERMS_OPEN];
const TERMS_BREAKERS = [...TEXT_BREAKERS, TERMS_CLOSE, COMMA];

/** The characters `QuoteMeta` escapes (lexer.Special). */
export const SPECIAL_CHARACTERS = '*?\\[]{}';

function runesToString(runes: readonly number[]): string {
  return String.fromCodePoint(...runes);
}

/** Tokenizes a glob pattern; call `next()` until it returns EOF or ERROR. */
export class Lexer {
  private readonly data: number[];
  private pos = 0;
  private err: string | undefined;
  private readonly tokens: Token[] = [];
  private termsLevel = 0;
  private lastRune = 0;
  private lastRuneSize = 0;
  private hasRune = false;

  constructor(source: string) {
    this.data = [];
    for (const ch of source) {
      const cp = ch.codePointAt(0)!;
      this.data.push(cp >= 0xd800 && cp <= 0xdfff ? RUNE_ERROR : cp);
    }
  }

  /** The next token; once an error is recorded, every call returns it. */
  public next(): Token {
    for (;;) {
      if (this.err !== undefined) return { type: TokenType.ERROR, raw: this.err };
      const token = this.tokens.shift();
      if (token) return token;
      this.fetchItem();
    }
  }

  private peek(): [number, number] {
    if (this.pos === this.data.length) return [EOF_RUNE, 0];
    const r = this.data[this.pos];
    if (r === RUNE_ERROR) {
      this.err = 'could not read rune';
      return [EOF_RUNE, 0];
    }
    return [r, 1];
  }

  private read(): number {
    if (this.hasRune) {
      this.hasRune = false;
      this.pos += this.lastRuneSize;
      return this.lastRune;
    }
    const [r, w] = this.peek();
    this.pos += w;
    this.lastRune = r;
    this.lastRuneSize = w;
    return r;
  }

  private unread(): void {
    if (this.hasRune) {
      this.err = 'could not unread rune';
      return;
    }
    this.pos -= this.lastRuneSize;
    this.hasRune = true;
  }

  private push(type: TokenType, raw: string): void {
    this.tokens.push({ type, raw });
  }

  private fetchItem(): void {
    const r = this.read();
    if (r === EOF_RUNE) {
      this.push(TokenType.EOF, '');
    } else if (r === TERMS_OPEN) {
      this.termsLevel++;
      this.push(TokenType.TERMS_OPEN, '{');
    } else if (r === COMMA && this.termsLevel > 0) {
      this.push(TokenType.SEPARATOR, ',');
    } else if (r === TERMS_CLOSE && this.termsLevel > 0) {
      this.push(TokenType.TERMS_CLOSE, '}');
      this.termsLevel--;
    } else if (r === RANGE_OPEN) {
      this.push(TokenType.RANGE_OPEN, '[');
      this.fetchRange();
    } else if (r === SINGLE) {
      this.push(TokenType.SINGLE, '?');
    } else if (r === ANY) {
      if (this.read() === ANY) {
        this.push(TokenType.SUPER, '**');
      } else {
        this.unread();
        this.push(TokenType.ANY, '*');
      }
    } else {
      this.unread();
      this.fetchText(this.termsLevel > 0 ? TERMS_BREAKERS : TEXT_BREAKERS);
    }
  }

  private fetchRange(): void {
    let wantHi = false;
    let wantClose = false;
    let seenNot = false;
    for (;;) {
      const r = this.read();
      if (r === EOF_RUNE) {
        this.err = 'unexpected end of input';
        return;
      }
      if (wantClose) {
        if (r !== RANGE_CLOSE) {
          this.err = 'expected close range character';
        } else {
          this.push(TokenType.RANGE_CLOSE, ']');
        }
        return;
      }
      if (wantHi) {
        this.push(TokenType.RANGE_HI, runesToString([r]));
        wantClose = true;
        continue;
      }
      if (!seenNot && r === RANGE_NOT) {
        this.push(TokenType.NOT, '!');
        seenNot = true;
        continue;
      }
      const [n, w] = this.peek();
      if (n === RANGE_BETWEEN) {
        this.pos += w;
        this.push(TokenType.RANGE_LO, runesToString([r]));
        this.push(TokenType.RANGE_BETWEEN, '-');
        wantHi = true;
        continue;
      }
      this.unread();
      this.fetchText([RANGE_CLOSE]);
      wantClose = true;
    }
  }

  private fetchText(breakers: readonly number[]): void {
    const data: number[] = [];
    let escaped = false;
    for (;;) {
      const r = this.read();
      if (r === EOF_RUNE) break;
      if (!escaped) {
        if (r === ESCAPE) {
          escaped = true;
          continue;
        }
        if (breakers.includes(r)) {
          this.unread();
          break;
        }
      }
      escaped = false;
      data.push(r);
    }
    if (data.length > 0) this.push(TokenType.TEXT, runesToString(data));
  }
}
