/**
 * expr's parser: tokens to a syntax tree, with expr's precedence table and error messages.
 *
 * Ported from expr-lang/expr@v1.17.8 `parser/parser.go` and `parser/operator/operator.go`.
 * Parsing stops at the first error (expr keeps the first one too).
 */
import * as ast from './ast';
import { BUILTIN_NAMES, PREDICATES } from './builtin-names';
import { LocatedError, Location } from './errors';
import { goQuote } from './go-quote';
import { isValidIdentifier, lex, Lexed, Token, tokenIs, TokenKind, tokenString } from './lexer';

interface Operator {
  precedence: number;
  right?: boolean;
}

const UNARY: Record<string, Operator> = {
  'not': { precedence: 50 },
  '!': { precedence: 50 },
  '-': { precedence: 90 },
  '+': { precedence: 90 },
};

const BINARY: Record<string, Operator> = {
  '|': { precedence: 0 },
  'or': { precedence: 10 },
  '||': { precedence: 10 },
  'and': { precedence: 15 },
  '&&': { precedence: 15 },
  '==': { precedence: 20 },
  '!=': { precedence: 20 },
  '<': { precedence: 20 },
  '>': { precedence: 20 },
  '>=': { precedence: 20 },
  '<=': { precedence: 20 },
  'in': { precedence: 20 },
  'matches': { precedence: 20 },
  'contains': { precedence: 20 },
  'startsWith': { precedence: 20 },
  'endsWith': { precedence: 20 },
  '..': { precedence: 25 },
  '+': { precedence: 30 },
  '-': { precedence: 30 },
  '*': { precedence: 60 },
  '/': { precedence: 60 },
  '%': { precedence: 60 },
  '**': { precedence: 100, right: true },
  '^': { precedence: 100, right: true },
  '??': { precedence: 500 },
};

const NEGATABLE = new Set(['contains', 'matches', 'startsWith', 'endsWith', 'in']);
const COMPARISONS = new Set(['<', '>', '>=', '<=']);
const BUILTINS = new Set(BUILTIN_NAMES);
/** `conf.DefaultMaxNodes`. */
const MAX_NODES = 10000;
const INT_MAX = 2n ** 63n - 1n;

/** Parses an expression; throws a {@link LocatedError} (bind it to the source for the message). */
export function parse(source: string): ast.Node {
  return new Parser(lex(source)).parseAll();
}

class Parser {
  private index = -1;
  private current!: Token;
  private stashed?: Token;
  private depth = 0;
  private nodeCount = 0;

  public constructor(private readonly lexed: Lexed) {
    this.next();
  }

  public parseAll(): ast.Node {
    const node = this.parseSequenceExpression();
    if (!tokenIs(this.current, 'EOF')) this.error(`unexpected token ${tokenString(this.current)}`);
    return node;
  }

  private error(message: string, token: Token = this.current): never {
    throw new LocatedError(token.location, message);
  }

  private node<T extends ast.Node>(n: Omit<T, 'loc'>, loc: Location): T {
    this.nodeCount++;
    if (this.nodeCount > MAX_NODES) this.error('compilation failed: expression exceeds maximum allowed nodes');
    return { ...n, loc } as T;
  }

  private next(): void {
    if (this.stashed !== undefined) {
      this.current = this.stashed;
      this.stashed = undefined;
      return;
    }
    this.index++;
    if (this.index < this.lexed.tokens.length) {
      this.current = this.lexed.tokens[this.index];
      return;
    }
    if (this.lexed.error !== undefined) throw this.lexed.error;
    this.error('unexpected end of expression');
  }

  private expect(kind: TokenKind, ...values: string[]): void {
    if (tokenIs(this.current, kind, ...values)) {
      this.next();
      return;
    }
    this.error(`unexpected token ${tokenString(this.current)}`);
  }

  private parseSequenceExpression(): ast.Node {
    const nodes = [this.parseExpression(0)];
    while (tokenIs(this.current, 'Operator', ';')) {
      this.next();
      if (tokenIs(this.current, 'EOF')) break;
      nodes.push(this.parseExpression(0));
    }
    if (nodes.length === 1) return nodes[0];
    return this.node<ast.SequenceNode>({ kind: 'Sequence', nodes }, nodes[0].loc);
  }

