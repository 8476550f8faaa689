export * from './config';
export * from './user-data';
