// Public showcase speed: the home page and the award list served from a real server on the
// demo data (the Kota Tangerang demo plus a 1993–2025 history of ~340 public awards), measured
// with autocannon on loopback. Prints one JSON line:
// {"name":"pages","home":{"rps":..},"list":{"rps":..},"homeBytes":..,"listBytes":..}
// homeBytes/listBytes are HTML + the showcase stylesheet (the 100 KB budget); images excluded.
// Usage: npx tsx scripts/bench/pages.ts [--duration 10] [--connections 10]
import '@hono/zod-openapi';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { startServer } from '../../src/http/server.ts';
import { seedShowcase } from '../../test/showcase/seed.ts';
import { autocannon } from './lib/load.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const duration = arg('duration', 10);
const connections = arg('connections', 10);

const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-pages-'));
const server = await startServer(
  { ...loadConfig({}), databaseUrl: `sqlite:${join(dir, 'bench.db')}`, port: 0, logLevel: 'silent' },
  { host: '127.0.0.1' },
);
try {
  const db = server.db.db;
  const demo = await seedDemo(db);
  const units = await db.selectFrom('org_units').select('id').orderBy('id').execute();
  const history = await seedShowcase(db, { regionCode: '36.71', unitIds: units.map((u) => u.id) });
  const awards = await db
    .selectFrom('awards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'verified')
    .where('is_public', '=', 1)
    .executeTakeFirstOrThrow();

  const renderMs: Record<string, number> = {};
  const size = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    const bytes = Buffer.byteLength(await res.text());
    // The first request renders the page (cache miss): what a reader waits after a data change.
    renderMs[path] = Math.round((performance.now() - started) * 10) / 10;
    return bytes;
  };
  const cssBytes = await size('/aset/showcase.css');
  const homeHtml = await size('/');
  const listHtml = await size('/penghargaan');

  // autocannon in its own process (lib/load.ts), so it does not share this server's event loop.
  const load = (path: string, seconds = duration) =>
    autocannon(`${server.url}${path}`, { seconds, connections });
  // The real server runs in this process (startServer), as it does in production; autocannon
  // is the only other process. The page cache is warm after the size requests above.
  // A short warm-up so that the first measured page does not pay for JIT compilation.
  await load('/', 3);
  const home = await load('/');
  const list = await load('/penghargaan');
  console.error(
    `pages: demo ${demo.awards} + history ${history.publicCount} awards (${awards.n} public), ${cpus().length} cores, ${connections} connections, ${duration} s each`,
  );
  console.log(
    JSON.stringify({
      name: 'pages',
      home,
      list,
      homeBytes: homeHtml + cssBytes,
      listBytes: listHtml + cssBytes,
      htmlBytes: { home: homeHtml, list: listHtml },
      cssBytes,
      firstRenderMs: renderMs,
      publicAwards: awards.n,
      durationSeconds: duration,
      connections,
    }),
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
