export * from './assessments.ts';
export * from './peers.ts';
export * from './weights.ts';
