import { ConstructValidationError, RenderedApp, RenderedObject, runApp } from './app-runner';
import { formatConstructProblem } from './format';
import { PluginContext } from './plugin-config';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Problem } from '../../engine/validation/problem';

/** The outcome of rendering and validating one app entry. */
export interface RenderResult {
  readonly apps: RenderedApp[];
  /** Every object the entry rendered, in output order. */
  readonly objects: RenderedObject[];
  readonly problems: Problem[];
  /** `[construct/path] message` lines, errors and warnings (or cdk8s's own validation errors). */
  readonly lines: string[];
  readonly failed: boolean;
}

/**
 * The one render pipeline of `synth` and `generate`: runs an app entry, then validates everything
 * it rendered in one pass (every App and chart of the entry together, so cross-object rules see
 * the whole output), with the plugin context. Problems are reported against construct paths.
 */
export function renderAndValidate(entry: string, plugin: PluginContext, strict = false): RenderResult {
  let apps: RenderedApp[];
  try {
    apps = runApp(entry);
  } catch (e) {
    if (e instanceof ConstructValidationError) {
      return { apps: [], objects: [], problems: [], lines: e.lines, failed: true };
    }
    throw e;
  }
  const objects = apps.flatMap((app) => app.charts.flatMap((c) => c.objects));
  const problems = validateManifests(objects.map((o) => o.manifest), { plugins: plugin.config ? [plugin.config] : undefined });
  const lines = problems.map((p) => formatConstructProblem(objects[p.index!].constructPath, p));
  return { apps, objects, problems, lines, failed: hasErrors(problems, strict) };
}
