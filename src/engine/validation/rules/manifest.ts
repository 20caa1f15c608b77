import { groupOf } from '../../core/manifest';
import { error, Finding, Manifest } from '../problem';
import { CrossObjectRule, IndexedFinding, ObjectRule } from './rule';

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
    for (const field of ['apiVersion', 'kind']) {
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
    const seen = new Map<string, number>();
    const out: IndexedFinding[] = [];
    context.objects.forEach((o, index) => {
      if (o === null || typeof o !== 'object' || typeof o.kind !== 'string' || typeof o.metadata?.name !== 'string') return;
      const key = `${groupOf(o)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
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
