export * from './render-cluster-script';
export * from './template-error';
export { ComposeFiles } from './compose-files';
export { effectiveEnvironment } from './environment-variables';
