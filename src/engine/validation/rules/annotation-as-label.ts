import { ObjectRule } from './rule';
import {
  ANNOTATION_COMPARE_OPTIONS,
  ANNOTATION_HOOK,
  ANNOTATION_HOOK_DELETE_POLICY,
  ANNOTATION_SYNC_OPTIONS,
  ANNOTATION_SYNC_WAVE,
} from '../../core/annotation-keys';
import { pointer } from '../../core/json-pointer';
import { isObject } from '../../core/values';
import { error, Finding, Manifest } from '../problem';

/**
 * Argo CD annotation keys and the rule id reported when one is written as a label. Argo CD and
 * gitops-engine read them only from `metadata.annotations` (gitops-engine pkg/sync/hook/hook.go,
 * pkg/sync/syncwaves/waves.go, pkg/sync/resource/annotations.go, argo-cd v3.5.1
 * controller/sync.go): under `metadata.labels` they are silently ignored.
 */
const ANNOTATIONS_AS_LABELS: ReadonlyArray<readonly [key: string, rule: string]> = [
  [ANNOTATION_SYNC_WAVE, 'sync-wave/label'],
  [ANNOTATION_HOOK, 'hook/label'],
  [ANNOTATION_HOOK_DELETE_POLICY, 'hook/label'],
  [ANNOTATION_SYNC_OPTIONS, 'sync-options/label'],
  [ANNOTATION_COMPARE_OPTIONS, 'compare-options/label'],
];

const q = JSON.stringify;

/** An Argo CD annotation written under `metadata.labels`: Argo CD never reads it there. */
export const annotationAsLabelRule: ObjectRule = {
  id: 'annotation-as-label',
  appliesTo: (object) => isObject(object?.metadata?.labels),
  check(object: Manifest): Finding[] {
    const labels = object.metadata.labels as { [key: string]: unknown };
    const annotations = isObject(object.metadata.annotations) ? object.metadata.annotations as { [key: string]: unknown } : {};
    const findings: Finding[] = [];
    for (let i = 0; i < ANNOTATIONS_AS_LABELS.length; i++) {
      const key = ANNOTATIONS_AS_LABELS[i][0];
      const rule = ANNOTATIONS_AS_LABELS[i][1];
      if (!Object.prototype.hasOwnProperty.call(labels, key)) continue;
      const fix = annotations[key] !== undefined
        ? `remove the label (metadata.annotations already sets ${key}: ${q(annotations[key])})`
        : 'move it to metadata.annotations';
      findings.push(error(rule, pointer('metadata', 'labels', key),
        `${key}: ${q(labels[key])} is a label, and Argo CD reads ${key} only from annotations, so it is silently ignored: ${fix}`));
    }
    return findings;
  },
};
