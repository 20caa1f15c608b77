import * as fs from 'fs';
import * as path from 'path';
import { deferCdk8sModules } from './deferred-modules';
import { debugRequested, InputError, ReportedError } from './errors';
import { formatLine } from './format';
import { installModuleFallback, installTypeScriptLoader, ownPackageRoot } from './typescript-loader';
import { Manifest } from '../../engine/validation/problem';

/** An object a chart rendered, with the construct that rendered it. */
export interface RenderedObject {
  readonly manifest: Manifest;
  readonly constructPath: string;
}

/** The objects of one chart, and the file cdk8s would write them to. */
export interface RenderedChart {
  readonly fileName: string;
  readonly objects: RenderedObject[];
}

/** What an app rendered. */
export interface RenderedApp {
  readonly charts: RenderedChart[];
}

/**
 * Thrown when cdk8s's own construct validation (`node.addValidation`) fails: its `[path] message`
 * lines as `[path]: error: message`.
 */
export class ConstructValidationError extends ReportedError {
  constructor(lines: string[]) {
    super(lines.map(constructLine));
  }
}

/** cdk8s's `[construct/path] message` (and a construct's thrown `[path] message`) in the CLI's format. */
function constructLine(line: string): string {
  const m = /^\[([^\]]*)\] ([\s\S]*)$/.exec(line);
  if (!m) return formatLine(undefined, 'error', line);
  const severity = /^(error|warning): /.exec(m[2]);
  // ArgoCdValidation writes `[path] warning: message [rule]`; a rule at the end is kept as is.
  return formatLine(`[${m[1]}]`, severity ? (severity[1] as 'error' | 'warning') : 'error', severity ? m[2].slice(severity[0].length) : m[2]);
}

/**
 * The app threw: a construct's validation error (`[path] message`, src/private/errors.ts) becomes
 * `[path]: error: message`; anything else `file:line:column: error: the app threw …` at the
 * innermost frame in the app's own files (not node_modules, not the library), the stack only
 * with --debug.
 */
