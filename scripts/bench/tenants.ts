// Many regions in one deployment, through HTTP on PostgreSQL: the national dataset (dataset.ts,
// every region × 30 years, about a million awards) served by the real server, with 20 clients
// spread over the regions (each request asks for another region than its neighbours'):
//   - a region's public recap (GET /api/v1/recap?region=…&year=…; kept until the region changes),
//   - each public page of a region: home, list for a year, an award, the unit index, a unit's
//     report card, the timeline and the open-data page. Pages and the public recap are cached
//     until their region's data changes: a first pass over the regions renders each ("cold"),
//     the timed run after it is answered from the cache ("warm"),
//   - the national comparison (/perbandingan; its first render is reported on its own),
//   - after one verification in one region: that region's home (rendered again) and a pass over
//     every region's home (the others must still be cached),
//   - row-level security on versus off: signed-in region admins (API tokens; RLS applies to
//     signed-in requests only) asking for an uncached recap with unverified records, run with
//     the policies on and with them disabled on the tenant tables of this benchmark database
//     (ALTER TABLE … DISABLE / NO FORCE ROW LEVEL SECURITY, restored after), in rounds whose
//     order alternates; the ratio is the median of the rounds' p95 ratios,
// and, as the raw baseline of the same run, a bare node:http server answering a page of the
// same size to the same client: what the transport alone costs. Prints one JSON line.
// Usage: npx tsx scripts/bench/tenants.ts [--seconds 10] [--connections 20]
//   BENCH_PG_URL overrides the PostgreSQL server (default postgres@127.0.0.1:5432);
//   BENCH_TENANTS_DB the database (default prestasi_bench_tenants_<regions>);
//   BENCH_REGIONS=20 runs on a smaller dataset, BENCH_TENANTS_RUNS=home,recap only those runs
//   (both for trying the script, not for results); BENCH_RLS_ROUNDS (default 6) the rounds of
//   RLS on/off (BENCH_TENANTS_RUNS=rls skips every page run: the verification and RLS remain).
import { backendCpuMs, cpuBetween, ensurePgDatabase } from './lib/pg.ts';
import '@hono/zod-openapi';
import { createServer } from 'node:http';
import pg from 'pg';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { TENANT_TABLES } from '../../src/db/tenancy.ts';
import { regionIdOf } from '../../src/domain/region-code.ts';
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
import { type SpreadLoad, type SpreadRequest, spread } from './lib/spread.ts';

const seconds = arg('seconds', 10);
const connections = arg('connections', 20);
// One database per dataset size (BENCH_REGIONS), so a small trial never meets the full one.
const DATABASE = process.env.BENCH_TENANTS_DB ?? `prestasi_bench_tenants_${REGIONS}`;
/** Signed-in clients of the RLS run: one region admin each, in regions of their own. */
const SIGNED_IN_REGIONS = Math.min(connections, REGIONS);
/** Rounds of the RLS on/off comparison (BENCH_RLS_ROUNDS; each round runs both, 2 × seconds). */
const RLS_ROUNDS = Number(process.env.BENCH_RLS_ROUNDS ?? 6);

const url = await ensurePgDatabase(DATABASE);
console.error(`loading ${url} …`);
const db = await loadNationalDataset(url, (m) => console.error(`  ${m}`));

/** Row-level security on the tenant tables of this database: on (as migration 010 left it) or off. */
async function setRowSecurity(on: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const t of TENANT_TABLES)
      await client.query(
        on
          ? `alter table ${t} enable row level security; alter table ${t} force row level security`
          : `alter table ${t} no force row level security; alter table ${t} disable row level security`,
      );
  } finally {
    await client.end();
  }
}
// A run stopped half-way must not leave the policies off.
await setRowSecurity(true);

/** A user of `role` in region `code` with an API token (made once, kept in the database). */
async function tokenFor(d: Db, code: string, role: 'admin' | 'verifikator'): Promise<string> {
  const email = `bench-${role}-${code.replace('.', '-')}@bench.invalid`;
  const existing = await d.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  const id = existing?.id ?? (await createUser(d.db, { email, role, regionId: regionIdOf(code) })).id;
  return createApiToken(d.db, id, 'bench');
}

