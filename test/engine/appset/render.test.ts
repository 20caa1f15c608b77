/**
 * Render.Replace and RenderTemplateParams: the cases of Argo CD v3.5.1
 * applicationset/utils/utils_test.go (TestRenderTemplateParams, TestRenderTemplateParamsGoTemplate,
 * TestRenderTemplateKeys, TestRenderTemplateParamsFinalizers,
 * Test_Render_Replace_no_panic_on_missing_closing_brace) rewritten as tables.
 */
import { AppSetRenderError, renderApplication, replace, replaceDeep } from '../../../src/engine/appset';

const FAST = { goTemplate: false, goTemplateOptions: [] };
const GO = { goTemplate: true, goTemplateOptions: [] };

describe('Render.Replace with goTemplate: false (fasttemplate)', () => {
  test.each([
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
    ['a parameter that is not a string stays as written', '{{n}}', { n: 3 }, '{{n}}'],
    ['a missing parameter stays as written', 'a-{{missing}}', {}, 'a-{{missing}}'],
  ])('%s', (_name, text, params, expected) => {
    expect(replace(text, params, FAST)).toBe(expected);
  });

  test('fails when a tag is not closed (no panic)', () => {
    expect(() => replace('{{properly.closed}} {{improperly.closed}', { 'properly.closed': 'x' }, FAST))
      .toThrow('invalid template: Cannot find end tag="}}" in the template="{{properly.closed}} {{improperly.closed}" starting from "improperly.closed}"');
  });
});

describe('Render.Replace with goTemplate: true', () => {
  const data = {
    one: 'two',
    three: 'four',
    quote: '"',
    image: { name: 'busybox', version: 'latest' },
    hpa: { enabled: true, maxReplicas: 5 },
    replicas: 3,
    volumes: [{ name: 'volume-one' }, { name: 'volume-two' }],
    admin: { 'admin-ca': 'value admin ca', 'admin-jks': 'value admin jks' },
  };
  test.each([
    ['simple substitution', '{{ .one }}', 'two'],
    ['multiple on a line', '{{.one}}{{.one}}', 'twotwo'],
    ['multiple different on a line', '{{.one}}{{.three}}', 'twofour'],
    ['depth', '{{ .image.version }}', 'latest'],
    ['multiple depth', '{{ .image.name }}:{{ .image.version }}', 'busybox:latest'],
    ['if ok', '{{ if .hpa.enabled }}{{ .hpa.maxReplicas }}{{ else }}{{ .replicas }}{{ end }}', '5'],
    ['loop', '{{ range .volumes }}[{{ .name }}]{{ end }}', '[volume-one][volume-two]'],
    ['index', '{{ index .admin "admin-ca" }}, {{ index .admin "admin-jks" }}', 'value admin ca, value admin jks'],
    ['quote', '{{.quote}}', '"'],
    ['a string without actions is itself', 'plain', 'plain'],
    ['JSON numbers are float64', '{{ printf "%d" .replicas }}', '%!d(float64=3)'],
    ['normalize', '{{ normalize "Hello World_x" }}', 'hello-world-x'],
  ])('%s', (_name, text, expected) => {
    expect(replace(text, data, GO)).toBe(expected);
  });

  test('missing key prints <no value> by default', () => {
    expect(replace('--> {{.doesnotexist}} <--', {}, GO)).toBe('--> <no value> <--');
  });

  test('fails when a key is missing with missingkey=error', () => {
    expect(() => replace('--> {{.doesnotexist}} <--', {}, { goTemplate: true, goTemplateOptions: ['missingkey=error'] }))
      .toThrow('failed to execute go template --> {{.doesnotexist}} <--: template: base:1:6: executing "base" at <.doesnotexist>: map has no entry for key "doesnotexist"');
  });

  test('fails when a function is not defined (a fasttemplate placeholder under goTemplate)', () => {
    expect(() => replace('{{functiondoesnotexist}}', {}, GO))
      .toThrow('failed to parse template {{functiondoesnotexist}}: template: base:1: function "functiondoesnotexist" not defined');
  });

  test('fails when a field is read from a string', () => {
    expect(() => replace('{{.data.test}}', { data: 'x' }, GO))
      .toThrow('failed to execute go template {{.data.test}}: template: base:1:7: executing "base" at <.data.test>: can\'t evaluate field test in type interface {}');
  });

  test('fails when a goTemplateOptions entry is unknown', () => {
    expect(() => replace('{{.a}}', { a: 'b' }, { goTemplate: true, goTemplateOptions: ['missingkey=maybe'] }))
      .toThrow('panic: unrecognized option: missingkey=maybe');
  });

  test('toYaml indents as upstream', () => {
    expect(replace('{{ toYaml . | indent 2 }}', { foo: { bar: { bool: true, number: 2, str: 'Hello world' } } }, GO))
      .toBe('  foo:\n    bar:\n      bool: true\n      number: 2\n      str: Hello world');
  });

  test('fromYaml and fromYamlArray', () => {
    expect(replace('{{ get (fromYaml .value) "hello" }}', { value: 'hello: world' }, GO)).toBe('world');
    expect(replace('{{ fromYamlArray .value | last }}', { value: '- 1\n- 2\n- bonjour tout le monde' }, GO)).toBe('bonjour tout le monde');
  });
});

