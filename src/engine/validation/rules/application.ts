import { didYouMean } from '../../core/did-you-mean';
import { fieldPath, pointer } from '../../core/json-pointer';
import { error, Finding, Manifest, warning } from '../problem';
import { ObjectRule } from './rule';
import { applicationSources, duplicateSourceFieldError, REF_PATTERN, SOURCE_FORMS, sourceFormsError } from '../../argo/application';
import { destinationFormError } from '../../argo/destinations';
import { APPLICATION_NO_OP_SYNC_OPTIONS, APPLICATION_SYNC_OPTIONS, SYNC_OPTION } from '../../argo/sync-options';
import { isGoDuration } from '../../core/go-duration';
import { isObject, str } from '../../core/values';

const q = (v: unknown) => JSON.stringify(v);

/** The sync options Argo CD acts on or accepts as a no-op: an option among them needs no finding. */
const KNOWN_SYNC_OPTIONS: ReadonlySet<string> = new Set([...APPLICATION_SYNC_OPTIONS, ...APPLICATION_NO_OP_SYNC_OPTIONS]);

/** The fields a source can be given in, in the order messages list them. */
const FORM_FIELDS: readonly string[] = ['source', 'sources', 'sourceHydrator'];

/** The source tools, of which a source may use one. */
const SOURCE_TOOLS: readonly string[] = ['helm', 'kustomize', 'directory', 'plugin'];

/** Checks one sync option string; exported for the constructs. */
export function syncOptionFinding(option: string, ptr: string, rule = 'application/sync-option'): Finding | undefined {
  if (KNOWN_SYNC_OPTIONS.has(option)) return undefined;
  const exactCaseInsensitive = [...APPLICATION_SYNC_OPTIONS, ...APPLICATION_NO_OP_SYNC_OPTIONS]
    .find((o) => o.toLowerCase() === option.trim().toLowerCase());
  if (exactCaseInsensitive) {
    return error(rule, ptr, `sync option ${q(option)} does nothing: Argo CD compares sync options as exact, case-sensitive strings; use ${q(exactCaseInsensitive)}`);
  }
  const key = option.split('=')[0].trim();
  if (key.toLowerCase() === 'retry') {
    // Retries are not a sync option: they are spec.syncPolicy.retry (v1alpha1 RetryStrategy).
    return warning(rule, ptr, `sync option ${q(option)} is not a sync option, so Argo CD ignores it and never retries: use spec.syncPolicy.retry (e.g. retry: { limit: 5, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } }) and remove ${q(option)}`);
  }
  const sameKey = APPLICATION_SYNC_OPTIONS.filter((o) => o.split('=')[0].toLowerCase() === key.toLowerCase());
  if (sameKey.length > 0) {
    return error(rule, ptr, `sync option ${q(option)} is not a value Argo CD recognises: use one of ${sameKey.map(q).join(', ')}`);
  }
  const suggestion = didYouMean(option, APPLICATION_SYNC_OPTIONS);
  return warning(rule, ptr, `sync option ${q(option)} is not an Application sync option Argo CD v3.5.1 knows, so it is ignored: ${suggestion ? `did you mean ${q(suggestion)}?` : `use one of ${APPLICATION_SYNC_OPTIONS.map(q).join(', ')}`}`);
}

