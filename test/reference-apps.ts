import * as path from 'path';
import { App } from 'cdk8s';

/** The reference apps under apps/ (rendered into dist/ by `npm run synth`). */
export const REFERENCE_APPS = ['platform', 'workload', 'fleet'];

/**
 * Runs apps/<name>/main.ts in this process and returns the App it builds, without writing
 * anything (its `app.synth()` is captured). The calling test file maps 'cdk8s-argocd' to the
 * sources: `jest.mock('cdk8s-argocd', () => jest.requireActual('<path to>/src'), { virtual: true })`.
 */
export function referenceApp(name: string): App {
  const captured: App[] = [];
  const synth = jest.spyOn(App.prototype, 'synth').mockImplementation(function (this: App) {
    captured.push(this);
  });
  const cwd = process.cwd();
  const dir = path.join(__dirname, '..', 'apps', name);
  try {
    // fleet reads files next to it relative to the working directory
    process.chdir(dir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(dir, 'main.ts'));
  } finally {
    process.chdir(cwd);
    synth.mockRestore();
  }
  if (captured.length !== 1) throw new Error(`apps/${name}/main.ts called app.synth() ${captured.length} times, expected once`);
  return captured[0];
}
