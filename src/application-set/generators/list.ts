import { GeneratorOptions } from './common';

/** Options of the list generator. */
export interface ListGeneratorOptions extends GeneratorOptions {
  /**
   * The parameter sets, one per Application. Without goTemplate every value must be a string.
   * @default - none
   */
  readonly elements?: Array<{ [key: string]: any }>;
  /**
   * More parameter sets as a YAML list (a template itself in a matrix, e.g. `{{ .values.list }}`).
   * @default - none
   */
  readonly elementsYaml?: string;
}
