/** match/any.go of gobwas/glob v0.2.3: `*`, any run of characters without a separator. */
import { GoString, indexAnyRunes, runeStarts, slice } from '../go-string';
import { IndexResult, Matcher, runesText } from './matcher';

export class Any implements Matcher {
  constructor(public readonly separators: readonly number[]) {}

  public match(s: GoString): boolean {
    return indexAnyRunes(s, this.separators) === -1;
  }

  /** Every prefix up to the separator found first (in separator order, not text order). */
  public index(s: GoString): IndexResult {
    const found = indexAnyRunes(s, this.separators);
    if (found === 0) return [0, [0]];
    const sub = found > 0 ? slice(s, 0, found) : s;
    return [0, [...runeStarts(sub), sub.length]];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<any:![${runesText(this.separators)}]>`;
  }
}
