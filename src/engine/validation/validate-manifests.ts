import { error, Finding, identityOf, Manifest, Problem, Severity } from './problem';
import { CROSS_OBJECT_RULES, manifestShapeRule, OBJECT_RULES, RuleContext } from './rules';
import { crdOf, schemaFindings } from './schema';

/** Options for `validateManifests`. */
export interface ValidationOptions {
  /**
   * AppProjects that are not in the input but that Applications in it refer to (for the
   * cross-object checks).
   * @default - only AppProjects in the input are known
   */
  readonly projects?: Manifest[];
  /**
   * Rule ids (or rule id prefixes ending in `/`) whose problems are dropped.
   * @default - every rule runs
   */
  readonly skipRules?: string[];
  /**
   * Config Management Plugin configs (plugin.yaml objects) that Applications in the input may
   * target, for the `plugin/*` checks of `source.plugin`. ConfigMaps in the input holding a
   * `plugin.yaml` key are known too.
   * @default - only plugins in the input are known
   */
  readonly plugins?: unknown[];
}

/**
 * Validates plain manifests the way Argo CD and the Kubernetes API server would judge them:
 * schema (the pinned Argo CD CRDs, strict about unknown fields), Argo CD's run-time rules and
 * cross-object rules. Objects that are not Argo CD kinds are checked only by the rules that apply
 * to any object.
 *
 * @param objects parsed manifests, e.g. from `yaml.parseAllDocuments` or `chart.toJson()`
 * @returns every problem found, errors and warnings, in input order (`index` is the position in `objects`)
 */
export function validateManifests(objects: readonly unknown[], options: ValidationOptions = {}): Problem[] {
  if (!Array.isArray(objects)) {
    throw new TypeError(`validateManifests expects an array of objects (e.g. chart.toJson()), got ${objects === null ? 'null' : typeof objects}: wrap a single object in [ ]`);
  }
  return validateJsonManifests(objects.map(plainJson) as Manifest[], options);
}

/**
 * `validateManifests` of objects that are JSON data already, so they are not walked and copied
 * first: what cdk8s's `chart.toJson()` returns (its `sanitizeValue` rejects anything else, and the
 * Argo CD constructs render plain objects) and what a YAML parser returns. The CLI's render
 * pipeline calls it; the copy was a fifth of validating 10,000 Applications.
 */
