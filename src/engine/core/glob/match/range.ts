/** match/range.go of gobwas/glob v0.2.3: `[a-z]` or `[!a-z]`, one character. */
import { decodeRune, forEachRune, GoString, runeLen } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class Range implements Matcher {
  constructor(public readonly lo: number, public readonly hi: number, public readonly not: boolean) {}

  public len(): number {
    return 1;
  }

  /** One rune in (or, negated, outside) the range. An empty string decodes to U+FFFD. */
  public match(s: GoString): boolean {
    const [r, w] = decodeRune(s);
    if (s.length > w) return false;
    return (r >= this.lo && r <= this.hi) === !this.not;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i, r) => {
      if (this.not !== (r >= this.lo && r <= this.hi)) {
        found = [i, [runeLen(r)]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<range:${this.not ? '!' : ''}[${String.fromCodePoint(this.lo)},${String.fromCodePoint(this.hi)}]>`;
  }
}
