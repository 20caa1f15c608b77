import { CROSS_OBJECT_RULES, OBJECT_RULES } from '../../../../src/engine/validation/rules';
import { applicationSetRule } from '../../../../src/engine/validation/rules/application-set';
import { notificationsRule } from '../../../../src/engine/validation/rules/notifications';
import { projectGlobRule } from '../../../../src/engine/validation/rules/project-glob';
import { projectPermissionsRule } from '../../../../src/engine/validation/rules/project-permissions';

describe('the rule lists', () => {
  test('a rule that loads on first use carries the id of the rule it loads', () => {
    // (the id is written in rules/index.ts too, so the rule can be named before its module loads)
    const listed = new Map([...OBJECT_RULES, ...CROSS_OBJECT_RULES].map((r) => [r.id, r]));
    for (const loaded of [applicationSetRule, notificationsRule, projectGlobRule, projectPermissionsRule]) {
      expect(listed.has(loaded.id)).toBe(true);
    }
  });

  test('every rule id is listed once', () => {
    const ids = [...OBJECT_RULES, ...CROSS_OBJECT_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
