import { GeneratorPollingOptions } from './common';

/** Options of the plugin generator (an HTTP service that returns parameter sets). */
export interface PluginGeneratorOptions extends GeneratorPollingOptions {
  /** The ConfigMap holding the plugin's URL and token. */
  readonly configMapRef: string;
  /**
   * Input parameters sent to the plugin (also available as `generator.input.parameters`).
   * @default - none
   */
  readonly parameters?: { [key: string]: any };
}
