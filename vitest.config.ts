import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Three kinds of test, picked by file name:
//   *.test.ts       pure code, run once;
//   *.int.test.ts   touches the database, run once on SQLite and once on PostgreSQL;
//   *.e2e.test.ts   a real Chromium against a running server (SQLite).
// `npm test` runs them all; TEST_PROJECTS=unit,sqlite narrows it (see README).
const integration = ['test/**/*.int.test.ts'];
// Files of a worker share its loaded modules (isolate: false): loading the app (Hono, zod-openapi,
// kysely, the services) anew for each of ~190 files was 40% of the CPU time of a run (measured on
// test/api + test/awards, SQLite: 50 s → 29 s user CPU). Tests keep no state in modules: what they
// change there (CACHE_RULES, cache limits) they put back, and every file opens its own database.
// The browser files keep their own process each (a Chromium and a server per file).
const shared = { isolate: false };
const selected = process.env.TEST_PROJECTS?.split(',').filter(Boolean);
const all: TestProjectInlineConfiguration[] = [
  {
    extends: true as const,
    test: {
      name: 'unit',
      include: ['test/**/*.test.ts'],
      exclude: [...integration, 'test/**/*.e2e.test.ts'],
      ...shared,
    },
  },
  {
    extends: true as const,
    test: { name: 'sqlite', include: integration, env: { TEST_DATABASE: 'sqlite' }, ...shared },
  },
  {
    extends: true as const,
    test: { name: 'postgres', include: integration, env: { TEST_DATABASE: 'postgres' }, ...shared },
  },
  {
    extends: true as const,
    test: { name: 'e2e', include: ['test/**/*.e2e.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
  },
];
const projects = all.filter((p) => !selected || selected.includes(String(p.test?.name)));

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects,
  },
});
