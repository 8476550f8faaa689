export * from './config';
export * from './constructs';
