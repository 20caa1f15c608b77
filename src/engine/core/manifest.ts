import { isObject, str } from './values';

/** A plain Kubernetes manifest as parsed from YAML or JSON. */
export type Manifest = { [key: string]: any };

/** The identity of an object: what a problem or a plan task names it by. */
export interface ObjectIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  /** `metadata.name`, or `metadata.generateName` when the object has no name. */
  readonly name: string;
}

/** Identity fields of an object (empty strings for what it lacks). */
export function identityOf(object: unknown): ObjectIdentity {
  const o: Manifest = isObject(object) ? object : {};
  const metadata: Manifest = isObject(o.metadata) ? o.metadata : {};
  return {
    apiVersion: str(o.apiVersion),
    kind: str(o.kind),
    namespace: str(metadata.namespace),
    name: str(metadata.name) || str(metadata.generateName),
  };
}

/** API group of an apiVersion (`apps/v1` → `apps`, `v1` → ``). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** API group of an object from its apiVersion. */
export function groupOf(object: Manifest): string {
  return apiGroupOf(str(object?.apiVersion));
}
