import { fieldPath } from '../core/json-pointer';

/**
 * An ApplicationSet that cannot be expanded: names the ApplicationSet, the field (JSON pointer
 * `path`, readable in the message) and Go's message (`goMessage`).
 */
export class AppSetExpansionError extends Error {
  constructor(public readonly appSet: string, public readonly path: string, public readonly goMessage: string) {
    super(`ApplicationSet ${JSON.stringify(appSet)}: ${fieldPath(path)}: ${goMessage}`);
    this.name = 'AppSetExpansionError';
  }
}
