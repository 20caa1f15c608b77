/**
 * `applicationset/*` rules: what the ApplicationSet controller of Argo CD v3.5.1 rejects, ignores
 * or renders differently from what the author meant (applicationset/generators/*.go,
 * applicationset/utils/utils.go, applicationset/controllers/applicationset_controller.go).
 *
 * - The Application rules run on `spec.template` itself, for every field that holds no
 *   placeholder: the template is an Application with holes.
 * - Where the set can be expanded offline (list generators, or matrices and merges of them),
 *   every generated Application is validated by the whole engine, reported on the ApplicationSet.
 */
import { applicationRule } from './application';
import { ObjectRule, RuleContext } from './rule';
import { AppSetExpansionError, expandApplicationSet, renderModeOf } from '../../appset';
import {
  COMBINING_GENERATOR_KINDS, generatorKindsOf, goTemplateOptionError, matrixChildrenError, maxUpdateError, MAX_COMBINING_DEPTH,
  mergeShapeError, nestingDepthError, GENERATORS_WITH_VALUES,
} from '../../argo/application-set';
import { ANNOTATION_SYNC_WAVE } from '../../core/annotation-keys';
import { fieldPath, pointer, segmentsOf, valueAt } from '../../core/json-pointer';
import { isObject } from '../../core/values';
import { applicationSetFuncMap, isFastTemplate, nondeterministicFunctionsIn, parseTemplate, renderFastTemplate, TemplateError } from '../../template';
import { error, Finding, Manifest, Problem, warning } from '../problem';
import type { ValidationOptions } from '../validate-manifests';

const q = (v: unknown) => JSON.stringify(v);
const APPSET_API = 'argoproj.io/v1alpha1';

let FUNCS: ReturnType<typeof applicationSetFuncMap> | undefined;

/** Every string (and map key) of a value, with its JSON pointer. */
function stringsOf(value: unknown, at: string, out: Array<{ text: string; path: string; key: boolean }> = []): typeof out {
  if (typeof value === 'string') {
    out.push({ text: value, path: at, key: false });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => stringsOf(v, `${at}${pointer(i)}`, out));
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.push({ text: k, path: `${at}${pointer(k)}`, key: true });
      stringsOf(v, `${at}${pointer(k)}`, out);
    }
  }
  return out;
}

