/** match/prefix.go of gobwas/glob v0.2.3: `abc**`, text then anything. */
import { forEachRune, goString, GoString, hasPrefix, index, runeLen, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

const EMPTY = new Uint8Array(0);

export class Prefix implements Matcher {
  private readonly bytes: GoString;

  constructor(public readonly prefix: string) {
    this.bytes = goString(prefix);
  }

  public index(s: GoString): IndexResult {
    const idx = index(s, this.bytes);
    if (idx === -1) return NOT_FOUND;
    const length = this.bytes.length;
    const sub = s.length > idx + length ? slice(s, idx + length) : EMPTY;
    const segments = [length];
    forEachRune(sub, (i, r) => {
      segments.push(length + i + runeLen(r));
    });
    return [idx, segments];
  }

  public len(): number {
    return -1;
  }

  public match(s: GoString): boolean {
    return hasPrefix(s, this.bytes);
  }

  public matchAscii(text: string): boolean {
    return text.startsWith(this.prefix);
  }

  public toString(): string {
    return `<prefix:${this.prefix}>`;
  }
}
