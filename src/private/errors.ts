import { IConstruct } from 'constructs';

/**
 * An error thrown eagerly by a construct, prefixed with the construct path the way cdk8s
 * prefixes `addValidation` errors: `[chart/app] message`.
 */
export function validationError(scope: IConstruct, message: string): Error {
  return validationErrorAt(scope.node.path, message);
}

/** The same error for a construct path given as a string (e.g. one not created yet: `scope/id`). */
export function validationErrorAt(path: string, message: string): Error {
  const error = new Error(`[${path}] ${message}`);
  error.name = 'ValidationError';
  return error;
}
