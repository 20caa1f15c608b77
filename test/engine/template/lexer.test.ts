/**
 * Lexer cases after go/src/text/template/parse/lex_test.go (Go 1.19): item types and values,
 * trim markers, comments, numbers, quotes and lexical errors.
 */
import { ItemType, itemString, lex } from '../../../src/engine/template/lexer';

const T = ItemType;

function items(input: string): Array<[ItemType, string]> {
  return lex(input).map((i) => [i.typ, i.val]);
}

describe('lexer', () => {
  it.each<[string, string, Array<[ItemType, string]>]>([
    ['empty', '', [[T.EOF, '']]],
    ['spaces', ' \t\n', [[T.Text, ' \t\n'], [T.EOF, '']]],
    ['text', 'now is the time', [[T.Text, 'now is the time'], [T.EOF, '']]],
    ['text with comment', 'hello-{{/* this is a comment */}}-world', [[T.Text, 'hello-'], [T.Text, '-world'], [T.EOF, '']]],
    ['punctuation', '{{,@% }}', [[T.LeftDelim, '{{'], [T.Char, ','], [T.Char, '@'], [T.Char, '%'], [T.Space, ' '], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['parens', '{{((3))}}', [[T.LeftDelim, '{{'], [T.LeftParen, '('], [T.LeftParen, '('], [T.Number, '3'], [T.RightParen, ')'], [T.RightParen, ')'], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['for', '{{for}}', [[T.LeftDelim, '{{'], [T.Identifier, 'for'], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['block', '{{block "foo" .}}', [[T.LeftDelim, '{{'], [T.Block, 'block'], [T.Space, ' '], [T.String, '"foo"'], [T.Space, ' '], [T.Dot, '.'], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['quote', '{{"abc \\n\\t\\" "}}', [[T.LeftDelim, '{{'], [T.String, '"abc \\n\\t\\" "'], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['raw quote with newline', '{{`now is{{\n}}the time`}}', [[T.LeftDelim, '{{'], [T.RawString, '`now is{{\n}}the time`'], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['numbers', '{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}', [
      [T.LeftDelim, '{{'], [T.Number, '1'], [T.Space, ' '], [T.Number, '02'], [T.Space, ' '], [T.Number, '0x14'], [T.Space, ' '], [T.Number, '0X14'],
      [T.Space, ' '], [T.Number, '-7.2i'], [T.Space, ' '], [T.Number, '1e3'], [T.Space, ' '], [T.Number, '1E3'], [T.Space, ' '], [T.Number, '+1.2e-4'],
      [T.Space, ' '], [T.Number, '4.2i'], [T.Space, ' '], [T.Complex, '1+2i'], [T.Space, ' '], [T.Number, '1_2'], [T.Space, ' '], [T.Number, '0x1.e_fp4'],
      [T.Space, ' '], [T.Number, '0X1.E_FP4'], [T.RightDelim, '}}'], [T.EOF, ''],
    ]],
    ['characters', "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}", [
      [T.LeftDelim, '{{'], [T.CharConstant, "'a'"], [T.Space, ' '], [T.CharConstant, "'\\n'"], [T.Space, ' '], [T.CharConstant, "'\\''"],
      [T.Space, ' '], [T.CharConstant, "'\\\\'"], [T.Space, ' '], [T.CharConstant, "'\\u00FF'"], [T.Space, ' '], [T.CharConstant, "'\\xFF'"],
      [T.Space, ' '], [T.CharConstant, "'本'"], [T.RightDelim, '}}'], [T.EOF, ''],
    ]],
    ['bools and nil', '{{true false nil}}', [[T.LeftDelim, '{{'], [T.Bool, 'true'], [T.Space, ' '], [T.Bool, 'false'], [T.Space, ' '], [T.Nil, 'nil'], [T.RightDelim, '}}'], [T.EOF, '']]],
    ['dots and fields', '{{.x . .2 .x.y.z}}', [
      [T.LeftDelim, '{{'], [T.Field, '.x'], [T.Space, ' '], [T.Dot, '.'], [T.Space, ' '], [T.Number, '.2'], [T.Space, ' '],
      [T.Field, '.x'], [T.Field, '.y'], [T.Field, '.z'], [T.RightDelim, '}}'], [T.EOF, ''],
    ]],
    ['keywords', '{{range if else end with}}', [
      [T.LeftDelim, '{{'], [T.Range, 'range'], [T.Space, ' '], [T.If, 'if'], [T.Space, ' '], [T.Else, 'else'], [T.Space, ' '], [T.End, 'end'],
      [T.Space, ' '], [T.With, 'with'], [T.RightDelim, '}}'], [T.EOF, ''],
    ]],
    ['variables', '{{$c := printf $ $hello $23 $ $var.Field .Method}}', [
      [T.LeftDelim, '{{'], [T.Variable, '$c'], [T.Space, ' '], [T.Declare, ':='], [T.Space, ' '], [T.Identifier, 'printf'], [T.Space, ' '],
      [T.Variable, '$'], [T.Space, ' '], [T.Variable, '$hello'], [T.Space, ' '], [T.Variable, '$23'], [T.Space, ' '], [T.Variable, '$'],
      [T.Space, ' '], [T.Variable, '$var'], [T.Field, '.Field'], [T.Space, ' '], [T.Field, '.Method'], [T.RightDelim, '}}'], [T.EOF, ''],
    ]],
    ['pipeline', 'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro', [
      [T.Text, 'intro '], [T.LeftDelim, '{{'], [T.Identifier, 'echo'], [T.Space, ' '], [T.Identifier, 'hi'], [T.Space, ' '], [T.Number, '1.2'],
      [T.Space, ' '], [T.Pipe, '|'], [T.Identifier, 'noargs'], [T.Pipe, '|'], [T.Identifier, 'args'], [T.Space, ' '], [T.Number, '1'],
      [T.Space, ' '], [T.String, '"hi"'], [T.RightDelim, '}}'], [T.Text, ' outro'], [T.EOF, ''],
    ]],
    ['trim markers', 'hello- {{- 3 -}} -world', [[T.Text, 'hello-'], [T.LeftDelim, '{{'], [T.Number, '3'], [T.RightDelim, '}}'], [T.Text, '-world'], [T.EOF, '']]],
    ['trimmed comment', 'hello- {{- /* hello */ -}} -world', [[T.Text, 'hello-'], [T.Text, '-world'], [T.EOF, '']]],
  ])('lexes %s', (_name, input, expected) => {
    expect(items(input)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['badchar', '#{{\x01}}', 'unrecognized character in action: U+0001 \'\x01\''],
    ['unclosed action', '{{', 'unclosed action'],
    ['EOF in action', '{{range', 'unclosed action'],
    ['unclosed quote', '{{"\n"}}', 'unterminated quoted string'],
    ['unclosed raw quote', '{{`xx}}', 'unterminated raw quoted string'],
    ['unclosed char constant', "{{'\n}}", 'unterminated character constant'],
    ['bad number', '{{3k}}', 'bad number syntax: "3k"'],
    ['unclosed paren', '{{(3}}', 'unclosed left paren'],
    ['extra right paren', '{{3)}}', 'unexpected right paren U+0029 \')\''],
    ['unclosed comment', '{{/*}}', 'unclosed comment'],
    ['text after comment', '{{/* */x}}', 'comment ends before closing delimiter'],
  ])('fails when lexing %s', (_name, input, message) => {
    const last = lex(input).pop()!;
    expect(last.typ).toEqual(ItemType.Error);
    expect(last.val).toEqual(message);
  });

  it('prints items as the parser quotes them', () => {
    const all = lex('{{ nil x "a long string here" }}');
    expect(itemString(all.find((i) => i.typ === ItemType.Nil)!)).toEqual('<nil>');
    expect(itemString(all.find((i) => i.typ === ItemType.Identifier)!)).toEqual('"x"');
    expect(itemString(all.find((i) => i.typ === ItemType.String)!)).toEqual('"\\"a long st"...');
    expect(itemString(all[all.length - 1])).toEqual('EOF');
  });
});
