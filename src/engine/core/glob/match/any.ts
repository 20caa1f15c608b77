/** match/any.go of gobwas/glob v0.2.3: `*`, any run of characters without a separator. */
import { GoString, indexAnyRunes, runeStarts, slice } from '../go-string';
import { IndexResult, Matcher, runesText } from './matcher';

export class Any implements Matcher {
  constructor(public readonly separators: readonly number[]) {}

  public match(s: GoString): boolean {
    return indexAnyRunes(s, this.separators) === -1;
  }

  public matchAscii(text: string): boolean {
    // Only an ASCII separator can occur in an ASCII text (RuneError finds no invalid byte in it).
    for (const r of this.separators) {
      if (r >= 0 && r < 0x80 && text.includes(String.fromCharCode(r))) return false;
    }
    return true;
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
