/**
 * Argo CD's use of the engine: fasttemplate substitution (goTemplate: false), the Go template cases
 * of applicationset/utils/utils_test.go@v3.5.1 (TestRenderTemplateParams,
 * TestRenderTemplateParamsGoTemplate, TestSlugify), normalize, the function maps, options and the
 * public API.
 */
import {
  applicationSetFuncMap, executeTemplate, fromJsonValue, isFastTemplate, nondeterministicFunctionsIn, notificationsFuncMap, parseOptions,
  parseTemplate, renderFastTemplate, renderGoTemplate, sanitizeName, slugifyName, toJsonValue, toYaml, TemplateError,
} from '../../../src/engine/template';
import { GoInt } from '../../../src/engine/template/go-value';

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'did not fail';
}

describe('fasttemplate (goTemplate: false)', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['simple substitution', '{{one}}', { one: 'two' }, 'two'],
    ['simple substitution with whitespace', '{{ one }}', { one: 'two' }, 'two'],
    ['template characters but not in a template', '}} {{', { one: 'two' }, '}} {{'],
    ['nested template', '{{ }}', { one: '{{ }}' }, '{{ }}'],
    ['field with whitespace', '{{ }}', { ' ': 'two', '': 'three' }, '{{ }}'],
    ['template contains itself, containing itself', '{{one}}', { '{{one}}': '{{one}}' }, '{{one}}'],
    ['template contains itself, containing something else', '{{one}}', { '{{one}}': '{{two}}' }, '{{one}}'],
    ['templates are case sensitive', '{{ONE}}', { one: 'two' }, '{{ONE}}'],
    ['multiple on a line', '{{one}}{{one}}', { one: 'two' }, 'twotwo'],
    ['multiple different on a line', '{{one}}{{three}}', { one: 'two', three: 'four' }, 'twofour'],
    ['multiple different on a line with quote', '{{one}} {{three}}', { one: '"hello" world', three: 'four' }, '"hello" world four'],
    ['a number is not substituted', '{{n}}', { n: 3 }, '{{n}}'],
    ['a dotted key is one parameter', '{{ path.basename }}', { 'path.basename': 'app' }, 'app'],
    ['delimiters on different lines are not a template', '{{\n}}', { '\n': 'x' }, '{{\n}}'],
  ])('%s', (_name, text, params, expected) => {
    expect(renderFastTemplate(text, params)).toEqual(expected);
  });

  it('fails when a tag is not closed', () => {
    expect(failure(() => renderFastTemplate('{{a}} {{b', { a: 'x' }))).toEqual('Cannot find end tag="}}" in the template="{{a}} {{b" starting from "b"');
  });

  it('treats a string as a template only when a line holds both delimiters', () => {
    expect(isFastTemplate('a {{ b }} c')).toBe(true);
    expect(isFastTemplate('a {{ b\n}} c')).toBe(false);
  });
});

