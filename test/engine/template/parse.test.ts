/**
 * Parse error cases after go/src/text/template/parse/parse_test.go and lex_test.go.
 * Expected values are what Go 1.19's text/template with Sprig (Debian 3.2.3) answers for the same
 * template and data (recorded with test/differential/template/main.go).
 */
import { applicationSetFuncMap } from '../../../src/engine/template/funcmaps';
import { renderGoTemplate } from '../../../src/engine/template/render';

const DATA = { a: 'hello', n: 3, f: 1.5, big: 1000000, b: true, z: 0, s: '', l: ['x', 'y', 'z'], m: { b: 2, a: 1 }, nil: null, nested: { k: { v: 'deep' } }, empty: [], em: {} };

/** The message a call fails with (exactly), or a note that it did not fail. */
function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'did not fail';
}

function render(template: string, options: string[] = []): string {
  return renderGoTemplate(template, DATA, { funcs: applicationSetFuncMap(), options, goVersion: '1.19' });
}

describe('parsing templates', () => {
  it.each<[string, string[], string]>([
    ['{{ .a | }}', [], 'hello'],
    ['{{ $ := 1 }}', [], ''],
    ['{{ 0x1.8p1 }}', [], '3'],
    ['{{ .a }}}}', [], 'hello}}'],
    ['{{-3}}', [], '-3'],
    ['{{ -3 }}', [], '-3'],
    ['{{ 3 -}}', [], '3'],
  ])('renders %j with options %j', (template, options, expected) => {
    expect(render(template, options)).toEqual(expected);
  });

  it.each<[string, string[], string]>([
    ['{{', [], 'template: t:1: unclosed action'],
    ['{{end}}', [], 'template: t:1: unexpected {{end}}'],
    ['{{else}}', [], 'template: t:1: unexpected {{else}}'],
    ['{{if}}', [], 'template: t:1: missing value for if'],
    ['{{if .a}}', [], 'template: t:1: unexpected EOF'],
    ['{{if .a}}{{else}}{{else}}{{end}}', [], 'template: t:1: expected end; found {{else}}'],
    ['{{range .l}}{{else}}{{else}}{{end}}', [], 'template: t:1: expected end; found {{else}}'],
    ['{{ .a | 3 }}', [], 'template: t:1: non executable command in pipeline stage 2'],
    ['{{(1}}', [], 'template: t:1: unclosed left paren'],
    ['{{1)}}', [], 'template: t:1: unexpected ")" in command'],
    ["{{'\\'}}", [], 'template: t:1: unterminated character constant'],
    ['{{"x}}', [], 'template: t:1: unterminated quoted string'],
    ['{{`x}}', [], 'template: t:1: unterminated raw quoted string'],
    ['{{$x := 1}}{{$y}}', [], 'template: t:1: undefined variable "$y"'],
    ['{{break}}', [], 'template: t:1: {{break}} outside {{range}}'],
    ['{{continue}}', [], 'template: t:1: {{continue}} outside {{range}}'],
    ['{{range .l}}{{break 1}}{{end}}', [], 'template: t:1: unexpected "1" in {{break}}'],
    ['{{template}}', [], 'template: t:1: unexpected "}}" in template clause'],
    ['{{template .a}}', [], 'template: t:1: unexpected ".a" in template clause'],
    ['{{define "a"}}x{{end}}{{define "a"}}y{{end}}', [], 'template: t:1: template: multiple definition of template "a"'],
    ['{{ 1.2.3 }}', [], 'template: t:1: unexpected ".3" in operand'],
    ['{{ 0x }}', [], 'template: t:1: illegal number syntax: "0x"'],
    ['{{ 3k }}', [], 'template: t:1: bad number syntax: "3k"'],
    ['{{ , }}', [], 'template: t:1: unexpected "," in command'],
    ['{{ $x, $y := .l }}', [], 'template: t:1: too many declarations in command'],
    ['{{range $i, $v, $w := .l}}{{end}}', [], 'template: t:1: too many declarations in range'],
    ['{{range $i, 3 := .l}}{{end}}', [], 'template: t:1: range can only initialize variables'],
    ['{{cluster}}', [], 'template: t:1: function "cluster" not defined'],
    ['{{/* unclosed', [], 'template: t:1: unclosed comment'],
    ['{{/* c */ x}}', [], 'template: t:1: comment ends before closing delimiter'],
    ['{{ "a" . }}', [], "template: t:1:3: executing \"t\" at <\"a\">: can't give argument to non-function \"a\""],
    ['{{ "a".b }}', [], 'template: t:1: unexpected . after term "\\"a\\""'],
    ['{{ nil.b }}', [], 'template: t:1: unexpected . after term "nil"'],
    ['{{ .a.b.c d }}', [], 'template: t:1: function "d" not defined'],
    ['a\n\n{{ if .a }}', [], 'template: t:3: unexpected EOF'],
    ['{{ end', [], 'template: t:1: unclosed action'],
    ['{{ ( }}', [], 'template: t:1: unclosed left paren'],
    ['{{ | }}', [], 'template: t:1: unexpected "|" in command'],
    ['{{ := }}', [], 'template: t:1: unexpected ":=" in command'],
    ["{{ 'ab' }}", [], "template: t:1: malformed character constant: 'ab'"],
    ["{{ '' }}", [], 'template: t:1: invalid syntax'],
    ['{{ "\\z" }}', [], 'template: t:1: invalid syntax'],
    ['{{ 1e }}', [], 'template: t:1: illegal number syntax: "1e"'],
    ['{{ 18446744073709551616 }}', [], 'template: t:1: integer overflow: "18446744073709551616"'],
    ['{{ .a $ }}', [], 'template: t:1:3: executing "t" at <.a>: a is not a method but has arguments'],
    ['{{with .a}}{{else if .b}}{{end}}', [], 'template: t:1: unexpected <if> in input'],
    ['{{ .a } }', [], 'template: t:1: unexpected "}" in operand'],
    ['{{ . a }}', [], 'template: t:1: function "a" not defined'],
    ['{{ ♥ }}', [], "template: t:1: unrecognized character in action: U+2665 '♥'"],
    ['{{ $x := }}', [], 'template: t:1: missing value for command'],
    ['{{- -}}', [], 'template: t:1: illegal number syntax: "-"'],
    ['{{ else }}', [], 'template: t:1: unexpected {{else}}'],
    ['{{ if 1 }}{{ else }}', [], 'template: t:1: unexpected EOF'],
    ['{{ define "x" }}{{ if 1 }}{{ end }}', [], 'template: t:1: unexpected EOF'],
    ['{{ block "b" }}x{{ end }}', [], 'template: t:1: missing value for block clause'],
    ['{{ block "b" . }}x{{ else }}y{{ end }}', [], 'template: t:1: unexpected {{else}} in block clause'],
  ])('fails when rendering %j with options %j', (template, options, message) => {
    expect(failure(() => render(template, options))).toEqual(message);
  });
});
