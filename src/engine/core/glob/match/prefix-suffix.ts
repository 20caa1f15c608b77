/**
 * match/prefix_suffix.go of gobwas/glob v0.2.3: `ab**yz`. `match` only checks that the text starts
 * with the prefix and ends with the suffix, which may overlap: `start*art` matches "start"
 * (upstream issue 61).
 */
import { goString, GoString, hasPrefix, hasSuffix, index, lastIndex, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class PrefixSuffix implements Matcher {
  private readonly prefixBytes: GoString;
  private readonly suffixBytes: GoString;

  constructor(public readonly prefix: string, public readonly suffix: string) {
    this.prefixBytes = goString(prefix);
    this.suffixBytes = goString(suffix);
  }

  public index(s: GoString): IndexResult {
    const prefixIdx = index(s, this.prefixBytes);
    if (prefixIdx === -1) return NOT_FOUND;
    const suffixLen = this.suffixBytes.length;
    if (suffixLen <= 0) return [prefixIdx, [s.length - prefixIdx]];
    if (s.length - prefixIdx <= 0) return NOT_FOUND;
    const segments: number[] = [];
    let sub = slice(s, prefixIdx);
    for (;;) {
      const suffixIdx = lastIndex(sub, this.suffixBytes);
      if (suffixIdx === -1) break;
      segments.push(suffixIdx + suffixLen);
      sub = slice(sub, 0, suffixIdx);
    }
    if (segments.length === 0) return NOT_FOUND;
    return [prefixIdx, segments.reverse()];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    return hasPrefix(s, this.prefixBytes) && hasSuffix(s, this.suffixBytes);
  }

  public matchAscii(text: string): boolean {
    return text.startsWith(this.prefix) && text.endsWith(this.suffix);
  }

  public toString(): string {
    return `<prefix_suffix:[${this.prefix},${this.suffix}]>`;
  }
}