function checkSource(source: Manifest, ptr: string, multi: boolean, findings: Finding[]): void {
  // The readable path (fieldPath) is only built for a message: most sources have nothing to report.
  if (typeof source.repoURL !== 'string' || source.repoURL === '') {
    findings.push(error('application/source', pointer(...ptr.slice(1).split('/'), 'repoURL'), `${fieldPath(ptr)} has no repoURL: set the Git, Helm or OCI repository URL`));
  }
  const hasPath = typeof source.path === 'string' && source.path !== '';
  const hasChart = typeof source.chart === 'string' && source.chart !== '';
  const hasRef = typeof source.ref === 'string' && source.ref !== '';
  if (!hasPath && !hasChart && !(multi && hasRef)) {
    findings.push(error('application/source', ptr,
      `${fieldPath(ptr)} has neither path nor chart${multi ? ' nor ref' : ''}: set path (a directory in the repository) or chart (a Helm repository chart)${multi ? ', or ref to use it only for $ref value files' : ''}`));
  }
  if (hasChart && (typeof source.targetRevision !== 'string' || source.targetRevision === '')) {
    findings.push(error('application/source', `${ptr}/targetRevision`, `${fieldPath(ptr)} has chart ${q(source.chart)} but no targetRevision: Argo CD needs the chart version, e.g. "1.2.3" or "1.*"`));
  }
  let toolCount = 0;
  for (let i = 0; i < SOURCE_TOOLS.length; i++) {
    const t = SOURCE_TOOLS[i];
    if (source[t] !== undefined && source[t] !== null) toolCount++;
  }
  if (toolCount > 1) {
    const tools = SOURCE_TOOLS.filter((t) => source[t] !== undefined && source[t] !== null);
    findings.push(error('application/source', ptr, `${fieldPath(ptr)} sets ${tools.join(' and ')}, but a source uses one tool only (ExplicitType rejects several): keep one of ${tools.join(', ')}`));
  }
  if (!multi && hasRef && ptr === '/spec/source') {
    findings.push(warning('application/multi-source-ref', `${ptr}/ref`, `spec.source.ref ${q(source.ref)} has no meaning in a single-source Application: move the source into spec.sources or remove ref`));
  }
}

/** Whether `list[i]` is also at an earlier index. */
function listedBefore(list: readonly unknown[], i: number): boolean {
  for (let j = 0; j < i; j++) if (list[j] === list[i]) return true;
  return false;
}

/** The source fields the spec sets, in FORM_FIELDS order (an empty `sources` list sets nothing). */
function sourceFormsOf(spec: Manifest): readonly string[] {
  const set = (k: string) => spec[k] !== undefined && spec[k] !== null && !(k === 'sources' && Array.isArray(spec[k]) && spec[k].length === 0);
  // Almost every Application sets exactly one: no list to build then.
  if (set('source') && !set('sources') && !set('sourceHydrator')) return ONLY_SOURCE;
  return FORM_FIELDS.filter(set);
}

const ONLY_SOURCE: readonly string[] = ['source'];

function checkRetry(spec: Manifest, findings: Finding[]): void {
  const backoff = spec.syncPolicy?.retry?.backoff;
  if (!isObject(backoff)) return;
  for (const key of ['duration', 'maxDuration']) {
    const v = backoff[key];
    if (v === undefined || v === null) continue;
    // types.go parseStringToDuration: an integer means seconds, otherwise time.ParseDuration
    if (typeof v === 'string' && (/^-?\d+$/.test(v) || isGoDuration(v))) continue;
    findings.push(error('application/retry-duration', pointer('spec', 'syncPolicy', 'retry', 'backoff', key),
      `spec.syncPolicy.retry.backoff.${key} ${q(v)} is not a Go duration: use an integer number of seconds or a duration such as "5s", "2m" or "1h" (no "d" unit)`));
  }
}

