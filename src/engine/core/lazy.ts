/**
 * A value computed on first use and kept: how heavy modules (the Go template and expr engines,
 * re2js, the YAML parser, the 3.3 MB ApplicationSet L1 classes) are loaded only by the code paths
 * that need them. `generate` runs inside argocd-repo-server on every render, and an app of
 * Applications must not pay for the evaluators of ApplicationSets and notifications.
 *
 * @example
 * const yaml = lazy(() => require('yaml') as typeof import('yaml'));
 * yaml().parse(text);
 */
export function lazy<T>(load: () => T): () => T {
  let loaded = false;
  let value: T;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value;
  };
}
