/**
 * Differential test of src/engine/template against Go's text/template + Sprig + fasttemplate
 * (test/differential/template/main.go, Debian's Go 1.19, Sprig 3.2.3, fasttemplate 1.2.2).
 *
 * fast-check generates templates from a grammar (fields, variables, if/range/with, pipelines,
 * comparisons, printf verbs, Sprig functions, toJson/toYaml, missingkey options, broken
 * templates) and JSON data; output or error text must be identical. Go 1.19 lacks `else with` and
 * range over int, so the generator avoids them; Sprig functions whose 3.2.3 and 3.3.0 behaviour
 * differ (camelcase, snakecase, kebabcase: xstrings 1.3.3 vs 1.5.0; mergeOverwrite: mergo 0.3.12 vs 1.0.1,
 * which replaces a non-empty non-map value by a map), those whose order is Go's random map order
 * (keys, values), and the non-deterministic ones, are not generated.
 */
import * as fc from 'fast-check';
import { GoProgram } from './go-program';
import { renderFastTemplate } from '../../src/engine/template/fasttemplate';
import { applicationSetFuncMap, notificationsFuncMap } from '../../src/engine/template/funcmaps';
import { fromJsonValue } from '../../src/engine/template/go-value';
import { renderGoTemplate } from '../../src/engine/template/render';
import { marshalYaml } from '../../src/engine/template/yaml';

interface Input {
  mode: 'go' | 'fast' | 'yaml';
  funcs?: 'appset' | 'notifications';
  options?: string[];
  template?: string;
  data?: unknown;
  yaml?: unknown;
}

interface Output {
  output?: string;
  error?: string;
}

const go = GoProgram.build('template');

