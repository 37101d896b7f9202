// The growth curve: what each public page and API list (and, signed in, the recap API and the
// dashboard) costs as the table grows from 10,000 to 100,000 to 1,000,000 awards (one region,
// generated with one INSERT … SELECT, awards in series like real ones). Each page is
// timed on a cache miss — the page cache is dropped before every request — because a cached
// page is flat by construction. (The list's filter options are memoised per data version and
// dropped with the pages, so they are included.) SQLite, in-process through the real app. Target: within 2× from
// the smallest to the largest size. Prints one JSON line {"name":"growth",...}.
// Usage: npx tsx scripts/bench/growth.ts [--max 1000000] [--runs 15] [--only apiRecapSignedIn,dashboard]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createSession } from '../../src/auth/sessions.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { createApp } from '../../src/http/app.ts';
import { dropCachedPages } from '../../src/http/pages/showcase/cache.ts';
import { arg, median } from './lib/load.ts';
import { seedBenchRegion } from './lib/one-region.ts';

const max = arg('max', 1_000_000);
const runs = arg('runs', 15);
const sizes = [10_000, 100_000, 1_000_000].filter((n) => n <= max);

const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-growth-'));
const db = openDatabase(`sqlite:${join(dir, 'growth.db')}`);
try {
  await prepareDatabase(db.db);
  const DEFAULT_CACHE = Number(
    (await sql<{ cache_size: number }>`pragma cache_size`.execute(db.db)).rows[0].cache_size,
  );
  const { dinas, admin, token, operatorToken, growTo } = await seedBenchRegion(db.db);
  const { cookie } = await createSession(db.db, admin.id, new Date(Date.now() + 86_400_000));
  const signedIn = {
    token: { authorization: `Bearer ${token}` },
    operatorToken: { authorization: `Bearer ${operatorToken}` },
    session: { cookie: `prestasi_session=${cookie}` },
  };
  const app = createApp({ db, config: { ...loadConfig({}), logLevel: 'silent' } });

  // Signed-in reads count from the kept counts too (countable() in counters.ts).
  const allPaths: Record<string, { path: string; auth?: keyof typeof signedIn }> = {
    home: { path: '/' },
    list: { path: '/penghargaan' },
    listFiltered: { path: '/penghargaan?tahun=2020' },
    timeline: { path: '/linimasa' },
    unit: { path: `/unit/${dinas.id}` },
    data: { path: '/data' },
    apiList: { path: '/api/v1/awards?pageSize=25', auth: 'token' },
    apiListFiltered: { path: '/api/v1/awards?year=2020&pageSize=25', auth: 'token' },
    apiListPage10: { path: '/api/v1/awards?page=10&pageSize=25', auth: 'token' },
    apiSeries: { path: '/api/v1/series' },
    apiRecapSignedIn: { path: '/api/v1/recap', auth: 'token' },
    // Counted from the awards, not from the kept counts (counters.ts keptBy): measured to show it.
    apiRecapOperatorUnverified: { path: '/api/v1/recap?includeUnverified=true', auth: 'operatorToken' },
    dashboard: { path: '/kerja', auth: 'session' },
  };
  const only = process.argv.includes('--only')
    ? process.argv[process.argv.indexOf('--only') + 1].split(',')
    : null;
  const paths = Object.fromEntries(
    Object.entries(allPaths).filter(([k]) => only === null || only.includes(k)),
  );
  const curve: Record<string, Record<string, number>> = {};
  let have = 0;
  for (const size of sizes) {
    const started = performance.now();
    await growTo(have, size, DEFAULT_CACHE);
    console.error(
      `growth: ${size} awards (+${size - have} in ${Math.round(performance.now() - started)} ms)`,
    );
    have = size;
    for (const [key, p] of Object.entries(paths)) {
      const times: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        dropCachedPages(db.db); // every request is a miss: the render is what is measured
        const t = performance.now();
        const res = await app.request(p.path, p.auth ? { headers: signedIn[p.auth] } : {});
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p.path} answered ${res.status} at ${size}`);
        if (i >= 2) times.push(performance.now() - t);
      }
      curve[key] ??= {};
      curve[key][size] = Math.round(median(times) * 10) / 10;
    }
  }
  const ratios = Object.fromEntries(
    Object.entries(curve).map(([k, c]) => [k, Math.round((c[sizes.at(-1)!] / c[sizes[0]]) * 100) / 100]),
  );
  console.log(JSON.stringify({ name: 'growth', database: 'sqlite', sizes, runs, medianMs: curve, ratios }));
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
