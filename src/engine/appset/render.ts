/**
 * Argo CD's ApplicationSet rendering (applicationset/utils/utils.go@v3.5.1, Render.Replace,
 * deeplyReplace, RenderTemplateParams; applicationset/controllers/template/patch.go
 * applyTemplatePatch), on plain JSON.
 *
 * Every string value *and every map key* of the template is its own template. With
 * `goTemplate: true` a string is parsed as Go text/template (named "base", Sprig's functions and
 * Argo CD's additions) and executed on the parameters, each goTemplateOptions entry applied; with
 * `goTemplate: false` fasttemplate substitutes string parameters into `{{ name }}` tags.
 */
import { parseYaml } from './yaml';
import { GO_TEMPLATE_NAME } from '../argo/application-set';
import { RESOURCES_FINALIZER } from '../core/annotation-keys';
import { fieldPath, pointer } from '../core/json-pointer';
import { isObject } from '../core/values';
import {
  applicationSetFuncMap, executeTemplate, ExecuteOptions, FuncMap, fromJsonValue, GoValue, parseOptions, parseTemplate,
  ParsedTemplate, renderFastTemplate, TemplateError,
} from '../template';

/** The parameters of one generated Application (a generator's parameter set). */
export type ParamSet = { [key: string]: unknown };

/** How an ApplicationSet renders its templates. */
export interface RenderMode {
  /** `spec.goTemplate`. */
  readonly goTemplate: boolean;
  /** `spec.goTemplateOptions`. */
  readonly goTemplateOptions: readonly string[];
}

/**
 * A template that failed: Go's message (as Argo CD wraps it, e.g. `failed to execute go template
 * {{.x}}: template: base:1:2: executing "base" at <.x>: map has no entry for key "x"`) and the
 * JSON pointer of the field, relative to what was rendered.
 */
export class AppSetRenderError extends Error {
  constructor(public readonly goMessage: string, public readonly path: string) {
    super(path === '' ? goMessage : `${fieldPath(path)}: ${goMessage}`);
    this.name = 'AppSetRenderError';
  }
}

let FUNCS: FuncMap | undefined;
const PARSED = new Map<string, ParsedTemplate | TemplateError>();
const OPTIONS = new Map<string, ExecuteOptions | TemplateError>();

function parsed(text: string): ParsedTemplate {
  let t = PARSED.get(text);
  if (t === undefined) {
    FUNCS ??= applicationSetFuncMap();
    try {
      t = parseTemplate(GO_TEMPLATE_NAME, text, FUNCS);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      t = e;
    }
    if (PARSED.size > 10_000) PARSED.clear();
    PARSED.set(text, t);
  }
  if (t instanceof TemplateError) throw t;
  return t;
}

function executeOptions(options: readonly string[]): ExecuteOptions {
  const key = JSON.stringify(options);
  let o = OPTIONS.get(key);
  if (o === undefined) {
    try {
      o = parseOptions(options);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      o = e;
    }
    OPTIONS.set(key, o);
  }
  if (o instanceof TemplateError) throw o;
  return o;
}

/** Parameters converted once to the Go value model, for rendering many strings with them. */
export class Params {
  private goData?: GoValue;
  constructor(public readonly values: ParamSet) {}
  /** @internal */
  public get go(): GoValue {
    this.goData ??= fromJsonValue(this.values);
    return this.goData;
  }
}

/**
 * Render.Replace: renders one string. Throws AppSetRenderError (path '') with Argo CD's message.
 */
export function replace(text: string, params: Params | ParamSet, mode: RenderMode): string {
  const p = params instanceof Params ? params : new Params(params);
  if (mode.goTemplate) {
    let t: ParsedTemplate;
    let options: ExecuteOptions;
    try {
      // Template.Option panics on an unknown option before Parse runs; the controller recovers
      // and reports the panic's message.
      options = executeOptions(mode.goTemplateOptions);
    } catch (e) {
      if (e instanceof TemplateError) throw new AppSetRenderError(`panic: ${e.message}`, '');
      throw e;
    }
    try {
      t = parsed(text);
    } catch (e) {
      if (e instanceof TemplateError) throw new AppSetRenderError(`failed to parse template ${text}: ${e.message}`, '');
      throw e;
    }
    try {
      return executeTemplate(t, p.go, options);
    } catch (e) {
      if (e instanceof TemplateError) throw new AppSetRenderError(`failed to execute go template ${text}: ${e.message}`, '');
      throw e;
    }
  }
  try {
    return renderFastTemplate(text, p.values);
  } catch (e) {
    if (e instanceof TemplateError) throw new AppSetRenderError(`invalid template: ${e.message}`, '');
    throw e;
  }
}

/**
 * deeplyReplace on plain JSON: every string and every map key rendered, other scalars kept,
 * null map entries dropped (as the reflect walk skips nil values). `path` is the JSON pointer of
 * `value`, for error messages.
 */
