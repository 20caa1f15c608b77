/**
 * Offline ApplicationSet expansion: the Applications the ApplicationSet controller of Argo CD
 * v3.5.1 would create (applicationset/controllers/template/template.go GenerateApplications,
 * applicationset/generators/generator_spec_processor.go Transform, matrix.go, merge.go).
 *
 * Generators that read a cluster or a repository take them from `inputs` (cluster Secrets, a
 * local checkout); generators that ask a remote API take their parameter sets from
 * `inputs.params`. Where Argo CD iterates a Go map (cluster Secrets, merged parameter sets) the
 * order here is fixed: clusters by name, merges in the base generator's order.
 */
import { AppSetExpansionError } from './errors';
import { COMBINING_GENERATOR_KINDS, generatorKindsOf, GENERATORS_WITH_VALUES, MAX_COMBINING_DEPTH, REMOTE_GENERATOR_KINDS } from '../argo/application-set';
import { pointer } from '../core/json-pointer';
import { isObject } from '../core/values';
import { clustersParams } from './generators/clusters';
import { gitParams } from './generators/git';
import { listParams } from './generators/list';
import { remoteParams, RemoteParams } from './generators/remote';
import { AppSetRenderError, AppSetTemplate, ParamSet, Params, RenderMode, renderApplication, replace, replaceDeep } from './render';
import { flattenParams, selectorError, selectorMatches } from './selector';

export { AppSetExpansionError };

/** What an offline expansion reads instead of a cluster, a repository or a remote API. */
export interface ExpandInputs {
  /**
   * A local checkout for the git generators (every git generator reads it).
   * @default - git generators cannot be expanded (an error names them)
   */
  readonly repoDir?: string;
  /**
   * Cluster Secrets (`argocd.argoproj.io/secret-type: cluster`) for the clusters generators.
   * @default - only the implicit in-cluster entry
   */
  readonly clusters?: readonly object[];
  /**
   * Parameter sets of remote generators, by generator JSON pointer or by kind.
   * @default - remote generators cannot be expanded (an error names them)
   */
  readonly params?: RemoteParams;
}

interface Context {
  readonly mode: RenderMode;
  readonly inputs: ExpandInputs;
}

interface TransformResult {
  readonly params: ParamSet[];
  readonly template: AppSetTemplate;
}

const q = (v: unknown) => JSON.stringify(v);

/** Whether a value is what mergo considers empty (a zero value). */
function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === 0 || v === false
    || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
}

/** mergo.Merge(dst, src): fills the empty fields of dst from src, recursively (no override). */
export function mergeTemplates(dst: unknown, src: unknown): unknown {
  if (isEmpty(dst)) return src === undefined ? dst : structuredClone(src);
  if (isObject(dst) && isObject(src)) {
    const out: { [key: string]: unknown } = { ...dst };
    for (const [k, v] of Object.entries(src)) out[k] = mergeTemplates(out[k], v);
    return out;
  }
  return dst;
}

/** mergo.Merge(dst, src, mergo.WithOverride) on parameter maps: src wins unless its value is empty. */
export function mergeParamsOverride(dst: ParamSet, src: ParamSet): ParamSet {
  const out: ParamSet = { ...dst };
  for (const [k, v] of Object.entries(src)) {
    const cur = out[k];
    if (isObject(cur) && isObject(v)) out[k] = mergeParamsOverride(cur, v);
    else if (!isEmpty(v) || cur === undefined) out[k] = v;
  }
  return out;
}

/** utils.CombineStringMaps: both printed as strings; the same key with two values is an error. */
function combineStringMaps(a: ParamSet, b: ParamSet): ParamSet {
  const res: ParamSet = {};
  for (const [k, v] of Object.entries(a)) res[k] = flattenParams({ v }).v ?? '';
  for (const [k, v] of Object.entries(b)) {
    const s = flattenParams({ v }).v ?? '';
    if (Object.prototype.hasOwnProperty.call(res, k) && res[k] !== s) {
      throw new AppSetRenderError(`found duplicate key ${k} with different value, a: ${res[k]} ,b: ${s}`, '');
    }
    res[k] = s;
  }
  return res;
}

/** InterpolateGenerator: the matrix's second child rendered with a parameter set of the first. */
function interpolateGenerator(gen: { [key: string]: any }, params: ParamSet, mode: RenderMode): { [key: string]: any } {
  const resolveOptions = mode.goTemplate
    ? [...mode.goTemplateOptions.filter((o) => !o.startsWith('missingkey=')), 'missingkey=error'] : mode.goTemplateOptions;
  const p = new Params(params);
  const valuesPaths = new Map(GENERATORS_WITH_VALUES.map((k) => [pointer(k, 'values'), k]));
  const skip = (at: string): unknown => {
    const kind = valuesPaths.get(at);
    if (kind === undefined || !isObject(gen[kind]) || !isObject(gen[kind].values)) return undefined;
    const out: { [key: string]: string } = {};
    for (const [k, v] of Object.entries(gen[kind].values)) {
      try {
        out[k] = replace(String(v), p, { goTemplate: mode.goTemplate, goTemplateOptions: resolveOptions });
      } catch (e) {
        if (!(e instanceof AppSetRenderError)) throw e;
        // A parameter the second generator adds itself: keep the template for later.
        if (e.goMessage.includes('map has no entry for key') || e.goMessage.includes("can't evaluate field")) {
          out[k] = String(v);
          continue;
        }
        throw new AppSetRenderError(`failed to replace parameters in generator: failed to pre-resolve Values key ${q(k)}: ${e.goMessage}`, at);
      }
    }
    return out;
  };
  try {
    return replaceDeep(gen, p, mode, '', skip) as { [key: string]: any };
  } catch (e) {
    if (e instanceof AppSetRenderError && !e.goMessage.startsWith('failed to replace parameters in generator')) {
      throw new AppSetRenderError(`failed to replace parameters in generator: ${e.goMessage}`, e.path);
    }
    throw e;
  }
}

