/**
 * Execution cases after go/src/text/template/exec_test.go (fields on maps, range, with, variables,
 * builtins, comparisons, printf verbs, define/template/block, number literals, missingkey).
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

describe('executing templates', () => {
  it.each<[string, string[], string]>([
    ['{{.a}}', [], 'hello'],
    ['{{.n}}', [], '3'],
    ['{{.big}}', [], '1e+06'],
    ['{{.f}}', [], '1.5'],
    ['{{printf "%d" .n}}', [], '%!d(float64=3)'],
    ['{{eq .n 3.0}}', [], 'true'],
    ['{{.m}}', [], 'map[a:1 b:2]'],
    ['{{.l}}', [], '[x y z]'],
    ['{{.nil}}', [], '<no value>'],
    ['{{printf "%v" .nil}}', [], '<nil>'],
    ['{{.missing}}', [], '<no value>'],
    ['{{.missing.x}}', [], '<no value>'],
    ['{{range .l}}{{.}}{{end}}', [], 'xyz'],
    ['{{range $i, $e := .l}}{{$i}}={{$e}} {{end}}', [], '0=x 1=y 2=z '],
    ['{{range .m}}{{.}}{{end}}', [], '12'],
    ['{{range $k, $v := .m}}{{$k}}{{$v}}{{end}}', [], 'a1b2'],
    ['{{range .empty}}x{{else}}empty{{end}}', [], 'empty'],
    ['{{range .l}}{{if eq . "y"}}{{break}}{{end}}{{.}}{{end}}', [], 'x'],
    ['{{range .l}}{{if eq . "y"}}{{continue}}{{end}}{{.}}{{end}}', [], 'xz'],
    ['{{if .b}}T{{else}}F{{end}}', [], 'T'],
    ['{{if .z}}T{{else if .s}}S{{else}}E{{end}}', [], 'E'],
    ['{{with .a}}{{.}}{{end}}', [], 'hello'],
    ['{{with .s}}x{{else}}none{{end}}', [], 'none'],
    ['{{$x := 1}}{{$x = 2}}{{$x}}', [], '2'],
    ['{{$x := .a}}{{$x}}', [], 'hello'],
    ['{{.nested.k.v}}', [], 'deep'],
    ['{{(index .nested "k").v}}', [], 'deep'],
    ['{{index .l 1}}', [], 'y'],
    ['{{index .m "zz"}}', [], '<no value>'],
    ['{{index .a 0}}', [], '104'],
    ['{{len .l}}', [], '3'],
    ['{{len .a}}', [], '5'],
    ['{{and 1 0}}', [], '0'],
    ['{{or 0 "" "x"}}', [], 'x'],
    ['{{not .b}}', [], 'false'],
    ['{{and .b .a}}', [], 'hello'],
    ['{{lt 1 2}}', [], 'true'],
    ['{{lt .n 5.0}}', [], 'true'],
    ['{{eq "a" "b" "a"}}', [], 'true'],
    ['{{ne 1 2}}', [], 'true'],
    ['{{le 2 2}}', [], 'true'],
    ['{{gt "b" "a"}}', [], 'true'],
    ['{{ge 1.5 1.5}}', [], 'true'],
    ['{{eq .nil .missing}}', [], 'true'],
    ['{{print 1 2 "a" "b" 3}}', [], '1 2ab3'],
    ['{{println 1 "a"}}', [], '1 a\n'],
    ['{{printf "%5.2f|%-4d|%x|%q" 3.14159 42 255 "hi"}}', [], ' 3.14|42  |ff|"hi"'],
    ['{{printf "%v %s" .m .l}}', [], 'map[a:1 b:2] [x y z]'],
    ['{{printf "%d" "x"}}', [], '%!d(string=x)'],
    ['{{printf "%d %d" 1}}', [], '1 %!d(MISSING)'],
    ['{{printf "%d" 1 2}}', [], '1%!(EXTRA int=2)'],
    ['{{printf "%!"}}', [], '%!!(MISSING)'],
    ['{{printf "%[2]d %[1]d" 1 2}}', [], '2 1'],
    ['{{printf "%T %T %T %T" .n 1 .l .m}}', [], 'float64 int []interface {} map[string]interface {}'],
    ['{{printf "%e %g %.3g %G" 123456.789 1e21 0.000012345 1e-7}}', [], '1.234568e+05 1e+21 1.23e-05 1E-07'],
    ['{{printf "%x %X %o %b %c %U" 255 255 8 5 65 0x1F600}}', [], 'ff FF 10 101 A U+1F600'],
    ["{{printf \"%q %x %.1f %.0f %.0f\" 'a' 1.5 0.25 0.5 1.5}}", [], "'a' 0x1.8p+00 0.2 0 2"],
    ['{{printf "%08.3f|%+d|% d|%-6s|%6s|%.2s" -3.14159 5 5 "ab" "ab" "abc"}}', [], '-003.142|+5| 5|ab    |    ab|ab'],
    ["{{html \"<a href='x'>&\"}}", [], '&lt;a href=&#39;x&#39;&gt;&amp;'],
    ["{{js \"it's <b> \\\"q\\\" =\"}}", [], "it\\'s \\u003Cb\\u003E \\\"q\\\" \\u003D"],
    ['{{urlquery "a b&c=d/é"}}', [], 'a+b%26c%3Dd%2F%C3%A9'],
    ['{{.a | printf "%s!"}}', [], 'hello!'],
    ['{{"x" | printf "%s%s" "y"}}', [], 'yx'],
    ['{{(.m).a}}', [], '1'],
    ['a  {{- .a -}}  b', [], 'ahellob'],
    ['{{/* c */}}x', [], 'x'],
    ['{{- /* c */ -}}  x', [], 'x'],
    ['{{define "T"}}[{{.}}]{{end}}{{template "T" .a}}', [], '[hello]'],
    ['{{block "B" .n}}<{{.}}>{{end}}', [], '<3>'],
    ["{{0x1F}} {{0o17}} {{1_000}} {{'a'}} {{1e3}} {{-1}} {{.5}} {{0x1p4}}", [], '31 15 1000 97 1000 -1 0.5 16'],
    ['{{.m.a | printf "%T"}}', [], 'float64'],
    ['{{.missing}}', ['missingkey=zero'], '<no value>'],
    ['{{.m.zz}}', ['missingkey=zero'], '<no value>'],
  ])('renders %j with options %j', (template, options, expected) => {
    expect(render(template, options)).toEqual(expected);
  });

  it.each<[string, string[], string]>([
    ['{{eq .n 3}}', [], 'template: t:1:2: executing "t" at <eq .n 3>: error calling eq: incompatible types for comparison'],
    ['{{.nil.x}}', [], 'template: t:1:6: executing "t" at <.nil.x>: nil pointer evaluating interface {}.x'],
    ['{{.a.b}}', [], "template: t:1:4: executing \"t\" at <.a.b>: can't evaluate field b in type interface {}"],
    ['{{.a 1}}', [], 'template: t:1:2: executing "t" at <.a>: a is not a method but has arguments'],
    ['{{range .n}}{{.}}{{end}}', [], "template: t:1:8: executing \"t\" at <.n>: range can't iterate over 3"],
    ['{{index .l 5}}', [], 'template: t:1:2: executing "t" at <index .l 5>: error calling index: index out of range: 5'],
    ['{{len .n}}', [], 'template: t:1:2: executing "t" at <len .n>: error calling len: len of type float64'],
    ['{{len .missing}}', [], 'template: t:1:2: executing "t" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value'],
    ['{{lt .n 5}}', [], 'template: t:1:2: executing "t" at <lt .n 5>: error calling lt: incompatible types for comparison'],
    ['{{eq .l .l}}', [], 'template: t:1:2: executing "t" at <eq .l .l>: error calling eq: non-comparable type [x y z]: []interface {}'],
    ['{{lt true false}}', [], 'template: t:1:2: executing "t" at <lt true false>: error calling lt: invalid type for comparison'],
    ['{{eq}}', [], 'template: t:1:2: executing "t" at <eq>: wrong number of args for eq: want at least 1 got 0'],
    ['{{template "nope"}}', [], 'template: t:1:11: executing "t" at <{{template "nope"}}>: template "nope" not defined'],
    ['{{9223372036854775808}}', [], 'template: t:1:2: executing "t" at <9223372036854775808>: 9223372036854775808 overflows int'],
    ['{{nil}}', [], 'template: t:1:2: executing "t" at <nil>: nil is not a command'],
    ['{{1 2}}', [], "template: t:1:2: executing \"t\" at <1>: can't give argument to non-function 1"],
    ['{{.nested.k.v.x}}', [], "template: t:1:9: executing \"t\" at <.nested.k.v.x>: can't evaluate field x in type interface {}"],
    ['{{index .nil 1}}', [], 'template: t:1:2: executing "t" at <index .nil 1>: error calling index: index of untyped nil'],
    ['{{slice .a 1 3}}', [], 'template: t:1:2: executing "t" at <slice .a 1 3>: error calling slice: list should be type of slice or array but string'],
    ['{{call .a}}', [], 'template: t:1:2: executing "t" at <call .a>: error calling call: non-function of type string'],
    ['{{.missing}}', ['missingkey=error'], 'template: t:1:2: executing "t" at <.missing>: map has no entry for key "missing"'],
    ['{{.missing.x}}', ['missingkey=error'], 'template: t:1:10: executing "t" at <.missing.x>: map has no entry for key "missing"'],
    ['{{.a}}', ['missingkey=nope'], 'unrecognized option: missingkey=nope'],
  ])('fails when rendering %j with options %j', (template, options, message) => {
    expect(failure(() => render(template, options))).toEqual(message);
  });
});
