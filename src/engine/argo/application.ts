/**
 * Application facts of Argo CD v3.5.1: which sources an Application uses, and the shape rules a
 * construct can check where the user wrote them (pkg/apis/application/v1alpha1/types.go
 * `GetSource`/`HasMultipleSources`, util/argo/argo.go `GetRefSources`).
 */
import { Manifest } from '../core/manifest';
import { isObject } from '../core/values';

/** `^[a-zA-Z0-9_-]+$`: util/argo/argo.go `GetRefSources`. */
export const REF_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** The sources an Application actually uses, with their JSON pointers (sourceHydrator > sources > source). */
export function applicationSources(spec: Manifest): Array<{ source: Manifest; ptr: string }> {
  if (Array.isArray(spec.sources) && spec.sources.length > 0 && !isObject(spec.sourceHydrator)) {
    return spec.sources.map((s: unknown, i: number) => ({ source: isObject(s) ? s : {}, ptr: `/spec/sources/${i}` }));
  }
  if (isObject(spec.sourceHydrator)) {
    const dry = spec.sourceHydrator.drySource;
    return isObject(dry) ? [{ source: dry, ptr: '/spec/sourceHydrator/drySource' }] : [];
  }
  if (isObject(spec.source)) return [{ source: spec.source, ptr: '/spec/source' }];
  return [];
}


/** The source fields Argo CD reads in precedence order: sourceHydrator > sources > source. */
export const SOURCE_FORMS: readonly string[] = ['sourceHydrator', 'sources', 'source'];

/**
 * Several of source, sources and sourceHydrator: Argo CD uses only the first by precedence and
 * ignores the rest.
 */
export function sourceFormsError(forms: readonly string[], at = 'spec'): string | undefined {
  if (forms.length < 2) return undefined;
  const winner = SOURCE_FORMS.find((f) => forms.includes(f))!;
  return `${at} sets ${forms.join(' and ')}, but Argo CD uses only ${winner} (precedence sourceHydrator > sources > source) and ignores the rest: keep one of ${forms.join(', ')}`;
}

/** Two sources of a multi-source Application with the same `name` (or the same `ref`). */
export function duplicateSourceFieldError(field: 'name' | 'ref', value: string, at: string, firstAt: string): string {
  return field === 'ref'
    ? `${at}.ref ${JSON.stringify(value)} is already used by ${firstAt}: give every ref source a unique ref`
    : `${at}.name ${JSON.stringify(value)} is already used by ${firstAt}: source names must be unique`;
}
