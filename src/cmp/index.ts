export * from './config-management-plugin';
export * from './repo-server-sidecar';