export function replaceDeep(value: unknown, params: Params | ParamSet, mode: RenderMode, path = '',
  skip?: (path: string) => unknown | undefined): unknown {
  const p = params instanceof Params ? params : new Params(params);
  const walk = (v: unknown, at: string): unknown => {
    if (skip) {
      const replacement = skip(at);
      if (replacement !== undefined) return replacement;
    }
    if (typeof v === 'string') {
      try {
        return replace(v, p, mode);
      } catch (e) {
        if (e instanceof AppSetRenderError) throw new AppSetRenderError(e.goMessage, at);
        throw e;
      }
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${at}${pointer(i)}`));
    if (isObject(v)) {
      const out: { [key: string]: unknown } = {};
      for (const [k, item] of Object.entries(v)) {
        if (item === null || item === undefined) continue;
        const rendered = walk(item, `${at}${pointer(k)}`);
        let key: string;
        try {
          key = replace(k, p, mode);
        } catch (e) {
          if (e instanceof AppSetRenderError) throw new AppSetRenderError(e.goMessage, `${at}${pointer(k)}`);
          throw e;
        }
        out[key] = rendered;
      }
      return out;
    }
    return v;
  };
  return walk(value, path);
}

/** An ApplicationSet template (`spec.template`, or a generator's merged template). */
export interface AppSetTemplate {
  readonly metadata?: { [key: string]: any };
  readonly spec?: { [key: string]: any };
}

/**
 * RenderTemplateParams + the controller's finishing touches: the Application Argo CD would create
 * from a template and one parameter set. The resources finalizer is added when the template has
 * no finalizers and `preserveResourcesOnDeletion` is not set; `templatePatch` (a string
 * template itself) is rendered and merged; the namespace is the ApplicationSet's.
 * Throws AppSetRenderError with a path relative to the ApplicationSet (`/spec/template/...`).
 */
export function renderApplication(template: AppSetTemplate, params: ParamSet, mode: RenderMode, options: {
  readonly namespace?: string;
  readonly preserveResourcesOnDeletion?: boolean;
  readonly templatePatch?: string;
} = {}): { [key: string]: any } {
  const p = new Params(params);
  const tm = template.metadata ?? {};
  // GetTempApplication keeps only these metadata fields of the template.
  const meta = {
    name: tm.name, namespace: tm.namespace, labels: tm.labels, annotations: tm.annotations, finalizers: tm.finalizers,
  };
  // RenderTemplateParams returns the template untouched when the parameter set is empty.
  const empty = Object.keys(params).length === 0;
  const metadata = (empty ? meta : replaceDeep(meta, p, mode, '/spec/template/metadata')) as { [key: string]: any };
  const spec = (empty ? template.spec ?? {} : replaceDeep(template.spec ?? {}, p, mode, '/spec/template/spec')) as { [key: string]: any };
  if (!empty && !options.preserveResourcesOnDeletion && !(Array.isArray(metadata.finalizers) && metadata.finalizers.length > 0)) {
    metadata.finalizers = [RESOURCES_FINALIZER];
  }
  let app: { [key: string]: any } = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: compactObject(metadata), spec };
  if (options.templatePatch !== undefined) {
    let patchText: string;
    try {
      patchText = replace(options.templatePatch, p, mode);
    } catch (e) {
      if (e instanceof AppSetRenderError) throw new AppSetRenderError(`error replacing values in templatePatch: ${e.goMessage}`, '/spec/templatePatch');
      throw e;
    }
    app = applyTemplatePatch(app, patchText);
  }
  // The controller sets the namespace to the ApplicationSet's.
  const { name, namespace: _ignored, ...rest } = app.metadata ?? {};
  app.metadata = compactObject({ name, namespace: options.namespace, ...rest });
  return app;
}

function compactObject(o: { [key: string]: any }): { [key: string]: any } {
  const out: { [key: string]: any } = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null) out[k] = v;
  return out;
}

/**
 * applyTemplatePatch: the rendered patch, parsed as YAML (or JSON), merged into the Application.
 * The Application type declares no patch strategies, so the strategic merge patch merges objects
 * and replaces lists, as a JSON merge patch does; `spec.project` cannot be changed by a patch.
 */
export function applyTemplatePatch(app: { [key: string]: any }, patchText: string): { [key: string]: any } {
  let patch: unknown;
  try {
    patch = parseYaml(patchText);
  } catch (e) {
    throw new AppSetRenderError(`error while converting template to json ${JSON.stringify(patchText)}: ${(e as Error).message}`, '/spec/templatePatch');
  }
  if (!isObject(patch)) {
    throw new AppSetRenderError(`invalid templatePatch ${JSON.stringify(patchText)}: json: cannot unmarshal ${describeJson(patch)} into Go value of type v1alpha1.Application`, '/spec/templatePatch');
  }
  const merged = mergePatch(app, patch) as { [key: string]: any };
  if (isObject(app.spec)) merged.spec = { ...(isObject(merged.spec) ? merged.spec : {}), project: app.spec.project };
  if (merged.spec.project === undefined) delete merged.spec.project;
  return merged;
}

function describeJson(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'null';
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: { [key: string]: unknown } = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
