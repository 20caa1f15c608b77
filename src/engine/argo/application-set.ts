/**
 * ApplicationSet facts of Argo CD v3.5.1 (pkg/apis/application/v1alpha1/applicationset_types.go,
 * applicationset/generators/*.go, applicationset/utils/utils.go) and the predicates both the
 * construct and the `applicationset/*` rules use.
 */
import { didYouMean } from '../core/did-you-mean';

/** The generator kinds, as the keys of `spec.generators[]` spell them. */
export const GENERATOR_KINDS: readonly string[] = [
  'list', 'clusters', 'git', 'scmProvider', 'clusterDecisionResource', 'pullRequest', 'plugin', 'matrix', 'merge',
];

/** Generators that ask a remote API for their parameter sets (offline: given by the user). */
export const REMOTE_GENERATOR_KINDS: readonly string[] = ['pullRequest', 'scmProvider', 'clusterDecisionResource', 'plugin'];

/** Generators that combine child generators. */
export const COMBINING_GENERATOR_KINDS: readonly string[] = ['matrix', 'merge'];

/** Generator kinds whose `values` map (map[string]string) is added to every parameter set. */
export const GENERATORS_WITH_VALUES: readonly string[] = ['clusters', 'git', 'scmProvider', 'clusterDecisionResource', 'pullRequest', 'plugin'];

/** The pull-request generator's providers (PullRequestGenerator). */
export const PULL_REQUEST_PROVIDERS: readonly string[] = ['github', 'gitlab', 'gitea', 'bitbucketServer', 'bitbucket', 'azuredevops'];

/** The SCM provider generator's providers (SCMProviderGenerator). */
export const SCM_PROVIDERS: readonly string[] = ['github', 'gitlab', 'gitea', 'bitbucketServer', 'bitbucket', 'azureDevOps', 'awsCodeCommit'];

/** `spec.syncPolicy.applicationsSync` values (ApplicationsSyncPolicy). */
export const APPLICATIONS_SYNC_POLICIES: readonly string[] = ['create-only', 'create-update', 'create-delete', 'sync'];

/** `spec.strategy.type` values. */
export const STRATEGY_TYPES: readonly string[] = ['AllAtOnce', 'RollingSync'];

/**
 * How deep matrix and merge generators nest: a matrix or merge at the top level may hold a
 * matrix or merge (NestedMatrixGenerator, NestedMergeGenerator), whose children are terminal
 * generators (ApplicationSetTerminalGenerator has no matrix or merge field: a deeper one is dropped).
 */
export const MAX_COMBINING_DEPTH = 2;

/** The text/template options Template.Option accepts (go/src/text/template/option.go). */
export const GO_TEMPLATE_OPTIONS: readonly string[] = ['missingkey=default', 'missingkey=invalid', 'missingkey=zero', 'missingkey=error'];

/** The goTemplateOptions this library writes by default. */
export const DEFAULT_GO_TEMPLATE_OPTIONS: readonly string[] = ['missingkey=error'];

/** The name Argo CD gives the template in Render.Replace (`baseTemplate = template.New("base")`). */
export const GO_TEMPLATE_NAME = 'base';

/** The generator kinds an entry of `generators[]` sets (non-null keys among GENERATOR_KINDS). */
export function generatorKindsOf(generator: { [key: string]: unknown }): string[] {
  return GENERATOR_KINDS.filter((k) => generator[k] !== undefined && generator[k] !== null);
}

/**
 * A goTemplateOptions entry Template.Option would panic on (the controller reports the
 * ApplicationSet as failed): undefined when the option is accepted.
 */
export function goTemplateOptionError(option: string): string | undefined {
  if (GO_TEMPLATE_OPTIONS.includes(option)) return undefined;
  const hint = didYouMean(option, GO_TEMPLATE_OPTIONS);
  return `goTemplateOptions entry ${JSON.stringify(option)} is not a text/template option, and Template.Option panics on it: ${hint ? `did you mean ${JSON.stringify(hint)}?` : `use one of ${GO_TEMPLATE_OPTIONS.map((o) => JSON.stringify(o)).join(', ')}`}`;
}

/** A matrix holds exactly two generators (matrix.go ErrLessThanTwoGenerators / ErrMoreThanTwoGenerators). */
export function matrixChildrenError(count: number, at = 'matrix.generators'): string | undefined {
  if (count < 2) return `${at} has ${count} generator${count === 1 ? '' : 's'}, but a matrix combines exactly two ("found less than two generators, Matrix support only two"): add ${count === 0 ? 'two generators' : 'a second generator'}`;
  if (count > 2) return `${at} has ${count} generators, but a matrix combines exactly two ("found more than two generators, Matrix support only two"): nest a matrix of two of them as one child`;
  return undefined;
}

/** A merge holds at least two generators and one merge key (merge.go). */
export function mergeShapeError(count: number, mergeKeys: readonly string[], at = 'merge'): string | undefined {
  if (count < 2) return `${at}.generators has ${count} generator${count === 1 ? '' : 's'}, but a merge needs a base and at least one more ("found less than two generators, Merge requires two or more"): add a generator`;
  if (mergeKeys.length === 0) return `${at}.mergeKeys is empty ("no merge keys were specified, Merge requires at least one"): name the parameter that pairs the parameter sets, e.g. "server"`;
  return undefined;
}

/** A matrix or merge nested deeper than Argo CD reads (the children of a nested one are terminal). */
export function nestingDepthError(kind: string, depth: number, at: string): string | undefined {
  if (depth <= MAX_COMBINING_DEPTH) return undefined;
  return `${at} is a ${kind} nested ${depth} levels deep, but Argo CD reads matrix and merge generators only ${MAX_COMBINING_DEPTH} levels deep and drops this one (the child then generates nothing: "child generator generated no parameters"): flatten the nesting`;
}

/** `maxUpdate` of a RollingSync step: a non-negative integer or a percentage string such as "25%". */
export function maxUpdateError(value: number | string): string | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 ? undefined : `maxUpdate ${value} is not a non-negative integer: use a number of Applications or a percentage such as "25%"`;
  }
  const m = /^(\d+)%$/.exec(value);
  return m && Number(m[1]) <= 100 ? undefined : `maxUpdate ${JSON.stringify(value)} is not a percentage from "0%" to "100%": use e.g. "25%", or a number of Applications`;
}

/** A `{{ … }}` placeholder in a string (either mode). */
export function hasPlaceholder(text: string): boolean {
  return text.includes('{{');
}
