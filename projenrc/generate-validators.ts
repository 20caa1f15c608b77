/**
 * Generates the ahead-of-time compiled schema validators in imports/validators/ from the vendored
 * Argo CD CRDs (projen task `import:validators`). Generated files are committed and never edited.
 *
 * What happens to each CRD's openAPIV3Schema before ajv compiles it:
 * 1. Objects are closed (`additionalProperties: false` where a schema lists `properties` and does not
 *    set `x-kubernetes-preserve-unknown-fields`), the way kubectl's strict field validation rejects
 *    unknown fields (the API server would silently prune them).
 * 2. `metadata` (just `type: object` in a CRD) becomes a closed ObjectMeta schema.
 * 3. Repeated subschemas and large ones move to `$defs` (the ApplicationSet CRD repeats the
 *    Application template under every generator), each a function compiled on first use.
 * 4. Descriptions are dropped from the copy kept for error messages.
 * 5. The top-level fields a render rarely writes (an Application's `status` and `operation`, an
 *    ApplicationSet's `status`) get validators of their own (`<kind>.<field>.js`), which the
 *    engine loads only for an object that has the field: they were half the code of the
 *    Application validator, read and hashed by every render. The kind's own validator checks
 *    only that the field is an object.
 * 6. The functions of the generated code pass their context as arguments, not as an options object
 *    (positionalArguments).
 * 7. The formats and ajv's runtime functions come from `runtime.js`, which loads them on first use
 *    (runtimeModule).
 * 8. The code is minified.
 *
 * Usage: ts-node projenrc/generate-validators.ts <crd-dir> <out-dir>
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import * as esbuild from 'esbuild';
import * as YAML from 'yaml';

type Schema = { [key: string]: any };

const K8S_VOCABULARY = [
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-validations',
];

/** The ObjectMeta fields a client may write (k8s.io/apimachinery ObjectMeta), closed like the rest. */
const OBJECT_META: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: { type: 'array', items: { type: 'string' } },
    ownerReferences: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          name: { type: 'string' },
          uid: { type: 'string' },
          controller: { type: 'boolean' },
          blockOwnerDeletion: { type: 'boolean' },
        },
      },
    },
    // Server-populated fields are accepted (a manifest exported from a cluster carries them).
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer' },
    creationTimestamp: { type: ['string', 'null'] },
    deletionTimestamp: { type: 'string' },
    deletionGracePeriodSeconds: { type: 'integer' },
    managedFields: { type: 'array', items: { type: 'object' } },
    selfLink: { type: 'string' },
  },
};

function closeObjects(node: any): void {
  if (Array.isArray(node)) {
    node.forEach(closeObjects);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (node.properties && typeof node.properties === 'object'
    && node['x-kubernetes-preserve-unknown-fields'] !== true
    && node.additionalProperties === undefined) {
    node.additionalProperties = false;
  }
  for (const [key, value] of Object.entries(node)) {
    // `properties` maps names to schemas: recurse into each schema, not into the map as a schema.
    if (key === 'properties' && value && typeof value === 'object') {
      Object.values(value).forEach(closeObjects);
    } else if (typeof value === 'object') {
      closeObjects(value);
    }
  }
}

function stripDescriptions(node: any): any {
  if (Array.isArray(node)) return node.map(stripDescriptions);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') continue;
    out[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, stripDescriptions(v)]))
      : stripDescriptions(value);
  }
  return out;
}

/**
 * Replaces every subschema larger than `minSize` bytes that occurs more than once, and every
 * subschema larger than `partSize` bytes, with a `$ref` to one `$defs` entry. Largest first, so an
 * outer repeated block is shared whole. With `inlineRefs: false` each entry is a function of its
 * own, compiled on its first call: the validator of an Application without `status` or `operation`
 * (what charts render) never compiles theirs, and no single function is large.
 */
function extractSharedDefs(root: Schema, minSize = 512, partSize = 2048): Schema {
  const counts = new Map<string, number>();
  const visit = (node: any, isSchema: boolean) => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((n) => visit(n, isSchema));
      return;
    }
    if (isSchema) {
      const key = JSON.stringify(node);
      if (key.length >= minSize) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') Object.values(v as Schema).forEach((s) => visit(s, true));
      else if (k === 'enum' || k === 'required') continue;
      else visit(v, true);
    }
  };
  visit(root, false);

  const defs: Schema = {};
  const names = new Map<string, string>();
  const replace = (node: any, isSchema: boolean): any => {
    if (node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((n) => replace(n, isSchema));
    if (isSchema) {
      const key = JSON.stringify(node);
      if ((counts.get(key) ?? 0) > 1 || key.length >= partSize) {
        let name = names.get(key);
        if (!name) {
          name = `def-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
          names.set(key, name);
          defs[name] = {}; // reserve, then fill (children may be shared too)
          defs[name] = replaceChildren(node);
        }
        return { $ref: `#/$defs/${name}` };
      }
    }
    return replaceChildren(node);
  };
  const replaceChildren = (node: Schema): Schema => {
    const out: Schema = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') {
        out[k] = Object.fromEntries(Object.entries(v as Schema).map(([pk, pv]) => [pk, replace(pv, true)]));
      } else if (k === 'enum' || k === 'required') {
        out[k] = v;
      } else {
        out[k] = replace(v, true);
      }
    }
    return out;
  };
  const result = replaceChildren(root);
  if (Object.keys(defs).length > 0) {
    // Sorted, so the generated file does not depend on traversal order.
    result.$defs = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  }
  return result;
}

