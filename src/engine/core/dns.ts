/**
 * Kubernetes name and key formats (k8s.io/apimachinery/pkg/util/validation).
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `IsDNS1123Subdomain`: at most 253 characters of `[a-z0-9.-]`, alphanumeric at both ends. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/** `IsDNS1123Label`: at most 63 characters of `[a-z0-9-]`, alphanumeric at both ends. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** `IsQualifiedName`: `[prefix/]name`, prefix a DNS-1123 subdomain, name at most 63 characters. */
export function qualifiedNameError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'has more than one "/"';
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return 'has an empty prefix before "/"';
    if (!isDns1123Subdomain(prefix)) return `has a prefix "${prefix}" that is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")`;
  }
  if (name.length === 0) return 'has an empty name';
  if (name.length > 63) return `has a name part of ${name.length} characters, more than 63`;
  if (!QUALIFIED_NAME.test(name)) return 'must consist of letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

/** `IsValidLabelValue`: at most 63 characters, empty or alphanumeric at both ends. */
export function labelValueError(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters long, more than 63`;
  if (!LABEL_VALUE.test(value)) return 'must be empty or consist of letters, digits, "-", "_" or ".", starting and ending with a letter or digit';
  return undefined;
}

/** A DNS-1123 version of a name, as a suggestion: `My_App` → `my-app`. */
export function toDns1123(value: string, maxLength = 253): string {
  const s = value.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return s.slice(0, maxLength).replace(/[^a-z0-9]+$/, '') || 'my-name';
}
