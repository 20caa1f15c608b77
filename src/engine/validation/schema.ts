import * as path from 'path';
import { error, Finding, Manifest, warning } from './problem';
import { didYouMean } from '../core/did-you-mean';
import { escapeToken, fieldPath, segmentsOf, valueAt } from '../core/json-pointer';
import { isObject } from '../core/values';

/**
 * Schema validation against the pinned Argo CD CRDs' openAPIV3Schema, with objects closed the way
 * kubectl's strict field validation closes them. The validators are compiled ahead of time by
 * `projenrc/generate-validators.ts` (projen task `import:validators`) and loaded per kind, on first
 * use, so a run that only sees Applications never loads the ApplicationSet validator.
 */

/** Where the generated validators live: `imports/validators` next to `src/` (or `lib/src/`). */
const VALIDATORS_DIR = path.join(__dirname, '..', '..', '..', 'imports', 'validators');

export interface CrdIndexEntry {
  readonly group: string;
  readonly versions: string[];
  readonly storage: string;
  readonly module: string;
  /**
   * Top-level fields with a validator of their own (`<module>.<field>.js`: an Application's
   * `status` and `operation`), loaded only for an object that has the field; the kind's validator
   * checks only that the field is an object.
   */
  readonly separateFields?: string[];
}

interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: { [key: string]: any };
  readonly message?: string;
}

type ValidateFunction = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

let crdIndex: { [kind: string]: CrdIndexEntry } | undefined;
const validators = new Map<string, ValidateFunction>();
const schemas = new Map<string, any>();

function index(): { [kind: string]: CrdIndexEntry } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  crdIndex ??= require(path.join(VALIDATORS_DIR, 'index.json'));
  return crdIndex!;
}

/** The Argo CD kinds that have a CRD schema: Application, ApplicationSet, AppProject. */
export function schemaKinds(): string[] {
  return Object.keys(index());
}

/** A CRD kind of the index with what the per-object checks ask of it, computed once. */
export interface CrdKind extends CrdIndexEntry {
  readonly kind: string;
  /** `<group>/<version>` for every served version: the apiVersions that need no parsing. */
  readonly servedApiVersions: ReadonlySet<string>;
}

let crdKinds: Map<string, CrdKind> | undefined;

function kinds(): Map<string, CrdKind> {
  if (crdKinds === undefined) {
    crdKinds = new Map();
    for (const [kind, entry] of Object.entries(index())) {
      crdKinds.set(kind, { ...entry, kind, servedApiVersions: new Set(entry.versions.map((v) => `${entry.group}/${v}`)) });
    }
  }
  return crdKinds;
}

/**
 * The CRD entry for an object's kind if it is an Argo CD CRD kind, else undefined. Called for
 * every object by several rules: it allocates nothing (the entry is shared, do not modify it).
 */
export function crdOf(object: Manifest): CrdKind | undefined {
  const apiVersion = object.apiVersion;
  const kind = object.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const entry = kinds().get(kind);
  if (entry === undefined) return undefined;
  // apiVersion.split('/')[0] === group, without splitting.
  const group = entry.group;
  if (!apiVersion.startsWith(group) || (apiVersion.length !== group.length && apiVersion.charCodeAt(group.length) !== 0x2f)) return undefined;
  return entry;
}

function validatorFor(module: string): ValidateFunction {
  let v = validators.get(module);
  if (!v) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(VALIDATORS_DIR, `${module}.js`));
    v = (loaded.default ?? loaded) as ValidateFunction;
    validators.set(module, v);
  }
  return v;
}

/** The compiled schema JSON (used only to explain errors: loaded on the first unknown field). */
function schemaFor(module: string): any {
  let s = schemas.get(module);
  if (!s) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    s = require(path.join(VALIDATORS_DIR, `${module}.schema.json`));
    schemas.set(module, s);
  }
  return s;
}

/**
 * The field names the schema allows at an instance location, found by walking the instance path
 * through the schema (`properties`, `items`, map values, `$ref`s into `$defs`).
 */
function allowedFields(module: string, instancePath: string): string[] {
  const root = schemaFor(module);
  const deref = (node: any): any => {
    while (node && typeof node.$ref === 'string') {
      node = segmentsOf(node.$ref.replace(/^#/, '')).reduce((n: any, seg) => n?.[seg], root);
    }
    return node;
  };
  let node = deref(root);
  for (const seg of segmentsOf(instancePath)) {
    if (!node) return [];
    if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, seg)) node = node.properties[seg];
    else if (node.items && /^\d+$/.test(seg)) node = node.items;
    else if (node.additionalProperties && typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else return [];
    node = deref(node);
  }
  return node?.properties ? Object.keys(node.properties) : [];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing (undefined)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  // Values JSON cannot write (functions, symbols, bigints) reach here from JavaScript callers.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return `a ${typeof value}`;
  const text = JSON.stringify(value);
  return `${text.length > 80 ? text.slice(0, 77) + '...' : text} (${typeof value})`;
}

const ARTICLES: { [type: string]: string } = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object (a map of fields)',
  array: 'a list',
  null: 'null',
};

