import { ClusterDecisionResourceGeneratorOptions } from './cluster-decision-resource';
import { ClustersGeneratorOptions } from './clusters';
import { GeneratorOptions, GeneratorPollingOptions } from './common';
import { GitDirectoriesGeneratorOptions, GitFilesGeneratorOptions, GitGeneratorOptions } from './git';
import { ListGeneratorOptions } from './list';
import { MatrixGeneratorOptions, MergeGeneratorOptions } from './matrix-merge';
import { PluginGeneratorOptions } from './plugin';
import { PullRequestGeneratorOptions } from './pull-request';
import { ScmProviderGeneratorOptions } from './scm-provider';
import { renderSelector } from './selector';
import { matrixChildrenError, mergeShapeError, nestingDepthError } from '../../engine/argo/application-set';
import { compact, undefinedIfEmpty, undefinedIfEmptyMap } from '../../private/render';

function polling(o: GeneratorPollingOptions): { [key: string]: any } {
  return { values: undefinedIfEmptyMap(o.values), requeueAfterSeconds: o.requeueAfter?.toSeconds() };
}

function git(o: GitGeneratorOptions): { [key: string]: any } {
  return { repoURL: o.repoURL, revision: o.revision ?? 'HEAD', pathParamPrefix: o.pathParamPrefix, ...polling(o) };
}

/**
 * A generator of an ApplicationSet: where the parameter sets come from.
 * @see https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators/
 */
export class ApplicationSetGenerator {
  /** Fixed parameter sets. */
  public static list(options: ListGeneratorOptions = {}): ApplicationSetGenerator {
    return new ApplicationSetGenerator('list', { elements: options.elements ?? [], elementsYaml: options.elementsYaml }, options);
  }
  /** One parameter set per cluster registered in Argo CD. */
  public static clusters(options: ClustersGeneratorOptions = {}): ApplicationSetGenerator {
    return new ApplicationSetGenerator('clusters', {
      selector: renderSelector(options.clusterSelector), flatList: options.flatList, values: undefinedIfEmptyMap(options.values),
    }, options);
  }
  /** One parameter set per directory of a Git repository. */
  public static gitDirectories(options: GitDirectoriesGeneratorOptions): ApplicationSetGenerator {
    return new ApplicationSetGenerator('git', { ...git(options), directories: options.directories.map((d) => compact({ ...d })) }, options);
  }
  /** Parameter sets read from JSON or YAML files of a Git repository. */
  public static gitFiles(options: GitFilesGeneratorOptions): ApplicationSetGenerator {
    return new ApplicationSetGenerator('git', { ...git(options), files: options.files.map((f) => compact({ ...f })) }, options);
  }
  /** The combinations of two generators' parameter sets. */
  public static matrix(options: MatrixGeneratorOptions): ApplicationSetGenerator {
    const problem = matrixChildrenError(options.generators.length);
    if (problem) throw new Error(problem);
    return new ApplicationSetGenerator('matrix', {}, options, options.generators);
  }
  /** A base generator's parameter sets, overridden by other generators' sets with the same merge keys. */
  public static merge(options: MergeGeneratorOptions): ApplicationSetGenerator {
    const problem = mergeShapeError(options.generators.length, options.mergeKeys);
    if (problem) throw new Error(problem);
    return new ApplicationSetGenerator('merge', { mergeKeys: options.mergeKeys }, options, options.generators);
  }
  /** One parameter set per open pull request. */
  public static pullRequest(options: PullRequestGeneratorOptions): ApplicationSetGenerator {
    return new ApplicationSetGenerator('pullRequest', {
      [options.provider.key]: options.provider._toArgo(),
      filters: undefinedIfEmpty(options.filters)?.map((f) => compact({ ...f })),
      continueOnRepoNotFoundError: options.continueOnRepoNotFoundError,
      ...polling(options),
    }, options);
  }
  /** One parameter set per repository (or branch) of an organisation. */
  public static scmProvider(options: ScmProviderGeneratorOptions): ApplicationSetGenerator {
    return new ApplicationSetGenerator('scmProvider', {
      [options.provider.key]: options.provider._toArgo(),
      filters: undefinedIfEmpty(options.filters)?.map((f) => compact({ ...f })),
      cloneProtocol: options.cloneProtocol,
      ...polling(options),
    }, options);
  }
  /** One parameter set per cluster a placement resource decides on. */
  public static clusterDecisionResource(options: ClusterDecisionResourceGeneratorOptions): ApplicationSetGenerator {
    return new ApplicationSetGenerator('clusterDecisionResource', {
      configMapRef: options.configMapRef, name: options.name, labelSelector: renderSelector(options.labelSelector), ...polling(options),
    }, options);
  }
  /** Parameter sets returned by a generator plugin. */
  public static plugin(options: PluginGeneratorOptions): ApplicationSetGenerator {
    return new ApplicationSetGenerator('plugin', {
      configMapRef: { name: options.configMapRef }, input: options.parameters ? { parameters: options.parameters } : undefined, ...polling(options),
    }, options);
  }

  /** The generator kind (`list`, `clusters`, `git`, `matrix`, …). */
  public readonly kind: string;
  /** How deep matrix and merge generators nest below and including this one (0 for others). */
  public readonly nesting: number;

  private constructor(kind: string, private readonly body: { [key: string]: any }, private readonly options: GeneratorOptions,
    private readonly children: ApplicationSetGenerator[] = []) {
    this.kind = kind;
    const childNesting = Math.max(0, ...children.map((c) => c.nesting));
    this.nesting = children.length > 0 || kind === 'matrix' || kind === 'merge' ? childNesting + 1 : 0;
    const deep = nestingDepthError(kind, this.nesting, `this ${kind}`);
    if (deep) throw new Error(deep);
  }

  /** @internal The generator as Argo CD reads it (wire form). */
  public _toArgo(): { [key: string]: any } {
    const body = compact({ ...this.body, generators: this.children.length > 0 ? this.children.map((c) => c._toArgo()) : undefined });
    return compact({ [this.kind]: body, selector: renderSelector(this.options.selector) });
  }
}
