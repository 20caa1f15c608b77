import { groupOf } from '../../core/manifest';
import { error, Finding, Manifest } from '../problem';
import { CrossObjectRule, IndexedFinding, ObjectRule } from './rule';

const TYPE_FIELDS: readonly string[] = ['apiVersion', 'kind'];

/**
 * Every document must be an object with `apiVersion` and `kind`: Argo CD parses each one into
 * `unstructured.Unstructured` and fails the whole render otherwise (gitops-engine kube.SplitYAML).
 */
export const manifestShapeRule: ObjectRule = {
  id: 'manifest',
  appliesTo: () => true,
  check(object: Manifest): Finding[] {
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      return [error('manifest/not-an-object', '', `a manifest must be a YAML map with apiVersion and kind, got ${Array.isArray(object) ? 'a list' : JSON.stringify(object)}`)];
    }
    const findings: Finding[] = [];
    for (const field of TYPE_FIELDS) {
      if (typeof object[field] !== 'string' || object[field] === '') {
        findings.push(error('manifest/missing-type', `/${field}`,
          `${field} is ${object[field] === undefined ? 'missing' : `${JSON.stringify(object[field])}, not a non-empty string`}: Argo CD cannot parse an object without apiVersion and kind; add it`));
      }
    }
    return findings;
  },
};

/**
 * Two objects with the same group, kind, namespace and name: the later one silently replaces the
 * earlier one when applied, and Argo CD reports `RepeatedResourceWarning`
 * (controller/state.go, "appeared N times among application resources").
 */
export const duplicateObjectRule: CrossObjectRule = {
  id: 'manifest/duplicate',
  check(context): IndexedFinding[] {
    // The objects seen, by the last "/"-separated part of their name (the name itself, for every
    // valid name): two objects can only have the same key if that part is the same, so the key
    // (a new string per object) is only built for objects that share it.
    const byNameTail = new Map<string, number | Array<{ index: number; key: string }>>();
    const out: IndexedFinding[] = [];
    const keyOf = (o: Manifest) => `${groupOf(o)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    context.objects.forEach((o, index) => {
      if (o === null || typeof o !== 'object' || typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') return;
      const name: string = o.metadata.name;
      const slash = name.lastIndexOf('/');
      const tail = slash < 0 ? name : name.slice(slash + 1);
      let seen = byNameTail.get(tail);
      if (seen === undefined) {
        byNameTail.set(tail, index);
        return;
      }
      if (typeof seen === 'number') byNameTail.set(tail, (seen = [{ index: seen, key: keyOf(context.objects[seen]) }]));
      const key = keyOf(o);
      const first = seen.find((s) => s.key === key)?.index;
      if (first === undefined) {
        seen.push({ index, key });
      } else {
        out.push({
          index,
          finding: error('manifest/duplicate', '/metadata/name',
            `${o.kind} ${JSON.stringify(o.metadata.name)}${o.metadata.namespace ? ` in namespace ${JSON.stringify(o.metadata.namespace)}` : ''} is defined twice (also object #${first}); Argo CD applies only one of them: rename or remove one`),
        });
      }
    });
    return out;
  },
};