/** Go template syntax in a fasttemplate tag: `{{.x}}`, `{{ .x }}`, `{{- x}}`, `{{ if … }}`, pipes, calls. */
const GO_SYNTAX_TAG = /{{-?\s*(\.|\$|if\s|range\s|with\s|end\b|else\b|define\s|template\s|block\s|[a-zA-Z_]\w*\s+["'(.$\w])|\|/;

/** `applicationset/template-syntax` and `applicationset/nondeterministic-function` for one string. */
function syntaxFindings(text: string, path: string, goTemplate: boolean, findings: Finding[]): void {
  if (!text.includes('{{')) return;
  const at = fieldPath(path);
  if (goTemplate) {
    FUNCS ??= applicationSetFuncMap();
    try {
      const t = parseTemplate('base', text, FUNCS);
      const nondet = nondeterministicFunctionsIn(t);
      if (nondet.length > 0) {
        findings.push(warning('applicationset/nondeterministic-function', path,
          `${at} ${q(text)} calls ${nondet.join(', ')}, whose result changes at every reconcile, so Argo CD rewrites the Applications each time: derive the value from the parameters instead`));
      }
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      const fn = /function "([A-Za-z_][\w.-]*)" not defined/.exec(e.message);
      const fix = fn ? `with goTemplate: true parameters are read as {{.${fn[1]}}}; write that, or set goTemplate: false for fasttemplate's {{${fn[1]}}}`
        : 'fix the template syntax';
      findings.push(error('applicationset/template-syntax', path, `${at} ${q(text)} is not a valid Go template, and Argo CD fails the whole ApplicationSet ("${e.message}"): ${fix}`));
    }
    return;
  }
  try {
    renderFastTemplate(text, {});
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    findings.push(error('applicationset/template-syntax', path, `${at} ${q(text)} has a "{{" without a closing "}}", and fasttemplate fails ("${e.message}"): close the tag`));
    return;
  }
  if (isFastTemplate(text) && GO_SYNTAX_TAG.test(text)) {
    const sample = /{{[^}]*}}/.exec(text)?.[0] ?? text;
    findings.push(error('applicationset/template-syntax', path,
      `${at} ${q(text)} uses Go template syntax, but goTemplate is not true: fasttemplate leaves ${q(sample)} unresolved in the generated Application: set spec.goTemplate: true, or write fasttemplate's {{name}}`));
  }
}

/** Known parameter names of a merge's base generator, when they can be known statically. */
function knownParamKeys(child: Manifest, goTemplate: boolean): Set<string> | undefined {
  const kinds = generatorKindsOf(child);
  if (kinds.length !== 1) return undefined;
  const g = isObject(child[kinds[0]]) ? child[kinds[0]] : {};
  const keys = new Set<string>();
  const addValues = () => {
    if (!isObject(g.values)) return;
    if (goTemplate) keys.add('values');
    else Object.keys(g.values).forEach((k) => keys.add(`values.${k}`));
  };
  switch (kinds[0]) {
    case 'list':
      if (typeof g.elementsYaml === 'string' && g.elementsYaml !== '') return undefined;
      for (const e of Array.isArray(g.elements) ? g.elements : []) {
        if (!isObject(e)) continue;
        for (const [k, v] of Object.entries(e)) {
          if (!goTemplate && k === 'values' && isObject(v)) Object.keys(v).forEach((x) => keys.add(`values.${x}`));
          else keys.add(k);
        }
      }
      return keys;
    case 'clusters':
      if (g.flatList === true) return new Set(['clusters']);
      ['name', 'nameNormalized', 'server', 'project'].forEach((k) => keys.add(k));
      if (goTemplate) keys.add('metadata');
      else return undefined; // metadata.labels.* depend on the Secrets
      addValues();
      return keys;
    case 'git':
      if (!Array.isArray(g.directories) || g.directories.length === 0 || typeof g.pathParamPrefix === 'string') return undefined;
      if (goTemplate) keys.add('path');
      else return undefined; // path[n] depend on the directories
      addValues();
      return keys;
    default:
      return undefined;
  }
}

function checkGenerators(gens: unknown, at: string, depth: number, goTemplate: boolean, findings: Finding[]): void {
  if (!Array.isArray(gens)) return;
  gens.forEach((g, i) => {
    const ptr = `${at}/${i}`;
    if (!isObject(g)) return;
    const kinds = generatorKindsOf(g);
    const child = depth > 1;
    if (kinds.length === 0) {
      findings.push(error('applicationset/ignored-generator', ptr,
        `${fieldPath(ptr)} sets no generator Argo CD knows (${Object.keys(g).map((k) => q(k)).join(', ') || 'nothing'}), and the controller fails the ApplicationSet ("contains unrecognized generators"): set one of list, clusters, git, matrix, merge, pullRequest, scmProvider, clusterDecisionResource, plugin`));
      return;
    }
    if (child && kinds.length > 1) {
      findings.push(error('applicationset/ignored-generator', ptr,
        `${fieldPath(ptr)} sets ${kinds.join(' and ')} in one child generator, which Argo CD rejects ("found more than one generator in matrix.Generators"): give each its own entry`));
    }
    for (const kind of kinds) {
      const gp = `${ptr}/${kind}`;
      const spec = isObject(g[kind]) ? g[kind] : {};
      if (child && isObject(spec.template) && Object.keys(spec.template).length > 0) {
        findings.push(warning('applicationset/ignored-generator', `${gp}/template`,
          `${fieldPath(gp)}.template is ignored: Argo CD reads generator templates only at the top level of spec.generators, not inside a matrix or merge: move the fields into the matrix's or merge's own template or spec.template`));
      }
      if (kind === 'git' && Array.isArray(spec.directories) && spec.directories.length > 0 && Array.isArray(spec.files) && spec.files.length > 0) {
        findings.push(warning('applicationset/ignored-generator', `${gp}/files`,
          `${fieldPath(gp)} sets both directories and files; Argo CD uses directories and ignores files: split them into two git generators`));
      }
      if (!COMBINING_GENERATOR_KINDS.includes(kind)) continue;
      const nest = nestingDepthError(kind, depth, fieldPath(gp));
      if (nest) {
        findings.push(error('applicationset/generator-nesting', gp, nest));
        continue;
      }
      const children: unknown[] = Array.isArray(spec.generators) ? spec.generators : [];
      if (kind === 'matrix') {
        const m = matrixChildrenError(children.length, `${fieldPath(gp)}.generators`);
        if (m) findings.push(error('applicationset/matrix-children', `${gp}/generators`, m));
      } else {
        const keys: string[] = Array.isArray(spec.mergeKeys) ? spec.mergeKeys.map(String) : [];
        const m = mergeShapeError(children.length, keys, fieldPath(gp));
        if (m) findings.push(error('applicationset/merge-keys', `${gp}/${children.length < 2 ? 'generators' : 'mergeKeys'}`, m));
        const known = children.length > 0 && isObject(children[0]) ? knownParamKeys(children[0], goTemplate) : undefined;
        keys.forEach((k, j) => {
          if (known === undefined || known.has(k)) return;
          const nested = goTemplate && k.includes('.') && known.has(k.split('.')[0]);
          findings.push(error('applicationset/merge-keys', `${gp}/mergeKeys/${j}`, nested
            ? `merge key ${q(k)} names a nested parameter, but with goTemplate: true Argo CD looks merge keys up as top-level parameter names, so every parameter set has the same (empty) key: merge on a top-level parameter, or use goTemplate: false where "${k}" is a flat parameter`
            : `merge key ${q(k)} is not a parameter of the base generator (${fieldPath(`${gp}/generators/0`)} has ${[...known].sort().map((x) => q(x)).join(', ') || 'none'}), so every base parameter set gets the same empty key: use one of its parameters`));
        });
      }
      if (depth <= MAX_COMBINING_DEPTH) checkGenerators(children, `${gp}/generators`, depth + 1, goTemplate, findings);
    }
  });
}

/** Whether every generator can be expanded without a cluster, a repository or a remote API. */
function offlineExpandable(gens: unknown, depth = 1): boolean {
  if (!Array.isArray(gens) || gens.length === 0) return false;
  return gens.every((g) => {
    if (!isObject(g)) return false;
    const kinds = generatorKindsOf(g);
    return kinds.length > 0 && kinds.every((k) => k === 'list'
      || (COMBINING_GENERATOR_KINDS.includes(k) && depth <= MAX_COMBINING_DEPTH && offlineExpandable(g[k]?.generators, depth + 1)));
  });
}

/** Paths of template fields whose value (or key) holds a placeholder. */
function placeholderPaths(template: unknown): Set<string> {
  return new Set(stringsOf(template, '').filter((s) => s.text.includes('{{')).map((s) => s.path));
}

function holdsPlaceholder(path: string, holes: Set<string>): boolean {
  const segs = segmentsOf(path);
  for (let i = 1; i <= segs.length; i++) if (holes.has(pointer(...segs.slice(0, i)))) return true;
  return false;
}

/** The Application rules on the template itself, for fields without placeholders. */
function templateFindings(spec: Manifest, context: RuleContext, findings: Finding[]): void {
  const template = isObject(spec.template) ? spec.template : {};
  const pseudo = { apiVersion: APPSET_API, kind: 'Application', metadata: isObject(template.metadata) ? template.metadata : {}, spec: isObject(template.spec) ? template.spec : {} };
  const holes = placeholderPaths(pseudo);
  const patched = typeof spec.templatePatch === 'string';
  for (const f of applicationRule.check(pseudo, context)) {
    if (holdsPlaceholder(f.path, holes)) continue;
    // A templatePatch may add or change any field: judge only concrete values the patch leaves alone.
    const value = valueAt(pseudo, f.path);
    if (patched && (value === undefined || isObject(value))) continue;
    findings.push({ ...f, path: `/spec/template${f.path}`, message: `spec.template: ${f.message}` });
  }
  const annotations = isObject(pseudo.metadata.annotations) ? pseudo.metadata.annotations : {};
  if (annotations[ANNOTATION_SYNC_WAVE] !== undefined) {
    findings.push(warning('applicationset/template-sync-wave', pointer('spec', 'template', 'metadata', 'annotations', ANNOTATION_SYNC_WAVE),
      `spec.template.metadata.annotations["${ANNOTATION_SYNC_WAVE}"] ${q(annotations[ANNOTATION_SYNC_WAVE])} orders nothing: the ApplicationSet controller creates its Applications directly, not through a sync; use spec.strategy (RollingSync) to order them`));
  }
}

/** Generated Applications through the whole engine, reported on the ApplicationSet. */
function generatedFindings(object: Manifest, projects: readonly Manifest[], findings: Finding[], templateSeen: Set<string>): void {
  let apps: object[];
  try {
    apps = expandApplicationSet(object);
  } catch (e) {
    if (!(e instanceof AppSetExpansionError)) throw e;
    findings.push(error('applicationset/template-render', e.path, `${fieldPath(e.path)} fails to render, and Argo CD generates no Applications: ${e.goMessage}`));
    return;
  }
  const seen = new Map<string, number>();
  apps.forEach((a: any, i) => {
    const name = String(a.metadata?.name ?? '');
    if (seen.has(name)) {
      findings.push(error('applicationset/duplicate-name', '/spec/template/metadata/name',
        `generated Applications ${seen.get(name)} and ${i} are both named ${q(name)}, and Argo CD rejects the ApplicationSet ("contains applications with duplicate name"): put a parameter in spec.template.metadata.name`));
    } else {
      seen.set(name, i);
    }
  });
  // Lazy: validate-manifests registers this rule, so it cannot be imported at load time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateManifests } = require('../validate-manifests') as { validateManifests: (o: readonly unknown[], opts: ValidationOptions) => Problem[] };
  const reported = new Set<string>();
  for (const p of validateManifests(apps, { projects: [...projects], skipRules: ['manifest/duplicate'] })) {
    const templatePath = p.path.startsWith('/spec') || p.path.startsWith('/metadata') ? `/spec/template${p.path}` : '/spec/template';
    if (templateSeen.has(templatePath)) continue;
    const key = `${p.rule} ${templatePath} ${p.message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const f = { severity: p.severity, rule: p.rule, path: templatePath, message: `generated Application ${q(p.name)}: ${p.message}` };
    findings.push(f);
  }
}

/** Argo CD's rules for ApplicationSets. */
export const applicationSetRule: ObjectRule = {
  id: 'applicationset',
  appliesTo: (o) => o.apiVersion === APPSET_API && o.kind === 'ApplicationSet',
  check(object: Manifest, context): Finding[] {
    const findings: Finding[] = [];
    const spec: Manifest = isObject(object.spec) ? object.spec : {};
    const { goTemplate } = renderModeOf(object);
    const options: unknown[] = Array.isArray(spec.goTemplateOptions) ? spec.goTemplateOptions : [];
    if (goTemplate) {
      options.forEach((o, i) => {
        const m = goTemplateOptionError(String(o));
        if (m) findings.push(error('applicationset/go-template-options', `/spec/goTemplateOptions/${i}`, m));
      });
    } else if (options.length > 0) {
      findings.push(warning('applicationset/go-template-options', '/spec/goTemplateOptions',
        'spec.goTemplateOptions is ignored because goTemplate is not true: set spec.goTemplate: true, or remove goTemplateOptions'));
    }
    checkGenerators(spec.generators, '/spec/generators', 1, goTemplate, findings);

    // Template syntax: the template, templatePatch, generator templates and generator values.
    for (const s of stringsOf(spec.template, '/spec/template')) syntaxFindings(s.text, s.path, goTemplate, findings);
    if (typeof spec.templatePatch === 'string') syntaxFindings(spec.templatePatch, '/spec/templatePatch', goTemplate, findings);
    const walkGenerators = (gens: unknown, at: string): void => {
      if (!Array.isArray(gens)) return;
      gens.forEach((g, i) => {
        if (!isObject(g)) return;
        for (const kind of generatorKindsOf(g)) {
          const gp = `${at}/${i}/${kind}`;
          const gs = isObject(g[kind]) ? g[kind] : {};
          if (isObject(gs.template)) for (const s of stringsOf(gs.template, `${gp}/template`)) syntaxFindings(s.text, s.path, goTemplate, findings);
          if (GENERATORS_WITH_VALUES.includes(kind) && isObject(gs.values)) {
            for (const [k, v] of Object.entries(gs.values)) if (typeof v === 'string') syntaxFindings(v, `${gp}/values${pointer(k)}`, goTemplate, findings);
          }
          if (COMBINING_GENERATOR_KINDS.includes(kind)) walkGenerators(gs.generators, `${gp}/generators`);
        }
      });
    };
    walkGenerators(spec.generators, '/spec/generators');

    // Strategy.
    const steps = spec.strategy?.rollingSync?.steps;
    if (spec.strategy?.type === 'RollingSync' && (!Array.isArray(steps) || steps.length === 0)) {
      findings.push(error('applicationset/strategy', '/spec/strategy', 'spec.strategy.type is RollingSync but spec.strategy.rollingSync.steps is empty: add steps with matchExpressions on Application labels'));
    }
    if (Array.isArray(steps)) {
      steps.forEach((s: unknown, i: number) => {
        if (!isObject(s) || s.maxUpdate === undefined || s.maxUpdate === null) return;
        const m = maxUpdateError(s.maxUpdate as number | string);
        if (m) findings.push(error('applicationset/strategy', `/spec/strategy/rollingSync/steps/${i}/maxUpdate`, `spec.strategy.rollingSync.steps[${i}].${m}`));
      });
    }

    const before = findings.length;
    templateFindings(spec, context, findings);
    const templateSeen = new Set(findings.slice(before).map((f) => f.path));
    const syntaxBroken = findings.some((f) => f.rule === 'applicationset/template-syntax' || f.rule === 'applicationset/go-template-options'
      || f.rule === 'applicationset/matrix-children' || f.rule === 'applicationset/generator-nesting' || f.rule === 'applicationset/merge-keys'
      // Functions such as `now` are not evaluated offline.
      || f.rule === 'applicationset/nondeterministic-function');
    if (!syntaxBroken && offlineExpandable(spec.generators)) {
      const projects = [...context.extraProjects, ...context.objects.filter((o) => isObject(o) && o.kind === 'AppProject')];
      generatedFindings(object, projects, findings, templateSeen);
    }
    return findings;
  },
};
