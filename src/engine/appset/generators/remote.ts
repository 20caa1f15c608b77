/**
 * Generators that ask a remote API (pullRequest, scmProvider, clusterDecisionResource, plugin):
 * offline, their parameter sets are given by the caller, keyed by the generator's JSON pointer
 * in the ApplicationSet (e.g. `/spec/generators/1` or `/spec/generators/0/matrix/generators/1`;
 * `/spec/generators/1/pullRequest` also works)
 * or by its kind (`pullRequest`) for every generator of that kind. The generator's `values`
 * are added as Argo CD adds them; a plugin's parameter sets also get
 * `generator.input.parameters` (applicationset/generators/plugin.go@v3.5.1).
 */
import { isObject } from '../../core/values';
import { AppSetRenderError, ParamSet, RenderMode } from '../render';
import { flattenParams } from '../selector';
import { appendTemplatedValues } from './values';

/** Parameter sets for remote generators: by generator pointer or by kind. */
export type RemoteParams = { readonly [pointerOrKind: string]: readonly object[] };

/** The parameter sets of a remote generator, from `given`. Throws AppSetRenderError when there are none. */
export function remoteParams(kind: string, gen: { [key: string]: any }, ptr: string, given: RemoteParams | undefined, mode: RenderMode): ParamSet[] {
  const entry = ptr.slice(0, ptr.lastIndexOf('/'));
  const key = [ptr, entry, kind].find((k) => given !== undefined && Object.prototype.hasOwnProperty.call(given, k));
  if (key === undefined) {
    throw new AppSetRenderError(`the ${kind} generator asks a remote API for its parameters: give them offline under the key ${JSON.stringify(entry)} or ${JSON.stringify(kind)} (expandApplicationSet inputs.params, or --params FILE)`, '');
  }
  const sets = given![key];
  if (!Array.isArray(sets)) {
    throw new AppSetRenderError(`the parameters given for the ${kind} generator (key ${JSON.stringify(key)}) are not a list: give a list of parameter objects`, '');
  }
  return sets.map((s, i) => {
    if (!isObject(s)) {
      throw new AppSetRenderError(`parameter set ${i} given for the ${kind} generator is not an object: give a list of parameter objects`, '');
    }
    let params: ParamSet;
    if (kind === 'plugin') {
      params = mode.goTemplate ? { ...s } : flattenParams(s);
      params.generator = { input: { parameters: isObject(gen.input?.parameters) ? gen.input.parameters : null } };
    } else {
      params = { ...s };
    }
    try {
      appendTemplatedValues(gen.values, params, mode);
    } catch (e) {
      if (e instanceof AppSetRenderError) throw new AppSetRenderError(`failed to replace templated string: ${e.goMessage}`, '/values');
      throw e;
    }
    return params;
  });
}
