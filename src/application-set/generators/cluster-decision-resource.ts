import { GeneratorPollingOptions } from './common';
import { LabelSelector } from './selector';

/** Options of the cluster decision resource generator (a duck-typed placement resource). */
export interface ClusterDecisionResourceGeneratorOptions extends GeneratorPollingOptions {
  /** The ConfigMap naming the resource's group, version, kind and status list. */
  readonly configMapRef: string;
  /**
   * The resource's name (give this or `labelSelector`).
   * @default - none
   */
  readonly name?: string;
  /**
   * Labels of the resources (give this or `name`).
   * @default - none
   */
  readonly labelSelector?: LabelSelector;
}
