// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('module');
import * as path from 'path';

let installed = false;

/** A file of cdk8s's `lib/`, as the end of a module's filename. */
const cdk8sFile = (name: string) => `${path.sep}cdk8s${path.sep}lib${path.sep}${name}`;

/**
 * The modules cdk8s requires as it loads but uses only inside functions: the request, and the
 * cdk8s file that makes it.
 * - `yaml` (about 60 modules, a tenth of a 100-Application `generate`), from `yaml.js`: used by
 *   `Yaml.stringify`, `Yaml.load`, `Include`, `Helm` and `App.synth`. The CLI writes YAML with its
 *   own writer (`yaml-stream.ts`).
 * - `child_process` (node's, with `net`, `dgram` and their streams: about 3 ms), from `yaml.js`
 *   (`Yaml.load` of a URL), and `./_child_process` from `helm.js` (`Helm` runs the helm binary),
 *   which reads `child_process.spawnSync` as it loads.
 */
const DEFERRED: ReadonlyArray<{ readonly request: string; readonly from: string }> = [
  { request: 'yaml', from: cdk8sFile('yaml.js') },
  { request: 'child_process', from: cdk8sFile('yaml.js') },
  { request: './_child_process', from: cdk8sFile('helm.js') },
];

/**
 * While an app runs in the CLI, cdk8s's requires of the modules above return a stand-in that
 * loads the module on first use and from then on forwards to it: an app that includes YAML or
 * renders a Helm chart loads them then; one that does not never loads them.
 *
 * The stand-in says it is an ES module (`__esModule`), so cdk8s's `__importStar` keeps it as it is
 * instead of copying its properties, which would load the module at once. Any other property,
 * `in`, or a list of keys loads the real module. The app's own requires are not touched.
 */
export function deferCdk8sModules(): void {
  if (installed) return;
  installed = true;
  const M = Module as any;
  const load = M._load;
  M._load = function (request: string, parent: any, isMain: boolean) {
    const filename = parent?.filename;
    if (typeof filename !== 'string' || !DEFERRED.some((d) => d.request === request && filename.endsWith(d.from))) {
      return load.call(this, request, parent, isMain);
    }
    let loaded: object | undefined;
    const real = (): object => (loaded ??= load.call(M, request, parent, isMain) as object);
    return new Proxy({}, {
      get: (_, key) => (key === '__esModule' ? true : Reflect.get(real(), key)),
      has: (_, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
      set: (_, key, value) => Reflect.set(real(), key, value),
    });
  };
}