function typeFix(expected: string, value: unknown): string {
  if (expected === 'boolean' && typeof value === 'string') return 'write true or false without quotes';
  if ((expected === 'integer' || expected === 'number') && typeof value === 'string' && /^[-+]?\d+(\.\d+)?$/.test(value)) {
    return 'write the number without quotes';
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `quote it: "${String(value)}"`;
  if (expected === 'array' && !Array.isArray(value)) return 'write it as a YAML list (one "- item" per entry)';
  if (expected === 'object' && Array.isArray(value)) return 'write it as a map of fields, not a list';
  return `give it ${ARTICLES[expected] ?? expected} value`;
}

/**
 * Checks an Argo CD object against its CRD schema. Returns no findings for objects of other kinds.
 */
export function schemaFindings(object: Manifest): Finding[] {
  const crd = crdOf(object);
  if (!crd) return [];
  if (!crd.servedApiVersions.has(object.apiVersion) && !crd.versions.includes(object.apiVersion.split('/')[1])) {
    return [error('schema/api-version', '/apiVersion',
      `apiVersion ${JSON.stringify(object.apiVersion)} is not served by the Argo CD v3.5.1 ${crd.kind} CRD; use "${crd.group}/${crd.storage}"`)];
  }
  const validate = validatorFor(crd.module);
  let findings = validate(object) ? [] : explain(crd.module, object, validate.errors ?? []);
  const separate = crd.separateFields;
  if (separate !== undefined) {
    for (let i = 0; i < separate.length; i++) {
      const field = separate[i];
      const value = object[field];
      // Anything but an object was reported by the kind's own validator.
      if (!isObject(value)) continue;
      const validateField = validatorFor(`${crd.module}.${field}`);
      if (validateField(value)) continue;
      const errors = (validateField.errors ?? []).map((e) => ({ ...e, instancePath: `/${field}${e.instancePath}`, schemaPath: `#/properties/${field}${e.schemaPath.slice(1)}` }));
      findings = findings.concat(explain(crd.module, object, errors));
    }
  }
  return findings;
}

function explain(module: string, object: Manifest, errors: AjvError[]): Finding[] {
  // int-or-string fields are `anyOf: [integer, string]`: report the anyOf once, not each branch.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  // A value of the wrong type (1.5 for an int64 integer) fails its format too: the type says it.
  const typePaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const findings: Finding[] = [];
  for (const e of errors) {
    if (anyOfPaths.some((p) => e.schemaPath.startsWith(p))) continue;
    const value = valueAt(object, e.instancePath);
    const field = fieldPath(e.instancePath);
    switch (e.keyword) {
      case 'additionalProperties': {
        const name: string = e.params.additionalProperty;
        const ptr = `${e.instancePath}/${escapeToken(name)}`;
        const allowed = allowedFields(module, e.instancePath);
        const suggestion = didYouMean(name, allowed);
        const fix = suggestion
          ? `did you mean '${suggestion}'?`
          : `remove it${allowed.length ? `; ${field} accepts ${allowed.map((a) => `'${a}'`).join(', ')}` : ''}`;
        findings.push(error('schema/unknown-field', ptr,
          `unknown field '${name}' in ${field}: kubectl's strict field validation rejects it and Argo CD would silently drop it; ${fix}`));
        break;
      }
      case 'required': {
        const name: string = e.params.missingProperty;
        const ptr = `${e.instancePath}/${escapeToken(name)}`;
        findings.push(error('schema/required', ptr, `missing required field ${fieldPath(ptr)}: add it`));
        break;
      }
      case 'type': {
        const expected = String(e.params.type).split(',')[0];
        if (value === null) {
          findings.push(warning('schema/null-value', e.instancePath,
            `${field} is null, so the API server drops it and it has no effect: give it ${ARTICLES[expected] ?? expected} value or remove the line`));
        } else {
          findings.push(error('schema/type', e.instancePath,
            `${field} must be ${ARTICLES[expected] ?? expected}, got ${describe(value)}: ${typeFix(expected, value)}`));
        }
        break;
      }
      case 'anyOf':
        findings.push(error('schema/int-or-string', e.instancePath,
          `${field} must be an integer or a string, got ${describe(value)}`));
        break;
      case 'enum': {
        const allowed: unknown[] = e.params.allowedValues ?? [];
        const suggestion = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
        findings.push(error('schema/enum', e.instancePath,
          `${field} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describe(value)}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''}`));
        break;
      }
      case 'format':
        if (typePaths.has(e.instancePath)) break;
        findings.push(error('schema/format', e.instancePath,
          `${field} must be ${e.params.format === 'date-time' ? 'an RFC 3339 date-time such as "2026-01-31T12:00:00Z"' : `of format ${e.params.format}`}, got ${describe(value)}`));
        break;
      default:
        findings.push(error('schema/constraint', e.instancePath, `${field} ${e.message}, got ${describe(value)}`));
    }
  }
  return findings;
}