function ours(i: Input): Output {
  try {
    if (i.mode === 'yaml') return { output: marshalYaml(fromJsonValue(i.yaml)) };
    if (i.mode === 'fast') return { output: renderFastTemplate(i.template!, (i.data ?? {}) as Record<string, unknown>) };
    const funcs = i.funcs === 'notifications' ? notificationsFuncMap() : applicationSetFuncMap();
    return { output: renderGoTemplate(i.template!, JSON.parse(JSON.stringify(i.data ?? null)), { funcs, options: i.options ?? [], goVersion: '1.19' }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** fromYaml/fromYamlArray parse errors are go-yaml's text in Go and the yaml package's here. */
function sameYamlParseFailure(mine: string, theirs: string): boolean {
  const marker = 'error converting YAML to JSON: yaml: ';
  return mine.includes(marker) && theirs.includes(marker) && mine.slice(0, mine.indexOf(marker)) === theirs.slice(0, theirs.indexOf(marker));
}

function compare(inputs: Input[]): { agree: number; errors: number; disagree: Array<{ input: Input; go: Output; mine: Output }> } {
  const theirs = go.run<Input, Output>(inputs);
  const errors = theirs.filter((t) => t.error !== undefined).length;
  const disagree: Array<{ input: Input; go: Output; mine: Output }> = [];
  let agree = 0;
  inputs.forEach((input, k) => {
    const o = ours(input);
    const g = theirs[k];
    if (o.output === g.output && o.error === g.error) agree++;
    else if (o.error !== undefined && g.error !== undefined && sameYamlParseFailure(o.error, g.error)) agree++;
    else disagree.push({ input, go: g, mine: o });
  });
  return { agree, errors, disagree };
}

// ---------------------------------------------------------------------------------------------
// data

const KEYS = ['a', 'b', 'n', 's', 'l', 'm', 'x'];
const strings = fc.constantFrom('', 'a', 'b', 'hello world', 'Foo Bar', '<b>&"\'', 'é ü', 'x-y_z', '  pad  ', 'a,b,c', '1.5', '42', 'true', 'line\nbreak', 'UPPER', 'camelCase', 'snake_case', 'https://x.io/a?b=c', 'v1.2.3', '%d',
  'a long value with many words that goes on and on past the eighty column limit of the go-yaml emitter, folded: yes # maybe',
  'another  long   line\twith\ttabs and "quotes" and \'single quotes\' that is long enough to be folded by the emitter at 80', ' lead', 'trail ', '- x', 'a\n b\n', '\n\nx\n\n');
const numbers = fc.oneof(
  fc.constantFrom(0, 1, -1, 3, 42, 1.5, -2.25, 0.1, 1e6, 1e21, 123456789, 1e-7, 2.5, 100, 7),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
);
const scalar: fc.Arbitrary<unknown> = fc.oneof(strings, numbers, fc.boolean(), fc.constant(null));
const json: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS, 'k1', 'k2', 'B', 'a b'), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const data = fc.record({
  a: strings,
  b: fc.boolean(),
  n: numbers,
  s: strings,
  l: fc.array(scalar, { maxLength: 4 }),
  m: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'k1', 'B'), scalar, { maxKeys: 4 }),
  x: json,
}, { requiredKeys: ['a', 'n', 'l', 'm'] });

// ---------------------------------------------------------------------------------------------
// templates

const fields = fc.constantFrom('.a', '.b', '.n', '.s', '.l', '.m', '.x', '.m.a', '.m.b', '.x.a', '.x.k1', '.missing', '.m.c', '.', '$', '$.a', '$.m');
const literals = fc.constantFrom('3', '-1', '0', '1.5', '2.0', '1e3', '0x1F', "'a'", '"str"', '"a,b"', '`raw`', 'true', 'false', 'nil', '"<x>"', '""', '"v1.2.0"', '"1.2.3"', '"-"', '", "', '"%s-%v"', '0o17', '1_000',
  '"a: 1\\nb: [x, yes]\\nc: {d: null}"', '"- x\\n- 2"', '">=1.0.0"', '"^1.2"', '"~1.2.x"', '"1.2.3-beta.1"', '"{\\"a\\":[1,2]}"', '"[1,"',
  '"aGVsbG8="', '"NBSWY3DP"', '"a.b/c"', '"x/y/../z.txt"', '"^[a-z]+"', '"(a)(b)?"', '"$1-${2}"', '100', '-3', '"  "', '"A_b-C d"');

/** Sprig (and builtin) functions and how many arguments to give them. */
const FUNCS: Array<[string, number, number]> = [
  // builtins
  ['len', 1, 1], ['index', 1, 3], ['slice', 1, 3], ['print', 0, 3], ['println', 0, 2], ['not', 1, 1], ['and', 1, 3], ['or', 1, 3],
  ['eq', 2, 3], ['ne', 2, 2], ['lt', 2, 2], ['le', 2, 2], ['gt', 2, 2], ['ge', 2, 2], ['html', 1, 2], ['js', 1, 1], ['urlquery', 1, 2],
  // strings
  ['trim', 1, 1], ['trimAll', 2, 2], ['trimPrefix', 2, 2], ['trimSuffix', 2, 2], ['upper', 1, 1], ['lower', 1, 1], ['title', 1, 1],
  ['untitle', 1, 1], ['repeat', 2, 2], ['substr', 3, 3], ['nospace', 1, 1], ['trunc', 2, 2], ['abbrev', 2, 2], ['abbrevboth', 3, 3],
  ['initials', 1, 1], ['wrap', 2, 2], ['wrapWith', 3, 3], ['contains', 2, 2], ['hasPrefix', 2, 2], ['hasSuffix', 2, 2], ['quote', 0, 3],
  ['squote', 0, 3], ['cat', 0, 3], ['indent', 2, 2], ['nindent', 2, 2], ['replace', 3, 3], ['plural', 3, 3],
  ['swapcase', 1, 1], ['toString', 1, 1], ['toStrings', 1, 1], ['join', 2, 2],
  ['splitList', 2, 2], ['split', 2, 2], ['splitn', 3, 3], ['sortAlpha', 1, 1], ['trimall', 2, 2],
  ['regexMatch', 2, 2], ['regexFindAll', 3, 3], ['regexFind', 2, 2], ['regexReplaceAll', 3, 3], ['regexReplaceAllLiteral', 3, 3],
  ['regexSplit', 3, 3], ['regexQuoteMeta', 1, 1], ['mustRegexMatch', 2, 2],
  // defaults
  ['default', 2, 2], ['empty', 1, 1], ['coalesce', 0, 3], ['all', 0, 3], ['any', 0, 3], ['compact', 1, 1], ['ternary', 3, 3],
  ['fromJson', 1, 1], ['toJson', 1, 1], ['toPrettyJson', 1, 1], ['toRawJson', 1, 1], ['mustToJson', 1, 1], ['mustFromJson', 1, 1],
  // math
  ['add', 0, 3], ['add1', 1, 1], ['sub', 2, 2], ['div', 2, 2], ['mod', 2, 2], ['mul', 1, 3], ['max', 1, 3], ['min', 1, 3],
  ['floor', 1, 1], ['ceil', 1, 1], ['round', 2, 3], ['int', 1, 1], ['int64', 1, 1], ['float64', 1, 1], ['atoi', 1, 1],
  ['until', 1, 1], ['untilStep', 3, 3], ['addf', 0, 3], ['subf', 1, 3], ['mulf', 1, 3], ['divf', 1, 3], ['maxf', 1, 3], ['minf', 1, 3],
  ['biggest', 1, 3], ['add1f', 1, 1], ['seq', 1, 3],
  // lists
  ['list', 0, 3], ['first', 1, 1], ['rest', 1, 1], ['last', 1, 1], ['initial', 1, 1], ['append', 2, 2], ['push', 2, 2],
  ['prepend', 2, 2], ['concat', 0, 3], ['reverse', 1, 1], ['uniq', 1, 1], ['without', 1, 3], ['has', 2, 2], ['chunk', 2, 2],
  // dicts
  ['dict', 0, 4], ['get', 2, 2], ['set', 3, 3], ['unset', 2, 2], ['hasKey', 2, 2], ['pluck', 1, 3],
  ['pick', 1, 3], ['omit', 1, 3], ['merge', 1, 3], ['deepCopy', 1, 1], ['dig', 2, 4],
  // encoding, hashes, paths, urls, reflection, semver
  ['b64enc', 1, 1], ['b64dec', 1, 1], ['b32enc', 1, 1], ['b32dec', 1, 1], ['sha1sum', 1, 1], ['sha256sum', 1, 1],
  ['adler32sum', 1, 1], ['base', 1, 1], ['dir', 1, 1], ['clean', 1, 1], ['ext', 1, 1], ['isAbs', 1, 1], ['osBase', 1, 1],
  ['osDir', 1, 1], ['osClean', 1, 1], ['osExt', 1, 1], ['osIsAbs', 1, 1], ['urlParse', 1, 1], ['urlJoin', 1, 1],
  ['typeOf', 1, 1], ['kindOf', 1, 1], ['kindIs', 2, 2], ['typeIs', 2, 2], ['typeIsLike', 2, 2], ['deepEqual', 2, 2],
  ['semverCompare', 2, 2], ['toYaml', 1, 1], ['fromYaml', 1, 1], ['fromYamlArray', 1, 1],
];

const PRINTF_FORMATS = ['%d', '%s', '%v', '%q', '%x', '%X', '%5d', '%-5s|', '%05.1f', '%e', '%g', '%.2f', '%t', '%T', '%c', '%+d', '%o', '%b',
  '%6.2v', '%%', '%d %s', '%!', '%[2]v %[1]v', '%*d', '%.3s', '%x %X', '%U', '%#x', '%#v', '% d', '%10.3e', '%-8v|', '%z', '%', '%.0f', '%G'];

interface Gen {
  depth: number;
  vars: string[];
}

function operand(g: Gen): fc.Arbitrary<string> {
  const opts: Array<fc.Arbitrary<string>> = [fields, literals];
  if (g.vars.length > 0) opts.push(fc.constantFrom(...g.vars), fc.constantFrom(...g.vars.map((v) => `${v}.a`)));
  if (g.depth > 0) opts.push(command({ ...g, depth: g.depth - 1 }).map((c) => `(${c})`));
  return fc.oneof(...opts);
}

function command(g: Gen): fc.Arbitrary<string> {
  const call = fc.constantFrom(...FUNCS).chain(([name, min, max]) =>
    fc.array(operand(g), { minLength: min, maxLength: max }).map((args) => [name, ...args].join(' ')));
  const printf = fc.tuple(fc.constantFrom(...PRINTF_FORMATS), fc.array(operand(g), { maxLength: 3 }))
    .map(([f, args]) => ['printf', JSON.stringify(f), ...args].join(' '));
  return fc.oneof({ arbitrary: call, weight: 4 }, { arbitrary: printf, weight: 2 }, { arbitrary: operand(g), weight: 2 });
}

function pipeline(g: Gen): fc.Arbitrary<string> {
  const stage = fc.constantFrom(...FUNCS.filter(([, min]) => min >= 1)).chain(([name, min, max]) =>
    fc.array(operand(g), { minLength: min - 1, maxLength: max - 1 }).map((args) => [name, ...args].join(' ')));
  return fc.tuple(command(g), fc.array(stage, { maxLength: 2 })).map(([c, rest]) => [c, ...rest].join(' | '));
}

function body(g: Gen): fc.Arbitrary<string> {
  const text = fc.constantFrom('x', ' ', '\n', 'a-b', ': ', '<', '{', '}');
  const action = pipeline(g).map((p) => `{{ ${p} }}`);
  const trimmed = pipeline(g).map((p) => `{{- ${p} -}}`);
  const decl = fc.tuple(pipeline(g)).map(([p]) => `{{ $v := ${p} }}{{ $v }}`);
  const parts: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: text, weight: 2 },
    { arbitrary: action, weight: 6 },
    { arbitrary: trimmed, weight: 1 },
    { arbitrary: decl, weight: 1 },
    { arbitrary: fc.constant('{{/* c */}}'), weight: 1 },
  ];
  if (g.depth > 0) {
    const inner: Gen = { depth: g.depth - 1, vars: g.vars };
    const withVars: Gen = { depth: g.depth - 1, vars: [...g.vars, '$i', '$e'] };
    parts.push(
      { arbitrary: fc.tuple(pipeline(inner), body(inner), fc.option(body(inner))).map(([p, b, e]) => `{{ if ${p} }}${b}${e !== null ? `{{ else }}${e}` : ''}{{ end }}`), weight: 2 },
      { arbitrary: fc.tuple(pipeline(inner), pipeline(inner), body(inner), body(inner)).map(([p, q, b, e]) => `{{ if ${p} }}${b}{{ else if ${q} }}${e}{{ end }}`), weight: 1 },
      { arbitrary: fc.tuple(pipeline(inner), body(inner), fc.option(body(inner))).map(([p, b, e]) => `{{ with ${p} }}${b}${e !== null ? `{{ else }}${e}` : ''}{{ end }}`), weight: 2 },
      {
        arbitrary: fc.tuple(pipeline(inner), body(withVars), fc.option(body(inner)), fc.constantFrom('', '{{ break }}', '{{ continue }}', '{{ if $i }}{{ break }}{{ end }}'))
          .map(([p, b, e, ctl]) => `{{ range $i, $e := ${p} }}${b}${ctl}${e !== null ? `{{ else }}${e}` : ''}{{ end }}`),
        weight: 2,
      },
      { arbitrary: fc.tuple(pipeline(inner), body(inner)).map(([p, b]) => `{{ range ${p} }}${b}{{ end }}`), weight: 1 },
      { arbitrary: fc.tuple(body(inner), pipeline(inner)).map(([b, p]) => `{{ define "sub" }}${b}{{ end }}{{ template "sub" ${p} }}`), weight: 1 },
    );
  }
  return fc.array(fc.oneof(...parts), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
}

