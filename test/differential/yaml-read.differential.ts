/**
 * The YAML cdk8s-argocd writes (synth and generate: src/cli/runtime/yaml-stream.ts) is read by
 * Argo CD exactly as written: every generated JSON value, written by our emitter, read back by
 * sigs.k8s.io/yaml's ancestor ghodss/yaml (go-yaml v2, YAML 1.1, as gitops-engine's SplitYAML
 * reads manifests), gives the same JSON.
 */
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { GoProgram } from './go-program';
import { toYamlDocument } from '../../src/cli/runtime/yaml-stream';

interface Output { readonly json?: unknown; readonly error?: string }

/** JSON with sorted keys (Go's encoding/json sorts map keys). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as { [k: string]: unknown })[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

// Strings rich in what YAML 1.1 reads specially: booleans, nulls, numbers of every base,
// sexagesimals, timestamps, indicators, quotes, comments, colons, multi-line text (blocks with
// indentation indicators and chomping, long double-quoted text written on several lines).
const tricky = fc.constantFrom(
  'yes', 'No', 'ON', 'off', 'y', 'n', 'null', '~', 'true', 'True', '1', '0x1F', '0o17', '0X1F', '0B1', '017', '1_000', '+_1', '1e_3', '12:30', '1:20:30', '1e3',
  '.5', '-.inf', '8h', '25%', '1500m', '0 22 * * *', '1.0', '-0', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '', ' lead', 'trail ', 'a: b', 'a #b', '#c',
  '- x', '-x', '?x', ':x', '*a', '&a', '!t', '@x', '%x', '{a}', '[a]', '"q"', "'q'", 'a"b', 'a"b\'c', 'a:', 'http://x:8080/a', "The team's applications",
  'ns-*', 'a, b', '<<', '=', '? x', '|', '>', '---', '---x', '...', 'line 1\nline 2', 'x\n', 'a\n\nb', 'a\n\n', '\n', '\n\n', ' \n', '\t\n', '\n \n',
  '\ta\nb', '\n\tx', '  indented\nnext', '\nlead', 'a\n ', 'tab\there', 'é ü', '\u2028', '\u0085', '\u007f', '\ufeff', '\ufeffk', 'a\ufeffb', 'CreateNamespace=true',
  '{{.name}}', '{{ .path.basename }}-{{.name}}', 'bell\u0007 and a long line of text\n \nand "quotes" \'both\'\n', 'a\r\nb',
);
const unit = fc.constantFrom('a', ' ', ' ', '\t', ':', '#', '-', "'", '"', '\n', '\n', '0', '.', '*', '{', 'y', 'e', 's', '_', '\r', '\u0007', '\u0085', '\u2028', 'é');
const text = fc.oneof(tricky, fc.string(), fc.string({ unit }), fc.string({ unit, minLength: 30, maxLength: 90 }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' },
    text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;

let built: GoProgram | undefined;
const oracle = (): GoProgram => built ??= GoProgram.build('yaml-read');

describe('YAML written by cdk8s-argocd, read by Argo CD (ghodss/yaml, go-yaml v2)', () => {
  test('every generated document reads back as the JSON it was written from', () => {
    const go = oracle();
    const docs = fc.sample(fc.dictionary(text, value, { minKeys: 1, maxKeys: 6 }), { numRuns: 20000, seed: 42 });
    const answers = go.run<{ yaml: string }, Output>(docs.map((d) => ({ yaml: toYamlDocument(d) })));
    const disagreements = docs.flatMap((d, i) => {
      const expected = JSON.parse(JSON.stringify(d));
      const a = answers[i];
      return a.error !== undefined || canonical(a.json) !== canonical(expected)
        ? [{ written: toYamlDocument(d), expected, read: a.error ?? a.json }] : [];
    });
    // eslint-disable-next-line no-console
    console.log(`yaml: ${docs.length} documents, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  // The deliberate differences of src/cli/runtime/yaml-stream.ts from what cdk8s writes (the `yaml`
  // library): for each, go-yaml reads the library's form as something else, and ours as written.
  test.each([
    ['1. a character go-yaml rejects', { k: 'a\u007fb' }],
    ['1. U+0085, a line break to go-yaml', { k: 'a\u0085b' }],
    ['1. U+2028, a line break to go-yaml', { k: 'a\u2028b' }],
    ['1. U+FEFF starting a document, a byte order mark to go-yaml', { '\ufeffk': 'v' }],
    ['2. a number to go-yaml (0o)', { k: '0o17' }],
    ['2. a number to go-yaml (0X)', { k: '0X1F' }],
    ['2. a number to go-yaml (underscores removed)', { k: '+_1' }],
    ['3. a block of blanks only', { k: ' \n' }],
    ['3. a block whose first line starts with a tab', { k: '\ta\nb' }],
    ['4. a line of one space in long double-quoted text', { k: 'bell\u0007 and a long line of text\n \nlast' }],
    ['5. the key <<', { '<<': 'v' }],
  ])('%s', (_name, doc) => {
    const go = oracle();
    const cdk8s = YAML.stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' });
    const ours = toYamlDocument(doc);
    expect(ours).not.toBe(cdk8s);
    const [theirs, mine] = go.run<{ yaml: string }, Output>([{ yaml: cdk8s }, { yaml: ours }]);
    expect(theirs.error !== undefined || canonical(theirs.json) !== canonical(doc)).toBe(true);
    expect(mine).toEqual({ json: doc });
  });
});
