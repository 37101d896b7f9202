// Public pages for signed-in visitors against the public's rate: the demo with a second region
// (`prestasi demo --regions 36.71,36.03`), each showcase page asked by the public, by a signed-in
// admin of another region (36.03) and by the page's own region's admin (36.71), each a browser
// session (cookie). Rounds alternate between the three; a ratio is the median of per-round
// ratios to the public's rate in the same round. Prints one JSON line {"name":"signed-in",...}.
// On SQLite (a file in a temporary folder), or on PostgreSQL with `--pg NAME` (the database NAME
// on BENCH_PG_URL's server, created and seeded when missing): there a signed-in request used to
// run in its own transaction with row-level security, too.
// Usage: npx tsx scripts/bench/signed-in.ts [--seconds 2] [--rounds 5] [--connections 10] [--pg NAME]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../src/auth/sessions.ts';
import { loadConfig } from '../../src/config.ts';
import { seedSampleRegion } from '../../src/demo/other-region.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { SESSION_COOKIE } from '../../src/http/auth/session.ts';
import { startServer } from '../../src/http/server.ts';
import { seedShowcase } from '../../test/showcase/seed.ts';
import { arg, autocannon, median } from './lib/load.ts';
import { ensurePgDatabase } from './lib/pg.ts';

const seconds = arg('seconds', 2);
const rounds = arg('rounds', 5);
const connections = arg('connections', 10);

const pgName = process.argv.includes('--pg') ? process.argv[process.argv.indexOf('--pg') + 1] : null;

const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-signed-in-'));
const databaseUrl = pgName ? await ensurePgDatabase(pgName) : `sqlite:${join(dir, 'bench.db')}`;
const server = await startServer(
  { ...loadConfig({}), databaseUrl, uploadDir: dir, port: 0, logLevel: 'silent' },
  { host: '127.0.0.1' },
);
const pages = ['/wilayah/36.71', '/wilayah/36.71/penghargaan'];
try {
  const db = server.db.db;
  if ((await seedDemo(db)).seeded) {
    const units = await db.selectFrom('org_units').select('id').orderBy('id').execute();
    await seedShowcase(db, { regionCode: '36.71', unitIds: units.map((u) => u.id) });
    await seedSampleRegion(db, '36.03');
  }
  const adminOf = async (regionId: number) => {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('region_id', '=', regionId)
      .executeTakeFirstOrThrow();
    const { cookie } = await createSession(db, user.id, new Date(Date.now() + 3600_000));
    return { cookie: `${SESSION_COOKIE}=${cookie}` };
  };
  const visitors: Record<string, Record<string, string> | undefined> = {
    public: undefined,
    otherRegion: await adminOf(3603),
    ownRegion: await adminOf(3671),
  };

  const results: Record<string, unknown> = {};
  for (const path of pages) {
    const url = `${server.url}${path}`;
    await autocannon(url, { seconds: 1, connections }); // warm-up: JIT and the page cache
    const rates: Record<string, number[]> = Object.fromEntries(Object.keys(visitors).map((k) => [k, []]));
    const ratios: Record<string, number[]> = { otherRegion: [], ownRegion: [] };
    for (let r = 0; r < rounds; r++) {
      const round: Record<string, number> = {};
      for (const [who, headers] of Object.entries(visitors)) {
        const load = await autocannon(url, { seconds, connections, headers });
        if (load.non2xx || load.errors) throw new Error(`${path} as ${who}: ${load.non2xx} non-2xx`);
        round[who] = load.rps;
        rates[who].push(load.rps);
      }
      for (const who of Object.keys(ratios)) ratios[who].push(round[who] / round.public);
    }
    results[path] = {
      rps: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)])),
      ratioToPublic: Object.fromEntries(
        Object.entries(ratios).map(([k, v]) => [k, Math.round(median(v) * 100) / 100]),
      ),
    };
  }
  const database = pgName ? 'postgres' : 'sqlite';
  console.log(JSON.stringify({ name: 'signed-in', database, seconds, rounds, connections, results }));
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
