/**
 * The ApplicationSet expansion as the package exports it: the engine (the Go template engine,
 * Sprig, re2js, the YAML parser) loads on the first call, not when the package is imported.
 */
import type { ExpandInputs } from './expand-application-set';
import { lazy } from '../core/lazy';

export { AppSetExpansionError } from './errors';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = lazy(() => require('./expand-application-set') as typeof import('./expand-application-set'));

/**
 * The Applications Argo CD would create from an ApplicationSet, offline: list, clusters (from
 * `inputs.clusters`), git directories and files (from the checkout in `inputs.repoDir`), matrix,
 * merge and post-selectors; generators that need a remote API take their parameter sets from
 * `inputs.params`. Throws AppSetExpansionError naming the ApplicationSet, the field and Go's message.
 */
export function expandApplicationSet(appSet: object, inputs: ExpandInputs = {}): object[] {
  return engine().expandApplicationSet(appSet, inputs);
}
