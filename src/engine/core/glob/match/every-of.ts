/** match/every_of.go of gobwas/glob v0.2.3: all matchers at once (glued `?`, `*` runs). */
import { GoString, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class EveryOf implements Matcher {
  constructor(public readonly matchers: readonly Matcher[]) {}

  /** Upstream's sum starts at 0 and gives up unless it is positive: always -1 when non-empty. */
  public len(): number {
    let l = 0;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l > 0) {
        l += ml;
      } else {
        return -1;
      }
    }
    return l;
  }

  public index(s: GoString): IndexResult {
    let index = 0;
    let offset = 0;
    let current: number[] = [];
    let sub = s;
    this.matchers.forEach((m, i) => {
      if (index === -1) return;
      const [idx, seg] = m.index(sub);
      if (idx === -1) {
        index = -1;
        return;
      }
      if (i === 0) {
        current = [...seg];
      } else {
        const delta = index - (idx + offset);
        const next: number[] = [];
        for (const ex of current) {
          for (const n of seg) {
            if (ex + delta === n) next.push(n);
          }
        }
        if (next.length === 0) {
          index = -1;
          return;
        }
        current = next;
      }
      index = idx + offset;
      sub = slice(s, index);
      offset += idx;
    });
    return index === -1 ? NOT_FOUND : [index, current];
  }

  public match(s: GoString): boolean {
    return this.matchers.every((m) => m.match(s));
  }

  public toString(): string {
    return `<every_of:[${this.matchers.map(String).join(',')}]>`;
  }
}
