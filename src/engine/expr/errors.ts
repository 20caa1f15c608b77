/**
 * expr's error type and its message format.
 *
 * Ported from expr-lang/expr@v1.17.8 `file/error.go` (`Error.Bind`, `Error.format`): a message,
 * then ` (line:column)`, then the source line and a caret under the failing rune.
 */

/** A span of runes in the expression source, `from` inclusive. */
export interface Location {
  readonly from: number;
  readonly to: number;
}

/** A compile or run-time error of an expression, formatted like expr's `file.Error.Error()`. */
export class ExprError extends Error {
  /** Builds the error for a location in `source`, as `file.Error.Bind` does. */
  public static bind(source: string, location: Location, message: string): ExprError {
    const runes = Array.from(source);
    let line = 1;
    let column = 0;
    let lineStart = 0;
    for (let i = 0; i < runes.length && i !== location.from; i++) {
      if (runes[i] === '\n') {
        lineStart = i + 1;
        line++;
        column = 0;
      } else {
        column++;
      }
    }
    let lineEnd = runes.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = runes.length;
    if (lineStart === lineEnd) return new ExprError(message, message, line, column);
    const text = runes.slice(lineStart, lineEnd).join('').replace(/\t/g, ' ');
    const snippet = `\n | ${text}\n | ${'.'.repeat(column)}^`;
    return new ExprError(`${message} (${line}:${column + 1})${snippet}`, message, line, column);
  }

  public constructor(
    formatted: string,
    /** The message alone, without position and snippet. */
    public readonly reason: string,
    /** 1-based line. */
    public readonly line: number,
    /** 0-based column, in runes. */
    public readonly column: number,
  ) {
    super(formatted);
    this.name = 'ExprError';
  }
}

/** An error located in the source, raised while lexing, parsing, checking or running. */
export class LocatedError extends Error {
  public constructor(public readonly location: Location, message: string) {
    super(message);
  }
}