export function validateJsonManifests(manifests: readonly Manifest[], options: ValidationOptions = {}): Problem[] {
  const context: RuleContext = {
    objects: manifests,
    extraProjects: options.projects ?? [],
    extraPlugins: (options.plugins ?? []) as Manifest[],
    isArgoCdKind: (o) => o !== null && typeof o === 'object' && crdOf(o) !== undefined,
  };
  const skip = options.skipRules ?? [];
  const skipped = (rule: string) => skip.some((s) => (s.endsWith('/') ? rule.startsWith(s) : rule === s));

  // Per object, created on its first finding (most objects have none): the problems; the paths the
  // schema already reported an error at (a rule reporting the same path again, e.g. a missing
  // repoURL, would only repeat it, so the schema's message wins); and the findings already
  // reported (a finding reported twice for the same object is reported once; a schema finding at a
  // rule and path the object's schema already reported, e.g. an ApplicationSet's template reported
  // again for the Applications it generates, too).
  const byIndex: Array<Problem[] | undefined> = [];
  const schemaErrorPaths: Array<Set<string> | undefined> = [];
  const reported: Array<Set<string> | undefined> = [];
  const add = (index: number, finding: Finding) => {
    if (skip.length > 0 && skipped(finding.rule)) return;
    const schema = finding.rule.startsWith('schema/');
    if (!schema && schemaErrorPaths[index]?.has(finding.path)) return;
    const key = schema ? `${finding.rule}\u0000${finding.path}` : `${finding.rule}\u0000${finding.path}\u0000${finding.message}`;
    const seen = (reported[index] ??= new Set());
    if (seen.has(key)) return;
    seen.add(key);
    (byIndex[index] ??= []).push({ ...finding, ...identityOf(manifests[index]), index });
  };
  const addAll = (index: number, findings: readonly Finding[]) => {
    for (let i = 0; i < findings.length; i++) add(index, findings[i]);
  };

  // Indexed loops and try/catch rather than iterators and a closure per rule and object: this runs
  // for every object of every render, mostly before the JIT has optimized it.
  for (let index = 0; index < manifests.length; index++) {
    if (!(index in manifests)) continue; // a hole of a sparse array, as forEach skips it
    const object = manifests[index];
    const shapeFindings = manifestShapeRule.check(object, context);
    // An object that is not even a typed manifest gets no further checks.
    if (shapeFindings.length > 0) {
      addAll(index, shapeFindings);
      continue;
    }
    try {
      const schema = schemaFindings(object);
      for (let i = 0; i < schema.length; i++) {
        const f = schema[i];
        if (f.severity === Severity.ERROR) (schemaErrorPaths[index] ??= new Set()).add(f.path);
        add(index, f);
      }
    } catch (e) {
      add(index, ruleFailed('schema', e));
    }
    for (let r = 0; r < OBJECT_RULES.length; r++) {
      const rule = OBJECT_RULES[r];
      try {
        if (rule.appliesTo(object, context)) addAll(index, rule.check(object, context));
      } catch (e) {
        add(index, ruleFailed(rule.id, e));
      }
    }
  }
  for (const rule of CROSS_OBJECT_RULES) {
    try {
      const found = rule.check(context);
      for (let i = 0; i < found.length; i++) add(found[i].index, found[i].finding);
    } catch (e) {
      // A cross-object rule that fails is reported on the first object: there is no better place.
      if (manifests.length > 0) add(0, ruleFailed(rule.id, e));
    }
  }
  const problems: Problem[] = [];
  for (let index = 0; index < byIndex.length; index++) {
    const list = byIndex[index];
    if (list !== undefined) for (const p of list) problems.push(p);
  }
  return problems;
}

/**
 * What a rule that threw becomes: an `internal/rule-failed` error instead of a crash of the whole
 * validation (a rule that met a shape it did not expect). Every other rule still reports, and the
 * verdict stays "invalid" rather than "crashed".
 */
function ruleFailed(rule: string, e: unknown): Finding {
  const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return error('internal/rule-failed', '',
    `the ${rule} rules could not check this object (${reason}): this is a bug in cdk8s-argocd, please report it with the object; fix any other problem reported for it first`);
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * The value as JSON would carry it: objects without the plain Object prototype (null-prototype
 * maps, class instances from JavaScript callers) are copied into plain objects, so rules can
 * print and read them like parsed YAML. Plain values and already-plain subtrees are returned as
 * they are (no copy, and no allocation: it walks every object of every render).
 */
function plainJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const p = plainJson(v);
      if (p !== v) (out ??= [...value])[i] = p;
    }
    return out ?? value;
  }
  const plainProto = Object.getPrototypeOf(value) === Object.prototype;
  let out: { [key: string]: unknown } | undefined = plainProto ? undefined : {};
  const record = value as { [key: string]: unknown };
  // for...in over the own properties visits what Object.entries would (own enumerable string
  // keys), in the same order, without building the entries.
  for (const k in record) {
    if (!hasOwnProperty.call(record, k)) continue;
    const v = record[k];
    const p = plainJson(v);
    if (p !== v && out === undefined) out = { ...record };
    if (out !== undefined) out[k] = p;
  }
  return out ?? value;
}

/** Whether any problem is an error (or, with `strict`, any problem at all). */
export function hasErrors(problems: readonly Problem[], strict = false): boolean {
  return problems.some((p) => strict || p.severity === Severity.ERROR);
}