  private parseExpression(precedence: number): ast.Node {
    if (precedence === 0 && tokenIs(this.current, 'Operator', 'let')) return this.parseVariableDeclaration();
    if (precedence === 0 && tokenIs(this.current, 'Operator', 'if')) return this.parseConditionalIf();

    let nodeLeft = this.parsePrimary();
    let prevOperator = '';
    let opToken = this.current;
    while (tokenIs(opToken, 'Operator')) {
      const negate = tokenIs(opToken, 'Operator', 'not');
      let notToken: Token | undefined;
      if (negate) {
        const backup = this.current;
        this.next();
        if (!NEGATABLE.has(this.current.value)) this.error(`unexpected token ${tokenString(this.current)}`);
        const op = BINARY[this.current.value];
        if (op !== undefined && op.precedence >= precedence) {
          notToken = this.current;
          opToken = this.current;
        } else {
          this.stashed = this.current;
          this.current = backup;
          break;
        }
      }
      const op = BINARY[opToken.value];
      if (op === undefined || op.precedence < precedence) break;
      this.next();
      if (opToken.value === '|') {
        const ident = this.current;
        this.expect('Identifier');
        nodeLeft = this.parseCall(ident, [nodeLeft]);
      } else {
        if (prevOperator === '??' && opToken.value !== '??' && !tokenIs(opToken, 'Bracket', '(')) {
          this.error(`Operator (${opToken.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`, opToken);
        }
        if (COMPARISONS.has(opToken.value)) {
          nodeLeft = this.parseComparison(nodeLeft, opToken, op.precedence);
        } else {
          const right = this.parseExpression(op.right ? op.precedence : op.precedence + 1);
          nodeLeft = this.node<ast.BinaryNode>({ kind: 'Binary', operator: opToken.value, left: nodeLeft, right }, opToken.location);
          if (negate) nodeLeft = this.node<ast.UnaryNode>({ kind: 'Unary', operator: 'not', node: nodeLeft }, notToken!.location);
        }
      }
      prevOperator = opToken.value;
      opToken = this.current;
    }
    if (precedence === 0) nodeLeft = this.parseConditional(nodeLeft);
    return nodeLeft;
  }

  private parseVariableDeclaration(): ast.Node {
    this.expect('Operator', 'let');
    const name = this.current;
    this.expect('Identifier');
    this.expect('Operator', '=');
    const value = this.parseExpression(0);
    this.expect('Operator', ';');
    const expr = this.parseSequenceExpression();
    return this.node<ast.VariableDeclaratorNode>({ kind: 'VariableDeclarator', name: name.value, value, expr }, name.location);
  }

  private parseConditionalIf(): ast.Node {
    this.next();
    const cond = this.parseExpression(0);
    this.expect('Bracket', '{');
    const exp1 = this.parseSequenceExpression();
    this.expect('Bracket', '}');
    this.expect('Operator', 'else');
    let exp2: ast.Node;
    if (tokenIs(this.current, 'Operator', 'if')) {
      exp2 = this.parseConditionalIf();
    } else {
      this.expect('Bracket', '{');
      exp2 = this.parseSequenceExpression();
      this.expect('Bracket', '}');
    }
    // expr builds this node without a location (it reports at 1:1).
    return { kind: 'Conditional', cond, exp1, exp2, ternary: false, loc: { from: 0, to: 0 } };
  }

  private parseConditional(node: ast.Node): ast.Node {
    while (tokenIs(this.current, 'Operator', '?')) {
      this.next();
      let exp1: ast.Node;
      let exp2: ast.Node;
      if (!tokenIs(this.current, 'Operator', ':')) {
        exp1 = this.parseExpression(0);
        this.expect('Operator', ':');
        exp2 = this.parseExpression(0);
      } else {
        this.next();
        exp1 = node;
        exp2 = this.parseExpression(0);
      }
      node = this.node<ast.ConditionalNode>({ kind: 'Conditional', ternary: true, cond: node, exp1, exp2 }, this.current.location);
    }
    return node;
  }

