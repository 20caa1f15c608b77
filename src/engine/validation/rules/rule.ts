import { Finding, Manifest } from '../problem';

/** What every rule may ask about the input. */
export interface RuleContext {
  /** Every object in the input, in order. */
  readonly objects: readonly Manifest[];
  /** AppProjects known besides the input (e.g. given with `--project`). */
  readonly extraProjects: readonly Manifest[];
  /** Config Management Plugin configs (plugin.yaml objects) known besides the input. */
  readonly extraPlugins?: readonly Manifest[];
  /** Whether the object is an Argo CD Application, ApplicationSet or AppProject. */
  isArgoCdKind(object: Manifest): boolean;
}

/** A check of one object at a time. A rule may report findings under several rule ids. */
export interface ObjectRule {
  /** The family of rule ids this rule reports, e.g. `metadata`. */
  readonly id: string;
  /** Whether to run on this object. */
  appliesTo(object: Manifest, context: RuleContext): boolean;
  check(object: Manifest, context: RuleContext): Finding[];
}

/** A finding about the object at `index` in the input. */
export interface IndexedFinding {
  readonly index: number;
  readonly finding: Finding;
}

/** A check across objects (an Application against its AppProject, references, duplicates). */
export interface CrossObjectRule {
  readonly id: string;
  check(context: RuleContext): IndexedFinding[];
}

/**
 * Whether the object has a `metadata.annotations` map. Without one, every annotation reader
 * (`annotationsOf` and what builds on it) sees no annotations at all, so the rules about
 * annotations can skip the object without copying anything: most objects have none.
 */
export function hasAnnotations(object: Manifest): boolean {
  const metadata = object?.metadata;
  if (metadata === null || typeof metadata !== 'object') return false;
  const annotations = metadata.annotations;
  return annotations !== null && typeof annotations === 'object' && !Array.isArray(annotations);
}
