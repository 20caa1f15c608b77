import { ConstructValidationError, RenderedApp, RenderedObject, runApp } from './app-runner';
import { formatConstructProblem } from './format';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Problem } from '../../engine/validation/problem';

/** The outcome of rendering and validating one app entry. */
export interface RenderResult {
  readonly apps: RenderedApp[];
  readonly problems: Problem[];
  /** `[construct/path] message` lines, errors and warnings. */
  readonly lines: string[];
  readonly failed: boolean;
}

/**
 * Runs an app, then validates everything it rendered with the engine (all charts of an App
 * together, so cross-object rules see the whole app). Problems are reported against construct paths.
 */
export function renderAndValidate(entry: string, strict = false): RenderResult {
  let apps: RenderedApp[];
  try {
    apps = runApp(entry);
  } catch (e) {
    if (e instanceof ConstructValidationError) {
      return { apps: [], problems: [], lines: e.lines, failed: true };
    }
    throw e;
  }
  const problems: Problem[] = [];
  const lines: string[] = [];
  for (const app of apps) {
    const objects: RenderedObject[] = app.charts.flatMap((c) => c.objects);
    for (const p of validateManifests(objects.map((o) => o.manifest))) {
      problems.push(p);
      lines.push(formatConstructProblem(objects[p.index!].constructPath, p));
    }
  }
  return { apps, problems, lines, failed: hasErrors(problems, strict) };
}