// Region i of the run, and a year for it: neighbours in the list differ in both.
const regions = Array.from({ length: REGIONS }, (_, i) => regionCode((i * 7919) % REGIONS));
const yearOf = (i: number) => FIRST_YEAR + ((i * 13) % YEARS);

/** Per region: a public award and a unit with awards of its own, for their pages. */
async function pagesOfRegions(d: Db) {
  const awards = await d.db
    .selectFrom('awards')
    .select(['region_id', (eb) => eb.fn.min('id').as('id')])
    .where('state', '=', 'verified')
    .where('is_public', '=', 1)
    .groupBy('region_id')
    .execute();
  // The second unit of each region (a dinas with sub-units under it).
  const units = await d.db
    .selectFrom('org_units')
    .select(['region_id', (eb) => eb.fn.min('id').as('id')])
    .where('parent_id', 'is not', null)
    .groupBy('region_id')
    .execute();
  const awardOf = new Map(awards.map((a) => [Number(a.region_id), Number(a.id)]));
  const unitOf = new Map(units.map((u) => [Number(u.region_id), Number(u.id)]));
  return {
    awardOf: (code: string) => awardOf.get(regionIdOf(code)),
    unitOf: (code: string) => unitOf.get(regionIdOf(code)),
  };
}

const signedInTokens: [string, string][] = [];
for (const code of regions.slice(0, SIGNED_IN_REGIONS))
  signedInTokens.push([code, await tokenFor(db, code, 'admin')]);
const changed = regions[0];
const verifierToken = await tokenFor(db, changed, 'verifikator');
const { awardOf, unitOf } = await pagesOfRegions(db);
// A submitted award of the changed region, verified during the run and put back after it.
const submitted = await db.db
  .selectFrom('awards')
  .select(['id', 'version', 'updated_at'])
  .where('region_id', '=', regionIdOf(changed))
  .where('state', '=', 'submitted')
  .where('is_public', '=', 1)
  .orderBy('id')
  .executeTakeFirstOrThrow();
await db.close();

