/** match/list.go of gobwas/glob v0.2.3: `[abc]` or `[!abc]`, one character. */
import { decodeRune, forEachRune, GoString, runeLen } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND, runesText } from './matcher';

export class List implements Matcher {
  constructor(public readonly list: readonly number[], public readonly not: boolean) {}

  /** One rune in (or, negated, not in) the list. An empty string decodes to U+FFFD. */
  public match(s: GoString): boolean {
    const [r, w] = decodeRune(s);
    if (s.length > w) return false;
    return this.list.includes(r) === !this.not;
  }

  public len(): number {
    return 1;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i, r) => {
      if (this.not === !this.list.includes(r)) {
        found = [i, [runeLen(r)]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<list:${this.not ? '!' : ''}[${runesText(this.list)}]>`;
  }
}
