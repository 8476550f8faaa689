export * from './schema';
export * from './errors';
export * from './loaded-config';
export * from './load-config';
export * from './sizes';
