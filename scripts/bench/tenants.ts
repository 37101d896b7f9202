// Many regions in one deployment, through HTTP on PostgreSQL: the national dataset (dataset.ts,
// every region × 30 years, about a million awards) served by the real server, with 20 clients
// spread over the regions (each request asks for another region than its neighbours'):
//   - a region's recap (GET /api/v1/recap?region=…&year=…; the API does not cache),
//   - a region's list page for a year (/wilayah/{code}/penghargaan?tahun=…),
//   - a region's showcase home (/wilayah/{code}),
//   - the national comparison (/perbandingan; cached per data version; its first render is
//     reported on its own),
// and, as the raw baseline of the same run, a bare node:http server answering a page of the
// same size to the same client: what the transport alone costs. Prints one JSON line.
// Usage: npx tsx scripts/bench/tenants.ts [--seconds 10] [--connections 20]
//   BENCH_PG_URL overrides the PostgreSQL server (default postgres@127.0.0.1:5432);
//   BENCH_REGIONS=20 runs on a smaller dataset (for trying the script, not for results).
import { ensurePgDatabase } from './lib/pg.ts';
import '@hono/zod-openapi';
import { createServer } from 'node:http';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/http/server.ts';
import {
  AWARDS_PER_REGION_YEAR,
  FIRST_YEAR,
  loadNationalDataset,
  REGIONS,
  regionCode,
  YEARS,
} from './dataset.ts';
import { arg } from './lib/load.ts';
import { spread } from './lib/spread.ts';

const seconds = arg('seconds', 10);
const connections = arg('connections', 20);
// One database per dataset size (BENCH_REGIONS), so a small trial never meets the full one.
const DATABASE = `prestasi_bench_tenants_${REGIONS}`;

const url = await ensurePgDatabase(DATABASE);
console.error(`loading ${url} …`);
await (await loadNationalDataset(url, (m) => console.error(`  ${m}`))).close();

const server = await startServer(
  { ...loadConfig({}), databaseUrl: url, port: 0, logLevel: 'silent' },
  { host: '127.0.0.1' },
);
// Region i of the run, and a year for it: neighbours in the list differ in both.
const regions = Array.from({ length: REGIONS }, (_, i) => regionCode((i * 7919) % REGIONS));
const yearOf = (i: number) => FIRST_YEAR + ((i * 13) % YEARS);

try {
  const base = server.url;
  const started = performance.now();
  const first = await fetch(`${base}/perbandingan`);
  if (first.status !== 200) throw new Error(`/perbandingan answered ${first.status}`);
  const page = Buffer.from(await first.arrayBuffer());
  const nationalFirstRenderMs = Math.round(performance.now() - started);

  const raw = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.subarray(0, 16 * 1024));
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  const address = raw.address();
  const rawBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const runs: [string, number, string[]][] = [
    ['recap', 20, regions.map((r, i) => `${base}/api/v1/recap?region=${r}&year=${yearOf(i)}`)],
    ['list', 20, regions.map((r, i) => `${base}/wilayah/${r}/penghargaan?tahun=${yearOf(i)}`)],
    ['home', 30, regions.map((r) => `${base}/wilayah/${r}`)],
    ['national', 300, [`${base}/perbandingan`]],
    ['raw', 0, regions.map((r) => `${rawBase}/wilayah/${r}`)],
  ];
  // A short warm-up (JIT, pool connections) on other years than those measured.
  await spread(
    regions.map((r, i) => `${base}/api/v1/recap?region=${r}&year=${yearOf(i + 1)}`),
    { seconds: 2, connections },
  );
  const metrics: Record<string, unknown> = {};
  for (const [key, targetP95, urls] of runs) {
    // Pages are cached per data version: the first pass over the regions renders each page
    // ("cold", what a reader waits after a verification), the timed run after it is mostly
    // answered from the cache ("warm"). The API recap is not cached: every request counts.
    const cold =
      key === 'list' || key === 'home' ? await spread(urls, { seconds: 0, connections, once: true }) : null;
    const m = await spread(urls, { seconds, connections });
    if (m.failures || cold?.failures) throw new Error(`${key}: failed requests`);
    metrics[key] = { ...m, targetP95, ...(cold ? { cold } : {}) };
    console.error(
      `  ${key}: ${m.requests} requests, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms` +
        (cold ? `; cold pass over ${cold.requests} pages: p50 ${cold.p50} ms, p95 ${cold.p95} ms` : ''),
    );
  }
  raw.close();
  console.log(
    JSON.stringify({
      name: 'tenants',
      database: 'postgres',
      regions: REGIONS,
      years: YEARS,
      awards: REGIONS * YEARS * AWARDS_PER_REGION_YEAR,
      connections,
      seconds,
      nationalFirstRenderMs,
      metrics,
    }),
  );
} finally {
  await server.close();
}
