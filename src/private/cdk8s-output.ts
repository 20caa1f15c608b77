import { ApiObject, App, Chart, Names, YamlOutputType } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * Whether `App.synth()` numbers its output files: it does when a chart is nested in another or
 * any construct depends on one in another chart (cdk8s app.ts `resolveDependencies`).
 */
function hasDependantCharts(app: App): boolean {
  for (const c of app.node.findAll()) {
    if (c instanceof Chart && c.node.children.some((x) => x instanceof Chart)) return true;
    const own = c instanceof App ? undefined : Chart.of(c);
    for (const dep of c.node.dependencies) {
      if (!(dep instanceof App) && own !== undefined && Chart.of(dep) !== own) return true;
    }
  }
  return false;
}

/** The file name cdk8s gives a resource in the per-resource output types. */
function resourceFileName(o: { kind: string; metadata: { name?: string } }): string {
  return `${o.kind}.${o.metadata.name}`.replace(/[^0-9a-zA-Z-_.]/g, '');
}

/**
 * The files (paths relative to the app's output directory) that `App.synth()` writes for a
 * chart, following cdk8s app.ts exactly: the output type, the output file extension, and the
 * `0000-` numbering cdk8s adds when charts depend on each other. Call it at synth time (from a
 * `Lazy`), when every chart and dependency exists.
 */
export function renderedFilesOf(chart: Chart): string[] {
  const app = App.of(chart);
  const ext = app.outputFileExtension;
  const numbered = hasDependantCharts(app);
  const chartName = (): string => {
    const base = Names.toDnsLabel(chart);
    if (!numbered) return base;
    const index = app.charts.indexOf(chart);
    return `${index.toString().padStart(4, '0')}-${base}`;
  };
  const objectsOf = (c: Chart) => c.node.findAll()
    .filter((x: IConstruct): x is ApiObject => x instanceof ApiObject && Chart.of(x) === c)
    .map((x) => ({ kind: x.kind, metadata: { name: x.name } }));
  switch (app.yamlOutputType) {
    case YamlOutputType.FILE_PER_APP:
      return [`app${ext}`];
    case YamlOutputType.FILE_PER_RESOURCE:
      return objectsOf(chart).map((o) => `${resourceFileName(o)}${ext}`);
    case YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE:
      return objectsOf(chart).map((o) => `${chartName()}/${resourceFileName(o)}${ext}`);
    default:
      return [`${chartName()}${ext}`];
  }
}
