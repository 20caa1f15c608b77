import {
  DELETE_HOOK_TYPES, DELETE_POLICY, HELM_DELETE_POLICIES, HOOK_TYPE, HELM_HOOK_TYPES, KNOWN_DELETE_POLICIES, KNOWN_HOOK_TYPES, SYNC_PHASES,
} from './hooks';
import {
  ANNOTATION_HELM_HOOK,
  ANNOTATION_HELM_HOOK_DELETE_POLICY,
  ANNOTATION_HELM_HOOK_WEIGHT,
  ANNOTATION_HOOK,
  ANNOTATION_HOOK_DELETE_POLICY,
  ANNOTATION_SYNC_OPTIONS,
  ANNOTATION_SYNC_WAVE,
} from '../core/annotation-keys';
import { atoi } from '../core/go-strconv';
import { Manifest } from '../core/manifest';


/**
 * How Argo CD v3.5.1 reads the sync annotations of one object: pure functions that mirror
 * gitops-engine `pkg/sync/hook`, `pkg/sync/hook/helm`, `pkg/sync/syncwaves` and
 * `pkg/sync/resource` at Argo CD v3.5.1.
 */

/** The annotations of an object as a string map (non-string values are ignored, as Go would fail to decode them). */
export function annotationsOf(object: Manifest): { [key: string]: string } {
  const metadata = object?.metadata;
  const annotations = metadata !== null && typeof metadata === 'object' ? metadata.annotations : undefined;
  if (annotations === null || typeof annotations !== 'object' || Array.isArray(annotations)) return {};
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(annotations)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `resource.GetAnnotationCSVs`: split on ",", trim, drop empty values and duplicates. */
export function annotationCsv(value: string | undefined): string[] {
  if (value === undefined) return [];
  const seen = new Set<string>();
  for (const item of value.split(',')) {
    const v = item.trim();
    if (v !== '') seen.add(v);
  }
  return [...seen];
}

/** `syncwaves.Wave`: the sync-wave annotation, else the Helm hook weight, else 0. */
export function waveOf(object: Manifest): number {
  const a = annotationsOf(object);
  if (a[ANNOTATION_SYNC_WAVE] !== undefined) {
    const wave = atoi(a[ANNOTATION_SYNC_WAVE]);
    if (wave !== undefined) return wave;
  }
  if (a[ANNOTATION_HELM_HOOK_WEIGHT] !== undefined) {
    return atoi(a[ANNOTATION_HELM_HOOK_WEIGHT]) ?? 0;
  }
  return 0;
}

/** `hook.Types` (+ Argo CD's delete hooks): valid Argo CD hook types, else the mapped Helm ones. */
export function hookTypesOf(object: Manifest): string[] {
  const a = annotationsOf(object);
  const types = annotationCsv(a[ANNOTATION_HOOK]).filter((t) => KNOWN_HOOK_TYPES.includes(t));
  if (types.length > 0) return types;
  const helm: string[] = [];
  for (const h of annotationCsv(a[ANNOTATION_HELM_HOOK])) {
    const mapped = HELM_HOOK_TYPES[h];
    if (mapped !== undefined && !helm.includes(mapped)) helm.push(mapped);
  }
  return helm;
}

/** `hook.Skip`: `Skip` is the sole valid hook type. */
export function isSkipped(object: Manifest): boolean {
  const types = hookTypesOf(object);
  return types.includes(HOOK_TYPE.SKIP) && types.length === 1;
}

/** `hook.IsHook`: the Argo CD hook annotation is present (and not a sole Skip), or a Helm hook other than `crd-install`. */
export function isHook(object: Manifest): boolean {
  const a = annotationsOf(object);
  if (a[ANNOTATION_HOOK] !== undefined) return !isSkipped(object);
  return a[ANNOTATION_HELM_HOOK] !== undefined && a[ANNOTATION_HELM_HOOK] !== 'crd-install';
}

/** `hook.DeletePolicies`: valid Argo CD policies, else mapped Helm ones, else `BeforeHookCreation`. */
export function deletePoliciesOf(object: Manifest): string[] {
  const a = annotationsOf(object);
  const policies = annotationCsv(a[ANNOTATION_HOOK_DELETE_POLICY]).filter((p) => KNOWN_DELETE_POLICIES.includes(p));
  if (policies.length > 0) return policies;
  const helm: string[] = [];
  for (const h of annotationCsv(a[ANNOTATION_HELM_HOOK_DELETE_POLICY])) {
    const mapped = HELM_DELETE_POLICIES[h];
    if (mapped !== undefined && !helm.includes(mapped)) helm.push(mapped);
  }
  return helm.length > 0 ? helm : [DELETE_POLICY.BEFORE_HOOK_CREATION];
}

/**
 * A sync wave given as a number (by a construct): Argo CD reads the annotation with Go's
 * `strconv.Atoi` and silently uses 0 for anything that is not an integer.
 */
export function syncWaveValueError(wave: number): string | undefined {
  if (Number.isSafeInteger(wave)) return undefined;
  return `sync wave must be an integer, got ${wave}: Argo CD reads the wave with Go's strconv.Atoi and silently uses 0 for anything else; use e.g. ${Number.isFinite(wave) ? Math.round(wave) : 0}`;
}

/** The sync phases an object runs in (gitops-engine `syncPhases`); empty when it is never applied by a sync. */
export function syncPhasesOf(object: Manifest): string[] {
  if (isSkipped(object)) return [];
  if (!isHook(object)) return ['Sync'];
  const types = hookTypesOf(object);
  return SYNC_PHASES.filter((p) => types.includes(p));
}

/** Whether the object is a hook whose only types are PreDelete/PostDelete (controller/state.go removes it from the sync). */
export function isDeleteOnlyHook(object: Manifest): boolean {
  if (!isHook(object)) return false;
  const types = hookTypesOf(object);
  return types.length > 0 && types.every((t) => DELETE_HOOK_TYPES.includes(t));
}

/** `resource.HasAnnotationOption` for the sync-options annotation. */
export function hasSyncOption(object: Manifest, option: string): boolean {
  return annotationCsv(annotationsOf(object)[ANNOTATION_SYNC_OPTIONS]).includes(option);
}
