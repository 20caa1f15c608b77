/** match/max.go of gobwas/glob v0.2.3: at most `limit` characters. */
import { forEachRune, GoString, runeCount, runeLen } from '../go-string';
import { IndexResult, Matcher } from './matcher';

export class Max implements Matcher {
  constructor(public readonly limit: number) {}

  public match(s: GoString): boolean {
    return runeCount(s) <= this.limit;
  }

  public index(s: GoString): IndexResult {
    const segments = [0];
    let count = 0;
    forEachRune(s, (i, r) => {
      count++;
      if (count > this.limit) return true;
      segments.push(i + runeLen(r));
      return false;
    });
    return [0, segments];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<max:${this.limit}>`;
  }
}
