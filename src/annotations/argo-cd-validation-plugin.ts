import { Manifest } from '../engine/core/manifest';
import { Problem, Severity, validateManifests } from '../engine/validation';
import { splitFix } from '../private/app-validation';

/** A resource named in a violation (cdk8s-cli's `ValidationViolatingResource`). */
export interface ArgoCdValidationPluginResource {
  /** `metadata.name` of the object. */
  readonly resourceName: string;
  /** JSON pointers into the object. */
  readonly locations: string[];
  /** The manifest file the object is in. */
  readonly manifestPath: string;
}

/** A violation (cdk8s-cli's `ValidationViolation`). */
export interface ArgoCdValidationPluginViolation {
  /** The rule id, with the severity: `sync-wave/value (error)`. */
  readonly ruleName: string;
  /** What is wrong, with the offending value. */
  readonly recommendation: string;
  /** How to fix it. */
  readonly fix: string;
  /** The object it is about. */
  readonly violatingResources: ArgoCdValidationPluginResource[];
}

/** The report of a validation plugin (the part of cdk8s-cli's `ValidationReport` the plugin uses). */
export interface ArgoCdValidationPluginReport {
  /** Adds a violation. */
  addViolation(violation: ArgoCdValidationPluginViolation): void;
  /** Submits the report: `success` or `failure`, with summary rows. */
  submit(status: string, metadata?: { [key: string]: string }): void;
}

/** What cdk8s-cli hands a validation plugin (the part of its `ValidationContext` the plugin uses). */
export interface ArgoCdValidationPluginContext {
  /** The manifest files `cdk8s synth` wrote. */
  readonly manifests: readonly string[];
  /** The report to fill. */
  readonly report: ArgoCdValidationPluginReport;
  /** Parses a manifest file into its documents. */
  parseManifest(manifestPath: string): any[];
}

/** Properties of {@link ArgoCdValidationPlugin} (`properties:` of its `validations:` entry in cdk8s.yaml). */
export interface ArgoCdValidationPluginProps {
  /**
   * Fail on warnings too.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * The Argo CD validation as a cdk8s CLI validation plugin: `cdk8s synth` hands it the manifests it
 * wrote and it reports every error and warning of the engine (the one `cdk8s-argocd validate`
 * runs, over all manifest files together, so cross-object rules see everything) in cdk8s's
 * validation report: one violation per problem, the rule id and severity as the rule name, the
 * construct path from cdk8s's construct metadata. The report fails on errors (or, with
 * `strict: true`, on warnings too).
 *
 * While `cdk8s synth` runs an app for a `cdk8s.yaml` that lists this plugin, the App-level
 * validation (`ArgoCdValidation`) stands down, so the problems are reported once, here.
 *
 * @example
 * // cdk8s.yaml
 * // validations:
 * //   - package: ./node_modules/cdk8s-argocd
 * //     class: ArgoCdValidationPlugin
 * //     version: 0.0.0
 * //     properties: { strict: false }
 */
export class ArgoCdValidationPlugin {
  private readonly strict: boolean;

  constructor(props: ArgoCdValidationPluginProps = {}) {
    const strict = (props ?? {}).strict;
    if (strict !== undefined && typeof strict !== 'boolean') {
      throw new Error(`ArgoCdValidationPlugin property 'strict' is ${JSON.stringify(strict)} (a ${typeof strict}), not a boolean: write strict: true or strict: false under properties in cdk8s.yaml`);
    }
    this.strict = strict ?? false;
  }

  /** Validates the manifests of `context` and submits the report. */
  public async validate(context: ArgoCdValidationPluginContext): Promise<void> {
    const objects: Manifest[] = [];
    const files: string[] = [];
    for (const file of context.manifests) {
      for (const doc of context.parseManifest(file)) {
        if (doc === null || doc === undefined) continue;
        objects.push(doc);
        files.push(file);
      }
    }
    const problems = validateManifests(objects);
    for (const p of problems) context.report.addViolation(violationOf(p, files[p.index!]));
    const errors = problems.filter((p) => p.severity === Severity.ERROR).length;
    const warnings = problems.length - errors;
    const failed = errors > 0 || (this.strict && warnings > 0);
    context.report.submit(failed ? 'failure' : 'success', {
      Objects: String(objects.length),
      Errors: String(errors),
      Warnings: String(warnings),
      Strict: String(this.strict),
    });
  }
}

function violationOf(p: Problem, manifestPath: string): ArgoCdValidationPluginViolation {
  const { what, fix } = splitFix(p.message);
  return {
    ruleName: `${p.rule} (${p.severity})`,
    recommendation: what,
    fix,
    violatingResources: [{ resourceName: p.name, locations: [p.path || '/'], manifestPath }],
  };
}
