import { Duration } from 'cdk8s';
import { LabelSelector } from './selector';

/** Options every generator takes. */
export interface GeneratorOptions {
  /**
   * Post-selector: keep only the parameter sets whose (flattened) parameters match.
   * @default - every parameter set
   */
  readonly selector?: LabelSelector;
}

/** Options of generators that add `values` to their parameters. */
export interface GeneratorValuesOptions extends GeneratorOptions {
  /**
   * Extra parameters, themselves templates rendered with the generator's parameters
   * (`{{.values.key}}` with goTemplate, `{{values.key}}` without).
   * @default - none
   */
  readonly values?: { [key: string]: string };
}

/** Options of generators that poll. */
export interface GeneratorPollingOptions extends GeneratorValuesOptions {
  /**
   * How often the controller asks again.
   * @default - Argo CD's default for the generator (3 minutes for git, 30 minutes for pull requests, SCM providers and plugins)
   */
  readonly requeueAfter?: Duration;
}

/** A reference to a key of a Secret. */
export interface SecretKeyRef {
  /** The Secret's name (in the Argo CD namespace). */
  readonly secretName: string;
  /** The key in the Secret. */
  readonly key: string;
}