/** Step 5: the top-level fields of a kind that get a validator of their own. */
const SEPARATE_FIELDS: { [kind: string]: string[] } = { Application: ['operation', 'status'], ApplicationSet: ['status'] };

/**
 * ajv's standalone functions take their context as an options object
 * (`validate7(data, {instancePath, parentData, parentDataProperty, rootData})`), a new object at
 * every call of a subschema's function, destructured by the callee; here it is passed as
 * arguments in that order instead. Validating 10,000 Applications on first use was 10% faster.
 * The code is ajv's own otherwise; a call or definition of another shape fails the generation.
 */
function positionalArguments(code: string): string {
  const DEFINITION = /\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)\{/g;
  const CALL = /(validate\d+)\(([^,(){}]+), \{instancePath:([^,{}]+),parentData:([^,{}]+),parentDataProperty:([^,{}]+),rootData\}\)/g;
  const functions = (code.match(/function validate\d+\(/g) ?? []).length;
  let definitions = 0;
  let out = code.replace(DEFINITION, () => {
    definitions++;
    return '(data, instancePath="", parentData, parentDataProperty, rootData=data){';
  });
  out = out.replace(CALL, (_call, fn, data, instancePath, parentData, property) => `${fn}(${data}, ${instancePath}, ${parentData}, ${property}, rootData)`);
  if (definitions !== functions || /\{instancePath:[^{}]*rootData\}/.test(out)) {
    throw new Error(`ajv's standalone code has a shape positionalArguments does not know (${definitions} of ${functions} functions rewritten): update it`);
  }
  return out;
}

/** What a validator's code takes from `runtime.js`: the formats and ajv's runtime functions it uses. */
interface RuntimeUse {
  readonly formats: string[];
  readonly functions: string[];
}

/**
 * ajv's standalone code requires its runtime functions from ajv (`require("ajv/dist/runtime/<name>").default`,
 * e.g. `ucs2length` for `minLength`): here they come from `runtime.js` too, which loads them on first use.
 */
function runtimeFunctionsFromModule(code: string): string {
  return code.replace(/require\("ajv\/dist\/runtime\/([\w]+)"\)\.default/g, (_m, name: string) => `require("./runtime").${name}`);
}

/** The names of the formats and runtime functions a validator's code uses. */
function runtimeUse(code: string): RuntimeUse {
  return {
    formats: [...code.matchAll(/require\("\.\/runtime"\)\.formats(?:\.([\w$]+)|\["([^"]+)"\])/g)].map((m) => m[1] ?? m[2]),
    functions: [...code.matchAll(/require\("\.\/runtime"\)\.(?!formats\b)([\w$]+)/g)].map((m) => m[1]),
  };
}

/**
 * Step 7: `runtime.js`, what the validators use from ajv-formats (the formats, from `fullFormats`)
 * and from ajv's runtime (functions such as `ucs2length`), each a stand-in that loads the real one
 * on its first call: ajv-formats builds every format of the package as it loads, and resolving a
 * package from the validators' folder walks up to it, together about 3 ms of a small render, for
 * fields (`revisionHistoryLimit`, the timestamps of `status`, `syncSource.path`) that are rare in
 * what a chart renders. ajv generated the validators' code for each format's kind (an object whose
 * `validate` is a function) and each runtime export's (a function): anything else fails the generation.
 */
function runtimeModule(uses: readonly RuntimeUse[]): string {
  const lines = [
    '// Generated by projenrc/generate-validators.ts. Do not edit.',
    '// What the validators use from ajv-formats (`fullFormats`) and ajv\'s runtime, each loaded on first use.',
    '"use strict";',
    'let full;',
    'const load = () => (full ??= require("ajv-formats/dist/formats").fullFormats);',
    'exports.formats = {};',
  ];
  for (const name of [...new Set(uses.flatMap((u) => u.formats))].sort()) {
    const format = (fullFormats as { [name: string]: unknown })[name] as { type?: string; validate?: unknown; async?: boolean } | undefined;
    if (format === undefined || typeof format !== 'object' || typeof format.validate !== 'function' || format.async) {
      throw new Error(`format ${name} is not a synchronous { validate } format of ajv-formats: runtimeModule does not know its kind`);
    }
    lines.push(`exports.formats[${JSON.stringify(name)}] = { type: ${JSON.stringify(format.type ?? 'string')}, validate: (data) => load()[${JSON.stringify(name)}].validate(data) };`);
  }
  for (const name of [...new Set(uses.flatMap((u) => u.functions))].sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (typeof require(`ajv/dist/runtime/${name}`).default !== 'function') {
      throw new Error(`ajv/dist/runtime/${name} does not export a function: runtimeModule does not know its kind`);
    }
    lines.push(`let ${name};`);
    lines.push(`exports.${name} = (...args) => (${name} ??= require(${JSON.stringify(`ajv/dist/runtime/${name}`)}).default)(...args);`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Step 8: the code minified by esbuild (a quarter smaller): every render reads, hashes and
 * deserialises the code of the validators it uses, and a smaller file was 1 to 2 ms less of
 * validating 100 Applications on first use (interleaved runs).
 */
function minified(code: string): string {
  return esbuild.transformSync(code, { minify: true, legalComments: 'none', target: 'node20' }).code;
}

/** The standalone code of an ajv validator for `schema`. */
function validatorCode(schema: Schema, file: string): string {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    // Shared subschemas stay functions of their own instead of being inlined at every use: the
    // code (which every generate run loads and compiles) is a fraction of the size.
    inlineRefs: false,
    code: { source: true, optimize: true, formats: _`require("./runtime").formats` },
  });
  addFormats(ajv);
  ajv.addVocabulary(K8S_VOCABULARY);
  const validate = ajv.compile(schema);
  return `// Generated by projenrc/generate-validators.ts from ${file} (Argo CD CRD). Do not edit.\n${minified(runtimeFunctionsFromModule(positionalArguments(standaloneCode(ajv, validate))))}`;
}

function main() {
  const [crdDir, outDir] = process.argv.slice(2);
  if (!crdDir || !outDir) {
    throw new Error('usage: generate-validators <crd-dir> <out-dir>');
  }
  fs.mkdirSync(outDir, { recursive: true });
  const index: Schema = {};
  const uses: RuntimeUse[] = [];
  for (const file of fs.readdirSync(crdDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const crd = YAML.parse(fs.readFileSync(path.join(crdDir, file), 'utf-8'));
    const kind: string = crd.spec.names.kind;
    const version = crd.spec.versions.find((v: any) => v.storage) ?? crd.spec.versions[0];
    const schema: Schema = stripDescriptions(structuredClone(version.schema.openAPIV3Schema));
    schema.properties.metadata = OBJECT_META;
    closeObjects(schema);
    // The whole schema, for the messages that explain errors (field names, did-you-mean).
    const shared = extractSharedDefs(schema);
    const id = `${crd.spec.group}/${version.name}/${kind}`;
    const base = kind.toLowerCase();
    fs.writeFileSync(path.join(outDir, `${base}.schema.json`), JSON.stringify({ ...shared, $id: id }));

    const separate = SEPARATE_FIELDS[kind] ?? [];
    const own: Schema = { ...schema, properties: { ...schema.properties } };
    for (const field of separate) {
      const part: Schema = schema.properties[field];
      if (part?.type !== 'object') throw new Error(`${kind}.${field} is not an object schema: it cannot have a validator of its own`);
      own.properties[field] = { type: 'object' };
      const code = validatorCode({ ...extractSharedDefs(part), $id: `${id}/${field}` }, file);
      uses.push(runtimeUse(code));
      fs.writeFileSync(path.join(outDir, `${base}.${field}.js`), code);
      process.stderr.write(`${kind}.${field}: ${(code.length / 1e6).toFixed(2)} MB of validator code\n`);
    }
    const ownShared = extractSharedDefs(own);
    const code = validatorCode({ ...ownShared, $id: id }, file);
    uses.push(runtimeUse(code));
    fs.writeFileSync(path.join(outDir, `${base}.js`), code);
    index[kind] = {
      group: crd.spec.group,
      versions: crd.spec.versions.map((v: any) => v.name),
      storage: version.name,
      module: base,
      ...(separate.length > 0 ? { separateFields: separate } : {}),
    };
    process.stderr.write(`${kind}: ${(code.length / 1e6).toFixed(2)} MB of validator code, ${Object.keys(ownShared.$defs ?? {}).length} functions of its own ($defs)\n`);
  }
  fs.writeFileSync(path.join(outDir, 'runtime.js'), runtimeModule(uses));
  fs.writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(index, undefined, 2) + '\n');
}

main();
