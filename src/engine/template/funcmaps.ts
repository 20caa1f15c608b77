/**
 * The function maps Argo CD v3.5.1 gives templates.
 * - ApplicationSets (applicationset/utils/utils.go, template_functions.go): Sprig's
 *   GenericFuncMap minus env, expandenv, getHostByName; plus normalize (SanitizeName), slugify
 *   (gosimple/slug v1.15.0), toYaml, fromYaml, fromYamlArray (sigs.k8s.io/yaml).
 * - Notifications (notifications-engine pkg/templates/service.go): Sprig's TxtFuncMap minus env
 *   and expandenv.
 */
import { RE2JS } from 're2js';
import { FuncMap } from './exec';
import { GoError, GoFunc, GoInt, GoValue, IFACE } from './go-value';
import { defaultFuncs } from './sprig/defaults';
import { dictFuncs } from './sprig/dicts';
import { listFuncs } from './sprig/lists';
import { mathFuncs } from './sprig/math';
import { getHostByName, nondeterministicFuncs } from './sprig/nondeterministic';
import { pathFuncs } from './sprig/paths';
import { regexFuncs } from './sprig/regex';
import { semverFuncs } from './sprig/semver';
import { stringFuncs } from './sprig/strings';
import { assertionError, fn, fnErr, lower, toBytes, fromBytes, variadic } from './sprig/support';
import { fromYaml, fromYamlArray, marshalYaml } from './yaml';

/** Sprig v3.3.0's GenericFuncMap (without env and expandenv, which read the environment). */
export function sprigGenericFuncMap(): Record<string, GoFunc> {
  return {
    hello: fn([], () => 'Hello!', 'string'),
    fail: fnErr(['string'], (msg: string) => {
      throw new GoError(msg);
    }, 'string'),
    ...stringFuncs(),
    ...regexFuncs(),
    ...defaultFuncs(),
    ...mathFuncs(),
    ...listFuncs(),
    ...dictFuncs(),
    ...pathFuncs(),
    ...semverFuncs(),
    ...nondeterministicFuncs(),
  };
}

const INVALID_DNS = RE2JS.compile('[^-a-z0-9.]');

/** Argo CD's SanitizeName (`normalize`): a DNS-1123-ish name. */
export function sanitizeName(name: string): string {
  let n = INVALID_DNS.matcher(lower(name)).replaceAll('-');
  const b = toBytes(n);
  if (b.length > 253) n = fromBytes(b.slice(0, 253));
  return n.replace(/^[-.]+|[-.]+$/g, '');
}

/** Argo CD's SlugifyName: `slugify [maxSize int] [smartTruncate bool] name`. */
export function slugifyName(...args: GoValue[]): string {
  let maxSize = 50;
  let smart = true;
  let name = '';
  args.forEach((arg, idx) => {
    if (idx === args.length - 1) {
      if (typeof arg !== 'string') throw assertionError(arg, 'string');
      name = arg;
    } else if (idx === 0) {
      if (!(arg instanceof GoInt) || arg.type !== 'int') throw assertionError(arg, 'int');
      maxSize = Number(arg.value);
    } else if (idx === 1) {
      if (typeof arg !== 'boolean') throw assertionError(arg, 'bool');
      smart = arg;
    }
  });
  let slug = sanitizeName(name).trim();
  if (!smart && slug.length >= maxSize) {
    if (maxSize < 0) throw new GoError(`runtime error: slice bounds out of range [:${maxSize}]`);
    slug = slug.slice(0, maxSize);
  }
  slug = slug.replace(/[^a-zA-Z0-9\-_]/g, '-').replace(/-+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  if (maxSize > 0 && smart && slug.length > maxSize) {
    let cut = slug.slice(0, maxSize);
    for (let i = maxSize; i >= 0; i--) {
      if (slug[i] === '-') {
        cut = slug.slice(0, i);
        break;
      }
    }
    slug = cut;
  }
  return slug;
}

/** The ApplicationSet function map (goTemplate: true). */
export function applicationSetFuncMap(): FuncMap {
  return {
    ...sprigGenericFuncMap(),
    normalize: fn(['string'], sanitizeName, 'string'),
    slugify: variadic([`[]${IFACE}`], slugifyName, 'string'),
    toYaml: fnErr([IFACE], (v: GoValue) => marshalYaml(v).replace(/\n$/, ''), 'string'),
    fromYaml: fnErr(['string'], fromYaml, `map[string]${IFACE}`),
    fromYamlArray: fnErr(['string'], fromYamlArray, `[]${IFACE}`),
  };
}

/** The notification template function map. */
export function notificationsFuncMap(): FuncMap {
  return { ...sprigGenericFuncMap(), getHostByName: getHostByName() };
}
