/**
 * Differential test of src/engine/template against Go's text/template + Sprig + fasttemplate
 * (test/differential/template/main.go, Debian's Go 1.19, Sprig 3.2.3, fasttemplate 1.2.2).
 *
 * fast-check generates templates from a grammar (fields, variables, if/range/with, pipelines,
 * comparisons, printf verbs, Sprig functions, toJson/toYaml, missingkey options, broken
 * templates) and JSON data; output or error text must be identical. Go 1.19 lacks `else with` and
 * range over int, so the generator avoids them; Sprig functions whose 3.2.3 and 3.3.0 behaviour
 * differ, and the non-deterministic ones, are not generated.
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
    return { output: renderGoTemplate(i.template!, i.data, { funcs, options: i.options ?? [], goVersion: '1.19' }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** fromYaml/fromYamlArray parse errors are go-yaml's text in Go and the yaml package's here. */
function sameYamlParseFailure(mine: string, theirs: string): boolean {
  const marker = 'error converting YAML to JSON: yaml: ';
  return mine.includes(marker) && theirs.includes(marker) && mine.slice(0, mine.indexOf(marker)) === theirs.slice(0, theirs.indexOf(marker));
}

function compare(inputs: Input[]): { agree: number; disagree: Array<{ input: Input; go: Output; mine: Output }> } {
  const theirs = go.run<Input, Output>(inputs);
  const disagree: Array<{ input: Input; go: Output; mine: Output }> = [];
  let agree = 0;
  inputs.forEach((input, k) => {
    const o = ours(input);
    const g = theirs[k];
    if (o.output === g.output && o.error === g.error) agree++;
    else if (o.error !== undefined && g.error !== undefined && sameYamlParseFailure(o.error, g.error)) agree++;
    else disagree.push({ input, go: g, mine: o });
  });
  return { agree, disagree };
}

// ---------------------------------------------------------------------------------------------
// data

const KEYS = ['a', 'b', 'n', 's', 'l', 'm', 'x'];
const strings = fc.constantFrom('', 'a', 'b', 'hello world', 'Foo Bar', '<b>&"\'', 'é ü', 'x-y_z', '  pad  ', 'a,b,c', '1.5', '42', 'true', 'line\nbreak', 'UPPER', 'camelCase', 'snake_case', 'https://x.io/a?b=c', 'v1.2.3', '%d');
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
const literals = fc.constantFrom('3', '-1', '0', '1.5', '2.0', '1e3', '0x1F', "'a'", '"str"', '"a,b"', '`raw`', 'true', 'false', 'nil', '"<x>"', '""', '"v1.2.0"', '"1.2.3"', '"-"', '", "', '"%s-%v"', '0o17', '1_000');

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
  ['pick', 1, 3], ['omit', 1, 3], ['merge', 1, 3], ['mergeOverwrite', 1, 3], ['deepCopy', 1, 1], ['dig', 2, 4],
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

const BREAKERS = ['}}', '{{', '(', ')', '|', ' := ', '"', '`', '{{ end }}', '{{ else }}', '$', '.', '{{-', '-}}', "'", ',', '=', '\n', '#', '{{/*'];
const broken = fc.tuple(body({ depth: 1, vars: [] }), fc.nat(), fc.constantFrom(...BREAKERS), fc.boolean())
  .map(([t, pos, ins, del]) => {
    const at = pos % (t.length + 1);
    return del ? t.slice(0, at) + t.slice(at + 1) : t.slice(0, at) + ins + t.slice(at);
  });

const options = fc.constantFrom<string[]>([], [], ['missingkey=error'], ['missingkey=zero'], ['missingkey=default'], ['missingkey=invalid'], ['missingkey=bogus']);

function report(name: string, r: ReturnType<typeof compare>, total: number): void {
  // eslint-disable-next-line no-console
  console.log(`${name}: ${total} inputs, ${r.agree} agree, ${r.disagree.length} disagree\n${r.disagree.slice(0, Number(process.env.DIFF_SHOW ?? 12)).map((d) => JSON.stringify({ t: d.input.template ?? d.input.yaml, d: d.input.data, o: d.input.options, go: d.go, ours: d.mine })).join('\n')}`);
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
