import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { serialize, toYamlDocument } from '../../../src/cli/runtime/yaml-stream';

// generate writes YAML with its own emitter: every JSON value must read back as itself, under
// YAML 1.2 and 1.1 (Argo CD parses with go-yaml, which still knows yes/no/on/off and sexagesimals).
describe('generate YAML emitter', () => {
  const roundTrip = (value: unknown, version: '1.1' | '1.2') => YAML.parse(toYamlDocument(value), { version });

  test('writes a manifest in block style', () => {
    expect(toYamlDocument({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: {} }, data: { 'a.b': 'yes', 'n': '1', 'url': 'https://x.example.com/a', 'multi': 'a\nb' }, list: [{ a: 1, b: [true, null] }, [], 'x'] })).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {}\ndata:\n  a.b: "yes"\n  "n": "1"\n  url: https://x.example.com/a\n  multi: |-\n    a\n    b\nlist:\n  - a: 1\n    b:\n      - true\n      - null\n  - []\n  - x\n',
    );
  });

  test.each(['yes', 'No', 'ON', 'off', 'y', 'n', 'null', '~', 'true', '1', '0x1F', '1_000', '12:30', '1e3', '2001-12-14', '.inf', '-1', '', ' lead', 'trail ', 'a: b', 'a #b', '#c', '- x', '*a', '&a', '!t', '@x', '%x', '{a}', '[a]', '\u2028', '\u0085', 'tab\t', '"q"', "'q'", 'a:'])('a string %j reads back as itself', (s) => {
    expect(roundTrip({ k: s, [s]: 'v' }, '1.2')).toEqual({ k: s, [s]: 'v' });
    expect(roundTrip({ k: s }, '1.1')).toEqual({ k: s });
  });

  test('any JSON value reads back as itself', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const parsed = roundTrip(value, '1.2');
      // as JSON text: -0 is written `-0` (as cdk8s writes it) and read back as -0, which JSON writes 0
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(value));
      expect(roundTrip(value, '1.1')).toEqual(parsed);
    }), { numRuns: 500 });
  });

  test('a stream of documents', () => {
    const objects = [{ kind: 'A', apiVersion: 'v1' }, { kind: 'B', apiVersion: 'v1' }];
    expect(YAML.parseAllDocuments(serialize(objects, 'yaml')).map((d) => d.toJS())).toEqual(objects);
    expect(YAML.parseAllDocuments(serialize(objects, 'json')).map((d) => d.toJS())).toEqual(objects);
  });

  test('writes multi-line strings as literal blocks that read back exactly', () => {
    expect(toYamlDocument({ data: { 'policy.csv': 'p, a, b\ng, c, d\n', 'msg': 'line 1\n  indented\n\nlast' }, list: ['a\nb'] })).toBe(
      'data:\n  policy.csv: |\n    p, a, b\n    g, c, d\n  msg: |-\n    line 1\n      indented\n\n    last\nlist:\n  - |-\n    a\n    b\n',
    );
  });

  test('any multi-line string reads back as itself, as a block or a JSON string', () => {
    const line = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '#', ':', '-', '"', "'", '|', '>', '\\', '{', '[', 'é', '\u2028', '\r', 'x') });
    const text = fc.array(line, { minLength: 2, maxLength: 5 }).map((ls) => ls.join('\n'));
    fc.assert(fc.property(text, fc.boolean(), (t, trailing) => {
      const value = { k: trailing ? `${t}\n` : t, l: [t] };
      expect(roundTrip(value, '1.2')).toEqual(value);
      expect(roundTrip(value, '1.1')).toEqual(value);
    }), { numRuns: 2000 });
  });
});
