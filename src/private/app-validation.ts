import * as fs from 'fs';
import * as path from 'path';
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Manifest } from '../engine/core/manifest';
import { Problem, Severity, validateManifests } from '../engine/validation';

/**
 * The internal switch of the App-level validation. The `cdk8s-argocd` CLI validates everything an
 * app renders itself (`src/cli/runtime/render.ts`), so while it runs an app it sets this
 * process-wide flag (`src/cli/runtime/app-runner.ts`, the same `Symbol.for` key) and the
 * App-level validation stands down: the engine runs once. A `Symbol.for` key on `globalThis` is
 * seen by every copy of the library loaded in the process (the CLI's and the app's own).
 */
export const VALIDATED_BY_CLI = Symbol.for('cdk8s-argocd.validated-by-cli');

/** Environment variable that makes warnings fail the synth (`true`). */
export const STRICT_ENV = 'CDK8S_ARGOCD_STRICT';

/** An engine problem with the construct that rendered the object. */
export interface ConstructProblem {
  readonly constructPath: string;
  readonly problem: Problem;
}

/** Objects that the engine needs to judge the app but that it does not render (e.g. an AppProject of another App). */
export type ContextProvider = () => Manifest[];

/**
 * The construct path a problem is reported at: the construct that owns the ApiObject when the
 * ApiObject is its default child `Resource` (an Application, a cdk8s-plus Deployment), else the
 * ApiObject's own path.
 */
export function constructPathOf(apiObject: IConstruct): string {
  const scope = apiObject.node.scope;
  return apiObject.node.id === 'Resource' && scope !== undefined ? scope.node.path : apiObject.node.path;
}

/**
 * Whether `cdk8s synth` runs this app for a `cdk8s.yaml` that lists `ArgoCdValidationPlugin`: the
 * cdk8s CLI records construct metadata (`CDK8S_RECORD_CONSTRUCT_METADATA=true`) exactly when it
 * will run validation plugins, and the plugin then reports every problem in cdk8s's report, so the
 * App-level validation stands down instead of failing the app before the report.
 */
export function reportedByCdk8sPlugin(): boolean {
  if (process.env.CDK8S_RECORD_CONSTRUCT_METADATA !== 'true') return false;
  try {
    const config = fs.readFileSync(path.join(process.cwd(), 'cdk8s.yaml'), 'utf-8');
    return /^\s*-?\s*class:\s*["']?ArgoCdValidationPlugin\b/m.test(config);
  } catch {
    return false;
  }
}

/**
 * A house-style message split into what is wrong and the fix, at its last `: ` outside double
 * quotes (`sync wave "1.5" is not an integer: use e.g. "1"`); without one, the fix is the message.
 */
export function splitFix(message: string): { what: string; fix: string } {
  let inQuotes = false;
  let at = -1;
  for (let i = 0; i < message.length - 1; i++) {
    const c = message[i];
    if (c === '\\') i++;
    else if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === ':' && message[i + 1] === ' ') at = i;
  }
  return at < 0 ? { what: message, fix: message } : { what: message.slice(0, at), fix: message.slice(at + 2) };
}

/** `[chart/path] message [rule]`, with `warning: ` before the message of a warning. */
export function formatConstructProblem(p: ConstructProblem): string {
  const severity = p.problem.severity === Severity.WARNING ? 'warning: ' : '';
  return `[${p.constructPath}] ${severity}${p.problem.message} [${p.problem.rule}]`;
}

/** The App-level validation of one construct tree (one per root). */
export class AppValidation {
  /** Whether warnings fail the synth (besides `CDK8S_ARGOCD_STRICT=true`). */
  public strict?: boolean;
  private readonly providers: ContextProvider[] = [];
  private lastFingerprint?: string;
  private lastProblems: ConstructProblem[] = [];

  constructor(private readonly root: IConstruct) {
    root.node.addValidation({ validate: () => this.validate() });
  }

