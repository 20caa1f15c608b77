import { IConstruct } from 'constructs';
import { appValidationOf } from '../private/app-validation';

/** Options of {@link ArgoCdValidation.of}. */
export interface ArgoCdValidationOptions {
  /**
   * Fail the synth on warnings too.
   * @default - false, unless the environment sets `CDK8S_ARGOCD_STRICT=true`
   */
  readonly strict?: boolean;
}

/**
 * The Argo CD validation of a whole cdk8s App, run by `app.synth()`, `Testing.synth()` and
 * `cdk8s synth`: one validation registered on the App runs the engine of `cdk8s-argocd validate`
 * once over every object every chart renders (cdk8s-plus objects, L1 objects and this library's
 * constructs), cross-object rules included. Errors fail the synth with the construct path,
 * `[chart/web] sync wave "1.5" is not an integer … [sync-wave/value]`; warnings are printed to
 * stderr and fail only in strict mode.
 *
 * Any use of the library (an Application, an AppProject, `SyncWave.of`, `Hook.of`,
 * `ResourceSyncOptions.of`, …) registers it; call `ArgoCdValidation.of(app)` for an app that uses
 * none of them, or to make it strict. Registering twice is harmless. The `cdk8s-argocd` CLI
 * validates what it renders itself, so the App-level validation stands down while it runs an app.
 *
 * @example
 * const app = new App();
 * ArgoCdValidation.of(app, { strict: true });
 */
export class ArgoCdValidation {
  /**
   * The Argo CD validation of the App `scope` belongs to (registered on first use).
   * @param scope the App or any construct in it
   * @param options `strict` changes the mode of the app's validation (the last given wins)
   */
  public static of(scope: IConstruct, options: ArgoCdValidationOptions = {}): ArgoCdValidation {
    if (scope === null || typeof scope !== 'object' || typeof (scope as IConstruct).node?.root !== 'object') {
      throw new Error(`ArgoCdValidation.of() needs a construct (the App or any construct in it), got ${scope === null ? 'null' : typeof scope}: pass the cdk8s App`);
    }
    const validation = appValidationOf(scope);
    if (options.strict !== undefined) {
      if (typeof options.strict !== 'boolean') {
        throw new Error(`[${scope.node.path}] ArgoCdValidation 'strict' is ${JSON.stringify(options.strict)} (a ${typeof options.strict}), not a boolean: pass true or false`);
      }
      validation.strict = options.strict;
    }
    return new ArgoCdValidation(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Whether warnings fail the synth: the `strict` option, else `CDK8S_ARGOCD_STRICT=true`. */
  public get strict(): boolean {
    return appValidationOf(this.scope).isStrict;
  }
}
