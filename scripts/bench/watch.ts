// Polling cost of watched sources: 1,000 RSS feeds (20 items each, all seen before) served by a
// local server in a child process (its CPU is not counted here), polled twice by the watcher —
// a full round (200, feed parsed, links checked against source_items) and a conditional round
// (ETag → 304). CPU is this process's own time. Baseline: the same 1,000 GETs with bare fetch
// (body read, nothing else). The share of one core is CPU per round divided by the polling
// interval, at the shortest interval a source may have (5 minutes) and the default (60).
// Politeness is off here (all feeds are on one local host); it only spaces requests in time.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { pollDue } from '../../src/services/intake/watch/poll.ts';
import { createSource } from '../../src/services/intake/watch/registry.ts';
import { createRegion } from '../../src/services/units.ts';

const SOURCES = 1000;
const ITEMS = 20;
const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-watch-'));
const serverFile = join(dir, 'server.cjs');
writeFileSync(
  serverFile,
  `const http = require('node:http');
const items = (n) => Array.from({ length: ${ITEMS} }, (_, i) =>
  '<item><title>Berita ' + n + '-' + i + ' penghargaan Kota Tangerang</title><link>http://127.0.0.1/berita/' + n + '/artikel-nomor-' + i + '</link><pubDate>Wed, 12 Nov 2025 08:00:00 +0700</pubDate><description>Ringkasan berita.</description></item>').join('');
const server = http.createServer((req, res) => {
  const n = req.url.split('/').pop();
  const etag = '"feed-' + n + '"';
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); return res.end(); }
  res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
  res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ' + n + '</title>' + items(n) + '</channel></rss>');
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));`,
);
const child = fork(serverFile, { stdio: 'ignore' });
const port: number = await new Promise((r) => child.once('message', (p) => r(p as number)));
const base = `http://127.0.0.1:${port}`;

const { db, close } = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
await prepareDatabase(db);
await createRegion(db, SYSTEM_ACTOR, {
  code: '36.71',
  name: 'Kota Tangerang',
  kind: 'kota',
  foundedOn: null,
});
for (let n = 0; n < SOURCES; n++) {
  const s = await createSource(
    db,
    SYSTEM_ACTOR,
    { url: `${base}/feed/${n}`, kind: 'feed', name: `Feed ${n}`, intervalMinutes: 60 },
    { allowPrivate: true },
  );
  const { region_id } = await db
    .selectFrom('news_sources')
    .select('region_id')
    .where('id', '=', s.id)
    .executeTakeFirstOrThrow();
  // Steady state: every listed link was taken in before.
  await db
    .insertInto('source_items')
    .values(
      Array.from({ length: ITEMS }, (_, i) => ({
        region_id,
        source_id: s.id,
        url: `http://127.0.0.1/berita/${n}/artikel-nomor-${i}`,
        article_id: null,
        error: null,
        seen_at: new Date().toISOString(),
      })),
    )
    .execute();
}
const sources = await db.selectFrom('news_sources').selectAll().execute();

async function measure(work: () => Promise<unknown>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return { cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: (performance.now() - t0) / 1000 };
}

const opts = { allowPrivate: true, hostDelayMs: 0, concurrency: 8 };
// Warm-up: the code paths, the connection pool, SQLite's cache.
await pollDue(db, opts, sources.slice(0, 50));
// The next round asks in full: no source has read the listing its address last answered.
await db.updateTable('news_sources').set({ listing_hash: null }).execute();

const raw = await measure(async () => {
  const queue = sources.map((s) => s.url);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let u = queue.shift(); u; u = queue.shift()) await (await fetch(u)).text();
    }),
  );
});
const full = await measure(async () => {
  const reports = await pollDue(db, opts, await db.selectFrom('news_sources').selectAll().execute());
  if (reports.some((r) => r.status !== 'ok' || r.newLinks !== 0)) throw new Error('unexpected round');
});
const conditional = await measure(async () => {
  const reports = await pollDue(db, opts, await db.selectFrom('news_sources').selectAll().execute());
  if (reports.some((r) => r.status !== 'not_modified')) throw new Error('expected 304s');
});

await close();
child.kill();
rmSync(dir, { recursive: true, force: true });
const share = (cpu: number, minutes: number) => Math.round((cpu / (minutes * 60)) * 10000) / 100;
console.log(
  JSON.stringify({
    name: 'watch',
    sources: SOURCES,
    itemsPerFeed: ITEMS,
    rawFetchCpuSeconds: raw.cpuSeconds,
    fullRoundCpuSeconds: full.cpuSeconds,
    fullRoundWallSeconds: full.wallSeconds,
    conditionalRoundCpuSeconds: conditional.cpuSeconds,
    ratioToRawFetch: Math.round((full.cpuSeconds / raw.cpuSeconds) * 10) / 10,
    corePercentAt5Minutes: share(full.cpuSeconds, 5),
    corePercentAt60Minutes: share(full.cpuSeconds, 60),
  }),
);
