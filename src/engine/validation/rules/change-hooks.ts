import { CrossObjectRule, hasAnnotations, IndexedFinding, RuleContext } from './rule';
import {
  ambiguousChangeDetectionError, applicationSyncOptionsOf, changeHookIdError, changeHookMarkersOf, ChangeHookTargetRef,
  exprLiteralError, gateWithoutRetryWarning, gateWithReplaceError, healthMessageOverwriteWarning, isMultiStepSync, isTargetObject,
  resourceSyncOptionsOf, targetIsHookError, targetNotRenderedError, targetRefString,
} from '../../argo/change-hooks';
import { pointer } from '../../core/json-pointer';
import { groupOf, Manifest } from '../../core/manifest';
import { isObject, str } from '../../core/values';
import { error, warning } from '../problem';

function isApplication(o: Manifest): boolean {
  return isObject(o) && o.kind === 'Application' && groupOf(o) === 'argoproj.io';
}

/**
 * Checks of the objects a `ResourceChangeHook` generates, read back from their
 * `change-hooks.cdk8s-argocd.io/*` markers, against the rest of the input:
 *
 * - `change-hook/name`: the hook id is a DNS label without "." (trigger and Job names);
 * - `change-hook/literal`: the target's identity can be embedded in a trigger expression;
 * - `change-hook/target-not-rendered`: a Job strategy's target is not in the input;
 * - `change-hook/target-is-hook`: the target is a hook or skipped, so it never "changes";
 * - `change-hook/replace-wipes-state`: a gate whose Application syncs with `Replace=true`;
 * - `change-hook/no-retry`: a gate that fails the sync of an automated Application without retry;
 * - `change-hook/ambiguous-change-detection`: the notification strategy with automatic detection
 *   under server-side apply or Replace without ApplyOutOfSyncOnly;
 * - `change-hook/health-message-overwrite`: automatic detection of a kind whose verdict a
 *   multi-step sync overwrites.
 */
export const changeHooksRule: CrossObjectRule = {
  id: 'change-hook',
  check(ctx: RuleContext): IndexedFinding[] {
    const out: IndexedFinding[] = [];
    const objects = ctx.objects;
    // Built on the first change hook marker: most inputs have none.
    let applications: Map<string, Manifest> | undefined;
    const applicationsByName = () => {
      const map = new Map<string, Manifest>();
      for (const o of objects) if (isApplication(o)) map.set(str(o.metadata?.name), o);
      return map;
    };
    const targetOf = (t: ChangeHookTargetRef) => objects.find((o) => isTargetObject(o, t));
    let multiStep: boolean | undefined;
    const isMultiStep = () => (multiStep ??= isMultiStepSync(objects.filter((o) => isObject(o) && !ctx.isArgoCdKind(o))));

    objects.forEach((object, index) => {
      // The markers are annotations: an object without any has none.
      if (!isObject(object) || !hasAnnotations(object)) return;
      for (const { key, marker } of changeHookMarkersOf(object)) {
        const path = pointer('metadata', 'annotations', key);
        const add = (finding: ReturnType<typeof error>) => out.push({ index, finding });
        const idProblem = changeHookIdError(marker.id);
        if (idProblem) add(error('change-hook/name', path, idProblem));
        for (const [field, value] of Object.entries(marker.target)) {
          const problem = typeof value === 'string' ? exprLiteralError(`target ${field}`, value) : undefined;
          if (problem) add(error('change-hook/literal', path, problem));
        }
        const target = targetOf(marker.target);
        if (marker.strategy !== 'notification') {
          if (target === undefined) add(error('change-hook/target-not-rendered', path, targetNotRenderedError(marker.id, marker.target)));
        }
        if (target !== undefined) {
          const problem = targetIsHookError(marker.target, target);
          if (problem) add(error('change-hook/target-is-hook', path, problem));
        }
        const app = (applications ??= applicationsByName()).get(marker.application);
        if (marker.strategy === 'postSyncGate' && app !== undefined) {
          const replace = gateWithReplaceError(marker.application, applicationSyncOptionsOf(app));
          if (replace) add(error('change-hook/replace-wipes-state', path, replace));
          const retry = marker.failSyncOnError !== false ? gateWithoutRetryWarning(marker.application, app) : undefined;
          if (retry) add(warning('change-hook/no-retry', path, retry));
        }
        if (marker.strategy === 'notification' && marker.changeDetection === 'auto') {
          const appOptions = isApplication(object) ? applicationSyncOptionsOf(object) : app ? applicationSyncOptionsOf(app) : [];
          const targetOptions = target ? resourceSyncOptionsOf(target) : [];
          const ambiguous = ambiguousChangeDetectionError(marker.application, appOptions, targetOptions, targetRefString(marker.target));
          if (ambiguous) {add(error('change-hook/ambiguous-change-detection', path, ambiguous));} else if (target !== undefined && !appOptions.includes('ApplyOutOfSyncOnly=true') && isMultiStep()) {
            const overwrite = healthMessageOverwriteWarning(marker.target);
            if (overwrite) add(warning('change-hook/health-message-overwrite', path, overwrite));
          }
        }
      }
    });
    return out;
  },
};
