/**
 * Label selectors as the ApplicationSet controller applies them: post-selectors on flattened
 * parameter sets (applicationset/utils/selector.go@v3.5.1 LabelSelectorAsSelector, which puts no
 * restriction on label values so cluster URLs can be matched) and the cluster generator's
 * selector on cluster Secret labels.
 */
import { isObject } from '../core/values';
import { executeTemplate, fromJsonValue, parseTemplate, ParsedTemplate } from '../template';

let PRINT: ParsedTemplate | undefined;

/** Go's `fmt.Sprintf("%v", v)` of a JSON value (numbers are float64: 1e6 prints `1e+06`). */
export function sprintV(value: unknown): string {
  if (typeof value === 'string') return value;
  PRINT ??= parseTemplate('v', '{{ print . }}');
  return executeTemplate(PRINT, fromJsonValue(value));
}

/**
 * jeremywohl/flatten DotStyle over a parameter set (nested maps and lists: `a.b`, `a.0`), every
 * leaf printed with `%v` (generator_spec_processor.go flattenParameters).
 */
export function flattenParams(params: { [key: string]: unknown }): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  const walk = (v: unknown, key: string, top: boolean): void => {
    if (isObject(v) || Array.isArray(v)) {
      const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
      if (entries.length === 0 && !top) {
        out[key] = sprintV(v);
        return;
      }
      for (const [k, x] of entries) walk(x, top ? k : `${key}.${k}`, false);
      return;
    }
    out[key] = sprintV(v);
  };
  walk(params, '', true);
  return out;
}

/** A Kubernetes label selector (matchLabels, matchExpressions). */
export interface LabelSelector {
  readonly matchLabels?: { [key: string]: string };
  readonly matchExpressions?: ReadonlyArray<{ readonly key: string; readonly operator: string; readonly values?: readonly string[] }>;
}

/** Whether a selector has no requirement at all (it then matches everything). */
export function isEmptySelector(selector: unknown): boolean {
  if (!isObject(selector)) return true;
  const labels = isObject(selector.matchLabels) ? Object.keys(selector.matchLabels) : [];
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return labels.length === 0 && exprs.length === 0;
}

/** The selector's first problem (as LabelSelectorAsSelector reports it), or undefined. */
export function selectorError(selector: unknown): string | undefined {
  if (!isObject(selector) || !Array.isArray(selector.matchExpressions)) return undefined;
  for (const e of selector.matchExpressions) {
    if (!isObject(e)) continue;
    const values = Array.isArray(e.values) ? e.values : [];
    switch (e.operator) {
      case 'In': case 'NotIn':
        if (values.length === 0) return `key: Invalid value: ${JSON.stringify(e.key)}: for 'in', 'notin' operators, values set can't be empty`;
        break;
      case 'Exists': case 'DoesNotExist':
        if (values.length > 0) return `values: Invalid value: ${JSON.stringify(values)}: values set must be empty for exists and does not exist`;
        break;
      default:
        return `${JSON.stringify(e.operator)} is not a valid pod selector operator`;
    }
  }
  return undefined;
}

/** Whether `labels` satisfy the selector (call selectorError first). */
export function selectorMatches(selector: unknown, labels: { readonly [key: string]: string }): boolean {
  if (!isObject(selector)) return true;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  if (isObject(selector.matchLabels)) {
    for (const [k, v] of Object.entries(selector.matchLabels)) if (!has(k) || labels[k] !== String(v)) return false;
  }
  const exprs: unknown[] = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const e of exprs) {
    if (!isObject(e)) continue;
    const key = String(e.key);
    const values: string[] = (Array.isArray(e.values) ? e.values : []).map(String);
    switch (e.operator) {
      case 'In': if (!has(key) || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has(key) && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has(key)) return false; break;
      case 'DoesNotExist': if (has(key)) return false; break;
    }
  }
  return true;
}
