import { hookRule } from './hooks';
import { duplicateObjectRule, manifestShapeRule } from './manifest';
import { metadataRule } from './metadata';
import { pluginRule } from './plugin';
import { resourceOptionsRule } from './resource-options';
import { CrossObjectRule, ObjectRule } from './rule';
import { syncWaveRule } from './sync-wave';

/** The per-object rules, in the order they run. */
export const OBJECT_RULES: readonly ObjectRule[] = [
  manifestShapeRule,
  metadataRule,
  hookRule,
  syncWaveRule,
  resourceOptionsRule,
];

/** The rules that look across objects. */
export const CROSS_OBJECT_RULES: readonly CrossObjectRule[] = [
  duplicateObjectRule,
  pluginRule,
];

export * from './rule';
