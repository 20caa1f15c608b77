export * from './problem';
export * from './validate-manifests';
export { fieldPath, pointer, valueAt } from '../core/json-pointer';