  /** Adds objects the engine needs to judge this app's objects (e.g. AppProjects they refer to). */
  public addContext(provider: ContextProvider): void {
    this.providers.push(provider);
  }

  /** Whether warnings fail: the `strict` option, else `CDK8S_ARGOCD_STRICT=true`. */
  public get isStrict(): boolean {
    return this.strict ?? process.env[STRICT_ENV] === 'true';
  }

  /**
   * Runs the engine once over every object the tree renders (every chart), cross-object rules
   * included. The result is kept while the rendered objects stay the same, so the validation
   * cdk8s repeats for every chart of a synth costs one rendering, not one engine run.
   */
  public problems(): ConstructProblem[] {
    const apiObjects = this.root.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
    const manifests = apiObjects.map((o) => o.toJson() as Manifest);
    const context = this.contextObjects(manifests);
    const fingerprint = JSON.stringify([manifests, context]);
    if (fingerprint !== this.lastFingerprint) {
      const problems = validateManifests(manifests, { projects: context });
      this.lastProblems = problems.map((problem) => ({ constructPath: constructPathOf(apiObjects[problem.index!]), problem }));
      this.lastFingerprint = fingerprint;
      this.printWarnings();
    }
    return this.lastProblems;
  }

  /**
   * The validation registered on the root: cdk8s runs it first (the root comes first in its
   * walk), so it runs the other constructs' validations too and fails with all of them at once,
   * in cdk8s's own format: `Validation failed with the following errors:` then one
   * `[construct/path] message` line each. Throwing (rather than returning messages) keeps
   * cdk8s from prefixing every line with the root's empty path `[]`.
   */
  private validate(): string[] {
    if ((globalThis as { [key: symbol]: unknown })[VALIDATED_BY_CLI] === true || reportedByCdk8sPlugin()) return [];
    const lines: string[] = [];
    for (const c of this.root.node.findAll()) {
      if (c === this.root) continue;
      for (const e of c.node.validate()) lines.push(`[${c.node.path}] ${e}`);
    }
    // Objects of a tree whose constructs are invalid may not render: report the constructs' errors.
    if (lines.length === 0) {
      const strict = this.isStrict;
      for (const p of this.problems()) {
        if (p.problem.severity === Severity.ERROR || strict) lines.push(formatConstructProblem(p));
      }
    }
    if (lines.length > 0) throw new Error(`Validation failed with the following errors:\n  ${lines.join('\n  ')}`);
    return [];
  }

  private printWarnings(): void {
    if (this.isStrict) return;
    for (const p of this.lastProblems) {
      if (p.problem.severity === Severity.WARNING) process.stderr.write(`${formatConstructProblem(p)}\n`);
    }
  }

  /** AppProjects the providers name that the app does not render itself. */
  private contextObjects(manifests: Manifest[]): Manifest[] {
    const key = (m: Manifest) => `${m?.kind}/${m?.metadata?.namespace ?? ''}/${m?.metadata?.name ?? ''}`;
    const rendered = new Set(manifests.map(key));
    const out = new Map<string, Manifest>();
    for (const provider of this.providers) {
      for (const m of provider()) if (!rendered.has(key(m))) out.set(key(m), m);
    }
    return [...out.values()];
  }
}

/**
 * Where a root keeps its App-level validation: a `Symbol.for` key, so that two copies of the
 * library in one process (a construct library bundling its own) still register one validation.
 */
const APP_VALIDATION = Symbol.for('cdk8s-argocd.app-validation');

/** The App-level validation of the tree `scope` belongs to, registered on its root on first use. */
export function appValidationOf(scope: IConstruct): AppValidation {
  const root = scope.node.root as IConstruct & { [APP_VALIDATION]?: AppValidation };
  let v = root[APP_VALIDATION];
  if (v === undefined) {
    v = new AppValidation(root);
    Object.defineProperty(root, APP_VALIDATION, { value: v, enumerable: false });
  }
  return v;
}
