import { hasAnnotations, ObjectRule } from './rule';
import { annotationCsv, annotationsOf } from '../../argo/sync-annotations';
import {
  APPLICATION_COMPARE_OPTIONS, APPLICATION_ONLY_SYNC_OPTIONS, RESOURCE_COMPARE_OPTIONS,
  RESOURCE_NO_OP_SYNC_OPTIONS, RESOURCE_SYNC_OPTIONS, SYNC_OPTION,
} from '../../argo/sync-options';
import { ANNOTATION_COMPARE_OPTIONS, ANNOTATION_SYNC_OPTIONS } from '../../core/annotation-keys';
import { didYouMean } from '../../core/did-you-mean';
import { pointer } from '../../core/json-pointer';
import { groupOf } from '../../core/manifest';
import { error, Finding, Manifest, warning } from '../problem';

const q = JSON.stringify;

function isApplication(object: Manifest): boolean {
  return object.kind === 'Application' && groupOf(object) === 'argoproj.io';
}

/**
 * `argocd.argoproj.io/sync-options` and `argocd.argoproj.io/compare-options` on any object:
 * Argo CD compares option strings exactly (`resource.HasAnnotationOption`) and ignores the rest.
 */
export const resourceOptionsRule: ObjectRule = {
  id: 'resource-options',
  appliesTo: (object) => {
    if (!hasAnnotations(object)) return false;
    const a = annotationsOf(object);
    return a[ANNOTATION_SYNC_OPTIONS] !== undefined || a[ANNOTATION_COMPARE_OPTIONS] !== undefined;
  },
  check(object: Manifest): Finding[] {
    const findings: Finding[] = [];
    const a = annotationsOf(object);
    if (a[ANNOTATION_SYNC_OPTIONS] !== undefined) {
      const path = pointer('metadata', 'annotations', ANNOTATION_SYNC_OPTIONS);
      const options = annotationCsv(a[ANNOTATION_SYNC_OPTIONS]);
      for (const o of options) {
        if (RESOURCE_SYNC_OPTIONS.includes(o)) continue;
        if (RESOURCE_NO_OP_SYNC_OPTIONS.includes(o)) {
          findings.push(warning('sync-options/no-effect', path, `sync option ${q(o)} is already the default and has no effect: remove it`));
        } else if (APPLICATION_ONLY_SYNC_OPTIONS.includes(o)) {
          findings.push(error('sync-options/application-only', path,
            `sync option ${q(o)} is only read from an Application's spec.syncPolicy.syncOptions and is ignored on a resource: move it there`));
        } else {
          const close = didYouMean(o, [...RESOURCE_SYNC_OPTIONS, ...RESOURCE_NO_OP_SYNC_OPTIONS]);
          findings.push(error('sync-options/unknown', path,
            `sync option ${q(o)} is not one Argo CD honours on a resource (options are matched exactly and unknown ones are ignored silently): ${close ? `use ${q(close)}` : `use one of ${RESOURCE_SYNC_OPTIONS.join(', ')}`}`));
        }
      }
      const conflicts: [string, string][] = [
        [SYNC_OPTION.PRUNE_FALSE, SYNC_OPTION.PRUNE_CONFIRM], [SYNC_OPTION.DELETE_FALSE, SYNC_OPTION.DELETE_CONFIRM],
        [SYNC_OPTION.SERVER_SIDE_APPLY, SYNC_OPTION.SERVER_SIDE_APPLY_FALSE],
      ];
      for (const [x, y] of conflicts) {
        if (options.includes(x) && options.includes(y)) {
          findings.push(error('sync-options/conflict', path, `sync options ${q(x)} and ${q(y)} contradict each other: keep one`));
        }
      }
      if (options.includes(SYNC_OPTION.REPLACE) && options.includes(SYNC_OPTION.SERVER_SIDE_APPLY)) {
        findings.push(warning('sync-options/replace-overrides-server-side-apply', path,
          'sync option "Replace=true" takes precedence over "ServerSideApply=true", so the resource is replaced, not server-side applied: keep one'));
      }
      if (options.includes(SYNC_OPTION.REPLACE) && (object.kind === 'CustomResourceDefinition' || object.kind === 'Namespace')) {
        findings.push(warning('sync-options/replace-ignored', path,
          `sync option "Replace=true" is ignored on a ${object.kind}: Argo CD updates CRDs and Namespaces, never replaces them; remove it`));
      }
    }
    if (a[ANNOTATION_COMPARE_OPTIONS] !== undefined) {
      const path = pointer('metadata', 'annotations', ANNOTATION_COMPARE_OPTIONS);
      const app = isApplication(object);
      const allowed = app ? [...RESOURCE_COMPARE_OPTIONS, ...APPLICATION_COMPARE_OPTIONS] : RESOURCE_COMPARE_OPTIONS;
      for (const o of annotationCsv(a[ANNOTATION_COMPARE_OPTIONS])) {
        if (allowed.includes(o)) continue;
        if (!app && APPLICATION_COMPARE_OPTIONS.includes(o)) {
          findings.push(error('compare-options/application-only', path,
            `compare option ${q(o)} is only read from an Application's ${ANNOTATION_COMPARE_OPTIONS} annotation and is ignored on a resource: move it to the Application`));
          continue;
        }
        const close = didYouMean(o, [...RESOURCE_COMPARE_OPTIONS, ...APPLICATION_COMPARE_OPTIONS]);
        findings.push(error('compare-options/unknown', path,
          `compare option ${q(o)} is not one Argo CD knows (options are matched exactly and unknown ones are ignored silently): ${close ? `use ${q(close)}` : `use one of ${allowed.join(', ')}`}`));
      }
    }
    return findings;
  },
};
