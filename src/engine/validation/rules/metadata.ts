import { isDns1123Label, isDns1123Subdomain, labelValueError, qualifiedNameError, toDns1123 } from '../../core/dns';
import { pointer } from '../../core/json-pointer';
import { error, Finding, Manifest } from '../problem';
import { ObjectRule } from './rule';

/** Kubernetes' TotalAnnotationSizeLimitB (apimachinery `ValidateAnnotationsSize`). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * `qualifiedNameError` of label and annotation keys, remembered: the same few keys come back on
 * every object. At most 1,000 keys (emptied when full).
 */
const keyProblems = new Map<string, string | undefined>();
const KEY_PROBLEMS_SIZE = 1000;

function keyProblemOf(key: string): string | undefined {
  // Longer than any valid key (a 253-character prefix, "/", a 63-character name): not kept.
  if (key.length > 317) return qualifiedNameError(key);
  if (keyProblems.has(key)) return keyProblems.get(key);
  const problem = qualifiedNameError(key);
  if (keyProblems.size >= KEY_PROBLEMS_SIZE) keyProblems.clear();
  keyProblems.set(key, problem);
  return problem;
}

/** The keys and values of `metadata.labels` or `metadata.annotations`, and the annotations' total size. */
function checkMap(metadata: Manifest, field: 'labels' | 'annotations', rule: string, findings: Finding[]): void {
  const map = metadata[field];
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return;
  // Object.entries' keys (own enumerable: for...in skips the others), without building the
  // entries: this runs for every Argo CD object.
  let maxSize = 0;
  for (const key in map) {
    if (!hasOwnProperty.call(map, key)) continue;
    const value = map[key];
    const keyProblem = keyProblemOf(key);
    if (keyProblem) {
      findings.push(error(`${rule}-key`, pointer('metadata', field, key),
        `${field.slice(0, -1)} key ${JSON.stringify(key)} ${keyProblem}: use a key like "example.com/my-key"`));
    }
    if (field === 'labels' && typeof value === 'string') {
      const valueProblem = labelValueError(value);
      if (valueProblem) {
        findings.push(error('metadata/label-value', pointer('metadata', field, key),
          `label ${JSON.stringify(key)} has value ${JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value)}, which ${valueProblem}: shorten it or move it to an annotation`));
      }
    }
    if (field === 'annotations') {
      // A UTF-16 code unit is at most 3 UTF-8 bytes: count bytes only when that bound is over the limit.
      maxSize += 3 * (key.length + (typeof value === 'string' ? value.length : 0));
    }
  }
  if (field === 'annotations' && maxSize > TOTAL_ANNOTATION_SIZE_LIMIT) {
    let size = 0;
    for (const key in map) {
      if (!hasOwnProperty.call(map, key)) continue;
      const value = map[key];
      size += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      findings.push(error('metadata/annotations-size', '/metadata/annotations',
        `metadata.annotations total ${size} bytes, more than Kubernetes' limit of ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (256 KiB): move large values into a ConfigMap`));
    }
  }
}

/**
 * `metadata` of Argo CD objects, which the CRD schemas leave unchecked (`type: object`):
 * the name the API server and Argo CD require (`IsValidAppName` / `IsValidProjectName` use
 * NameIsDNSSubdomain, util/argo/argo.go), label and annotation keys and values, and the total
 * annotation size (apimachinery ValidateObjectMeta).
 */
export const metadataRule: ObjectRule = {
  id: 'metadata',
  appliesTo: (object, ctx) => ctx.isArgoCdKind(object),
  check(object: Manifest): Finding[] {
    const findings: Finding[] = [];
    const metadata = object.metadata;
    if (metadata === undefined || metadata === null || typeof metadata !== 'object') {
      return [error('metadata/name', '/metadata', `${object.kind} has no metadata: add metadata.name`)];
    }
    const name = metadata.name;
    if (typeof name === 'string') {
      if (!isDns1123Subdomain(name)) {
        findings.push(error('metadata/name', '/metadata/name',
          `metadata.name ${JSON.stringify(name)} is not a valid DNS-1123 subdomain (at most 253 lower-case letters, digits, "-" or ".", starting and ending with a letter or digit): use e.g. "${toDns1123(name)}"`));
      }
    } else if (name === undefined && typeof metadata.generateName !== 'string') {
      findings.push(error('metadata/name', '/metadata/name', `${object.kind} has no metadata.name: add one (a DNS-1123 subdomain such as "guestbook")`));
    }
    if (typeof metadata.namespace === 'string' && !isDns1123Label(metadata.namespace)) {
      findings.push(error('metadata/namespace', '/metadata/namespace',
        `metadata.namespace ${JSON.stringify(metadata.namespace)} is not a valid DNS-1123 label (at most 63 lower-case letters, digits or "-"): use e.g. "${toDns1123(metadata.namespace, 63).replace(/\./g, '-')}"`));
    }
    checkMap(metadata, 'labels', 'metadata/label', findings);
    checkMap(metadata, 'annotations', 'metadata/annotation', findings);
    return findings;
  },
};
