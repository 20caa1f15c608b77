/** match/suffix_any.go of gobwas/glob v0.2.3: `*abc`, no separator then text. */
import { goString, GoString, hasSuffix, index, indexAnyRunes, lastIndexAnyRunes, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND, runesText } from './matcher';

export class SuffixAny implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly suffix: string, public readonly separators: readonly number[]) {
    this.bytes = goString(suffix);
  }

  public index(s: GoString): IndexResult {
    const idx = index(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    const i = lastIndexAnyRunes(slice(s, 0, idx), this.separators) + 1;
    return [i, [idx + this.bytes.length - i]];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    if (!hasSuffix(s, this.bytes)) return false;
    return indexAnyRunes(slice(s, 0, s.length - this.bytes.length), this.separators) === -1;
  }

  public toString(): string {
    return `<suffix_any:![${runesText(this.separators)}]${this.suffix}>`;
  }
}
