import { IConstruct } from 'constructs';

/**
 * An error thrown eagerly by a construct, prefixed with the construct path the way cdk8s
 * prefixes `addValidation` errors: `[chart/app] message`.
 */
export function validationError(scope: IConstruct, message: string): Error {
  const error = new Error(`[${scope.node.path}] ${message}`);
  error.name = 'ValidationError';
  return error;
}
