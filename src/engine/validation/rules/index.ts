import { annotationAsLabelRule } from './annotation-as-label';
import { appProjectRule } from './app-project';
import { applicationRule } from './application';
import { applicationWaveHealthRule } from './application-wave-health';
import { changeHooksRule } from './change-hooks';
import { hookReferencesRule } from './hook-references';
import { hookRule } from './hooks';
import { duplicateObjectRule, manifestShapeRule } from './manifest';
import { metadataRule } from './metadata';
import { pluginRule } from './plugin';
import { resourceOptionsRule } from './resource-options';
import { CrossObjectRule, ObjectRule, RuleContext } from './rule';
import { NOTIFICATIONS_CONFIGMAP } from '../../argo/config-names';
import { Manifest } from '../problem';
import { syncWaveRule } from './sync-wave';

/**
 * A rule whose module loads only when an object it applies to is in the input: the ApplicationSet
 * and notification rules bring the Go template and expr evaluators (and re2js, yaml), which an
 * input of Applications never needs; `generate` runs inside argocd-repo-server on every render.
 */
function lazyObjectRule(id: string, relevant: (object: Manifest) => boolean, load: () => ObjectRule): ObjectRule {
  let rule: ObjectRule | undefined;
  return {
    id,
    appliesTo: (object, context) => relevant(object) && (rule ??= load()).appliesTo(object, context),
    check: (object, context) => (rule ??= load()).check(object, context),
  };
}

/** The kinds of the objects of an input, found once per input for every lazy rule. */
const kindsByInput = new WeakMap<readonly Manifest[], Set<string>>();

function kindsOf(objects: readonly Manifest[]): Set<string> {
  let kinds = kindsByInput.get(objects);
  if (kinds === undefined) {
    kinds = new Set();
    for (let i = 0; i < objects.length; i++) {
      const kind = objects[i]?.kind;
      if (typeof kind === 'string') kinds.add(kind);
    }
    kindsByInput.set(objects, kinds);
  }
  return kinds;
}

/**
 * The cross-object twin of {@link lazyObjectRule}: loaded only when some object of `kind` makes it
 * relevant (or, with `alsoWhen`, something else in the context). An input without that kind is
 * not walked again.
 */
function lazyCrossObjectRule(
  id: string, kind: string, relevant: (object: Manifest) => boolean, load: () => CrossObjectRule, alsoWhen?: (context: RuleContext) => boolean,
): CrossObjectRule {
  let rule: CrossObjectRule | undefined;
  const applies = (context: RuleContext) => alsoWhen?.(context)
    || (kindsOf(context.objects).has(kind) && context.objects.some((o) => o !== null && typeof o === 'object' && o.kind === kind && relevant(o)));
  return {
    id,
    check: (context: RuleContext) => (applies(context) ? (rule ??= load()).check(context) : []),
  };
}

/* eslint-disable @typescript-eslint/no-require-imports */
const notificationsRule = lazyCrossObjectRule('notifications', 'ConfigMap', (o) => o.metadata?.name === NOTIFICATIONS_CONFIGMAP,
  () => (require('./notifications') as typeof import('./notifications')).notificationsRule);
const applicationSetRule = lazyObjectRule('applicationset', (o) => o.kind === 'ApplicationSet',
  () => (require('./application-set') as typeof import('./application-set')).applicationSetRule);
// The AppProject rules bring the gobwas/glob port and the Git URL normalizer (about 30 modules,
// some 20 ms to load): an input whose AppProjects live elsewhere never needs them. Without a
// known AppProject, the permission checks have nothing to check.
const projectGlobRule = lazyObjectRule('project/glob', (o) => o.kind === 'AppProject',
  () => (require('./project-glob') as typeof import('./project-glob')).projectGlobRule);
const projectPermissionsRule = lazyCrossObjectRule('project-permissions', 'AppProject', () => true,
  () => (require('./project-permissions') as typeof import('./project-permissions')).projectPermissionsRule,
  (context) => context.extraProjects.length > 0);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The per-object rules, in the order they run, after `manifestShapeRule` (which runs first, on
 * every document) and the schema.
 */
export const OBJECT_RULES: readonly ObjectRule[] = [
  metadataRule,
  applicationRule,
  applicationSetRule,
  appProjectRule,
  projectGlobRule,
  hookRule,
  syncWaveRule,
  resourceOptionsRule,
  annotationAsLabelRule,
];

/** The rules that look across objects. */
export const CROSS_OBJECT_RULES: readonly CrossObjectRule[] = [
  duplicateObjectRule,
  projectPermissionsRule,
  applicationWaveHealthRule,
  pluginRule,
  hookReferencesRule,
  notificationsRule,
  changeHooksRule,
];

export * from './rule';
export { manifestShapeRule };