// Well-typed templates: each function gets arguments of the types it takes, so most render.
type Kind = 'str' | 'int' | 'num' | 'bool' | 'list' | 'map' | 'any';

function typed(kind: Kind, depth: number): fc.Arbitrary<string> {
  const sub = (k: Kind) => (depth > 0 ? typed(k, depth - 1) : leaf(k));
  const call = (f: string, ...args: Array<fc.Arbitrary<string>>) => fc.tuple(...args).map((xs) => `(${[f, ...xs].join(' ')})`);
  const c = (x: string) => fc.constant(x);
  const options: Record<Kind, () => Array<fc.Arbitrary<string>>> = {
    str: () => [leaf('str'), call('upper', sub('str')), call('lower', sub('str')), call('trim', sub('str')), call('title', sub('str')),
      call('printf', c('"%v-%d"'), sub('any'), sub('int')), call('toString', sub('any')), call('replace', c('"a"'), c('"_"'), sub('str')),
      call('trunc', sub('int'), sub('str')), call('default', c('"d"'), sub('any')), call('toJson', sub('any')), call('toYaml', sub('any')),
      call('join', c('","'), sub('list')), call('quote', sub('any')), call('b64enc', sub('str')), call('sha256sum', sub('str')),
      call('abbrev', c('5'), sub('str')), call('regexReplaceAll', c('"[aeiou]"'), sub('str'), c('"<$0>"')), call('cat', sub('any'), sub('any')),
      call('nospace', sub('str')), call('squote', sub('any')), call('toPrettyJson', sub('any')), call('initials', sub('str')),
      call('indent', c('2'), sub('str')), call('wrap', c('6'), sub('str')), call('base', sub('str')), call('clean', sub('str')),
      call('html', sub('any')), call('urlquery', sub('str')), call('js', sub('str')), call('print', sub('any'), sub('any')), call('typeOf', sub('any')),
      call('ternary', sub('str'), sub('str'), sub('bool')), call('repeat', c('2'), sub('str')), call('swapcase', sub('str')), call('b32enc', sub('str')),
      call('printf', c('"%s|%q|%x|%5s|%-6s|%.2s"'), sub('str'), sub('str'), sub('str'), sub('str'), sub('str'), sub('str')),
      call('printf', c('"%d|%5d|%-4d|%x|%o|%b|%c|%+d"'), sub('int'), sub('int'), sub('int'), sub('int'), sub('int'), sub('int'), c('65'), sub('int')),
      call('printf', c('"%v|%.2f|%e|%g|%5.1f|%G"'), sub('num'), sub('num'), sub('num'), sub('num'), sub('num'), sub('num')),
      call('printf', c('"%v|%+v|%T|%t"'), sub('any'), sub('map'), sub('list'), sub('bool'))],
    int: () => [leaf('int'), call('len', sub('list')), call('add', sub('int'), sub('int')), call('int', sub('num')), call('mul', sub('int'), c('2')),
      call('max', sub('int'), sub('int')), call('sub', sub('int'), c('1')), call('min', sub('int'), sub('num')), call('add1', sub('num')),
      call('int64', sub('str')), call('atoi', sub('str')), call('mod', sub('int'), c('7'))],
    num: () => [leaf('num'), call('float64', sub('int')), call('addf', sub('num'), sub('num')), call('divf', sub('num'), c('3')),
      call('floor', sub('num')), call('round', sub('num'), c('1')), call('mulf', sub('num'), c('1.5')), call('ceil', sub('num')),
      call('maxf', sub('num'), sub('int')), call('subf', sub('num'), c('0.1'))],
    bool: () => [leaf('bool'), call('eq', sub('str'), sub('str')), call('lt', sub('int'), sub('int')), call('eq', sub('num'), sub('num')),
      call('and', sub('bool'), sub('any')), call('or', sub('any'), sub('bool')), call('not', sub('any')), call('contains', sub('str'), sub('str')),
      call('hasKey', sub('map'), c('"a"')), call('empty', sub('any')), call('has', sub('any'), sub('list')), call('regexMatch', c('"^[a-h]"'), sub('str')),
      call('semverCompare', c('">=1.0"'), c('"1.2.3"')), call('hasPrefix', c('"a"'), sub('str')), call('kindIs', c('"map"'), sub('any')),
      call('deepEqual', sub('any'), sub('any')), call('ge', sub('str'), sub('str')), call('ne', sub('int'), sub('int')), call('all', sub('any'), sub('any'))],
    list: () => [leaf('list'), call('list', sub('any'), sub('any')), call('splitList', c('","'), sub('str')), call('append', sub('list'), sub('any')),
      call('reverse', sub('list')), call('uniq', sub('list')), call('compact', sub('list')), call('until', c('3')), call('sortAlpha', sub('list')),
      call('rest', sub('list')), call('concat', sub('list'), sub('list')), call('keys', sub('map')).map((k) => `(sortAlpha ${k})`),
      call('without', sub('list'), sub('any')), call('initial', sub('list')), call('toStrings', sub('list')), call('regexFindAll', c('"[a-z]+"'), sub('str'), c('-1')),
      call('chunk', c('2'), sub('list')), call('slice', sub('list'), c('0')), call('prepend', sub('list'), sub('any')), call('pluck', c('"a"'), sub('map'), sub('map'))],
    map: () => [leaf('map'), call('dict', c('"a"'), sub('any'), c('"b"'), sub('any')), call('pick', sub('map'), c('"a"')), call('omit', sub('map'), c('"a"')),
      call('fromJson', c('"{\\"a\\":[1,2.5,\\"<x>\\"],\\"b\\":{}}"')), call('deepCopy', sub('map')), call('merge', call('dict', c('"z"'), sub('any')), sub('map')),
      call('urlParse', c('"https://u@x.io:8/p/a%20b?q=1#f"')), call('fromYaml', c('"a: 1\\nb: [x, yes, 0x1F]\\nc: {d: null}"')), call('split', c('","'), sub('str'))],
    any: () => [sub('str'), sub('int'), sub('num'), sub('bool'), sub('list'), sub('map'), leaf('any')],
  };
  return fc.oneof(...options[kind]());
}

