import { ObjectRule } from './rule';
import { annotationsOf } from '../../argo/sync-annotations';
import { ANNOTATION_HELM_HOOK_WEIGHT, ANNOTATION_SYNC_WAVE } from '../../core/annotation-keys';
import { atoi } from '../../core/go-strconv';
import { pointer } from '../../core/json-pointer';
import { error, Finding, Manifest } from '../problem';

const q = JSON.stringify;

function integerFix(text: string): string {
  const trimmed = text.trim();
  if (atoi(trimmed) !== undefined) return `write ${q(trimmed)} without spaces`;
  const n = Number(trimmed);
  if (trimmed !== '' && Number.isFinite(n)) return `use a whole number, e.g. ${q(String(Math.round(n)))}`;
  return 'use a whole number such as "0", "1" or "-1"';
}

/**
 * `argocd.argoproj.io/sync-wave` and `helm.sh/hook-weight` must be Go `strconv.Atoi` integers:
 * anything else (`"1.5"`, `" 1"`, `"one"`) silently becomes the Helm weight or 0
 * (gitops-engine `pkg/sync/syncwaves/waves.go`).
 */
export const syncWaveRule: ObjectRule = {
  id: 'sync-wave',
  appliesTo: (object) => {
    // No annotations at all (most objects): nothing below can be set.
    const raw = object?.metadata?.annotations;
    if (raw === undefined || raw === null) return false;
    const a = annotationsOf(object);
    return a[ANNOTATION_SYNC_WAVE] !== undefined || a[ANNOTATION_HELM_HOOK_WEIGHT] !== undefined
      || (object?.metadata?.annotations?.[ANNOTATION_SYNC_WAVE] !== undefined);
  },
  check(object: Manifest): Finding[] {
    const findings: Finding[] = [];
    const raw = object.metadata?.annotations ?? {};
    const a = annotationsOf(object);
    const path = pointer('metadata', 'annotations', ANNOTATION_SYNC_WAVE);
    if (raw[ANNOTATION_SYNC_WAVE] !== undefined && typeof raw[ANNOTATION_SYNC_WAVE] !== 'string') {
      findings.push(error('sync-wave/not-an-integer', path,
        `sync-wave ${q(raw[ANNOTATION_SYNC_WAVE])} is not a string; annotation values must be strings: quote it, e.g. "${raw[ANNOTATION_SYNC_WAVE]}"`));
    } else if (a[ANNOTATION_SYNC_WAVE] !== undefined && atoi(a[ANNOTATION_SYNC_WAVE]) === undefined) {
      findings.push(error('sync-wave/not-an-integer', path,
        `sync-wave ${q(a[ANNOTATION_SYNC_WAVE])} is not an integer Go's strconv.Atoi accepts, so Argo CD silently uses ${a[ANNOTATION_HELM_HOOK_WEIGHT] !== undefined ? 'the helm hook weight' : 'wave 0'}: ${integerFix(a[ANNOTATION_SYNC_WAVE])}`));
    }
    if (a[ANNOTATION_HELM_HOOK_WEIGHT] !== undefined && atoi(a[ANNOTATION_HELM_HOOK_WEIGHT]) === undefined
      && (a[ANNOTATION_SYNC_WAVE] === undefined || atoi(a[ANNOTATION_SYNC_WAVE]) === undefined)) {
      findings.push(error('sync-wave/helm-weight-not-an-integer', pointer('metadata', 'annotations', ANNOTATION_HELM_HOOK_WEIGHT),
        `helm hook weight ${q(a[ANNOTATION_HELM_HOOK_WEIGHT])} is not an integer, so Argo CD silently uses wave 0: ${integerFix(a[ANNOTATION_HELM_HOOK_WEIGHT])}`));
    }
    return findings;
  },
};
