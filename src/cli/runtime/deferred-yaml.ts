// eslint-disable-next-line @typescript-eslint/no-require-imports
import Module = require('module');
import * as path from 'path';

let installed = false;

/** cdk8s's YAML module (`cdk8s/lib/yaml.js`), the only cdk8s file that requires `yaml`. */
const CDK8S_YAML = `${path.sep}cdk8s${path.sep}lib${path.sep}yaml.js`;

/**
 * cdk8s requires the `yaml` package as it loads (about 60 modules: a tenth of a 100-Application
 * `generate`) but uses it only inside functions: `Yaml.stringify`, `Yaml.load`, `Include`, `Helm`
 * and `App.synth`. The CLI writes YAML with its own writer (`yaml-stream.ts`), so while an app
 * runs in the CLI, cdk8s's `require("yaml")` returns a stand-in that loads `yaml` on first use
 * and from then on forwards to it. An app that includes YAML or renders a Helm chart loads it
 * then; one that does not never loads it.
 *
 * The stand-in says it is an ES module (`__esModule`), so cdk8s's `__importStar` keeps it as it is
 * instead of copying its properties, which would load `yaml` at once. Any other property, `in`,
 * or a list of keys loads the real module. The app's own `require('yaml')` is not touched.
 */
export function deferCdk8sYaml(): void {
  if (installed) return;
  installed = true;
  const M = Module as any;
  const load = M._load;
  M._load = function (request: string, parent: any, isMain: boolean) {
    if (request !== 'yaml' || typeof parent?.filename !== 'string' || !parent.filename.endsWith(CDK8S_YAML)) {
      return load.call(this, request, parent, isMain);
    }
    let yaml: object | undefined;
    const real = (): object => (yaml ??= load.call(M, request, parent, isMain) as object);
    return new Proxy({}, {
      get: (_, key) => (key === '__esModule' ? true : Reflect.get(real(), key)),
      has: (_, key) => Reflect.has(real(), key),
      ownKeys: () => Reflect.ownKeys(real()),
      getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(real(), key),
      set: (_, key, value) => Reflect.set(real(), key, value),
    });
  };
}
