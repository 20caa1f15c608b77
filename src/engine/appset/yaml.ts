/**
 * YAML as the ApplicationSet controller reads it (sigs.k8s.io/yaml over go-yaml v2: YAML 1.1
 * scalars, so `yes`/`no` are booleans), for elementsYaml, git generator files and templatePatch.
 */
import * as YAML from 'yaml';

/** Parses one YAML (or JSON) document; throws with the parser's message. */
export function parseYaml(text: string): unknown {
  const doc = YAML.parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(`yaml: ${doc.errors[0].message.split('\n')[0]}`);
  return doc.toJS({ maxAliasCount: 1000 }) ?? null;
}
