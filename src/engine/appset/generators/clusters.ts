/**
 * The cluster generator (applicationset/generators/cluster.go@v3.5.1) over cluster Secrets given
 * offline: Secrets labelled `argocd.argoproj.io/secret-type: cluster` that match the selector,
 * one per cluster name (the last wins), `data` base64-decoded and `stringData` over it as the API
 * server merges them; the in-cluster entry added last unless a selector is set or a Secret
 * already points at the in-cluster server. Argo CD walks a Go map (random order); the offline
 * expansion orders clusters by name.
 */
import { IN_CLUSTER_NAME, IN_CLUSTER_SERVER } from '../../argo/destinations';
import { LABEL_SECRET_TYPE } from '../../core/annotation-keys';
import { isObject } from '../../core/values';
import { sanitizeName } from '../../template';
import { AppSetRenderError, ParamSet, RenderMode } from '../render';
import { isEmptySelector, selectorError, selectorMatches } from '../selector';
import { appendTemplatedValues } from './values';

/** A cluster Secret's decoded data (`data` base64, then `stringData`). */
export function clusterSecretData(secret: { [key: string]: any }): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  if (isObject(secret.data)) {
    for (const [k, v] of Object.entries(secret.data)) if (typeof v === 'string') out[k] = Buffer.from(v, 'base64').toString('utf-8');
  }
  if (isObject(secret.stringData)) {
    for (const [k, v] of Object.entries(secret.stringData)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/** The parameter sets of a clusters generator. Throws AppSetRenderError. */
export function clustersParams(gen: { [key: string]: any }, secrets: readonly unknown[], mode: RenderMode): ParamSet[] {
  const selector = isObject(gen.selector) ? gen.selector : {};
  const problem = selectorError(selector);
  if (problem) throw new AppSetRenderError(`error getting cluster secrets: error converting label selector: ${problem}`, '/selector');
  const byName = new Map<string, { [key: string]: any }>();
  for (const s of secrets) {
    if (!isObject(s) || s.kind !== 'Secret') continue;
    const labels: { [key: string]: string } = isObject(s.metadata?.labels) ? s.metadata.labels : {};
    if (labels[LABEL_SECRET_TYPE] !== 'cluster' || !selectorMatches(selector, labels)) continue;
    byName.set(clusterSecretData(s).name ?? '', s);
  }
  const ordered = [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  const out: ParamSet[] = [];
  for (const secret of ordered) {
    const data = clusterSecretData(secret);
    const params: ParamSet = {
      name: data.name ?? '',
      nameNormalized: sanitizeName(data.name ?? ''),
      server: data.server ?? '',
      project: data.project ?? '',
    };
    const annotations: { [key: string]: string } = isObject(secret.metadata?.annotations) ? secret.metadata.annotations : {};
    const labels: { [key: string]: string } = isObject(secret.metadata?.labels) ? secret.metadata.labels : {};
    if (mode.goTemplate) {
      const meta: { [key: string]: unknown } = {};
      if (Object.keys(annotations).length > 0) meta.annotations = { ...annotations };
      if (Object.keys(labels).length > 0) meta.labels = { ...labels };
      params.metadata = meta;
    } else {
      for (const [k, v] of Object.entries(annotations)) params[`metadata.annotations.${k}`] = v;
      for (const [k, v] of Object.entries(labels)) params[`metadata.labels.${k}`] = v;
    }
    withValues(gen.values, params, mode, 'error appending templated values for cluster');
    out.push(params);
  }
  const hasInCluster = ordered.some((s) => clusterSecretData(s).server === IN_CLUSTER_SERVER);
  if (isEmptySelector(selector) && !hasInCluster) {
    const params: ParamSet = { name: IN_CLUSTER_NAME, nameNormalized: IN_CLUSTER_NAME, server: IN_CLUSTER_SERVER, project: '' };
    withValues(gen.values, params, mode, 'error appending templated values for local cluster');
    out.push(params);
  }
  return gen.flatList === true ? [{ clusters: out }] : out;
}

function withValues(values: unknown, params: ParamSet, mode: RenderMode, context: string): void {
  try {
    appendTemplatedValues(values, params, mode);
  } catch (e) {
    if (e instanceof AppSetRenderError) {
      throw new AppSetRenderError(`${context}: failed to replace templated string: failed to replace templated string with rendered values: ${e.goMessage}`, '/values');
    }
    throw e;
  }
}
