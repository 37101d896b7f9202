// National-scale query benchmark: the synthetic dataset (dataset.ts, ~1M awards) in SQLite
// and in PostgreSQL; for each, p50/p95 of the queries the product runs most.
// Prints one JSON line per database. BENCH_PG_URL overrides the PostgreSQL server.

import type { Db } from '../../src/db/database.ts';
import { listAwards } from '../../src/services/awards/read.ts';
import { listAwardsQuerySchema } from '../../src/services/awards/schemas.ts';
import { FIRST_YEAR, loadNationalDataset, REGIONS, regionCode, YEARS } from './dataset.ts';
import { ensurePgDatabase } from './lib/pg.ts';
import { nationalQueries } from './national-queries.ts';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

export interface Metric {
  label: string;
  p50: number;
  p95: number;
  targetP95: number;
  runs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `fn` with varying inputs: warm-up first, then timed runs. */
export async function measure(
  label: string,
  targetP95: number,
  runs: number,
  fn: (i: number) => Promise<unknown>,
): Promise<Metric> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i + 1000);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), targetP95, runs };
}

async function benchOne(db: Db): Promise<Record<string, Metric>> {
  const region = (i: number) => regionCode((i * 7919) % REGIONS);
  const year = (i: number) => FIRST_YEAR + (i % YEARS);
  const metrics: Record<string, Metric> = {};
  for (const q of nationalQueries) {
    metrics[q.key] = await measure(q.label, q.targetP95, q.runs ?? ITERATIONS, (i) =>
      q.run(db, region(i), year(i)),
    );
    console.error(
      `  ${db.kind} ${q.label}: p50 ${metrics[q.key].p50.toFixed(1)} ms, p95 ${metrics[q.key].p95.toFixed(1)} ms`,
    );
  }
  metrics.listPage = await measure(
    'filtered list page (region, year, field; page 1 of 25)',
    20,
    ITERATIONS,
    (i) =>
      listAwards(
        db.db,
        null,
        listAwardsQuerySchema.parse({
          region: region(i),
          year: year(i),
          field: i % 2 ? 'kesehatan' : undefined,
        }),
      ),
  );
  console.error(
    `  ${db.kind} list page: p50 ${metrics.listPage.p50.toFixed(1)} ms, p95 ${metrics.listPage.p95.toFixed(1)} ms`,
  );
  return metrics;
}

const targets = [
  { kind: 'sqlite', url: 'sqlite:./data/bench/national.db' },
  { kind: 'postgres', url: await ensurePgDatabase('prestasi_bench') },
];
for (const t of targets) {
  console.error(`loading ${t.kind} …`);
  const db = await loadNationalDataset(t.url, (m) => console.error(`  ${m}`));
  const metrics = await benchOne(db);
  await db.close();
  console.log(JSON.stringify({ name: 'national', database: t.kind, awards: REGIONS * YEARS * 60, metrics }));
}
