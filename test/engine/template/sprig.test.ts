/**
 * Sprig function cases after github.com/Masterminds/sprig *_test.go (strings, regex, defaults, JSON,
 * math, lists, dicts, encodings, paths, urls, reflection, semver) and Argo CD's toYaml/fromYaml.
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

describe('Sprig functions', () => {
  it.each<[string, string[], string]>([
    ['{{ trim "  a b  " }}|{{ trimAll "$" "$5.00$" }}|{{ trimSuffix "-" "a-" }}|{{ trimPrefix "-" "-a" }}', [], 'a b|5.00|a|a'],
    ['{{ upper "hello é" }}|{{ lower "HELLO" }}|{{ title "hello world-x" }}|{{ untitle "Hello World" }}', [], 'HELLO É|hello|Hello World-X|hello world'],
    ['{{ repeat 3 "ab" }}|{{ substr 1 3 "hello" }}|{{ substr 0 10 "hi" }}|{{ nospace "a b\\tc" }}', [], 'ababab|el|hi|abc'],
    ['{{ trunc 3 "hello" }}|{{ trunc -3 "hello" }}|{{ abbrev 5 "hello world" }}|{{ abbrevboth 5 10 "1234 5678 9123" }}', [], 'hel|llo|he...|...5678...'],
    ['{{ initials "First Try" }}|{{ wrap 5 "Hello World" }}|{{ wrapWith 5 "\\t" "Hello World" }}', [], 'FT|Hello\nWorld|Hello\tWorld'],
    ['{{ contains "cat" "catch" }}|{{ hasPrefix "cat" "catch" }}|{{ hasSuffix "cat" "catch" }}', [], 'true|true|false'],
    ['{{ quote "a" 1 .nil "b\\"" }}|{{ squote "a" 1 }}|{{ cat "a" .nil 1 "b" }}', [], "\"a\" \"1\" \"b\\\"\"|'a' '1'|a 1 b"],
    ['{{ indent 2 "a\\nb" }}|{{ nindent 2 "a" }}|{{ replace " " "-" "a b c" }}|{{ plural "one" "many" 2 }}', [], '  a\n  b|\n  a|a-b-c|many'],
    ['{{ swapcase "Hello World" }}|{{ toString 1.5 }}|{{ toStrings .l }}|{{ join "," .l }}|{{ join "-" .n }}', [], 'hELLO wORLD|1.5|[x y z]|x,y,z|3'],
    ['{{ splitList "," "a,b,c" }}|{{ split "," "a,b" }}|{{ (split "," "a,b")._1 }}|{{ splitn "," 2 "a,b,c" }}|{{ sortAlpha (list "b" "a" "C") }}', [], '[a b c]|map[_0:a _1:b]|b|map[_0:a _1:b,c]|[C a b]'],
    ['{{ regexMatch "^[a-z]+$" "abc" }}|{{ regexFindAll "[0-9]" "a1b2c3" -1 }}|{{ regexFind "b+" "abbbc" }}|{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}', [], 'true|[1 2 3]|bbb|-W-xxW-'],
    ['{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}|{{ regexSplit "z+" "pizza" -1 }}|{{ regexQuoteMeta "1.2.3" }}', [], '-${1}-${1}-|[pi a]|1\\.2\\.3'],
    ['{{ default "foo" .missing }}|{{ default "foo" "bar" }}|{{ empty 0 }}|{{ empty .l }}|{{ coalesce 0 "" "x" }}|{{ all 1 "" }}|{{ any 0 "a" }}', [], 'foo|bar|true|false|x|false|true'],
    ['{{ compact (list 1 "" 0 "a" nil) }}|{{ ternary "y" "n" true }}|{{ fromJson "{\\"a\\":1,\\"b\\":[true,null]}" }}|{{ toJson .m }}', [], '[1 a]|y|map[a:1 b:[true <nil>]]|{"a":1,"b":2}'],
    ['{{ toJson "<&>" }}|{{ toRawJson "<&>" }}|{{ toPrettyJson (dict "a" (list 1 2) "b" (dict)) }}|{{ toJson 1e21 }}|{{ toJson 0.000001 }}|{{ toJson 1e-7 }}', [], '"\\u003c\\u0026\\u003e"|"<&>"|{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}|1e+21|0.000001|1e-7'],
    ['{{ add 1 2 "3" }}|{{ add1 .n }}|{{ sub 5 3.7 }}|{{ div 7 2 }}|{{ mod 7 3 }}|{{ mul 2 3 4 }}|{{ max 1 5 3 }}|{{ min 4 2 8 }}', [], '6|4|2|3|1|24|5|2'],
    ['{{ floor 1.7 }}|{{ ceil 1.2 }}|{{ round 3.14159 2 }}|{{ round 2.5 0 }}|{{ int "42" }}|{{ int64 "0x1F" }}|{{ float64 "1.5" }}|{{ atoi "12" }}|{{ atoi "x" }}', [], '1|2|3.14|3|42|31|1.5|12|0'],
    ['{{ until 3 }}|{{ untilStep 0 10 3 }}|{{ seq 5 }}|{{ seq 1 2 10 }}|{{ seq 5 1 }}|{{ addf 0.1 0.2 }}|{{ subf 1 0.9 }}|{{ mulf 1.1 3 }}|{{ divf 10 3 }}|{{ maxf 1 2.5 }}|{{ minf 1 2.5 }}|{{ add1f 1.5 }}', [], '[0 1 2]|[0 3 6 9]|1 2 3 4 5|1 3 5 7 9|5 4 3 2 1|0.3|0.1|3.3|3.3333333333333335|2.5|1|2.5'],
    ['{{ list 1 "a" }}|{{ first .l }}|{{ rest .l }}|{{ last .l }}|{{ initial .l }}|{{ append .l "w" }}|{{ prepend .l "w" }}|{{ concat .l (list 1) }}', [], '[1 a]|x|[y z]|z|[x y]|[x y z w]|[w x y z]|[x y z 1]'],
    ['{{ reverse .l }}|{{ uniq (list 1 1 2) }}|{{ without .l "y" }}|{{ has "y" .l }}|{{ slice .l 1 2 }}|{{ chunk 2 (list 1 2 3) }}|{{ first (list) }}|{{ rest (list) | toJson }}', [], '[z y x]|[1 2]|[x z]|true|[y]|[[1 2] [3]]|<no value>|null'],
    ['{{ dict "a" 1 "b" }}|{{ get .m "a" }}|{{ get .m "zz" }}|{{ hasKey .m "a" }}|{{ pluck "a" .m (dict "a" 9) }}|{{ keys .m | sortAlpha }}|{{ pick .m "a" }}|{{ omit .m "a" }}', [], 'map[a:1 b:]|1||true|[1 9]|[a b]|map[a:1]|map[b:2]'],
    ['{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}{{ $_ := unset $d "a" }}{{ $d }}', [], 'map[a:1 b:2]map[b:2]'],
    ['{{ merge (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) }}|{{ mergeOverwrite (dict "a" 1) (dict "a" 2 "b" 3) }}|{{ deepCopy .m }}|{{ dig "nested" "k" "v" "def" . }}|{{ dig "x" "y" "def" . }}', [], 'map[a:1 b:3 n:map[x:1 y:2]]|map[a:2 b:3]|map[a:1 b:2]|deep|def'],
    ['{{ b64enc "hello" }}|{{ b64dec "aGVsbG8=" }}|{{ b64dec "x" }}|{{ b32enc "hello" }}|{{ b32dec "NBSWY3DP" }}|{{ sha1sum "a" }}|{{ sha256sum "a" }}|{{ adler32sum "a" }}', [], 'aGVsbG8=|hello|illegal base64 data at input byte 0|NBSWY3DP|hello|86f7e437faa5a7fce15d1ddcb9eaeaea377667b8|ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb|6422626'],
    ['{{ base "/a/b.txt" }}|{{ dir "/a/b.txt" }}|{{ clean "a//b/../c" }}|{{ ext "x.tar.gz" }}|{{ isAbs "/a" }}|{{ osBase "a/b" }}', [], 'b.txt|/a|a/c|.gz|true|b'],
    ['{{ urlParse "https://u:p@x.io:8080/a%20b?q=1#f" }}|{{ urlJoin (dict "scheme" "https" "host" "x.io" "path" "/a b" "query" "q=1") }}', [], 'map[fragment:f host:x.io:8080 hostname:x.io opaque: path:/a b query:q=1 scheme:https userinfo:u:p]|https://x.io/a%20b?q=1'],
    ['{{ typeOf .n }}|{{ typeOf .l }}|{{ typeOf 1 }}|{{ kindOf .m }}|{{ kindIs "slice" .l }}|{{ typeIs "string" .a }}|{{ deepEqual .l .l }}|{{ typeOf .nil }}|{{ kindOf .nil }}', [], 'float64|[]interface {}|int|map|true|true|true|<nil>|invalid'],
    ['{{ semverCompare "^1.2.0" "1.4.5" }}|{{ semverCompare ">=1.2, <2" "2.0.0" }}|{{ semverCompare "~1.2" "1.2.9" }}|{{ semverCompare "1.x" "1.9.0-beta" }}|{{ semverCompare "1.2 - 1.4" "1.3.0" }}|{{ semverCompare "!=1.2.3 || >3" "1.2.3" }}', [], 'true|false|true|false|true|false'],
    ['{{ toYaml . }}', [], 'a: hello\nb: true\nbig: 1000000\nem: {}\nempty: []\nf: 1.5\nl:\n- x\n- "y"\n- z\nm:\n  a: 1\n  b: 2\n"n": 3\nnested:\n  k:\n    v: deep\nnil: null\ns: ""\nz: 0'],
    ['{{ get (fromYaml "a: 1\\nb: [x, yes]\\nc: {d: null}") "b" }}|{{ fromYamlArray "- 1\\n- two" }}', [], '[x true]|[1 two]'],
    ['{{ hello }}', [], 'Hello!'],
  ])('renders %j with options %j', (template, options, expected) => {
    expect(render(template, options)).toEqual(expected);
  });

  it.each<[string, string[], string]>([
    ['{{ regexFind "(" "x" }}', [], 'template: t:1:3: executing "t" at <regexFind "(" "x">: error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'],
    ['{{ mustRegexMatch "(" "x" }}', [], 'template: t:1:3: executing "t" at <mustRegexMatch "(" "x">: error calling mustRegexMatch: error parsing regexp: missing closing ): `(`'],
    ['{{ mustFromJson "{" }}', [], 'template: t:1:3: executing "t" at <mustFromJson "{">: error calling mustFromJson: unexpected end of JSON input'],
    ['{{ mustFromJson "[1,]" }}', [], "template: t:1:3: executing \"t\" at <mustFromJson \"[1,]\">: error calling mustFromJson: invalid character ']' looking for beginning of value"],
    ['{{ div 1 0 }}', [], 'template: t:1:3: executing "t" at <div 1 0>: error calling div: runtime error: integer divide by zero'],
    ['{{ first "x" }}', [], 'template: t:1:3: executing "t" at <first "x">: error calling first: Cannot find first on type string'],
    ['{{ mustFirst 1 }}', [], 'template: t:1:3: executing "t" at <mustFirst 1>: error calling mustFirst: Cannot find first on type int'],
    ['{{ semverCompare "bad" "1.0.0" }}', [], 'template: t:1:3: executing "t" at <semverCompare "bad" "1.0.0">: error calling semverCompare: improper constraint: bad'],
    ['{{ semverCompare ">1" "x" }}', [], 'template: t:1:3: executing "t" at <semverCompare ">1" "x">: error calling semverCompare: Invalid Semantic Version'],
    ['{{ fail "boom" }}', [], 'template: t:1:3: executing "t" at <fail "boom">: error calling fail: boom'],
  ])('fails when rendering %j with options %j', (template, options, message) => {
    expect(failure(() => render(template, options))).toEqual(message);
  });
});
