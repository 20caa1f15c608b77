/** match/min.go of gobwas/glob v0.2.3: at least `limit` characters. */
import { forEachRune, GoString, runeCount, runeLen } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class Min implements Matcher {
  constructor(public readonly limit: number) {}

  public match(s: GoString): boolean {
    return runeCount(s) >= this.limit && s.length > 0;
  }

  /** Upstream first compares the limit (runes) with the byte length, then counts runes. */
  public index(s: GoString): IndexResult {
    if (s.length - this.limit + 1 <= 0) return NOT_FOUND;
    const segments: number[] = [];
    let count = 0;
    forEachRune(s, (i, r) => {
      count++;
      if (count >= this.limit) segments.push(i + runeLen(r));
    });
    return segments.length === 0 ? NOT_FOUND : [0, segments];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<min:${this.limit}>`;
  }
}
