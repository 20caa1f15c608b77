import {
  DELETE_HOOK_TYPES, DELETE_POLICY, HELM_DELETE_POLICIES, HELM_HOOK_TYPES,
  KNOWN_DELETE_POLICIES, KNOWN_HOOK_TYPES, skipWithOtherTypesError, SYNC_PHASES,
} from '../../argo/hooks';
import { annotationCsv, annotationsOf, deletePoliciesOf, hookTypesOf, isHook } from '../../argo/sync-annotations';
import {
  ANNOTATION_HELM_HOOK, ANNOTATION_HELM_HOOK_DELETE_POLICY, ANNOTATION_HOOK, ANNOTATION_HOOK_DELETE_POLICY,
} from '../../core/annotation-keys';
import { didYouMean } from '../../core/did-you-mean';
import { pointer } from '../../core/json-pointer';
import { error, Finding, Manifest, warning } from '../problem';
import { hasAnnotations, ObjectRule } from './rule';

const q = JSON.stringify;

function suggestion(value: string, candidates: readonly string[]): string {
  const close = didYouMean(value, candidates);
  return close !== undefined ? `use ${q(close)}` : `use one of ${candidates.join(', ')}`;
}

const HOOK_ANNOTATIONS: readonly string[] = [
  ANNOTATION_HOOK, ANNOTATION_HOOK_DELETE_POLICY, ANNOTATION_HELM_HOOK, ANNOTATION_HELM_HOOK_DELETE_POLICY,
];

function hasAnyHookAnnotation(object: Manifest): boolean {
  const a = annotationsOf(object);
  return HOOK_ANNOTATIONS.some((k) => a[k] !== undefined);
}

/**
 * Resource hooks on any object (gitops-engine `pkg/sync/hook`, Argo CD `controller/hook.go`):
 * Argo CD silently drops hook types and delete policies it does not know, and an object whose
 * hook annotation holds no valid type is then never applied.
 */