function appError(entry: string, e: unknown): ReportedError {
  const error = e instanceof Error ? e : new Error(String(e));
  const lines: string[] = [];
  if (/^\[[^\]]*\] /.test(error.message) && (error.name === 'ValidationError' || error.name === 'Error')) {
    lines.push(constructLine(error.message.split('\n')[0]), ...error.message.split('\n').slice(1).filter((l) => l.trim() !== ''));
  } else {
    const own = ownPackageRoot();
    const frame = (error.stack ?? '').split('\n').slice(1)
      .map((l) => /(?:\(|at )((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/.exec(l))
      .find((m) => m && !m[1].split(/[\\/]/).includes('node_modules') && !m[1].startsWith(own) && !m[1].startsWith('node:'));
    const location = frame
      ? `${path.relative(process.cwd(), frame[1].replace(/^file:\/\//, ''))}:${frame[2]}:${frame[3]}`
      : path.relative(process.cwd(), path.resolve(entry));
    lines.push(formatLine(location, 'error', `the app threw ${error.name}: ${error.message.split('\n')[0]}`));
  }
  if (debugRequested() && error.stack) lines.push(error.stack);
  else if (!lines[0].startsWith('[')) lines.push('(run with --debug for the stack trace)');
  return new ReportedError(lines);
}

/** The internal switch of `ArgoCdValidation` (the same `Symbol.for` key there). */
const VALIDATED_BY_CLI = Symbol.for('cdk8s-argocd.validated-by-cli');

/**
 * Runs a cdk8s app entry point (TypeScript or JavaScript) in this process and returns what its
 * App(s) rendered. The app's `app.synth()` is intercepted: nothing is written by cdk8s, the CLI
 * decides what to write once everything is rendered and validated. Anything the app prints on
 * stdout goes to stderr, so stdout carries only results.
 */
export function runApp(entry: string): RenderedApp[] {
  // The CLI validates everything the app renders in one pass (render.ts), so the library's
  // App-level validation (ArgoCdValidation, src/annotations/argo-cd-validation.ts) stands down
  // while the app runs here: this process-wide switch is read by every copy of the library.
  const g = globalThis as { [key: symbol]: unknown };
  const previous = g[VALIDATED_BY_CLI];
  g[VALIDATED_BY_CLI] = true;
  try {
    return runAppEntry(entry);
  } finally {
    g[VALIDATED_BY_CLI] = previous;
  }
}

function runAppEntry(entry: string): RenderedApp[] {
  const file = path.resolve(entry);
  if (!fs.existsSync(file)) {
    throw new InputError(`app entry ${entry} does not exist: pass --app with the path of the file that creates the cdk8s App`);
  }
  installTypeScriptLoader();
  installModuleFallback();
  checkLibraryVersion(path.dirname(file));

  // cdk8s's `yaml` and `child_process` load on first use (the CLI writes YAML itself).
  deferCdk8sModules();
  // The cdk8s copy the app will use (its own node_modules first, else the one installed with the CLI).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk8s = require(require.resolve('cdk8s', { paths: [path.dirname(file)] }));
  const captured: any[] = [];
  const proto = cdk8s.App.prototype;
  const originalSynth = proto.synth;
  const originalSynthYaml = proto.synthYaml;
  proto.synth = function (this: any) {
    if (!captured.includes(this)) captured.push(this);
  };
  proto.synthYaml = function (this: any) {
    if (!captured.includes(this)) captured.push(this);
    return originalSynthYaml.call(this);
  };

  const restoreOutput = redirectStdoutToStderr();
  let exports: any;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw appError(entry, e);
  } finally {
    restoreOutput();
    proto.synth = originalSynth;
    proto.synthYaml = originalSynthYaml;
  }
  for (const candidate of [exports?.app, exports?.default, exports]) {
    if (candidate instanceof cdk8s.App && !captured.includes(candidate)) captured.push(candidate);
  }
  if (captured.length === 0) {
    throw new InputError(`the app ${entry} did not call app.synth(): create a cdk8s App, add charts and call app.synth() (or export the App as 'app')`);
  }
  return captured.map((app) => renderApp(cdk8s, app));
}

function renderApp(cdk8s: any, app: any): RenderedApp {
  const { ApiObject, Chart, DependencyGraph, Names } = cdk8s;
  const charts: RenderedChart[] = [];
  const jsonByChart = new Map<any, Manifest[]>();
  // Every chart, in any order (app.charts would build the app's dependency graph twice): the
  // first toJson() resolves the dependencies of the whole app, which can reorder the charts.
  // Every construct, walked once (the charts to render now, the chart order after their dependencies resolved).
  const constructs: any[] = app.node.findAll();
  for (const chart of constructs.filter((c: any) => Chart.isChart(c))) {
    try {
      // Resolves dependencies and runs every construct's validation, as `cdk8s synth` does.
      jsonByChart.set(chart, chart.toJson());
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      const match = /^Validation failed with the following errors:\n([\s\S]*)$/.exec(message);
      if (match) throw new ConstructValidationError(match[1].split('\n').map((l) => l.trim()).filter(Boolean));
      if (/^\[[^\]]*\] /.test(message)) throw appError(chart.node.path, e);
      throw new ReportedError([formatLine(`[${chart.node.path}]`, 'error', `synthesizing the chart failed: ${message}`)]);
    }
  }
  // Charts after dependency resolution, in the order cdk8s writes them.
  const ordered = chartsInOrder(app, Chart, constructs);
  const indexed = ordered.some((c) => c.node.dependencies.some((d: any) => Chart.isChart(d)) || c.node.children.some((d: any) => Chart.isChart(d)));
  const perApp = app.yamlOutputType === 0 /* YamlOutputType.FILE_PER_APP */;
  const extension: string = app.outputFileExtension ?? '.k8s.yaml';
  ordered.forEach((chart, i) => {
    const json = jsonByChart.get(chart) ?? chart.toJson();
    // Construct paths are needed only to report problems: computed on first use (the dependency
    // graph walk costs as much as a tenth of a large render).
    let paths: string[] | undefined;
    const pathOf = (j: number): string => {
      if (!paths) {
        const apiObjects = new DependencyGraph(chart.node).topology()
          .filter((x: any) => ApiObject.isApiObject(x))
          .filter((x: any) => Chart.of(x) === chart);
        if (apiObjects.length !== json.length) throw new Error(`internal error: chart ${chart.node.path} rendered ${json.length} objects for ${apiObjects.length} ApiObjects`);
        // The construct's path, as ArgoCdValidation reports it: a default child `Resource` is its owner.
        paths = apiObjects.map((o: any) => (o.node.id === 'Resource' ? o.node.scope.node.path : o.node.path) as string);
      }
      return paths![j];
    };
    const name = `${indexed ? `${String(i).padStart(4, '0')}-` : ''}${Names.toDnsLabel(chart)}`;
    charts.push({
      fileName: `${name}${extension}`,
      objects: json.map((manifest: Manifest, j: number) => ({ manifest, get constructPath() { return pathOf(j); } })),
    });
  });
  if (perApp && charts.length > 0) {
    return {
      charts: [{ fileName: `app${extension}`, objects: charts.flatMap((c) => c.objects) }],
    };
  }
  return { charts };
}

