/**
 * The list generator (applicationset/generators/list.go@v3.5.1): `elements` as parameter sets,
 * then `elementsYaml` parsed and appended. Without goTemplate every element value must be a
 * string, and a `values` map becomes `values.<key>` parameters.
 */
import { isObject } from '../../core/values';
import { AppSetRenderError, ParamSet, RenderMode } from '../render';
import { parseYaml } from '../yaml';

/** The parameter sets of a list generator. Throws AppSetRenderError with Argo CD's message. */
export function listParams(list: { [key: string]: any }, mode: RenderMode): ParamSet[] {
  const elements: unknown[] = Array.isArray(list.elements) ? list.elements : [];
  const out: ParamSet[] = elements.map((element, i) => {
    if (!isObject(element)) {
      throw new AppSetRenderError(`error unmarshling list element json: cannot unmarshal ${Array.isArray(element) ? 'array' : typeof element} into Go value of type map[string]interface {}`, `/elements/${i}`);
    }
    if (mode.goTemplate) return { ...element };
    const params: ParamSet = {};
    for (const [key, value] of Object.entries(element)) {
      if (key === 'values') {
        if (!isObject(value)) throw new AppSetRenderError('error parsing values map', `/elements/${i}/values`);
        for (const [k, v] of Object.entries(value)) {
          if (typeof v !== 'string') throw new AppSetRenderError('error parsing value as string %!w(<nil>)', `/elements/${i}/values/${k}`);
          params[`values.${k}`] = v;
        }
      } else {
        if (typeof value !== 'string') throw new AppSetRenderError('error parsing value as string %!w(<nil>)', `/elements/${i}/${key}`);
        params[key] = value;
      }
    }
    return params;
  });
  if (typeof list.elementsYaml === 'string' && list.elementsYaml !== '') {
    let parsed: unknown;
    try {
      parsed = parseYaml(list.elementsYaml);
    } catch (e) {
      throw new AppSetRenderError(`error unmarshling decoded ElementsYaml ${(e as Error).message}`, '/elementsYaml');
    }
    if (parsed !== null && (!Array.isArray(parsed) || parsed.some((x) => x !== null && !isObject(x)))) {
      throw new AppSetRenderError('error unmarshling decoded ElementsYaml error unmarshaling JSON: json: cannot unmarshal into Go value of type []map[string]interface {}', '/elementsYaml');
    }
    for (const e of (parsed ?? []) as unknown[]) out.push(isObject(e) ? { ...e } : {});
  }
  return out;
}
