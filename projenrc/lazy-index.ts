/**
 * Makes the compiled public API (`lib/src/index.js`) load each module on first use: tsc compiles
 * `export { X } from './x'` into a `require('./x')` at load time and a getter reading from it, so
 * `import { Application } from 'cdk8s-argocd'` loaded every construct, the notification catalog,
 * the plugin image builder … (about 120 modules) before the app ran; `generate` pays that on every
 * render inside argocd-repo-server. Here each `var x_1 = require("./x")` becomes a memoised
 * function and each getter calls it: the export list, its order and the getters' values are the
 * same, only when each module loads changes. Run after tsc (projen's post-compile); a file already
 * made lazy is left as it is.
 */
import * as fs from 'fs';

const MARK = '// (lazy: projenrc/lazy-index.ts)';

function main(): void {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: lazy-index <lib/src/index.js>');
  const source = fs.readFileSync(file, 'utf-8');
  if (source.includes(MARK)) return;
  const modules = new Map<string, string>();
  let out = source.replace(/^var (\w+) = require\("(\.[^"]+)"\);$/gm, (_line, name: string, specifier: string) => {
    modules.set(name, specifier);
    return `var ${name}$m; function ${name}() { return ${name}$m !== undefined ? ${name}$m : (${name}$m = require(${JSON.stringify(specifier)})); }`;
  });
  let getters = 0;
  out = out.replace(/get: function \(\) \{ return (\w+)\.(\w+); \}/g, (line, name: string, member: string) => {
    if (!modules.has(name)) return line;
    getters++;
    return `get: function () { return ${name}().${member}; }`;
  });
  // Anything else that reads a module variable would now read a function: refuse to write it.
  for (const name of modules.keys()) {
    const uses = out.split(new RegExp(`\\b${name}\\b(?!\\(\\)|\\$m)`)).length - 1;
    if (uses !== 0) throw new Error(`lazy-index: ${file} reads ${name} outside an export getter (${uses} times): keep index.ts to 'export { … } from' lines`);
  }
  if (modules.size === 0 || getters === 0) throw new Error(`lazy-index: found no re-exports in ${file}: is it the compiled src/index.ts?`);
  fs.writeFileSync(file, `${out.trimEnd()}\n${MARK}\n`);
  process.stderr.write(`lazy-index: ${modules.size} modules, ${getters} exports load on first use\n`);
}

main();