function leaf(kind: Kind): fc.Arbitrary<string> {
  switch (kind) {
    case 'str': return fc.constantFrom('.a', '.s', '"lit"', '"Hello, World"', '"a,b,c"', '"<b>&é"', '`raw\\n`', '""', '"x y z"', '"aeiou"', '"/a/b/../c.txt"');
    case 'int': return fc.constantFrom('3', '0', '-2', '42', '0x1F', "'a'", '1_000');
    case 'num': return fc.constantFrom('.n', '1.5', '2.0', '-0.25', '1e6', '1e21', '0.1', '3.0');
    case 'bool': return fc.constantFrom('.b', 'true', 'false');
    case 'list': return fc.constantFrom('.l', '(list)', '(list 1 "a" nil)');
    case 'map': return fc.constantFrom('.m', '(dict)', '.x');
    case 'any': return fc.constantFrom('.', '.x', '.m.a', '.missing', 'nil', '.l');
  }
}

function typedBody(depth: number): fc.Arbitrary<string> {
  const action = typed('any', 2).map((e) => `{{ ${e} }}`);
  const parts: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: action, weight: 6 },
    { arbitrary: fc.constantFrom('\n', ' | ', 'x'), weight: 2 },
    { arbitrary: fc.tuple(typed('any', 1), typed('str', 1)).map(([e, f]) => `{{ $v := ${e} }}{{ $v }}{{ $v = ${f} }}{{ $v }}`), weight: 1 },
  ];
  if (depth > 0) {
    parts.push(
      { arbitrary: fc.tuple(typed('bool', 1), typedBody(depth - 1), typedBody(depth - 1)).map(([b, t, e]) => `{{ if ${b} }}${t}{{ else }}${e}{{ end }}`), weight: 2 },
      { arbitrary: fc.tuple(typed('list', 1), typed('str', 1)).map(([l, x]) => `{{ range $i, $e := ${l} }}{{ $i }}:{{ $e }}/{{ ${x} }};{{ else }}none{{ end }}`), weight: 2 },
      { arbitrary: typed('map', 1).map((m) => `{{ range $k, $v := ${m} }}{{ $k }}={{ $v }},{{ end }}`), weight: 1 },
      { arbitrary: fc.tuple(typed('map', 1), typedBody(depth - 1)).map(([m, b]) => `{{ with ${m} }}{{ .a }}${b}{{ else }}empty{{ end }}`), weight: 1 },
    );
  }
  return fc.array(fc.oneof(...parts), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
}

