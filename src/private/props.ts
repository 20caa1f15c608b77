/**
 * Run-time checks of construct props and method arguments, for what the type checker would catch
 * in TypeScript but JavaScript and `any`-typed callers get past it: a missing required prop, a
 * string where a `SyncOption` belongs, a misspelt constant (`undefined`). Each check names the
 * field, what was given and the fix, prefixed by the construct path: `[chart/app] 'destination'
 * is required: pass Destination.inCluster('my-namespace'), …`.
 *
 * A shape is a function from (value, field) to a message or undefined; `checkProps` runs the shape
 * of a props object and throws the first message. Shapes say what a value must be, never what it
 * means to Argo CD (that is the engine's job, once the object renders).
 */
import { Duration, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { validationErrorAt } from './errors';
import { didYouMean } from '../engine/core/did-you-mean';

/** Checks one value; returns what is wrong with it, or undefined. */
export type Shape = (value: unknown, field: string) => string | undefined;

/** A field of a record shape: its shape, and the fix to print when a required field is missing. */
export interface FieldSpec {
  readonly shape: Shape;
  /** Set for a required field: how to give it (`pass Destination.inCluster(…)`). */
  readonly required?: string;
}

/** What a value is, for messages: `"x" (a string)`, `5 (a number)`, `undefined`, `an instance of Foo`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return `${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)} (a string)`;
    case 'number': case 'boolean': case 'bigint': return `${String(value)} (a ${typeof value})`;
    case 'function': return 'a function';
    case 'symbol': return 'a symbol';
  }
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name && name !== 'Object' ? `an instance of ${name}` : 'an object';
}

/** `'destination'` at the top level, `syncPolicy.retry.limit` below it. */
function quoted(field: string): string {
  return /[.[]/.test(field) ? field : `'${field}'`;
}

/** A cdk8s `Lazy` value, resolved at synth: any field may hold one, so no shape judges it. */
function isToken(value: unknown): boolean {
  return isInstance(value, Lazy);
}

/** `a SyncOption`, `an ApplicationSource`. */
function article(name: string): string {
  return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name}`;
}

function wrong(field: string, value: unknown, expected: string, fix: string): string {
  return `${quoted(field)} is ${describeValue(value)}, not ${expected}: ${fix}`;
}

/** Whether `value` is an instance of `cls`, also when it comes from another copy of the library. */
function isInstance(value: unknown, cls: Function): boolean {
  if (value instanceof cls) return true;
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value)?.constructor?.name === cls.name;
}

export const string: Shape = (v, f) => (typeof v === 'string' ? undefined : wrong(f, v, 'a string', 'give a string, e.g. "my-value"'));
/** A string that is not empty, with how to give it. */
export function nonEmptyString(fix: string): Shape {
  return (v, f) => (typeof v === 'string' && v !== '' ? undefined : wrong(f, v, 'a non-empty string', fix));
}
export const boolean: Shape = (v, f) => (typeof v === 'boolean' ? undefined : wrong(f, v, 'a boolean', 'write true or false'));
export const number: Shape = (v, f) => (typeof v === 'number' && Number.isFinite(v) ? undefined : wrong(f, v, 'a number', 'give a number, e.g. 2'));
export const integer: Shape = (v, f) => (Number.isSafeInteger(v) ? undefined : wrong(f, v, 'an integer', 'give a whole number, e.g. 2'));
export const anything: Shape = () => undefined;

/** A cdk8s `Duration`. */
export const duration: Shape = (v, f) => (isInstance(v, Duration) ? undefined
  : wrong(f, v, 'a Duration', typeof v === 'string' || typeof v === 'number'
    ? 'use Duration.seconds(30), Duration.minutes(5) or Duration.parse("PT5M") from cdk8s' : 'use Duration.seconds(…) from cdk8s'));

/** A map of strings (labels, annotations, env). */
export const stringMap: Shape = (v, f) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return wrong(f, v, 'a map of strings', 'give an object such as { key: "value" }');
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string' && !isToken(x)) return wrong(`${f}.${k}`, x, 'a string', typeof x === 'number' || typeof x === 'boolean' ? `quote it: "${String(x)}"` : 'give a string');
  }
  return undefined;
};

/** A list whose items have `item`'s shape. */
export function arrayOf(item: Shape): Shape {
  return (v, f) => {
    if (!Array.isArray(v)) return wrong(f, v, 'a list', 'wrap it in [ ]');
    for (let i = 0; i < v.length; i++) {
      const problem = isToken(v[i]) ? undefined : item(v[i], `${f}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/**
 * An instance of a class (an enum-like or union-like class of this library). A string that is the
 * value of one of the class's constants names that constant; `custom` names the escape hatch.
 */
export function instanceOf(cls: Function, fix: string, options: { custom?: boolean } = {}): Shape {
  return (v, f) => {
    if (isInstance(v, cls)) return undefined;
    const constants = Object.entries(cls).filter(([, c]) => isInstance(c, cls));
    if (typeof v === 'string') {
      const match = constants.find(([, c]) => (c as { value?: unknown }).value === v);
      if (match) return wrong(f, v, article(cls.name), `use ${cls.name}.${match[0]}`);
      if (options.custom) return wrong(f, v, article(cls.name), `${fix}, or ${cls.name}.custom(${JSON.stringify(v)})`);
    }
    const misspelt = v === undefined && constants.length > 0 ? ' (a misspelt constant?)' : '';
    return `${quoted(f)} is ${describeValue(v)}${misspelt}, not ${article(cls.name)}: ${fix}${options.custom ? `, or ${cls.name}.custom("…")` : ''}`;
  };
}

/** One of the values of a TypeScript string enum (the member's value is accepted as written). */
export function enumOf(enumObject: { [key: string]: string }, name: string): Shape {
  const members = Object.entries(enumObject);
  return (v, f) => {
    if (members.some(([, value]) => value === v)) return undefined;
    const suggestion = typeof v === 'string' ? didYouMean(v, members.map(([, value]) => value)) : undefined;
    const fix = suggestion
      ? `use ${name}.${members.find(([, value]) => value === suggestion)![0]}`
      : `use one of ${members.map(([k]) => `${name}.${k}`).join(', ')}`;
    return wrong(f, v, article(name), fix);
  };
}

/** An object implementing an interface: only that it is an object with these members. */
export function implementing(name: string, members: string[], fix: string): Shape {
  return (v, f) => {
    if (v !== null && typeof v === 'object' && members.every((m) => (v as any)[m] !== undefined)) return undefined;
    return wrong(f, v, article(name), fix);
  };
}

/**
 * An object with these fields. A key that is not one of them but is close to one is reported as a
 * typo (`destinaton` → `destination`); other extra keys are left alone.
 */
export function record(fields: { [field: string]: FieldSpec }, what = 'an object of properties'): Shape {
  const names = Object.keys(fields);
  const known = new Set(names);
  const specs = Object.entries(fields);
  return (v, f) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return wrong(f, v, what, 'give an object such as { … }');
    // A typo first: a misspelt required field would otherwise be reported as missing.
    for (const key of Object.keys(v)) {
      if (known.has(key)) continue;
      const suggestion = didYouMean(key, names);
      if (suggestion && (v as { [k: string]: unknown })[suggestion] === undefined) {
        return `unknown property ${quoted(f ? `${f}.${key}` : key)}: did you mean '${suggestion}'?`;
      }
    }
    for (const [name, spec] of specs) {
      const value = (v as { [k: string]: unknown })[name];
      if (value === undefined) {
        if (spec.required !== undefined) return `${quoted(f ? `${f}.${name}` : name)} is required: ${spec.required}`;
        continue;
      }
      const problem = isToken(value) ? undefined : spec.shape(value, f ? `${f}.${name}` : name);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** An optional field of a record. */
export function optional(shape: Shape): FieldSpec {
  return { shape };
}

/** A required field of a record, with how to give it. */
export function required(shape: Shape, fix: string): FieldSpec {
  return { shape, required: fix };
}

/** The path a construct about to be created will have (`scope/id`). */
export function pathOf(scope: IConstruct | undefined, id: string): string {
  const base = scope?.node?.path;
  return base ? `${base}/${id}` : id;
}

/**
 * Checks the props of a construct (or the argument of a method) against a shape and throws
 * `[path] message` on the first mismatch. `undefined` props are checked as `{}`.
 */
export function checkProps<T>(path: string, props: T, shape: Shape, field = ''): T {
  const problem = shape(props === undefined ? {} : props, field);
  if (problem) throw validationErrorAt(path, problem);
  return props;
}

/** Checks one argument: throws `[path] message` when `value` does not have the shape. */
export function checkArg(path: string, field: string, value: unknown, shape: Shape): void {
  const problem = isToken(value) ? undefined : shape(value, field);
  if (problem) throw validationErrorAt(path, problem);
}

/**
 * Checks that `construct` is a construct, for the `X.of(construct)` APIs: a string or undefined
 * there would otherwise fail inside cdk8s with "Cannot read properties of undefined".
 */
export function checkConstruct(api: string, construct: unknown): void {
  const node = (construct as { node?: { path?: unknown } } | null | undefined)?.node;
  if (node === undefined || typeof node.path !== 'string') {
    throw validationErrorAt(api, `the argument is ${describeValue(construct)}, not a construct: pass the construct that renders the object (a cdk8s-plus object, an ApiObject, or one of this library's constructs)`);
  }
}