  private parsePrimary(): ast.Node {
    const token = this.current;
    if (tokenIs(token, 'Operator')) {
      const op = UNARY[token.value];
      if (op !== undefined) {
        this.next();
        const expr = this.parseExpression(op.precedence);
        const node = this.node<ast.UnaryNode>({ kind: 'Unary', operator: token.value, node: expr }, token.location);
        return this.parsePostfixExpression(node);
      }
    }
    if (tokenIs(token, 'Bracket', '(')) {
      this.next();
      const expr = this.parseSequenceExpression();
      this.expect('Bracket', ')');
      return this.parsePostfixExpression(expr);
    }
    if (this.depth > 0 && (tokenIs(token, 'Operator', '#') || tokenIs(token, 'Operator', '.'))) {
      let name = '';
      if (tokenIs(token, 'Operator', '#')) {
        this.next();
        if (tokenIs(this.current, 'Identifier')) {
          name = this.current.value;
          this.next();
        }
      }
      const node = this.node<ast.PointerNode>({ kind: 'Pointer', name }, token.location);
      return this.parsePostfixExpression(node);
    }
    if (tokenIs(token, 'Operator', '::')) {
      this.next();
      const ident = this.current;
      this.expect('Identifier');
      return this.parsePostfixExpression(this.parseCall(ident, []));
    }
    return this.parseSecondary();
  }

  private parseSecondary(): ast.Node {
    const token = this.current;
    let node: ast.Node;
    switch (token.kind) {
      case 'Identifier':
        this.next();
        switch (token.value) {
          case 'true': return this.node<ast.BoolNode>({ kind: 'Bool', value: true }, token.location);
          case 'false': return this.node<ast.BoolNode>({ kind: 'Bool', value: false }, token.location);
          case 'nil': return this.node<ast.NilNode>({ kind: 'Nil' }, token.location);
          default:
            node = tokenIs(this.current, 'Bracket', '(')
              ? this.parseCall(token, [])
              : this.node<ast.IdentifierNode>({ kind: 'Identifier', value: token.value }, token.location);
        }
        break;
      case 'Number':
        this.next();
        // expr returns the literal without postfix parsing, so `1.foo` and `1[0]` end the expression.
        return this.parseNumber(token);
      case 'String':
        this.next();
        node = this.node<ast.StringNode>({ kind: 'String', value: token.value }, token.location);
        break;
      case 'Bytes':
        this.next();
        node = this.node<ast.BytesNode>({ kind: 'Bytes', value: token.value }, token.location);
        break;
      default:
        if (tokenIs(token, 'Bracket', '[')) node = this.parseArrayExpression(token);
        else if (tokenIs(token, 'Bracket', '{')) node = this.parseMapExpression(token);
        else this.error(`unexpected token ${tokenString(token)}`);
    }
    return this.parsePostfixExpression(node);
  }

