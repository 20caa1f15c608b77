import { annotationAsLabelRule } from './annotation-as-label';
import { appProjectRule } from './app-project';
import { applicationRule } from './application';
import { applicationSetRule } from './application-set';
import { changeHooksRule } from './change-hooks';
import { hookReferencesRule } from './hook-references';
import { hookRule } from './hooks';
import { duplicateObjectRule, manifestShapeRule } from './manifest';
import { metadataRule } from './metadata';
import { notificationsRule } from './notifications';
import { pluginRule } from './plugin';
import { projectGlobRule } from './project-glob';
import { applicationWaveHealthRule, projectPermissionsRule } from './project-permissions';
import { resourceOptionsRule } from './resource-options';
import { CrossObjectRule, ObjectRule } from './rule';
import { syncWaveRule } from './sync-wave';

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
