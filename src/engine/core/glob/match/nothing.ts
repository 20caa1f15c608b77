/** match/nothing.go of gobwas/glob v0.2.3: the empty string (an empty pattern or alternative). */
import { GoString } from '../go-string';
import { IndexResult, Matcher } from './matcher';

export class Nothing implements Matcher {
  public match(s: GoString): boolean {
    return s.length === 0;
  }

  public matchAscii(text: string): boolean {
    return text.length === 0;
  }

  public index(_s: GoString): IndexResult {
    return [0, [0]];
  }

  public len(): number {
    return 0;
  }

  public toString(): string {
    return '<nothing>';
  }
}