const server = await startServer(
  { ...loadConfig({}), databaseUrl: url, port: 0, logLevel: 'silent' },
  { host: '127.0.0.1' },
);

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

  const region = (path: (code: string, i: number) => string | null) =>
    regions.flatMap((r, i) => {
      const p = path(r, i);
      return p === null ? [] : [`${base}/wilayah/${r}${p}`];
    });
  // [key, p95 target in ms, URLs, measured cold first]
  const runs: [string, number, SpreadRequest[], boolean][] = [
    ['recap', 20, regions.map((r, i) => `${base}/api/v1/recap?region=${r}&year=${yearOf(i)}`), true],
    ['list', 20, region((_, i) => `/penghargaan?tahun=${yearOf(i)}`), true],
    ['home', 30, region(() => ''), true],
    ['award', 30, region((r) => (awardOf(r) ? `/penghargaan/${awardOf(r)}` : null)), true],
    ['units', 30, region(() => '/unit'), true],
    ['unit', 30, region((r) => (unitOf(r) ? `/unit/${unitOf(r)}` : null)), true],
    ['timeline', 30, region(() => '/linimasa'), true],
    ['data', 30, region(() => '/data'), true],
    ['national', 300, [`${base}/perbandingan`], false],
    ['raw', 0, regions.map((r) => `${rawBase}/wilayah/${r}`), false],
  ];
  // A short warm-up (JIT, pool connections) on other years than those measured.
  await spread(
    regions.map((r, i) => `${base}/api/v1/recap?region=${r}&year=${yearOf(i + 1)}`),
    { seconds: 2, connections },
  );
  const metrics: Record<string, unknown> = {};
  const check = (key: string, m: SpreadLoad | null) => {
    if (m?.failures) throw new Error(`${key}: ${m.failures} failed requests`);
  };
  // BENCH_TENANTS_RUNS=home,recap runs only those (for trying the script, not for results).
  const only = process.env.BENCH_TENANTS_RUNS?.split(',');
  for (const [key, targetP95, urls, measureCold] of runs) {
    if (only && key !== 'raw' && !only.includes(key)) continue;
    // The first pass over the regions renders each page (what the first reader after a change
    // waits); the timed run after it is mostly answered from the cache.
    const cold = measureCold ? await spread(urls, { seconds: 0, connections, once: true }) : null;
    const m = await spread(urls, { seconds, connections });
    check(key, cold);
    check(key, m);
    metrics[key] = { ...m, targetP95, ...(cold ? { cold } : {}) };
    console.error(
      `  ${key}: ${m.requests} requests, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms` +
        (cold ? `; cold pass over ${cold.requests}: p50 ${cold.p50} ms, p95 ${cold.p95} ms` : ''),
    );
  }
  raw.close();

  // One verification in one region; after the version check (≤ 1 s) its home is rendered
  // again, and every other region's home must still be a cache hit. The homes are cached
  // again first: the runs above filled the cache with 550 pages of each kind, more than it
  // keeps (CACHE_LIMITS), so the homes rendered first have been pushed out since.
  check(
    'afterVerification',
    await spread(
      region(() => ''),
      { seconds: 0, connections, once: true },
    ),
  );
  // The same pass again with nothing changed: what a pass over cached homes costs, to read
  // the pass after the verification against.
  const cachedHomes = await spread(
    region(() => ''),
    { seconds: 0, connections, once: true },
  );
  check('afterVerification', cachedHomes);
  const verify = await fetch(`${base}/api/v1/awards/${submitted.id}/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${verifierToken}` },
  });
  if (verify.status !== 200) throw new Error(`verify answered ${verify.status}: ${await verify.text()}`);
  await new Promise((r) => setTimeout(r, 1100));
  const t0 = performance.now();
  const changedHome = await fetch(`${base}/wilayah/${changed}`);
  await changedHome.arrayBuffer();
  const changedHomeMs = Math.round((performance.now() - t0) * 10) / 10;
  const otherHomes = await spread(
    region((r) => (r === changed ? null : '')),
    {
      seconds: 0,
      connections,
      once: true,
    },
  );
  check('afterVerification', otherHomes);
  metrics.afterVerification = { changedHomeMs, others: otherHomes, unchanged: cachedHomes, targetP95: 30 };
  console.error(
    `  after one verification in ${changed}: its home ${changedHomeMs} ms; the other ${otherHomes.requests} homes p50 ${otherHomes.p50} ms, p95 ${otherHomes.p95} ms (before it, nothing changed: p50 ${cachedHomes.p50} ms, p95 ${cachedHomes.p95} ms)`,
  );

  // Row-level security on versus off, signed-in, uncached: RLS_ROUNDS rounds, each one run
  // with the policies on and one with them off, the order swapped every round (on-off, off-on,
  // …) so that drift in the machine's load falls on both alike. The ratio is the median of the
  // rounds' ratios: one round disturbed by another process moves it less than it moves a mean.
  const signedIn: SpreadRequest[] = signedInTokens.flatMap(([code, token]) =>
    Array.from(
      { length: 10 },
      (_, k): SpreadRequest => [
        `${base}/api/v1/recap?region=${code}&year=${FIRST_YEAR + 20 + k}&includeUnverified=true`,
        { authorization: `Bearer ${token}` },
      ],
    ),
  );
  // Each client starts at its own offset in the list, so at its own region.
  await spread(signedIn, { seconds: 2, connections });
  // Beside latency, the CPU each request costs: this process (the server; the clients run in
  // processes of their own) plus the PostgreSQL backends of this database when the server is
  // on this machine. Other processes' load lengthens latency; it hardly changes CPU per request.
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  type Phase = SpreadLoad & { cpuMsPerRequest: number | null; dbCpuMsPerRequest: number | null };
  const rounds: { on: Phase; off: Phase; p95Ratio: number; cpuRatio: number | null }[] = [];
  const phase = async (on: boolean): Promise<Phase> => {
    await setRowSecurity(on);
    const app = process.cpuUsage();
    const dbBefore = local ? await backendCpuMs(admin, DATABASE) : null;
    const m = await spread(signedIn, { seconds, connections });
    const dbAfter = local ? await backendCpuMs(admin, DATABASE) : null;
    const appUsed = process.cpuUsage(app);
    check('rls', m);
    const dbMs = dbBefore && dbAfter ? cpuBetween(dbBefore, dbAfter) : null;
    const perRequest = (x: number | null) => (x === null ? null : Math.round((x / m.requests) * 100) / 100);
    return {
      ...m,
      cpuMsPerRequest: perRequest(dbMs === null ? null : (appUsed.user + appUsed.system) / 1000 + dbMs),
      dbCpuMsPerRequest: perRequest(dbMs),
    };
  };
  try {
    for (let round = 0; round < RLS_ROUNDS; round++) {
      const onFirst = round % 2 === 0;
      const first = await phase(onFirst);
      const second = await phase(!onFirst);
      const [on, off] = onFirst ? [first, second] : [second, first];
      const cpuRatio =
        on.cpuMsPerRequest && off.cpuMsPerRequest
          ? Math.round((on.cpuMsPerRequest / off.cpuMsPerRequest) * 100) / 100
          : null;
      rounds.push({ on, off, p95Ratio: Math.round((on.p95 / off.p95) * 100) / 100, cpuRatio });
      console.error(
        `  RLS round ${round + 1} (${onFirst ? 'on first' : 'off first'}): on p95 ${on.p95} ms (p50 ${on.p50}), off p95 ${off.p95} ms (p50 ${off.p50}), ratio ${rounds[round].p95Ratio}; CPU per request on ${on.cpuMsPerRequest} ms (PostgreSQL ${on.dbCpuMsPerRequest}), off ${off.cpuMsPerRequest} ms (${off.dbCpuMsPerRequest}), ratio ${cpuRatio}`,
      );
    }
  } finally {
    await setRowSecurity(true);
    await admin.end();
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;
  metrics.rls = {
    rounds,
    onP95: round1(median(rounds.map((r) => r.on.p95))),
    offP95: round1(median(rounds.map((r) => r.off.p95))),
    p95Ratio: Math.round(median(rounds.map((r) => r.p95Ratio)) * 100) / 100,
    p95Ratios: rounds.map((r) => r.p95Ratio),
    onP50: round1(median(rounds.map((r) => r.on.p50))),
    offP50: round1(median(rounds.map((r) => r.off.p50))),
    // Null when the PostgreSQL server is not on this machine.
    cpuRatio: rounds.every((r) => r.cpuRatio !== null)
      ? Math.round(median(rounds.map((r) => r.cpuRatio ?? 0)) * 100) / 100
      : null,
    onCpuMsPerRequest: rounds.every((r) => r.on.cpuMsPerRequest !== null)
      ? round1(median(rounds.map((r) => r.on.cpuMsPerRequest ?? 0)))
      : null,
    offCpuMsPerRequest: rounds.every((r) => r.off.cpuMsPerRequest !== null)
      ? round1(median(rounds.map((r) => r.off.cpuMsPerRequest ?? 0)))
      : null,
    clients: SIGNED_IN_REGIONS,
  };

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
      changedRegion: changed,
      metrics,
    }),
  );
} finally {
  await server.close();
  // The verified award goes back to how the dataset has it, so every run starts alike.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `update awards set state = 'submitted', version = $2, updated_at = $3, updated_by = null, verified_by = null, verified_at = null where region_id = $4 and id = $1`,
    [submitted.id, submitted.version, submitted.updated_at, regionIdOf(changed)],
  );
  await client.end();
}