function checkMultiSource(spec: Manifest, findings: Finding[]): void {
  if (!Array.isArray(spec.sources) || isObject(spec.sourceHydrator)) return;
  const refs = new Map<string, number>();
  const names = new Map<string, number>();
  spec.sources.forEach((s: unknown, i: number) => {
    if (!isObject(s)) return;
    if (typeof s.ref === 'string' && s.ref !== '') {
      if (!REF_PATTERN.test(s.ref)) {
        findings.push(error('application/multi-source-ref', pointer('spec', 'sources', i, 'ref'),
          `spec.sources[${i}].ref ${q(s.ref)} must match ^[a-zA-Z0-9_-]+$: use e.g. ${q(s.ref.replace(/[^a-zA-Z0-9_-]+/g, '-') || 'values')}`));
      }
      if (refs.has(s.ref)) {
        findings.push(error('application/multi-source-ref', pointer('spec', 'sources', i, 'ref'),
          duplicateSourceFieldError('ref', s.ref, `spec.sources[${i}]`, `spec.sources[${refs.get(s.ref)}]`)));
      } else {
        refs.set(s.ref, i);
      }
      if (typeof s.chart === 'string' && s.chart !== '') {
        findings.push(error('application/multi-source-ref', pointer('spec', 'sources', i, 'chart'),
          `spec.sources[${i}] sets both ref ${q(s.ref)} and chart ${q(s.chart)}: a ref source cannot be a Helm repository chart; point ref at a Git repository`));
      }
    }
    if (typeof s.name === 'string' && s.name !== '') {
      if (names.has(s.name)) {
        findings.push(error('application/multi-source-ref', pointer('spec', 'sources', i, 'name'),
          duplicateSourceFieldError('name', s.name, `spec.sources[${i}]`, `spec.sources[${names.get(s.name)}]`)));
      } else {
        names.set(s.name, i);
      }
    }
  });
  spec.sources.forEach((s: unknown, i: number) => {
    if (!isObject(s) || !isObject(s.helm) || !Array.isArray(s.helm.valueFiles)) return;
    s.helm.valueFiles.forEach((file: unknown, j: number) => {
      if (typeof file !== 'string') return;
      const ptr = pointer('spec', 'sources', i, 'helm', 'valueFiles', j);
      const idx = file.indexOf('$');
      if (idx > 0) {
        findings.push(error('application/multi-source-ref', ptr,
          `spec.sources[${i}].helm.valueFiles[${j}] ${q(file)} has "$" in the middle: a $ref is only recognised at the start of the path, e.g. "$values/path/values.yaml"`));
      } else if (idx === 0) {
        const ref = file.slice(1).split('/')[0];
        if (!refs.has(ref)) {
          const hint = didYouMean(ref, [...refs.keys()]);
          findings.push(error('application/multi-source-ref', ptr,
            `spec.sources[${i}].helm.valueFiles[${j}] ${q(file)} refers to $${ref}, but no source has ref ${q(ref)}: ${hint ? `did you mean "$${hint}"?` : `add a source with ref: ${q(ref)}`}`));
        }
      }
    });
  });
}

function checkHydrator(spec: Manifest, findings: Finding[]): void {
  const h = spec.sourceHydrator;
  if (!isObject(h)) return;
  const rule = 'application/source-hydrator';
  if (!isObject(h.drySource) || typeof h.drySource.repoURL !== 'string' || h.drySource.repoURL === '') {
    findings.push(error(rule, '/spec/sourceHydrator/drySource', 'spec.sourceHydrator.drySource.repoURL is missing: set the repository of the dry manifests'));
  }
  if (!isObject(h.syncSource) || typeof h.syncSource.targetBranch !== 'string' || h.syncSource.targetBranch === '') {
    findings.push(error(rule, '/spec/sourceHydrator/syncSource', 'spec.sourceHydrator.syncSource.targetBranch is missing: set the branch hydrated manifests are pushed to, e.g. "env/prod"'));
  }
  if (isObject(h.syncSource) && typeof h.syncSource.path === 'string' && !/^(.{2,}|[^./])$/.test(h.syncSource.path)) {
    findings.push(error(rule, '/spec/sourceHydrator/syncSource/path',
      `spec.sourceHydrator.syncSource.path ${q(h.syncSource.path)} is the repository root, where Argo CD refuses to write: use a subdirectory such as "hydrated"`));
  }
  if (isObject(h.hydrateTo) && (typeof h.hydrateTo.targetBranch !== 'string' || h.hydrateTo.targetBranch === '')) {
    findings.push(error(rule, '/spec/sourceHydrator/hydrateTo', 'spec.sourceHydrator.hydrateTo has no targetBranch: set it or remove hydrateTo'));
  }
}

/**
 * Argo CD's run-time rules for Applications (reference argocd-spec.md section g): names,
 * destination, sources, multi-source refs, source hydrator, sync options, retry durations.
 */
