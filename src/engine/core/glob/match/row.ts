/**
 * match/row.go of gobwas/glob v0.2.3: fixed-length matchers in a row (`a?c`). Each part is handed
 * the bytes up to the first byte of its last rune, so a part ending in a multi-byte character sees
 * a broken one: `é?` does not match "éa". Index reports the rune count as a byte length.
 */
import { forEachRune, GoString, runeCount, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class Row implements Matcher {
  constructor(public readonly runesLength: number, public readonly matchers: readonly Matcher[]) {}

  public match(s: GoString): boolean {
    return runeCount(s) === this.runesLength && this.matchAll(s);
  }

  public len(): number {
    return this.runesLength;
  }

  public index(s: GoString): IndexResult {
    let found: IndexResult = NOT_FOUND;
    forEachRune(s, (i) => {
      if (s.length - i < this.runesLength) return true;
      if (this.matchAll(slice(s, i))) {
        found = [i, [this.runesLength]];
        return true;
      }
      return false;
    });
    return found;
  }

  public toString(): string {
    return `<row_${this.runesLength}:[${this.matchers.map(String).join(',')}]>`;
  }

  private matchAll(s: GoString): boolean {
    let idx = 0;
    for (const m of this.matchers) {
      const length = m.len();
      let next = 0;
      let i = 0;
      forEachRune(slice(s, idx), (at) => {
        next = at;
        i++;
        return i === length;
      });
      if (i < length || !m.match(slice(s, idx, idx + next + 1))) return false;
      idx += next + 1;
    }
    return true;
  }
}
