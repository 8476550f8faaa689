export * from './config';
export * from './user-data';
export * from './constructs';