const BREAKERS = ['}}', '{{', '(', ')', '|', ' := ', '"', '`', '{{ end }}', '{{ else }}', '$', '.', '{{-', '-}}', "'", ',', '=', '\n', '#', '{{/*'];
const broken = fc.tuple(body({ depth: 1, vars: [] }), fc.nat(), fc.constantFrom(...BREAKERS), fc.boolean())
  .map(([t, pos, ins, del]) => {
    const at = pos % (t.length + 1);
    return del ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + ins + t.slice(at);
  });

const options = fc.constantFrom<string[]>([], [], ['missingkey=error'], ['missingkey=zero'], ['missingkey=default'], ['missingkey=invalid'], ['missingkey=bogus']);

function report(name: string, r: ReturnType<typeof compare>, total: number): void {
  // eslint-disable-next-line no-console
  console.log(`${name}: ${total} inputs (${total - r.errors} render, ${r.errors} fail in Go), ${r.agree} agree, ${r.disagree.length} disagree\n${r.disagree.slice(0, Number(process.env.DIFF_SHOW ?? 12)).map((d) => JSON.stringify({ t: d.input.template ?? d.input.yaml, d: d.input.data, o: d.input.options, go: d.go, ours: d.mine })).join('\n')}`);
}

const SEED = Number(process.env.DIFF_SEED ?? 42);
const RUNS = Number(process.env.DIFF_RUNS ?? 3000);

