// Public page serving against a raw node:http server that sends the same bytes with the same
// headers (what a page costs beyond writing it), for 200s and for 304s (If-None-Match), and
// the unique-query-string attack (`/?x=<random>` on every request) against the cached rate.
// Rounds alternate between the two servers; the ratio is the median of the per-round ratios.
// Prints one JSON line {"name":"serving",...}.
// Usage: npx tsx scripts/bench/serving.ts [--seconds 2] [--rounds 5] [--connections 10]
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { startServer } from '../../src/http/server.ts';
import { seedShowcase } from '../../test/showcase/seed.ts';
import { arg, autocannon, median } from './lib/load.ts';

// Short rounds, many of them: on a shared machine the load changes by the second, and a ratio
// is fair only between runs close in time.
const seconds = arg('seconds', 2);
const rounds = arg('rounds', 5);
const connections = arg('connections', 10);

const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-serving-'));
const server = await startServer(
  { ...loadConfig({}), databaseUrl: `sqlite:${join(dir, 'bench.db')}`, port: 0, logLevel: 'silent' },
  { host: '127.0.0.1' },
);
const pages = ['/', '/penghargaan'];
try {
  const db = server.db.db;
  await seedDemo(db);
  const units = await db.selectFrom('org_units').select('id').orderBy('id').execute();
  await seedShowcase(db, { regionCode: '36.71', unitIds: units.map((u) => u.id) });

  // The exact bytes and headers the app sends for each page.
  const copies = new Map<string, { body: Buffer; headers: Record<string, string>; etag: string }>();
  for (const path of pages) {
    const res = await fetch(`${server.url}${path}`);
    const headers: Record<string, string> = {};
    // Every header the app sends (security headers too), except those node:http writes itself.
    res.headers.forEach((value, k) => {
      if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k))
        headers[k] = value;
    });
    copies.set(path, { body: Buffer.from(await res.arrayBuffer()), headers, etag: headers.etag });
  }
  const raw = createServer((req, res) => {
    const copy = copies.get((req.url ?? '/').split('?')[0]);
    if (!copy) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['if-none-match'] === copy.etag) {
      const { 'content-type': _type, ...rest } = copy.headers;
      res.writeHead(304, rest).end();
      return;
    }
    res.writeHead(200, copy.headers).end(copy.body);
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  const address = raw.address();
  const rawUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const load = (base: string, path: string, headers?: Record<string, string>, uniqueIds = false) =>
    autocannon(`${base}${path}`, { seconds, connections, headers, uniqueIds });
  await load(server.url, '/', undefined); // warm-up: JIT and the page cache
  await load(rawUrl, '/', undefined);

  const results: Record<string, unknown> = {};
  for (const path of pages) {
    const etag = copies.get(path)!.etag;
    for (const kind of ['200', '304'] as const) {
      const headers = kind === '304' ? { 'if-none-match': etag } : undefined;
      const app: number[] = [];
      const base: number[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const a = await load(server.url, path, headers);
        const b = await load(rawUrl, path, headers);
        if (a.non2xx && kind === '200') throw new Error(`${path} answered non-2xx under load`);
        app.push(a.rps);
        base.push(b.rps);
        ratios.push(a.rps / b.rps);
      }
      results[`${path === '/' ? 'home' : 'list'}${kind}`] = {
        appRps: median(app),
        rawRps: median(base),
        ratio: Math.round(median(ratios) * 100) / 100,
      };
    }
  }

  // One client sending a new query string with every request, against the cached page.
  const attack: number[] = [];
  const cached: number[] = [];
  const attackRatios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = await load(server.url, '/?x=[<id>]', undefined, true);
    const b = await load(server.url, '/');
    attack.push(a.rps);
    cached.push(b.rps);
    attackRatios.push(a.rps / b.rps);
  }
  results.uniqueQuery = {
    attackRps: median(attack),
    cachedRps: median(cached),
    ratio: Math.round(median(attackRatios) * 100) / 100,
  };
  raw.close();
  console.log(JSON.stringify({ name: 'serving', seconds, rounds, connections, ...results }));
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