/**
 * `app.charts`: the charts in the order cdk8s writes them, the topological order of the app's
 * dependency graph (cdk8s dependency.ts). That getter builds the graph of every construct, a tenth
 * of a 10,000-object render; without any dependency in the app (after chart.toJson() resolved the
 * implicit ones) the graph has no edges and its order is that of its vertex table, an object keyed
 * by construct path: `Object.values` of the same keys gives it without the graph. `all` is every
 * construct of the app in `findAll` order (a walk the caller already made).
 */
export function chartsInOrder(app: any, Chart: any, all: any[] = app.node.findAll()): any[] {
  if (all.some((c) => c.node.dependencies.length > 0)) return app.charts;
  const byPath: { [path: string]: any } = {};
  for (const c of all) if (Chart.isChart(c)) byPath[c.node.path] = c;
  return Object.values(byPath);
}

/**
 * Fails with a clear message when the app's directory (or a parent) installs its own copy of
 * cdk8s-argocd whose major version (minor for 0.x) differs from the CLI's: the CLI would render
 * with one copy and the app build objects with another.
 */
export function checkLibraryVersion(appDir: string): void {
  const own = packageVersion(path.join(ownPackageRoot(), 'package.json'));
  let dir = path.resolve(appDir);
  for (;;) {
    const pkg = path.join(dir, 'node_modules', 'cdk8s-argocd', 'package.json');
    if (fs.existsSync(pkg)) {
      if (fs.realpathSync(path.dirname(pkg)) === fs.realpathSync(ownPackageRoot())) return;
      const theirs = packageVersion(pkg);
      if (theirs === undefined || own === undefined) return;
      const line = (v: string) => { const [major, minor] = v.split('.'); return major === '0' ? `0.${minor}` : major; };
      if (line(theirs) !== line(own)) {
        throw new InputError(`the repository pins cdk8s-argocd ${theirs} (${path.relative(process.cwd(), pkg) || pkg}) but this CLI is cdk8s-argocd ${own}: `
          + `pin cdk8s-argocd@${line(own)}${line(own).includes('.') ? '.x' : ''} in the repository, or use the plugin image of version ${theirs}`);
      }
      return;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function packageVersion(file: string): string | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf-8')).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends everything written to stdout (console.log, process.stdout.write) to stderr until the
 * returned function is called.
 */
export function redirectStdoutToStderr(): () => void {
  const stdoutWrite = process.stdout.write;
  const consoleMethods = ['log', 'info', 'debug', 'dir', 'table'] as const;
  const saved = consoleMethods.map((m) => console[m]);
  process.stdout.write = ((chunk: any, encoding?: any, cb?: any) => process.stderr.write(chunk, encoding, cb)) as typeof process.stdout.write;
  const toStderr = new console.Console({ stdout: process.stderr, stderr: process.stderr });
  for (const m of consoleMethods) (console as any)[m] = (toStderr as any)[m].bind(toStderr);
  return () => {
    process.stdout.write = stdoutWrite;
    consoleMethods.forEach((m, i) => ((console as any)[m] = saved[i]));
  };
}

