export * from './counts.ts';
export * from './phrases.ts';
export * from './series.ts';
export * from './streaks.ts';
export * from './types.ts';
