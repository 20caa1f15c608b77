/** match/suffix.go of gobwas/glob v0.2.3: `**abc`, anything then text. */
import { goString, GoString, hasSuffix, index } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class Suffix implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly suffix: string) {
    this.bytes = goString(suffix);
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    return hasSuffix(s, this.bytes);
  }

  public matchAscii(text: string): boolean {
    return text.endsWith(this.suffix);
  }

  public index(s: GoString): IndexResult {
    const idx = index(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    return [0, [idx + this.bytes.length]];
  }

  public toString(): string {
    return `<suffix:${this.suffix}>`;
  }
}
