/**
 * The YAML cdk8s-argocd writes (synth and generate: src/cli/runtime/yaml-stream.ts) is read by
 * Argo CD exactly as written: every generated JSON value, written by our emitter, read back by
 * sigs.k8s.io/yaml's ancestor ghodss/yaml (go-yaml v2, YAML 1.1, as gitops-engine's SplitYAML
 * reads manifests), gives the same JSON.
 */
import * as fc from 'fast-check';
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
// sexagesimals, timestamps, indicators, quotes, comments, colons, multi-line text.
const tricky = fc.constantFrom(
  'yes', 'No', 'ON', 'off', 'y', 'n', 'null', '~', 'true', 'True', '1', '0x1F', '0o17', '017', '1_000', '12:30', '1:20:30', '1e3', '.5', '-.inf',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '', ' lead', 'trail ', 'a: b', 'a #b', '#c', '- x', '*a', '&a', '!t', '@x', '%x', '{a}', '[a]',
  '"q"', "'q'", 'a:', 'http://x:8080/a', "The team's applications", 'ns-*', 'a, b', '<<', '=', '? x', '|', '>', 'line 1\nline 2', 'x\n', 'a\n\nb',
  '  indented\nnext', 'tab\there', 'é ü', '\u2028', 'CreateNamespace=true', '{{.name}}', '{{ .path.basename }}-{{.name}}',
);
const text = fc.oneof(tricky, fc.string(), fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', "'", '"', '\n', '0', '.', '*', '{', 'y', 'e', 's') }));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' },
    text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
})).node;

describe('YAML written by cdk8s-argocd, read by Argo CD (ghodss/yaml, go-yaml v2)', () => {
  test('every generated document reads back as the JSON it was written from', () => {
    const go = GoProgram.build('yaml-read');
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
});
