import { Manifest } from '../engine/core/manifest';
import { Severity, validateManifests } from '../engine/validation';

/**
 * Runs the validation engine on a rendered object (with the objects it refers to) and returns
 * the error messages about it, for `node.addValidation` (cdk8s prefixes the construct path).
 */
export function engineErrors(object: Manifest, context: Manifest[] = []): string[] {
  const projects = context.filter((o) => o.kind === 'AppProject');
  return validateManifests([object], { projects })
    .filter((p) => p.severity === Severity.ERROR && p.index === 0)
    .map((p) => `${p.message} (${p.rule} at ${p.path || '/'})`);
}
