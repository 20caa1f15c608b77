/** match/contains.go of gobwas/glob v0.2.3: text anywhere (`**x**`), or nowhere when `not`. */
import { goString, GoString, index, runeStarts, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

export class Contains implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly needle: string, public readonly not: boolean) {
    this.bytes = goString(needle);
  }

  public match(s: GoString): boolean {
    return (index(s, this.bytes) !== -1) !== this.not;
  }

  public matchAscii(text: string): boolean {
    return text.includes(this.needle) !== this.not;
  }

  public index(s: GoString): IndexResult {
    let offset = 0;
    let sub = s;
    const idx = index(s, this.bytes);
    if (!this.not) {
      if (idx === -1) return NOT_FOUND;
      offset = idx + this.bytes.length;
      if (s.length <= offset) return [0, [offset]];
      sub = slice(s, offset);
    } else if (idx !== -1) {
      sub = slice(s, 0, idx);
    }
    return [0, [...runeStarts(sub).map((i) => offset + i), offset + sub.length]];
  }

  public len(): number {
    return -1;
  }

  public toString(): string {
    return `<contains:${this.not ? '!' : ''}[${this.needle}]>`;
  }
}
