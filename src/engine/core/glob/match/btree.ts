/**
 * match/btree.go of gobwas/glob v0.2.3: a fixed-length value matcher with the parts left and right
 * of it. Its lengths are rune counts but are applied to byte offsets (upstream's own shortcut), and
 * they are computed once, before the compiler optimizes the branches.
 */
import { decodeRune, equal, GoString, slice } from '../go-string';
import { IndexResult, Matcher, NOT_FOUND } from './matcher';

const EMPTY = new Uint8Array(0);

export class BTree implements Matcher {
  /** match.NewBTree: the tree with its lengths taken from the parts as given. */
  public static create(value: Matcher, left: Matcher | undefined, right: Matcher | undefined): BTree {
    const valueLength = value.len();
    const leftLength = left ? left.len() : 0;
    const rightLength = right ? right.len() : 0;
    const lengthOk = valueLength !== -1 && leftLength !== -1 && rightLength !== -1;
    return new BTree(value, left, right, valueLength, leftLength, rightLength,
      lengthOk ? leftLength + valueLength + rightLength : -1);
  }

  constructor(
    public readonly value: Matcher,
    public readonly left: Matcher | undefined,
    public readonly right: Matcher | undefined,
    public readonly valueLengthRunes: number,
    public readonly leftLengthRunes: number,
    public readonly rightLengthRunes: number,
    public readonly lengthRunes: number,
  ) {}

  /** The same tree with other branches but the lengths computed before (optimizeMatcher). */
  public withBranches(left: Matcher | undefined, right: Matcher | undefined): BTree {
    return new BTree(this.value, left, right, this.valueLengthRunes, this.leftLengthRunes,
      this.rightLengthRunes, this.lengthRunes);
  }

  public len(): number {
    return this.lengthRunes;
  }

  /** Upstream leaves BTree.Index unimplemented: it never finds anything. */
  public index(_s: GoString): IndexResult {
    return NOT_FOUND;
  }

  public match(s: GoString): boolean {
    const inputLen = s.length;
    let [offset, limit] = this.offsetLimit(inputLen);
    while (offset < limit) {
      const [index, segments] = this.value.index(slice(s, offset, limit));
      if (index === -1) return false;
      const l = slice(s, 0, offset + index);
      const left = this.left ? this.left.match(l) : l.length === 0;
      if (left) {
        for (let i = segments.length - 1; i >= 0; i--) {
          const length = segments[i];
          const r = inputLen <= offset + index + length ? EMPTY : slice(s, offset + index + length);
          const right = this.right ? this.right.match(r) : equal(r, EMPTY);
          if (right) return true;
        }
      }
      const [, step] = decodeRune(slice(s, offset + index));
      offset += index + step;
    }
    return false;
  }

  public toString(): string {
    const l = this.left ? this.left.toString() : '<nil>';
    const r = this.right ? this.right.toString() : '<nil>';
    return `<btree:[${l}<-${this.value}->${r}]>`;
  }

  private offsetLimit(inputLen: number): [number, number] {
    if (this.lengthRunes !== -1 && this.lengthRunes > inputLen) return [0, 0];
    const offset = this.leftLengthRunes >= 0 ? this.leftLengthRunes : 0;
    const limit = this.rightLengthRunes >= 0 ? inputLen - this.rightLengthRunes : inputLen;
    return [offset, limit];
  }
}
