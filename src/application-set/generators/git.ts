import { GeneratorPollingOptions } from './common';

/** A path pattern of the git generator. */
export interface GitPathPattern {
  /** A path.Match pattern (directories) or git pathspec (files), e.g. `apps/*` or `config/**\/config.json`. */
  readonly path: string;
  /**
   * Leave out what matches (wins over any include).
   * @default false
   */
  readonly exclude?: boolean;
}

/** Options the git generators share. */
export interface GitGeneratorOptions extends GeneratorPollingOptions {
  /** The Git repository URL. */
  readonly repoURL: string;
  /**
   * Branch, tag or commit.
   * @default 'HEAD'
   */
  readonly revision?: string;
  /**
   * Prefix of the path parameters (`{{.prefix.path.basename}}`).
   * @default - none
   */
  readonly pathParamPrefix?: string;
}

/** Options of the git directories generator. */
export interface GitDirectoriesGeneratorOptions extends GitGeneratorOptions {
  /** The directories to include or exclude. */
  readonly directories: GitPathPattern[];
}

/** Options of the git files generator. */
export interface GitFilesGeneratorOptions extends GitGeneratorOptions {
  /** The JSON or YAML files to read parameters from. */
  readonly files: GitPathPattern[];
}
