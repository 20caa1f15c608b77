/**
 * A generator's `values` (applicationset/generators/value_interpolation.go@v3.5.1
 * appendTemplatedValues): each value is a template rendered with the parameter set, then added
 * as `values` (goTemplate: a map) or `values.<key>` (fasttemplate).
 */
import { isObject } from '../../core/values';
import { ParamSet, RenderMode, replace } from '../render';

/** Adds the rendered `values` to a parameter set (in place). Throws AppSetRenderError. */
export function appendTemplatedValues(values: unknown, params: ParamSet, mode: RenderMode): void {
  if (!isObject(values)) return;
  const rendered: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(values)) {
    rendered[k] = replace(String(v), params, mode);
  }
  if (Object.keys(rendered).length === 0) return;
  if (mode.goTemplate) {
    params.values = rendered;
  } else {
    for (const [k, v] of Object.entries(rendered)) params[`values.${k}`] = v;
  }
}