export const applicationRule: ObjectRule = {
  id: 'application',
  appliesTo: (o) => o.apiVersion === 'argoproj.io/v1alpha1' && o.kind === 'Application',
  check(object: Manifest): Finding[] {
    const findings: Finding[] = [];
    const spec: Manifest = isObject(object.spec) ? object.spec : {};
    const name = object.metadata?.name;

    // Sources: sourceHydrator > sources > source (types.go GetSource / HasMultipleSources).
    const forms = sourceFormsOf(spec);
    const formsProblem = sourceFormsError(forms);
    if (formsProblem) {
      findings.push(error('application/source', `/spec/${SOURCE_FORMS.find((f) => forms.includes(f))}`, formsProblem));
    } else if (forms.length === 0) {
      findings.push(error('application/source', '/spec', 'Application has no source: set spec.source, spec.sources or spec.sourceHydrator'));
    }
    const multi = Array.isArray(spec.sources) && spec.sources.length > 0 && !isObject(spec.sourceHydrator);
    const sources = applicationSources(spec);
    if (!isObject(spec.sourceHydrator)) {
      for (const { source, ptr } of sources) checkSource(source, ptr, multi, findings);
    }
    checkMultiSource(spec, findings);
    checkHydrator(spec, findings);

    // Destination: util/argo/argo.go GetDestinationServer / ValidateDestination.
    const d = spec.destination;
    if (isObject(d)) {
      const destProblem = destinationFormError(str(d.server), str(d.name));
      if (destProblem) findings.push(error('application/destination', '/spec/destination', destProblem));
    }

    // Name length: resource tracking and Helm release names.
    if (typeof name === 'string' && name.length > 53) {
      const helm = sources.find(({ source }) => (typeof source.chart === 'string' && source.chart !== '') || isObject(source.helm));
      const releaseName = helm && isObject(helm.source.helm) ? helm.source.helm.releaseName : undefined;
      if (helm && !releaseName && name.length > 53) {
        findings.push(warning('application/name-length', '/metadata/name',
          `Application name ${q(name)} is ${name.length} characters long, and Helm release names default to it but may have at most 53: shorten the name or set helm.releaseName`));
      } else if (name.length > 63) {
        findings.push(warning('application/name-length', '/metadata/name',
          `Application name ${q(name)} is ${name.length} characters long; label-based resource tracking (app.kubernetes.io/instance) truncates names above 63: shorten it to at most 63 characters`));
      }
    }

    // Sync options and retry.
    const policy = spec.syncPolicy;
    if (isObject(policy)) {
      const options: unknown[] = Array.isArray(policy.syncOptions) ? policy.syncOptions : [];
      for (let i = 0; i < options.length; i++) {
        const o = options[i];
        if (typeof o !== 'string' || KNOWN_SYNC_OPTIONS.has(o)) continue;
        const f = syncOptionFinding(o, pointer('spec', 'syncPolicy', 'syncOptions', i));
        if (f) findings.push(f);
      }
      // A short list is searched; a long one remembers what it has seen.
      const seen = options.length > 16 ? new Set<string>() : undefined;
      for (let i = 0; i < options.length; i++) {
        const o = options[i];
        if (typeof o !== 'string') continue;
        if (seen ? seen.has(o) : listedBefore(options, i)) {
          findings.push(warning('application/sync-option', pointer('spec', 'syncPolicy', 'syncOptions', i), `sync option ${q(o)} is listed twice: remove the duplicate`));
        }
        seen?.add(o);
      }
      if (isObject(policy.managedNamespaceMetadata) && !options.includes(SYNC_OPTION.CREATE_NAMESPACE)) {
        findings.push(warning('application/sync-option', '/spec/syncPolicy/managedNamespaceMetadata',
          'spec.syncPolicy.managedNamespaceMetadata is applied only with the sync option "CreateNamespace=true": add it or remove managedNamespaceMetadata'));
      }
      checkRetry(spec, findings);
    }
    return findings;
  },
};