export const hookRule: ObjectRule = {
  id: 'hook',
  appliesTo: (object) => hasAnnotations(object) && hasAnyHookAnnotation(object),
  check(object: Manifest): Finding[] {
    const findings: Finding[] = [];
    const a = annotationsOf(object);
    const hookPath = pointer('metadata', 'annotations', ANNOTATION_HOOK);
    const policyPath = pointer('metadata', 'annotations', ANNOTATION_HOOK_DELETE_POLICY);
    const helmPath = pointer('metadata', 'annotations', ANNOTATION_HELM_HOOK);
    const argoTypes = annotationCsv(a[ANNOTATION_HOOK]);

    if (a[ANNOTATION_HOOK] !== undefined) {
      for (const t of argoTypes) {
        if (!KNOWN_HOOK_TYPES.includes(t)) {
          findings.push(error('hook/unknown-type', hookPath,
            `hook type ${q(t)} is not one Argo CD knows, so Argo CD ignores it silently (types are case-sensitive): ${suggestion(t, KNOWN_HOOK_TYPES)}`));
        }
      }
      if (argoTypes.length === 0) {
        findings.push(error('hook/unknown-type', hookPath,
          `${ANNOTATION_HOOK} is empty, so Argo CD treats the object as a hook with no phase and never applies it: set a type such as "PreSync" or remove the annotation`));
      }
    }
    const types = hookTypesOf(object);
    const skipProblem = skipWithOtherTypesError(types);
    if (skipProblem) findings.push(error('hook/skip-with-other-types', hookPath, skipProblem));
    const syncTypes = types.filter((t) => SYNC_PHASES.includes(t));
    const deleteTypes = types.filter((t) => DELETE_HOOK_TYPES.includes(t));
    if (syncTypes.length > 0 && deleteTypes.length > 0) {
      findings.push(warning('hook/delete-with-sync-types', hookPath,
        `hook types ${q(types.join(','))} mix ${deleteTypes.join('/')} with sync hook types; the object then also runs in every sync as a ${syncTypes.join('/')} hook: use a separate object for the deletion hook`));
    }

    // Helm hooks
    if (a[ANNOTATION_HELM_HOOK] !== undefined) {
      const helm = annotationCsv(a[ANNOTATION_HELM_HOOK]);
      const argoValid = argoTypes.some((t) => KNOWN_HOOK_TYPES.includes(t));
      const unmapped = helm.filter((h) => HELM_HOOK_TYPES[h] === undefined && h !== 'crd-install');
      if (argoValid) {
        findings.push(warning('hook/helm-hook-ignored', helmPath,
          `${ANNOTATION_HELM_HOOK} ${q(a[ANNOTATION_HELM_HOOK])} is ignored because ${ANNOTATION_HOOK} is set; Argo CD reads Helm hooks only when no valid Argo CD hook type is present: remove one of the two`));
      } else if (a[ANNOTATION_HELM_HOOK] !== 'crd-install' && isHook(object) && types.length === 0) {
        findings.push(error('hook/helm-unmapped', helmPath,
          `helm hook ${q(a[ANNOTATION_HELM_HOOK])} has no Argo CD equivalent (Argo CD maps only ${Object.keys(HELM_HOOK_TYPES).join(', ')}), so the object is treated as a hook that never runs and is never applied: map it to an Argo CD hook type or remove the annotation`));
      } else if (unmapped.length > 0) {
        findings.push(warning('hook/helm-unmapped', helmPath,
          `helm hook ${unmapped.map((u) => q(u)).join(', ')} has no Argo CD equivalent and is ignored: remove it, Argo CD runs this object only as ${types.join(', ')}`));
      }
    }

    // delete policies
    const policies = annotationCsv(a[ANNOTATION_HOOK_DELETE_POLICY]);
    for (const p of policies) {
      if (!KNOWN_DELETE_POLICIES.includes(p)) {
        findings.push(error('hook/unknown-delete-policy', policyPath,
          `hook delete policy ${q(p)} is not one Argo CD knows, so Argo CD ignores it silently${policies.some((x) => KNOWN_DELETE_POLICIES.includes(x)) ? '' : ' and falls back to BeforeHookCreation'}: ${suggestion(p, KNOWN_DELETE_POLICIES)}`));
      }
    }
    if (a[ANNOTATION_HELM_HOOK_DELETE_POLICY] !== undefined) {
      for (const p of annotationCsv(a[ANNOTATION_HELM_HOOK_DELETE_POLICY])) {
        if (HELM_DELETE_POLICIES[p] === undefined) {
          findings.push(error('hook/unknown-delete-policy', pointer('metadata', 'annotations', ANNOTATION_HELM_HOOK_DELETE_POLICY),
            `helm hook delete policy ${q(p)} is not one Argo CD maps, so it is ignored: ${suggestion(p, Object.keys(HELM_DELETE_POLICIES))}`));
        }
      }
    }
    const hasPolicy = a[ANNOTATION_HOOK_DELETE_POLICY] !== undefined || a[ANNOTATION_HELM_HOOK_DELETE_POLICY] !== undefined;
    if (hasPolicy && !isHook(object)) {
      findings.push(warning('hook/delete-policy-without-hook', a[ANNOTATION_HOOK_DELETE_POLICY] !== undefined ? policyPath : pointer('metadata', 'annotations', ANNOTATION_HELM_HOOK_DELETE_POLICY),
        `a hook delete policy on an object that is not a hook has no effect: add ${ANNOTATION_HOOK} or remove the policy`));
    }

    // generateName hooks with only BeforeHookCreation pile up
    const metadata = object.metadata ?? {};
    if (isHook(object) && types.length > 0 && metadata.name === undefined && typeof metadata.generateName === 'string') {
      const effective = deletePoliciesOf(object);
      if (!effective.includes(DELETE_POLICY.HOOK_SUCCEEDED) && !effective.includes(DELETE_POLICY.HOOK_FAILED)) {
        findings.push(warning('hook/generate-name-accumulates', pointer('metadata', 'generateName'),
          `hook with generateName ${q(metadata.generateName)} gets a new name on every sync, so delete policy ${effective.join(',')} never finds the previous object and old hooks accumulate: add HookSucceeded to ${ANNOTATION_HOOK_DELETE_POLICY}`));
      }
    }
    return findings;
  },
};
