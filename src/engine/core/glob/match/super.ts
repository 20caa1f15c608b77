/** match/super.go of gobwas/glob v0.2.3: `**`, anything. */
import { GoString, runeStarts } from '../go-string';
import { IndexResult, Matcher } from './matcher';

export class Super implements Matcher {
  public match(_s: GoString): boolean {
    return true;
  }

  public matchAscii(_text: string): boolean {
    return true;
  }

  public len(): number {
    return -1;
  }

  public index(s: GoString): IndexResult {
    return [0, [...runeStarts(s), s.length]];
  }

  public toString(): string {
    return '<super>';
  }
}
