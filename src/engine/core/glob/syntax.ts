/**
 * The syntax tree and parser of github.com/gobwas/glob v0.2.3 (syntax/ast/ast.go, parser.go).
 *
 * The parser trusts the lexer: `,` and `}` only arrive inside `{...}`, a class becomes a Range
 * (`lo-hi`) or a List (characters) and must be exactly one of them ("could not parse range", so
 * `[]` and `[!]` do not compile), and `hi < lo` is an error. An unclosed `{` leaves its
 * alternatives open and compiles.
 */
import { GlobSyntaxError } from './glob-syntax-error';
import { Lexer, TokenType } from './lexer';

/** The node kinds of syntax/ast/ast.go. */
export enum NodeKind {
  NOTHING = 'Nothing',
  PATTERN = 'Pattern',
  LIST = 'List',
  RANGE = 'Range',
  TEXT = 'Text',
  ANY = 'Any',
  SUPER = 'Super',
  SINGLE = 'Single',
  ANY_OF = 'AnyOf',
}

/** The value of a Text, List or Range node. */
export type NodeValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly chars: string; readonly not: boolean }
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number; readonly not: boolean };

/** A syntax tree node; `parent` is only used while parsing. */
export interface SyntaxNode {
  readonly kind: NodeKind;
  readonly value?: NodeValue;
  readonly children: SyntaxNode[];
  parent?: SyntaxNode;
}

export { GlobSyntaxError } from './glob-syntax-error';

/** ast.NewNode: a node with the given children (their parent set to it). */
export function newNode(kind: NodeKind, value?: NodeValue, ...children: SyntaxNode[]): SyntaxNode {
  const node: SyntaxNode = { kind, value, children: [] };
  insert(node, ...children);
  return node;
}

function insert(parent: SyntaxNode, ...children: SyntaxNode[]): void {
  for (const child of children) {
    parent.children.push(child);
    child.parent = parent;
  }
}

function sameValue(a: NodeValue | undefined, b: NodeValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  switch (a.kind) {
    case 'text':
      return b.kind === 'text' && a.text === b.text;
    case 'list':
      return b.kind === 'list' && a.chars === b.chars && a.not === b.not;
    case 'range':
      return b.kind === 'range' && a.lo === b.lo && a.hi === b.hi && a.not === b.not;
  }
}

/**
 * Node.Equal: same kind, value and children, recursively. (gobwas's `appendIfUnique` uses
 * reflect.DeepEqual instead; on these trees it decides the same, parents being compared pairwise.)
 */
export function nodesEqual(a: SyntaxNode, b: SyntaxNode): boolean {
  if (a.kind !== b.kind || !sameValue(a.value, b.value) || a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => nodesEqual(c, b.children[i]));
}

function decodeOne(raw: string): number {
  return raw.codePointAt(0)!;
}

function parseRange(tree: SyntaxNode, lexer: Lexer, pattern: string): void {
  let not = false;
  let lo = 0;
  let hi = 0;
  let chars = '';
  for (;;) {
    const token = lexer.next();
    switch (token.type) {
      case TokenType.EOF:
        throw new GlobSyntaxError(pattern, 'unexpected end');
      case TokenType.ERROR:
        throw new GlobSyntaxError(pattern, token.raw);
      case TokenType.NOT:
        not = true;
        break;
      case TokenType.RANGE_LO:
        lo = decodeOne(token.raw);
        break;
      case TokenType.RANGE_BETWEEN:
        break;
      case TokenType.RANGE_HI:
        hi = decodeOne(token.raw);
        if (hi < lo) {
          throw new GlobSyntaxError(pattern, `hi character '${token.raw}' should be greater than lo '${String.fromCodePoint(lo)}'`);
        }
        break;
      case TokenType.TEXT:
        chars = token.raw;
        break;
      case TokenType.RANGE_CLOSE: {
        const isRange = lo !== 0 && hi !== 0;
        const isChars = chars !== '';
        if (isChars === isRange) throw new GlobSyntaxError(pattern, 'could not parse range');
        insert(tree, isRange
          ? newNode(NodeKind.RANGE, { kind: 'range', lo, hi, not })
          : newNode(NodeKind.LIST, { kind: 'list', chars, not }));
        return;
      }
      default:
        // parserRange ignores any other token
        break;
    }
  }
}

/** syntax.Parse: the tree of a pattern, or a GlobSyntaxError with gobwas's message. */
export function parseGlob(pattern: string): SyntaxNode {
  const lexer = new Lexer(pattern);
  const root = newNode(NodeKind.PATTERN);
  let tree = root;
  for (;;) {
    const token = lexer.next();
    switch (token.type) {
      case TokenType.EOF:
        return root;
      case TokenType.ERROR:
        throw new GlobSyntaxError(pattern, token.raw);
      case TokenType.TEXT:
        insert(tree, newNode(NodeKind.TEXT, { kind: 'text', text: token.raw }));
        break;
      case TokenType.ANY:
        insert(tree, newNode(NodeKind.ANY));
        break;
      case TokenType.SUPER:
        insert(tree, newNode(NodeKind.SUPER));
        break;
      case TokenType.SINGLE:
        insert(tree, newNode(NodeKind.SINGLE));
        break;
      case TokenType.RANGE_OPEN:
        parseRange(tree, lexer, pattern);
        break;
      case TokenType.TERMS_OPEN: {
        const anyOf = newNode(NodeKind.ANY_OF);
        insert(tree, anyOf);
        const alternative = newNode(NodeKind.PATTERN);
        insert(anyOf, alternative);
        tree = alternative;
        break;
      }
      case TokenType.SEPARATOR: {
        const alternative = newNode(NodeKind.PATTERN);
        insert(tree.parent!, alternative);
        tree = alternative;
        break;
      }
      case TokenType.TERMS_CLOSE:
        tree = tree.parent!.parent!;
        break;
      default:
        throw new GlobSyntaxError(pattern, `unexpected token: ${token.type}<${JSON.stringify(token.raw)}>`);
    }
  }
}
