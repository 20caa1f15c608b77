/**
 * Parse errors as expr-lang/expr@v1.17.8 `parser/parser_test.go` and `parser/lexer/lexer_test.go`
 * report them: the message, `(line:column)`, the source line and a caret.
 */
import { compileExpr, ExprError } from '../../../src/engine/expr';
import { lex, tokenString } from '../../../src/engine/expr/lexer';

describe('expr lexer', () => {
  it.each([
    ['a.b?.c ?? 1', ['Identifier("a")', 'Operator(".")', 'Identifier("b")', 'Operator("?.")', 'Identifier("c")', 'Operator("??")', 'Number("1")', 'EOF']],
    ['x not in y', ['Identifier("x")', 'Operator("not")', 'Operator("in")', 'Identifier("y")', 'EOF']],
    ['1..2', ['Number("1")', 'Operator("..")', 'Number("2")', 'EOF']],
    ['#index > 0', ['Operator("#")', 'Identifier("index")', 'Operator(">")', 'Number("0")', 'EOF']],
    ['"a\\"b" + `c``d`', ['String("a\\"b")', 'Operator("+")', 'String("c`d")', 'EOF']],
    ['a ** b // comment', ['Identifier("a")', 'Operator("**")', 'Identifier("b")', 'EOF']],
  ])('tokenizes %s', (source, tokens) => {
    expect(lex(source).tokens.map(tokenString)).toEqual(tokens);
  });
});

describe('expr parse errors', () => {
  it.each([
    ['a +', 'unexpected token EOF (1:3)\n | a +\n | ..^'],
    ['foo.bar(', 'unexpected token EOF (1:8)\n | foo.bar(\n | .......^'],
    ['1 @ 2', 'unrecognized character: U+0040 \'@\' (1:3)\n | 1 @ 2\n | ..^'],
    ['"abc', 'literal not terminated (1:5)\n | "abc\n | ....^'],
    ['a ??\nb + c ?? d', 'Operator (+) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses. (2:3)\n | b + c ?? d\n | ..^'],
    ['map(a, #; 1)', 'wrap predicate with brackets { and } (1:9)\n | map(a, #; 1)\n | ........^'],
    ['all()', 'expected at least 2 arguments (1:5)\n | all()\n | ....^'],
    ['{a: 1, , b: 2}', 'unexpected token Operator(",") (1:8)\n | {a: 1, , b: 2}\n | .......^'],
    ['0x', 'invalid hex literal: strconv.ParseInt: parsing "0x": invalid syntax (1:2)\n | 0x\n | .^'],
    ['1 /* open', 'unclosed comment (1:10)\n | 1 /* open\n | .........^'],
  ])('fails when parsing %j', (source, message) => {
    expect(() => compileExpr(source)).toThrow(ExprError);
    expect(() => compileExpr(source)).toThrow(message);
  });
});
