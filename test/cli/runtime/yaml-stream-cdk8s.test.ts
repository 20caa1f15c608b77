import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { serialize, toYamlDocument } from '../../../src/cli/runtime/yaml-stream';
import { REFERENCE_APPS, referenceApp } from '../../reference-apps';

// generate's YAML must be byte for byte what `cdk8s synth` writes for the same objects: cdk8s's
// Yaml.stringify, i.e. the `yaml` library with these options (node_modules/cdk8s/lib/yaml.js),
// except where go-yaml v2, which Argo CD reads manifests with, would read the library's choice as
// something else (the deliberate differences of src/cli/runtime/yaml-stream.ts, named below).
const cdk8sYaml = (value: unknown): string => YAML.stringify(value, { keepUndefined: true, lineWidth: 0, version: '1.1' });

// --- the deliberate differences, by name ----------------------------------------------------------

/**
 * 1. Characters go-yaml rejects (U+007F–U+009F but U+0085, U+FFFE, U+FFFF), reads as a line break
 * (U+0085, U+2028, U+2029), or drops as a byte order mark (U+FEFF starting a document).
 */
const hasCharacterGoYamlCannotReadRaw = (s: string): boolean => /[\u007f-\u009f\u2028\u2029\ufffe\uffff]|^\ufeff/.test(s);

/**
 * 2. A string go-yaml resolves as a number (resolve.go: every `_` removed, then Go's ParseInt and
 * ParseUint with base 0, or its float pattern) when it starts with a sign or a digit.
 */
const goYamlReadsAsNumber = (s: string): boolean => /^[-+0-9]/.test(s)
  && /^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?)$/.test(s.split('_').join(''));

/** 3. Multi-line text go-yaml cannot read back from a literal block: blanks and line breaks only, or a first non-empty line starting with a tab. */
const goYamlCannotReadAsBlock = (s: string): boolean => s.includes('\n') && (/^[\t \n]*$/.test(s) && /[\t ]/.test(s) || /^\n*\t/.test(s));

/**
 * 4. A line of one space in a double-quoted string (one with a control character, or whose last
 * line is blanks only) long enough (40 characters of JSON) for `yaml` to write its line breaks as
 * folded lines: `yaml` writes the line `\\ `, read back as a backslash.
 */
const yamlWritesOneSpaceLineAsBackslash = (s: string): boolean => s.includes('\n \n') && JSON.stringify(s).length >= 40
  && (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(s) || /\n[\t ]+$/.test(s) || goYamlCannotReadAsBlock(s));

/** 5. The key `<<`, which `yaml` writes plain: a merge key to go-yaml. */
const isMergeKey = (key: string): boolean => key === '<<';

const deliberate = (s: string): boolean =>
  hasCharacterGoYamlCannotReadRaw(s) || goYamlReadsAsNumber(s) || goYamlCannotReadAsBlock(s) || yamlWritesOneSpaceLineAsBackslash(s);

/** Whether a key or a string in a JSON value is one of the deliberate differences. */
function involvesDeliberateDifference(v: unknown): boolean {
  if (typeof v === 'string') return deliberate(v);
  if (Array.isArray(v)) return v.some(involvesDeliberateDifference);
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).some(([k, x]) => deliberate(k) || isMergeKey(k) || involvesDeliberateDifference(x));
  }
  return false;
}

// --- JSON values like the ones charts render ------------------------------------------------------

const typical = fc.constantFrom(
  '8h', '25%', '1500m', '0 22 * * *', '*/5 * * * *', '10Gi', '0.5', '1.0', 'v1.2.3', '3s', '1h30m', '100Mi', '2001-12-14', '12:30', '1:20:30', '0x1F',
  '1_000', '017', '08', '1e3', '.5', '-.inf', '.nan', '-0', '+1', '1e400', 'yes', 'No', 'ON', 'off', 'y', 'n',
  'null', 'Null', '~', 'true', 'False', '<<', '=', '-', '?', ':', '-x', '?x', ':x', '- x', '? x', 'a: b', 'a:b', 'a #b', 'a#b', '#c', 'a:', 'a ', ' a',
  '---', '---x', '...', '%x', '@x', '`x', '!t', '&a', '*a', '|', '>', '{a}', '[a]', 'a, b', '"q"', "'q'", 'a"b', 'a\'b', 'a"b\'c', 'http://x:8080/a',
  "The team's applications", 'ns-*', 'CreateNamespace=true', '{{.name}}', '{{ .path.basename }}-{{.name}}', 'é ü', '日本', 'tab\there', 'a\u00a0b', 'a\ufeffb',
  'x\n', 'a\nb', 'a\n\nb', 'a\n\n', '\n', '\n\n', ' a\nb', '  indented\nnext', '\nlead', 'a \nb', 'a\n ', 'a\n\t',
  'p, role:a, apps, get, */*, allow\ng, team, role:a\n', 'line one is long enough to be folded\n  then indented\n\nand last\n',
  'a long line that needs quotes: and more text\nwith a second line\n', 'tab\tand "quotes" and a line break\n\nlast \n', '\r\n', 'a\r\nb',
  '\u0000', '\u001b[0m', '\u0007', 'x'.repeat(90), `${'word '.repeat(30)}end`, '',
);
const unit = fc.constantFrom('a', 'b', 'z', 'A', '0', '1', '9', ' ', ' ', '\t', '\n', '\n', ':', '#', '-', '?', '.', ',', '_', '/', '*', '%', '@', '&', '!',
  '|', '>', '{', '}', '[', ']', '"', "'", '`', '~', '<', '=', '+', 'e', 'E', 'x', 'o', 'y', 'n', 'é', '日', '😀', '\r', '\u0000', '\u00a0');
