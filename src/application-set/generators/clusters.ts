import { GeneratorValuesOptions } from './common';
import { LabelSelector } from './selector';

/** Options of the clusters generator (one parameter set per cluster Secret, plus the in-cluster entry). */
export interface ClustersGeneratorOptions extends GeneratorValuesOptions {
  /**
   * Only the cluster Secrets whose labels match (the in-cluster entry is then left out).
   * @default - every cluster
   */
  readonly clusterSelector?: LabelSelector;
  /**
   * One parameter set holding every cluster under `clusters`.
   * @default false
   */
  readonly flatList?: boolean;
}
