export * from './node-user-data';
export * from './deploy-time-variables';
export * from './disk-setup';
export * from './self-extracting';
export * from './user-data-too-large-error';
export * from './compose-project';
export { CLUSTER_SCRIPT_PATH } from './node-script-body';
export * from './templates';
