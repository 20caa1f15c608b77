import { GeneratorOptions } from './common';
import type { ApplicationSetGenerator } from './generator';

/** Options of the matrix generator: the cartesian product of exactly two generators. */
export interface MatrixGeneratorOptions extends GeneratorOptions {
  /** The two generators; the second sees the first one's parameters. */
  readonly generators: ApplicationSetGenerator[];
}

/** Options of the merge generator: the base generator's parameter sets, overridden by the others'. */
export interface MergeGeneratorOptions extends GeneratorOptions {
  /** The base generator first, then the generators that override it. */
  readonly generators: ApplicationSetGenerator[];
  /** Top-level parameter names that pair parameter sets. */
  readonly mergeKeys: string[];
}
