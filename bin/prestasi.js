#!/usr/bin/env node
// Runs the CLI compiled ahead of time by `npm install` (build/, see bin/compiled.js) when it is
// current, which starts in a fraction of the time; otherwise the TypeScript sources through tsx,
// so an edited checkout never runs stale code and nothing needs a build step to work.
import { BUILD_DIR, buildIsFresh } from './compiled.js';

if (process.env.PRESTASI_FROM_SOURCE !== '1' && buildIsFresh()) {
  process.env.PRESTASI_BUILD_DIR = BUILD_DIR; // worker threads start from build/ too
  await import('../build/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