describe('Go templates as ApplicationSets render them', () => {
  const params = {
    one: 'two',
    three: 'four',
    image: { name: 'busybox', version: 'latest' },
    hpa: { enabled: true, maxReplicas: 5 },
    replicas: 3,
    volumes: [{ name: 'volume-one' }, { name: 'volume-two' }],
    admin: { 'admin-ca': 'value admin ca', 'admin-jks': 'value admin jks' },
    quote: '"',
    foo: { bar: { bool: true, number: 2, str: 'Hello world' } },
    value: 'hello: world',
    list: '- hello\n- bonjour tout le monde',
  };
  const render = (text: string, options: string[] = []) => renderGoTemplate(text, params, { funcs: applicationSetFuncMap(), options, name: 'base' });

  it.each<[string, string]>([
    ['{{ .one }}', 'two'],
    ['{{.one}}{{.three}}', 'twofour'],
    ['{{ .image.name }}:{{ .image.version }}', 'busybox:latest'],
    ['{{ if .hpa.enabled }}{{ .hpa.maxReplicas }}{{ else }}{{ .replicas }}{{ end }}', '5'],
    ['{{ range .volumes }}[{{ .name }}]{{ end }}', '[volume-one][volume-two]'],
    ['{{ index .admin "admin-ca" }}, {{ index .admin "admin-jks" }}', 'value admin ca, value admin jks'],
    ['{{.quote}}', '"'],
    ['--> {{.doesnotexist}} <--', '--> <no value> <--'],
    ['{{ toYaml .foo | indent 2 }}', '  bar:\n    bool: true\n    number: 2\n    str: Hello world'],
    ['{{ get (fromYaml .value) "hello" }}', 'world'],
    ['{{ fromYamlArray .list | last }}', 'bonjour tout le monde'],
    ['{{ .replicas }} {{ printf "%d" .replicas }} {{ printf "%v" (int .replicas) }}', '3 %!d(float64=3) 3'],
  ])('renders %j', (text, expected) => {
    expect(render(text)).toEqual(expected);
  });

  it('fails when a function is not defined', () => {
    expect(failure(() => render('{{functiondoesnotexist}}'))).toEqual('template: base:1: function "functiondoesnotexist" not defined');
  });

  it('fails when a field is read from a string', () => {
    expect(failure(() => render('{{.one.test}}'))).toEqual('template: base:1:6: executing "base" at <.one.test>: can\'t evaluate field test in type interface {}');
  });

  it('fails when a key is missing with missingkey=error', () => {
    expect(failure(() => render('--> {{.doesnotexist}} <--', ['missingkey=error'])))
      .toEqual('template: base:1:6: executing "base" at <.doesnotexist>: map has no entry for key "doesnotexist"');
  });

  it('fails when fromYaml is given a string that is not a mapping', () => {
    expect(failure(() => render('{{ fromYaml .one }}'))).toEqual('template: base:1:3: executing "base" at <fromYaml .one>: error calling fromYaml: '
      + 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}');
  });

  it('fails when an option is unknown', () => {
    expect(failure(() => render('x', ['missingkey=maybe']))).toEqual('unrecognized option: missingkey=maybe');
    expect(failure(() => parseOptions(['']))).toEqual('empty option string');
  });

  it('accepts else with and range over an integer (Go 1.23, 1.22) unless goVersion is 1.19', () => {
    const t = '{{ with .nope }}a{{ else with .one }}{{ . }}{{ end }}|{{ range $i := 3 }}{{ $i }}{{ end }}';
    expect(render(t)).toEqual('two|012');
    expect(failure(() => renderGoTemplate(t, params, { funcs: applicationSetFuncMap(), goVersion: '1.19' }))).toEqual('template: t:1: unexpected <with> in else');
    expect(failure(() => renderGoTemplate('{{ range 3 }}{{ end }}', {}, { funcs: {}, goVersion: '1.19' })))
      .toEqual('template: t:1:9: executing "t" at <3>: range can\'t iterate over 3');
  });
});

describe('normalize and slugify', () => {
  it.each<[string, boolean, number, string]>([
    ['feat/a_really+long_pull_request_name_to_test_argo_slugification_and_branch_name_shortening_feature', false, 50, 'feat-a-really-long-pull-request-name-to-test-argo'],
    ['feat/a_really+long_pull_request_name_to_test_argo_slugification_and_branch_name_shortening_feature', true, 53, 'feat-a-really-long-pull-request-name-to-test-argo'],
    ['feat/areallylongpullrequestnametotestargoslugificationandbranchnameshorteningfeature', true, 50, 'feat'],
    ['feat/areallylongpullrequestnametotestargoslugificationandbranchnameshorteningfeature', false, 50, 'feat-areallylongpullrequestnametotestargoslugifica'],
  ])('slugifies %s (smart truncate %s, length %d)', (branch, smart, length, expected) => {
    expect(slugifyName(new GoInt('int', BigInt(length)), smart, branch)).toEqual(expected);
  });

  it('normalizes to lower-case DNS characters trimmed of dashes and dots', () => {
    expect(sanitizeName('-Feat/My_Branch+X.')).toEqual('feat-my-branch-x');
    expect(sanitizeName('a'.repeat(300))).toHaveLength(253);
  });

  it('fails when slugify is given a float64 length', () => {
    expect(failure(() => renderGoTemplate('{{ slugify .n "x" }}', { n: 3 }, { funcs: applicationSetFuncMap() })))
      .toEqual('template: t:1:3: executing "t" at <slugify .n "x">: error calling slugify: interface conversion: interface {} is float64, not int');
  });
});

