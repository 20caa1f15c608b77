/** match/prefix_any.go of gobwas/glob v0.2.3: `abc*`, text then no separator. */
import { forEachRune, goString, GoString, hasPrefix, index, indexAnyRunes, runeLen, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND, runesText } from './matcher';

export class PrefixAny implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly prefix: string, public readonly separators: readonly number[]) {
    this.bytes = goString(prefix);
  }

  public index(s: GoString): IndexResult {
    const idx = index(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    const n = this.bytes.length;
    let sub = slice(s, idx + n);
    const i = indexAnyRunes(sub, this.separators);
    if (i > -1) sub = slice(sub, 0, i);
    const segments = [n];
    forEachRune(sub, (j, r) => {
      segments.push(n + j + runeLen(r));
    });
    return [idx, segments];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    if (!hasPrefix(s, this.bytes)) return false;
    return indexAnyRunes(slice(s, this.bytes.length), this.separators) === -1;
  }

  public toString(): string {
    return `<prefix_any:${this.prefix}![${runesText(this.separators)}]>`;
  }
}
