/** match/single.go of gobwas/glob v0.2.3: `?`, one character that is not a separator. */
import { decodeRune, forEachRune, GoString, runeLen } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND, runesText } from './matcher';

export class Single implements Matcher {
  constructor(public readonly separators: readonly number[]) {}

  /** One rune, not a separator. An empty string decodes to U+FFFD, so `?` matches "". */
  public match(s: GoString): boolean {
    const [r, w] = decodeRune(s);
    if (s.length > w) return false;
    return !this.separators.includes(r);
  }

  public len(): number {
    return 1;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i, r) => {
      if (!this.separators.includes(r)) {
        found = [i, [runeLen(r)]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<single:![${runesText(this.separators)}]>`;
  }
}
