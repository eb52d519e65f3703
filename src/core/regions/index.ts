export * from './region-code.ts';
export * from './region-name.ts';