function prefixed(e: unknown, ptr: string): never {
  if (e instanceof AppSetRenderError) throw new AppSetRenderError(e.goMessage, `${ptr}${e.path}`);
  throw e;
}

/**
 * Transform: the parameter sets (after the post-selector) and merged template of every generator
 * kind an entry of `generators[]` sets. `depth` is 1 at the top level.
 */
function transform(gen: { [key: string]: any }, ptr: string, base: AppSetTemplate, ctx: Context, depth: number,
  genParams: ParamSet | undefined): TransformResult[] {
  const selector = gen.selector;
  const selProblem = selectorError(selector);
  if (selProblem) throw new AppSetRenderError(`error parsing label selector: ${selProblem}`, `${ptr}/selector`);
  const kinds = generatorKindsOf(gen).filter((k) => depth < MAX_COMBINING_DEPTH + 1 || !COMBINING_GENERATOR_KINDS.includes(k));
  const interpolated = genParams !== undefined && Object.keys(genParams).length > 0
    ? (() => {
      try {
        return interpolateGenerator(gen, genParams, ctx.mode);
      } catch (e) {
        return prefixed(e, ptr);
      }
    })() : gen;
  const results: TransformResult[] = [];
  for (const kind of kinds) {
    const spec = isObject(interpolated[kind]) ? interpolated[kind] : {};
    const template = mergeTemplates(isObject(gen[kind]?.template) ? gen[kind].template : {}, base) as AppSetTemplate;
    const at = `${ptr}/${kind}`;
    let params: ParamSet[];
    try {
      params = generateParams(kind, spec, at, ctx, depth);
    } catch (e) {
      return prefixed(e, e instanceof AppSetRenderError && e.path.startsWith('/spec/') ? '' : at);
    }
    const filtered = selector === undefined || selector === null ? params
      : params.filter((p) => selectorMatches(selector, flattenParams(p)));
    results.push({ params: filtered, template });
  }
  return results;
}

function generateParams(kind: string, spec: { [key: string]: any }, at: string, ctx: Context, depth: number): ParamSet[] {
  switch (kind) {
    case 'list': return listParams(spec, ctx.mode);
    case 'clusters': return clustersParams(spec, ctx.inputs.clusters ?? [], ctx.mode);
    case 'git': return gitParams(spec, ctx.inputs.repoDir, ctx.mode);
    case 'matrix': return matrixParams(spec, at, ctx, depth);
    case 'merge': return mergeParams(spec, at, ctx, depth);
    default:
      if (REMOTE_GENERATOR_KINDS.includes(kind)) return remoteParams(kind, spec, at, ctx.inputs.params, ctx.mode);
      throw new AppSetRenderError(`unknown generator ${q(kind)}`, '');
  }
}

/** A child of a matrix or merge: exactly one generator kind, its parameter sets. */
function childParams(child: unknown, ptr: string, ctx: Context, depth: number, genParams: ParamSet | undefined): ParamSet[] {
  const results = transform(isObject(child) ? child : {}, ptr, {}, ctx, depth + 1, genParams);
  if (results.length === 0) throw new AppSetRenderError('child generator returned an error on parameter generation: child generator generated no parameters', ptr);
  if (results.length > 1) throw new AppSetRenderError('child generator returned an error on parameter generation: found more than one generator in matrix.Generators', ptr);
  return results[0].params;
}

function matrixParams(spec: { [key: string]: any }, at: string, ctx: Context, depth: number): ParamSet[] {
  const children: unknown[] = Array.isArray(spec.generators) ? spec.generators : [];
  if (children.length < 2) throw new AppSetRenderError('found less than two generators, Matrix support only two', '/generators');
  if (children.length > 2) throw new AppSetRenderError('found more than two generators, Matrix support only two', '/generators');
  const res: ParamSet[] = [];
  const first = childParams(children[0], `${at}/generators/0`, ctx, depth, undefined);
  for (const a of first) {
    const second = childParams(children[1], `${at}/generators/1`, ctx, depth, a);
    for (const b of second) {
      res.push(ctx.mode.goTemplate ? mergeParamsOverride(mergeParamsOverride({}, b), a) : combineStringMaps(a, b));
    }
  }
  return res;
}

