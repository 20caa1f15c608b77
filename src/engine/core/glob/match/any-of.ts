/** match/any_of.go of gobwas/glob v0.2.3: `{a,b}` alternatives. */
import { GoString } from '../go-string';
import { appendMerge, IndexResult, Matcher, NOT_FOUND } from './matcher';

export class AnyOf implements Matcher {
  constructor(public readonly matchers: readonly Matcher[]) {}

  public match(s: GoString): boolean {
    return this.matchers.some((m) => m.match(s));
  }

  /** The earliest start of any alternative, with the merged lengths of those starting there. */
  public index(s: GoString): IndexResult {
    let index = -1;
    let segments: number[] = [];
    for (const m of this.matchers) {
      const [idx, seg] = m.index(s);
      if (idx === -1) continue;
      if (index === -1 || idx < index) {
        index = idx;
        segments = [...seg];
        continue;
      }
      if (idx > index) continue;
      segments = appendMerge(segments, seg);
    }
    return index === -1 ? NOT_FOUND : [index, segments];
  }

  /**
   * Upstream's length check restarts while the length so far is -1, so a variable-length first
   * alternative is skipped: `{*,ab}` reports length 2. The compiler relies on it, so it stays.
   */
  public len(): number {
    let l = -1;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l === -1) {
        l = ml;
        continue;
      }
      if (ml === -1 || l !== ml) return -1;
    }
    return l;
  }

  public toString(): string {
    return `<any_of:[${this.matchers.map(String).join(',')}]>`;
  }
}