describe('deeplyReplace', () => {
  test('renders map keys as well as values (TestRenderTemplateKeys)', () => {
    expect(replaceDeep({ metadata: { annotations: { 'annotation-{{ .key }}': 'annotation-{{ .value }}' } } }, { key: 'some-key', value: 'some-value' }, GO))
      .toEqual({ metadata: { annotations: { 'annotation-some-key': 'annotation-some-value' } } });
    expect(replaceDeep({ labels: { 'label-{{key}}': '{{value}}' } }, { key: 'k', value: 'v' }, FAST)).toEqual({ labels: { 'label-k': 'v' } });
  });

  test('keeps numbers and booleans, drops null map entries', () => {
    expect(replaceDeep({ a: 1, b: true, c: null, d: ['{{.x}}'] }, { x: 'y' }, GO)).toEqual({ a: 1, b: true, d: ['y'] });
  });

  test('fails with the field path', () => {
    let err: unknown;
    try {
      replaceDeep({ spec: { source: { path: '{{ .missing }}' } } }, {}, { goTemplate: true, goTemplateOptions: ['missingkey=error'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppSetRenderError);
    expect((err as AppSetRenderError).path).toBe('/spec/source/path');
    expect((err as Error).message).toMatch(/^spec\.source\.path: failed to execute go template/);
  });
});

describe('RenderTemplateParams finalizers (TestRenderTemplateParamsFinalizers)', () => {
  const template = (finalizers?: string[]) => ({ metadata: { name: 'app', finalizers }, spec: { project: 'default' } });
  test.each([
    ['existing finalizer is kept', ['existing-finalizer'], false, ['existing-finalizer']],
    ['background finalizer is kept', ['resources-finalizer.argocd.argoproj.io/background'], false, ['resources-finalizer.argocd.argoproj.io/background']],
    ['no finalizer: resources finalizer added', undefined, false, ['resources-finalizer.argocd.argoproj.io']],
    ['resources finalizer is kept once', ['resources-finalizer.argocd.argoproj.io'], false, ['resources-finalizer.argocd.argoproj.io']],
    ['empty list: resources finalizer added', [], false, ['resources-finalizer.argocd.argoproj.io']],
    ['preserveResourcesOnDeletion: none added', undefined, true, undefined],
    ['preserveResourcesOnDeletion: existing kept', ['resources-finalizer.argocd.argoproj.io/background'], true, ['resources-finalizer.argocd.argoproj.io/background']],
  ])('%s', (_name, existing, preserve, expected) => {
    const app = renderApplication(template(existing), { one: 'two' }, GO, { preserveResourcesOnDeletion: preserve });
    expect(app.metadata.finalizers).toEqual(expected);
  });

  test('an empty parameter set leaves the template as written, without a finalizer', () => {
    const app = renderApplication({ metadata: { name: '{{.x}}' }, spec: {} }, {}, GO);
    expect(app.metadata).toEqual({ name: '{{.x}}' });
  });
});

describe('templatePatch', () => {
  test('is rendered, merged, and cannot change the project', () => {
    const app = renderApplication({ metadata: { name: '{{.name}}' }, spec: { project: 'default', source: { repoURL: 'r', path: 'p' } } },
      { name: 'a', auto: true }, GO, {
        templatePatch: '{{- if .auto }}\nspec:\n  project: other\n  syncPolicy:\n    automated: {}\n{{- end }}\n',
        namespace: 'argocd',
      });
    expect(app.spec).toEqual({ project: 'default', source: { repoURL: 'r', path: 'p' }, syncPolicy: { automated: {} } });
    expect(app.metadata).toEqual({ name: 'a', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] });
  });

  test('fails when the patch is not an object', () => {
    expect(() => renderApplication({ metadata: { name: 'a' }, spec: {} }, { x: 'y' }, GO, { templatePatch: '- a' }))
      .toThrow('invalid templatePatch "- a": json: cannot unmarshal array into Go value of type v1alpha1.Application');
  });
});
