export * from './disk-images';
export * from './guest-image';
export * from './guest-report';
export * from './node-vm';
export * from './run-guest';
export * from './vm-test';
export * from './vm-scaling';
