// The public API of cdk8s-argocd. Never exports the L1 classes in imports/ or the CLI.
export * from './validation';
export * from './build-environment';
export * from './cmp';
