// The public API of cdk8s-argocd. Never exports the L1 classes in imports/ or the CLI.
export * from './validation';
export * from './plan';
export * from './sync-wave';
export * from './hooks';
export * from './resource-options';
export * from './dependencies';
export * from './build-environment';
export * from './cmp';