  private parseNumber(token: Token): ast.Node {
    const value = token.value.replace(/_/g, '');
    const lower = value.toLowerCase();
    const int = (what: string, digits: string, base: number): ast.Node => {
      const n = parseGoInt(digits, base);
      if (n === 'syntax' || n === 'range') {
        this.error(`invalid ${what} literal: strconv.ParseInt: parsing ${goQuote(value)}: ${n === 'syntax' ? 'invalid syntax' : 'value out of range'}`);
      }
      if (n > INT_MAX) this.error('integer literal is too large');
      return this.node<ast.IntegerNode>({ kind: 'Integer', value: n }, token.location);
    };
    if (lower.startsWith('0x')) return int('hex', value.slice(2), 16);
    if (/[.e]/.test(lower)) {
      if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(lower)) {
        this.error(`invalid float literal: strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax`);
      }
      const f = Number(lower);
      if (!Number.isFinite(f)) this.error(`invalid float literal: strconv.ParseFloat: parsing ${goQuote(value)}: value out of range`);
      return this.node<ast.FloatNode>({ kind: 'Float', value: f }, token.location);
    }
    if (lower.startsWith('0b')) return int('binary', value.slice(2), 2);
    if (lower.startsWith('0o')) return int('octal', value.slice(2), 8);
    return int('integer', value, 10);
  }

  private parseCall(token: Token, args: ast.Node[]): ast.Node {
    const shape = PREDICATES[token.value];
    if (shape !== undefined) {
      this.expect('Bracket', '(');
      const rest = shape.slice(args.length);
      for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (arg.endsWith('?')) {
          if (tokenIs(this.current, 'Bracket', ')')) break;
        } else if (tokenIs(this.current, 'Bracket', ')')) {
          this.error(`expected at least ${rest.length} arguments`);
        }
        if (i > 0) this.expect('Operator', ',');
        args.push(arg.startsWith('e') ? this.parseExpression(0) : this.parsePredicate());
      }
      if (tokenIs(this.current, 'Operator', ',')) this.next();
      this.expect('Bracket', ')');
      return this.node<ast.BuiltinNode>({ kind: 'Builtin', name: token.value, arguments: args }, token.location);
    }
    if (BUILTINS.has(token.value)) {
      const node = this.node<ast.BuiltinNode>({ kind: 'Builtin', name: token.value, arguments: [] }, token.location);
      node.arguments = this.parseArguments(args);
      return node;
    }
    const callee = this.node<ast.IdentifierNode>({ kind: 'Identifier', value: token.value }, token.location);
    const node = this.node<ast.CallNode>({ kind: 'Call', callee, arguments: [] }, token.location);
    node.arguments = this.parseArguments(args);
    return node;
  }

  private parseArguments(args: ast.Node[]): ast.Node[] {
    const offset = args.length;
    this.expect('Bracket', '(');
    while (!tokenIs(this.current, 'Bracket', ')')) {
      if (args.length > offset) this.expect('Operator', ',');
      if (tokenIs(this.current, 'Bracket', ')')) break;
      args.push(this.parseExpression(0));
    }
    this.expect('Bracket', ')');
    return args;
  }

  private parsePredicate(): ast.Node {
    const start = this.current;
    const withBrackets = tokenIs(this.current, 'Bracket', '{');
    if (withBrackets) this.next();
    this.depth++;
    let node: ast.Node;
    if (withBrackets) {
      node = this.parseSequenceExpression();
    } else {
      node = this.parseExpression(0);
      if (tokenIs(this.current, 'Operator', ';')) this.error('wrap predicate with brackets { and }');
    }
    this.depth--;
    if (withBrackets) this.expect('Bracket', '}');
    return this.node<ast.PredicateNode>({ kind: 'Predicate', node }, start.location);
  }

  private parseArrayExpression(token: Token): ast.Node {
    const nodes: ast.Node[] = [];
    this.expect('Bracket', '[');
    while (!tokenIs(this.current, 'Bracket', ']')) {
      if (nodes.length > 0) {
        this.expect('Operator', ',');
        if (tokenIs(this.current, 'Bracket', ']')) break;
      }
      nodes.push(this.parseExpression(0));
    }
    this.expect('Bracket', ']');
    return this.node<ast.ArrayNode>({ kind: 'Array', nodes }, token.location);
  }

  private parseMapExpression(token: Token): ast.Node {
    this.expect('Bracket', '{');
    const pairs: ast.PairNode[] = [];
    while (!tokenIs(this.current, 'Bracket', '}')) {
      if (pairs.length > 0) {
        this.expect('Operator', ',');
        if (tokenIs(this.current, 'Bracket', '}')) break;
        if (tokenIs(this.current, 'Operator', ',')) this.error(`unexpected token ${tokenString(this.current)}`);
      }
      let key: ast.Node;
      if (tokenIs(this.current, 'Number') || tokenIs(this.current, 'String') || tokenIs(this.current, 'Identifier')) {
        key = this.node<ast.StringNode>({ kind: 'String', value: this.current.value }, this.current.location);
        this.next();
      } else if (tokenIs(this.current, 'Bracket', '(')) {
        key = this.parseExpression(0);
      } else {
        this.error(`a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token ${tokenString(this.current)})`);
      }
      this.expect('Operator', ':');
      const value = this.parseExpression(0);
      pairs.push(this.node<ast.PairNode>({ kind: 'Pair', key, value }, token.location));
    }
    this.expect('Bracket', '}');
    return this.node<ast.MapNode>({ kind: 'Map', pairs }, token.location);
  }

  private parsePostfixExpression(node: ast.Node): ast.Node {
    let postfix = this.current;
    while (tokenIs(postfix, 'Operator') || tokenIs(postfix, 'Bracket')) {
      const optional = postfix.value === '?.';
      if (postfix.value === '.' || postfix.value === '?.') {
        this.next();
        const property = this.current;
        if (optional && tokenIs(property, 'Bracket', '[')) {
          postfix = property;
          node = this.parseIndex(node, postfix, true);
          postfix = this.current;
          continue;
        }
        this.next();
        if (property.kind !== 'Identifier' && (property.kind !== 'Operator' || !isValidIdentifier(property.value))) {
          this.error('expected name');
        }
        const prop = this.node<ast.StringNode>({ kind: 'String', value: property.value }, property.location);
        const isChain = node.kind === 'Chain';
        if (node.kind === 'Chain') node = node.node;
        const member = this.node<ast.MemberNode>({ kind: 'Member', node, property: prop, optional, method: false }, property.location);
        if (tokenIs(this.current, 'Bracket', '(')) {
          member.method = true;
          const call = this.node<ast.CallNode>({ kind: 'Call', callee: member, arguments: [] }, property.location);
          call.arguments = this.parseArguments([]);
          node = call;
        } else {
          node = member;
        }
        if (isChain || optional) node = this.node<ast.ChainNode>({ kind: 'Chain', node }, property.location);
      } else if (postfix.value === '[') {
        node = this.parseIndex(node, postfix, false);
      } else {
        break;
      }
      postfix = this.current;
    }
    return node;
  }

  /** `[`…`]` after `node`: an index or a slice (the current token is `[`). */
  private parseIndex(node: ast.Node, postfix: Token, optional: boolean): ast.Node {
    this.next();
    if (tokenIs(this.current, 'Operator', ':')) {
      this.next();
      let to: ast.Node | undefined;
      if (!tokenIs(this.current, 'Bracket', ']')) to = this.parseExpression(0);
      const slice = this.node<ast.SliceNode>({ kind: 'Slice', node, to }, postfix.location);
      this.expect('Bracket', ']');
      return slice;
    }
    const from = this.parseExpression(0);
    if (tokenIs(this.current, 'Operator', ':')) {
      this.next();
      let to: ast.Node | undefined;
      if (!tokenIs(this.current, 'Bracket', ']')) to = this.parseExpression(0);
      const slice = this.node<ast.SliceNode>({ kind: 'Slice', node, from, to }, postfix.location);
      this.expect('Bracket', ']');
      return slice;
    }
    let result: ast.Node = this.node<ast.MemberNode>({ kind: 'Member', node, property: from, optional, method: false }, postfix.location);
    if (optional) result = this.node<ast.ChainNode>({ kind: 'Chain', node: result }, postfix.location);
    this.expect('Bracket', ']');
    return result;
  }

  private parseComparison(left: ast.Node, token: Token, precedence: number): ast.Node {
    let root: ast.Node | undefined;
    for (;;) {
      const comparator = this.parseExpression(precedence + 1);
      const cmp = this.node<ast.BinaryNode>({ kind: 'Binary', operator: token.value, left, right: comparator }, token.location);
      root = root === undefined ? cmp : this.node<ast.BinaryNode>({ kind: 'Binary', operator: '&&', left: root, right: cmp }, token.location);
      left = comparator;
      token = this.current;
      if (!(tokenIs(token, 'Operator') && COMPARISONS.has(token.value))) break;
      this.next();
    }
    return root;
  }
}

/** `strconv.ParseInt(digits, base, 64)` without the sign handling expr never needs. */
function parseGoInt(digits: string, base: number): bigint | 'syntax' | 'range' {
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return 'syntax';
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const n = BigInt(prefix + digits);
  return n > INT_MAX ? 'range' : n;
}