function mergeKeyOf(keys: readonly string[], params: ParamSet): string {
  const sorted = [...new Set(keys)].sort();
  return `{${sorted.map((k) => `${q(k)}:${JSON.stringify(params[k] ?? null)}`).join(',')}}`;
}

function byMergeKey(keys: readonly string[], sets: ParamSet[]): Map<string, ParamSet> {
  if (keys.length === 0) throw new AppSetRenderError('error getting param sets by merge key: no merge keys were specified, Merge requires at least one', '/mergeKeys');
  const out = new Map<string, ParamSet>();
  for (const s of sets) {
    const k = mergeKeyOf(keys, s);
    if (out.has(k)) {
      throw new AppSetRenderError(`error getting param sets by merge key: the parameters from a generator were not unique by the given mergeKeys, Merge requires all param sets to be unique. Duplicate key was ${k}`, '/mergeKeys');
    }
    out.set(k, s);
  }
  return out;
}

function mergeParams(spec: { [key: string]: any }, at: string, ctx: Context, depth: number): ParamSet[] {
  const children: unknown[] = Array.isArray(spec.generators) ? spec.generators : [];
  if (children.length < 2) throw new AppSetRenderError('found less than two generators, Merge requires two or more', '/generators');
  const keys: string[] = Array.isArray(spec.mergeKeys) ? spec.mergeKeys.map(String) : [];
  const sets = children.map((c, i) => {
    try {
      return childParams(c, `${at}/generators/${i}`, ctx, depth, undefined);
    } catch (e) {
      if (e instanceof AppSetRenderError) {
        throw new AppSetRenderError(`error getting param sets from generators: error getting params from generator ${i + 1} of ${children.length}: ${e.goMessage}`, e.path);
      }
      throw e;
    }
  });
  const base = byMergeKey(keys, sets[0]);
  for (const other of sets.slice(1)) {
    const overrides = byMergeKey(keys, other);
    for (const [k, b] of base) {
      const o = overrides.get(k);
      if (o !== undefined) base.set(k, ctx.mode.goTemplate ? mergeParamsOverride(b, o) : { ...b, ...o });
    }
  }
  return [...base.values()];
}

/** The rendering mode of an ApplicationSet (`goTemplate`, `goTemplateOptions`). */
export function renderModeOf(appSet: { [key: string]: any }): RenderMode {
  const spec = isObject(appSet.spec) ? appSet.spec : {};
  return {
    goTemplate: spec.goTemplate === true,
    goTemplateOptions: Array.isArray(spec.goTemplateOptions) ? spec.goTemplateOptions.map(String) : [],
  };
}

/** One top-level generator's output: its parameter sets and the template they render. */
export interface GeneratedParams {
  /** JSON pointer of the generator, e.g. `/spec/generators/0`. */
  readonly path: string;
  readonly params: ParamSet[];
  readonly template: AppSetTemplate;
}

/** The parameter sets every top-level generator produces (after post-selectors). Throws AppSetExpansionError. */
export function generateParamSets(appSet: object, inputs: ExpandInputs = {}): GeneratedParams[] {
  const a = appSet as { [key: string]: any };
  const name = String(a.metadata?.name ?? '');
  const spec = isObject(a.spec) ? a.spec : {};
  const ctx: Context = { mode: renderModeOf(a), inputs };
  const generators: unknown[] = Array.isArray(spec.generators) ? spec.generators : [];
  const base: AppSetTemplate = isObject(spec.template) ? spec.template : {};
  const out: GeneratedParams[] = [];
  generators.forEach((g, i) => {
    const ptr = `/spec/generators/${i}`;
    try {
      for (const r of transform(isObject(g) ? g : {}, ptr, base, ctx, 1, undefined)) out.push({ path: ptr, ...r });
    } catch (e) {
      if (e instanceof AppSetRenderError) throw new AppSetExpansionError(name, e.path, e.goMessage);
      throw e;
    }
  });
  return out;
}

/**
 * The Applications the ApplicationSet controller would create from `appSet`, in generator order.
 * Throws AppSetExpansionError naming the ApplicationSet, the field and Go's message when a
 * generator or a template fails.
 */
export function expandApplicationSet(appSet: object, inputs: ExpandInputs = {}): object[] {
  const a = appSet as { [key: string]: any };
  const name = String(a.metadata?.name ?? '');
  const spec = isObject(a.spec) ? a.spec : {};
  const mode = renderModeOf(a);
  const apps: object[] = [];
  for (const g of generateParamSets(appSet, inputs)) {
    for (const params of g.params) {
      try {
        apps.push(renderApplication(g.template, params, mode, {
          namespace: typeof a.metadata?.namespace === 'string' ? a.metadata.namespace : undefined,
          preserveResourcesOnDeletion: spec.syncPolicy?.preserveResourcesOnDeletion === true,
          templatePatch: typeof spec.templatePatch === 'string' ? spec.templatePatch : undefined,
        }));
      } catch (e) {
        if (e instanceof AppSetRenderError) throw new AppSetExpansionError(name, e.path, e.goMessage);
        throw e;
      }
    }
  }
  return apps;
}