const text = fc.oneof(
  { arbitrary: typical, weight: 4 },
  { arbitrary: fc.string({ unit, maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit, minLength: 30, maxLength: 80 }), weight: 1 },
  { arbitrary: fc.array(fc.string({ unit, maxLength: 8 }), { minLength: 2, maxLength: 5 }).map((l) => l.join('\n')), weight: 2 },
);
const key = fc.oneof(
  fc.constantFrom('name', 'app.kubernetes.io/name', 'argocd.argoproj.io/sync-wave', 'policy.csv', 'a.b', 'x/y', '0', '1', '8h', 'on', 'true', '', 'key with spaces', '--x'),
  text,
);
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, -1e21, 1.5e-7, Number.MAX_SAFE_INTEGER, 2 ** 64, 0.1, -3.25),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    text, number, fc.boolean(), fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 5 })),
})).node;
const manifest = fc.dictionary(key, json, { minKeys: 1, maxKeys: 6 });

describe('generate writes what cdk8s synth writes (yaml@2.9.1, lineWidth 0, YAML 1.1)', () => {
  test('the same bytes for any JSON value, but for the deliberate differences', () => {
    let compared = 0;
    let runs = 0;
    fc.assert(fc.property(fc.oneof({ arbitrary: manifest, weight: 4 }, json), (value) => {
      runs++;
      if (involvesDeliberateDifference(value)) return;
      compared++;
      expect(toYamlDocument(value)).toBe(cdk8sYaml(value));
    }), { numRuns: 6000 });
    // the predicate leaves most values to compare
    expect(compared).toBeGreaterThan(runs * 0.6);
  });

  test('examples of each rule', () => {
    const value = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { 'name': 'a', 'labels': {}, 'app.kubernetes.io/name': 'x', '8h': '25%', '0': 1 },
      data: {
        'cron': '0 22 * * *',
        'quantity': '1500m',
        'version': '1.0',
        'on': 'yes',
        'empty': '',
        'hash': 'a #b',
        'colon': 'a: b',
        'plain-quotes': 'it\'s "x"',
        'dq': '"hi" she said',
        'both': '"it\'s"',
        'single': "'x'",
        'final-newline': 'x\n',
        'no-final-newline': 'a\nb',
        'kept': 'a\n\n',
        'lead': '  indented\nnext',
        'only-newline': '\n',
        'trailing-blank-line': 'a\n  ',
        'control': 'bell\u0007',
        'crlf': 'a\r\nb',
      },
      list: [[1, [2]], [], {}, [{ a: null }], -0, 1e21, true, null],
    };
    expect(toYamlDocument(value)).toBe(cdk8sYaml(value));
    expect(toYamlDocument(value)).toBe(`apiVersion: v1
kind: ConfigMap
metadata:
  "0": 1
  name: a
  labels: {}
  app.kubernetes.io/name: x
  8h: 25%
data:
  cron: 0 22 * * *
  quantity: 1500m
  version: "1.0"
  "on": "yes"
  empty: ""
  hash: "a #b"
  colon: "a: b"
  plain-quotes: it's "x"
  dq: '"hi" she said'
  both: "\\"it's\\""
  single: "'x'"
  final-newline: |
    x
  no-final-newline: |-
    a
    b
  kept: |+
    a

  lead: |2-
      indented
    next
  only-newline: |+
    
  trailing-blank-line: "a\\n  "
  control: "bell\\a"
  crlf: "a\\r\\nb"
list:
  - - 1
    - - 2
  - []
  - {}
  - - a: null
  - -0
  - 1e+21
  - true
  - null
`);
  });

  test('long keys are explicit, long double-quoted text is written on several lines', () => {
    const long = 'k'.repeat(1100);
    const value = {
      [long]: { a: 1 },
      [`${long}2`]: 'v',
      text: 'a long line with a bell\u0007 and more text\n with a second line\n\n\nand "quotes" \'both\'\n',
      inner: { list: ['a long line with a bell\u0007 and more text\n  second\n'] },
    };
    const written = toYamlDocument(value);
    expect(written).toBe(cdk8sYaml(value));
    expect(written).toContain(`? ${long}\n: a: 1\n? ${long}2\n: v\n`);
    expect(written).toContain(`text: "a long line with a bell\\a and more text

  \\ with a second line



  and \\"quotes\\" 'both'\\n"
inner:
  list:
    - "a long line with a bell\\a and more text

      \\  second\\n"
`);
    expect(YAML.parse(written, { version: '1.1' })).toEqual(value);
  });

  test('a whole document that is a scalar', () => {
    for (const value of ['x', '---x', '--- x', 'a\nb', ' a\nb', '', 'yes', 1, null, [], {}, ['---x'], { '---x': 1, 'a': { '---x': 1 } }]) {
      expect(toYamlDocument(value)).toBe(cdk8sYaml(value));
    }
  });

  describe('deliberate differences: a form go-yaml v2 reads back as written', () => {
    // Each string as a value and as a key, with the form we write.
    test.each([
      // 1. characters go-yaml cannot read raw: escaped in double quotes
      ['a\u007fb', '"a\\x7fb"'],
      ['a\u0085b', '"a\\Nb"'],
      ['a\u009fb', '"a\\x9fb"'],
      ['\u2028', '"\\L"'],
      ['a\u2029b', '"a\\Pb"'],
      ['\ufeffx', '"\\ufeffx"'],
      ['x\uffff', '"x\\uffff"'],
      ['it\'s\u0085"', '"it\'s\\N\\""'],
      // 2. numbers to go-yaml, not to the `yaml` library's YAML 1.1 schema: quoted
      ['0o17', '"0o17"'],
      ['0O17', '"0O17"'],
      ['0X1F', '"0X1F"'],
      ['-0B11', '"-0B11"'],
      ['+_1', '"+_1"'],
      ['1e_3', '"1e_3"'],
      ['0_x1F', '"0_x1F"'],
      ['1__0.5e+_3', '"1__0.5e+_3"'],
      // 3. blocks go-yaml cannot read: quoted
      [' \n', '"\\ \\n"'],
      ['\t\n', '"\\t\\n"'],
      ['\n \n', '"\\n\\ \\n"'],
      ['\ta\nb', '"\\ta\\nb"'],
      ['\n\n\tx', '"\\n\\n\\tx"'],
    ])('%j is written %s', (s, form) => {
      expect(deliberate(s)).toBe(true);
      const doc = { k: s, list: [s], [s]: 1 };
      const written = toYamlDocument(doc);
      expect(written).not.toBe(cdk8sYaml(doc));
      expect(written).toBe(`k: ${form}\nlist:\n  - ${form}\n${form}: 1\n`);
      expect(YAML.parse(written, { version: '1.1' })).toEqual(doc);
    });

    test('any string of a deliberate case is quoted and reads back as itself', () => {
      const unusual = fc.constantFrom('\u0085', '\u2028', '\u2029', '\u007f', '\u009f', '\ufeff', '\uffff', '\t', '_', 'O', 'X', 'B');
      const cases = fc.oneof(
        fc.constantFrom('0o17', '0X1F', '0B11', '+_1', '1e_3', '0_x1F', ' \n', '\t\n', '\n\ta', '\ta\nb', '\u0085', 'a\u2028b', '\ufeff', `a\u0007${'b'.repeat(40)}\n \nc`),
        fc.tuple(text, unusual, text).map(([a, u, b]) => a + u + b),
      ).filter(deliberate);
      fc.assert(fc.property(cases, (s) => {
        expect(toYamlDocument({ k: s })).toMatch(/^k: ["']/);
        expect(toYamlDocument([s])).toMatch(/^- ["']/);
        expect(toYamlDocument({ [s]: 1 })).toMatch(/^["']/);
        const written = toYamlDocument({ k: s, [s]: [s] });
        expect(YAML.parse(written, { version: '1.1' })).toEqual({ k: s, [s]: [s] });
      }), { numRuns: 2000 });
    });
  });
});

describe('the reference apps: generate writes each chart as cdk8s synth does', () => {
  // The apps import 'cdk8s-argocd': here, the sources.
  jest.mock('cdk8s-argocd', () => jest.requireActual('../../../src'), { virtual: true });

  test.each(REFERENCE_APPS)('apps/%s', (name) => {
    const app = referenceApp(name);
    let documents = 0;
    for (const chart of app.charts) {
      const objects = chart.toJson();
      documents += objects.length;
      // object by object first, so that a difference shows as a diff of one small document
      for (const o of objects) {
        expect({ object: `${o.kind}/${o.metadata?.name}`, yaml: toYamlDocument(o) }).toEqual({ object: `${o.kind}/${o.metadata?.name}`, yaml: Yaml.stringify(o) });
      }
      // the chart's file as cdk8s synth writes it
      expect(serialize(objects, 'yaml')).toBe(Yaml.stringify(...objects));
    }
    expect(documents).toBeGreaterThan(0);
  });
});