describe('function maps and the API', () => {
  it('leaves env, expandenv and getHostByName out of the ApplicationSet map', () => {
    const appset = applicationSetFuncMap();
    expect(Object.keys(appset)).not.toEqual(expect.arrayContaining(['env']));
    expect(appset.getHostByName).toBeUndefined();
    expect(appset.expandenv).toBeUndefined();
    expect(appset.normalize).toBeDefined();
    expect(notificationsFuncMap().getHostByName).toBeDefined();
    expect(notificationsFuncMap().toYaml).toBeUndefined();
  });

  it('reports the non-deterministic functions a template uses', () => {
    const t = parseTemplate('t', '{{ now }}{{ if .a }}{{ randAlpha 3 | upper }}{{ end }}{{ define "x" }}{{ uuidv4 }}{{ end }}', applicationSetFuncMap());
    expect(nondeterministicFunctionsIn(t)).toEqual(['now', 'randAlpha', 'uuidv4']);
  });

  it('fails when a non-deterministic function without an offline value is called', () => {
    expect(failure(() => renderGoTemplate('{{ now }}', {}, { funcs: applicationSetFuncMap() })))
      .toEqual('template: t:1:3: executing "t" at <now>: error calling now: now is not deterministic and is not evaluated offline');
  });

  it('executes a parsed template several times with different data and missingkey options', () => {
    const t = parseTemplate('t', '{{ .a }}', {});
    expect(executeTemplate(t, fromJsonValue({ a: 1e6 }))).toEqual('1e+06');
    expect(executeTemplate(t, fromJsonValue({}), { missingKey: 'zero' })).toEqual('<no value>');
    expect(failure(() => executeTemplate(t, fromJsonValue({}), { missingKey: 'error' }))).toEqual('template: t:1:3: executing "t" at <.a>: map has no entry for key "a"');
  });

  it('throws TemplateError', () => {
    expect(() => parseTemplate('t', '{{', {})).toThrow(TemplateError);
  });

  it('converts between plain JSON and Go values', () => {
    const v = fromJsonValue({ a: [1, 'x', null, { b: true }] });
    expect(toJsonValue(v)).toEqual({ a: [1, 'x', null, { b: true }] });
    expect(toJsonValue(new GoInt('int64', 5n))).toEqual(5);
  });

  it('writes toYaml as go-yaml v2 does', () => {
    expect(toYaml({ b: [1, 'yes', { c: 'x\ny' }], a: '', a10: 1, a9: 2, n: null })).toEqual('a: ""\na9: 2\na10: 1\nb:\n- 1\n- "yes"\n- c: |-\n    x\n    y\n"n": null');
  });
});

describe('merge and mergeOverwrite (dario.cat/mergo v1.0.1, as Sprig v3.3.0 uses it)', () => {
  const render = (t: string) => renderGoTemplate(t, {}, { funcs: applicationSetFuncMap() });

  it.each<[string, string]>([
    ['{{ merge (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) }}', 'map[a:1 b:3 n:map[x:1 y:2]]'],
    ['{{ mergeOverwrite (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) }}', 'map[a:2 b:3 n:map[x:1 y:2]]'],
    ['{{ merge (dict "a" "") (dict "a" "x") }}', 'map[a:x]'],
    ['{{ merge (dict "a" 1) (dict "a" nil "b" nil) }}', 'map[a:1]'],
    ['{{ mergeOverwrite (dict "a" 1) (dict "a" nil) }}', 'map[a:<nil>]'],
    ['{{ mergeOverwrite (dict "a" 1) (dict "a" "") }}', 'map[a:]'],
    ['{{ merge (dict "a" (list 1)) (dict "a" (list 2)) }}', 'map[a:[1]]'],
    ['{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list 2)) }}', 'map[a:[2]]'],
    ['{{ mergeOverwrite (dict "z" true) (dict "z" (dict "k" 1)) }}', 'map[z:map[k:1]]'],
    ['{{ merge (dict "z" true) (dict "z" (dict "k" 1)) }}', 'map[z:true]'],
  ])('%s', (t, expected) => {
    expect(render(t)).toEqual(expected);
  });
});

describe('fromYaml', () => {
  const render = (t: string, value: string) => renderGoTemplate(t, { value }, { funcs: applicationSetFuncMap() });

  it('resolves plain scalars as go-yaml v2 does, numbers through JSON', () => {
    expect(render('{{ fromYaml .value | toJson }}', 'a: yes\nb: 0x1F\nc: 012\nd: 1_000\ne: "08"\nf: 2001-12-14\ng: ~\nh: 1.5e3'))
      .toEqual('{"a":true,"b":31,"c":10,"d":1000,"e":"08","f":"2001-12-14","g":null,"h":1500}');
  });

  it('follows aliases', () => {
    expect(render('{{ fromYaml .value | toJson }}', 'a: &x [1, 2]\nb: *x')).toEqual('{"a":[1,2],"b":[1,2]}');
  });

  it('fails when the document is not a mapping', () => {
    expect(failure(() => render('{{ fromYaml .value }}', '- a'))).toEqual('template: t:1:3: executing "t" at <fromYaml .value>: error calling fromYaml: '
      + 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}');
  });
});

describe('executeTemplate data', () => {
  it('takes plain JSON as well as Go values', () => {
    const t = parseTemplate('t', '{{ .a }} {{ printf "%T" .a }} {{ .b }}', {});
    expect(executeTemplate(t, { a: 2, b: [1, 'x'] })).toEqual('2 float64 [1 x]');
    expect(executeTemplate(t, fromJsonValue({ a: new GoInt('int', 2n), b: {} }))).toEqual('2 int map[]');
  });
});
