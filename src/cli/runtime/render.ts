import { RenderedApp, RenderedObject, runApp } from './app-runner';
import { ReportedError } from './errors';
import { formatConstructProblem, summary } from './format';
import { PluginContext } from './plugin-config';
import { hasErrors, validateJsonManifests } from '../../engine/validation';
import { Problem } from '../../engine/validation/problem';

/** The outcome of rendering and validating one app entry. */
export interface RenderResult {
  readonly apps: RenderedApp[];
  /** Every object the entry rendered, in output order. */
  readonly objects: RenderedObject[];
  readonly problems: Problem[];
  /**
   * `[construct/path]: severity: message [rule]` lines, errors and warnings (or the app's own
   * failure: cdk8s's validation errors, a construct's thrown error, a syntax error).
   */
  readonly lines: string[];
  /** The count line: `N errors, M warnings in K objects (F files)`. */
  readonly summary: string;
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
    if (e instanceof ReportedError) {
      const errors = e.lines.filter((l) => /^(\S.*?: )?error: /.test(l)).length;
      const warnings = e.lines.filter((l) => /^(\S.*?: )?warning: /.test(l)).length;
      const count = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}: the app did not render\n`;
      return { apps: [], objects: [], problems: [], lines: e.lines, summary: count, failed: true };
    }
    throw e;
  }
  const objects = apps.flatMap((app) => app.charts.flatMap((c) => c.objects));
  // chart.toJson() returns JSON data (cdk8s's sanitizeValue rejects anything else): no copy first.
  const problems = validateJsonManifests(objects.map((o) => o.manifest), { plugins: plugin.config ? [plugin.config] : undefined });
  const lines = problems.map((p) => formatConstructProblem(objects[p.index!].constructPath, p));
  const files = apps.reduce((n, app) => n + app.charts.length, 0);
  return { apps, objects, problems, lines, summary: summary(problems, objects.length, files), failed: hasErrors(problems, strict) };
}
