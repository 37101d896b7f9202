export * from './catalog.ts';
export { bandFor, formatInterval, precisionOf, rangeOf } from './edges.ts';
export * from './grade.ts';
export * from './schema.ts';
export * from './types.ts';
export * from './validate.ts';