describe('Go text/template + Sprig, differential', () => {
  test('generated templates on generated data give the same output or error', () => {
    const inputs = fc.sample(fc.record({
      template: fc.oneof({ arbitrary: body({ depth: 2, vars: [] }), weight: 5 }, { arbitrary: broken, weight: 1 }),
      data,
      options,
      funcs: fc.constantFrom<'appset' | 'notifications'>('appset', 'appset', 'notifications'),
    }), { seed: SEED, numRuns: RUNS }).map((r) => ({ mode: 'go' as const, ...r }));
    const r = compare(inputs);
    report('templates', r, inputs.length);
    expect(r.disagree.slice(0, 5)).toEqual([]);
  });

  test('well-typed generated templates give the same output or error', () => {
    const inputs = fc.sample(fc.record({
      template: typedBody(2),
      data,
      options: fc.constantFrom<string[]>([], ['missingkey=zero'], ['missingkey=error']),
      funcs: fc.constantFrom<'appset' | 'notifications'>('appset', 'notifications'),
    }), { seed: SEED, numRuns: RUNS }).map((r) => ({ mode: 'go' as const, ...r }));
    const r = compare(inputs);
    report('well-typed templates', r, inputs.length);
    expect(r.disagree.slice(0, 5)).toEqual([]);
  });

  test('toYaml of generated JSON matches ghodss/yaml + yaml.v2', () => {
    const inputs = fc.sample(json, { seed: SEED, numRuns: RUNS }).map((v) => ({ mode: 'yaml' as const, yaml: v }));
    const r = compare(inputs);
    report('yaml', r, inputs.length);
    expect(r.disagree.slice(0, 5)).toEqual([]);
  });

  test('fasttemplate substitution matches valyala/fasttemplate as Argo CD calls it', () => {
    const fastText = fc.array(fc.constantFrom('{{', '}}', 'a', ' ', 'b', '{{a}}', '{{ b }}', '{{n}}', '{{ }}', '{', '}', '\n', '{{l}}', 'x.y', '{{x.y}}'), { maxLength: 8 }).map((xs) => xs.join(''));
    const params = fc.record({ 'a': strings, 'b': strings, 'n': numbers, 'l': fc.array(strings), 'x.y': strings }, { requiredKeys: ['a'] });
    const inputs = fc.sample(fc.record({ template: fastText, data: params }), { seed: SEED, numRuns: RUNS }).map((r) => ({ mode: 'fast' as const, ...r }));
    const r = compare(inputs);
    report('fasttemplate', r, inputs.length);
    expect(r.disagree.slice(0, 5)).toEqual([]);
  });
});
