/** match/text.go of gobwas/glob v0.2.3: literal text. */
import { equal, goString, GoString, index, runeCount } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class Text implements Matcher {
  public readonly bytes: GoString;
  private readonly runesLength: number;

  constructor(public readonly str: string) {
    this.bytes = goString(str);
    this.runesLength = runeCount(this.bytes);
  }

  public match(s: GoString): boolean {
    return equal(this.bytes, s);
  }

  public matchAscii(text: string): boolean {
    return text === this.str;
  }

  public len(): number {
    return this.runesLength;
  }

  public index(s: GoString): IndexResult {
    const i = index(s, this.bytes);
    return i === -1 ? NOT_FOUND : [i, [this.bytes.length]];
  }

  public toString(): string {
    return `<text:\`${this.str}\`>`;
  }
}
