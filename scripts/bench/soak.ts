// Soak: the real server under steady load on a mix of public pages, the API and /healthz, with
// memory measured before and after (resident set, and heap after a full GC). A leak shows as a
// heap that keeps what requests left behind. Needs --expose-gc (npm run bench passes it).
// Prints one JSON line {"name":"soak",...}.
// Usage: node --expose-gc --import tsx scripts/bench/soak.ts [--seconds 300] [--connections 10]
// BENCH_SOAK_SECONDS also sets the duration (default 60; BENCH_SOAK_SECONDS=300 for 5 minutes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { startServer } from '../../src/http/server.ts';
import { arg, autocannon } from './lib/load.ts';

const seconds = arg('seconds', Number(process.env.BENCH_SOAK_SECONDS ?? 60));
const connections = arg('connections', 10);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-soak-'));
const server = await startServer(
  { ...loadConfig({}), databaseUrl: `sqlite:${join(dir, 'soak.db')}`, port: 0, logLevel: 'silent' },
  { host: '127.0.0.1' },
);
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rssMb: Math.round(m.rss / 1e5) / 10, heapMb: Math.round(m.heapUsed / 1e5) / 10 };
};
try {
  await seedDemo(server.db.db);
  const paths = [
    '/',
    '/penghargaan?tahun=2025',
    '/linimasa',
    '/healthz',
    '/api/v1/awards?pageSize=10',
    '/?x=[<id>]',
  ];
  // Warm-up: every path once under load, so caches and JIT are in place before "before".
  for (const p of paths) await autocannon(`${server.url}${p}`, { seconds: 1, connections, uniqueIds: true });
  const before = memory();
  const share = Math.max(1, Math.round(seconds / paths.length));
  let requests = 0;
  const started = Date.now();
  while (Date.now() - started < seconds * 1000)
    for (const p of paths) {
      const r = await autocannon(`${server.url}${p}`, {
        seconds: Math.min(share, 30),
        connections,
        uniqueIds: true,
      });
      requests += r.rps * Math.min(share, 30);
      if (Date.now() - started >= seconds * 1000) break;
    }
  const after = memory();
  console.log(
    JSON.stringify({
      name: 'soak',
      seconds,
      requests,
      before,
      after,
      heapGrowth: Math.round((after.heapMb / before.heapMb - 1) * 1000) / 1000,
      bytesPerRequest: Math.round(((after.heapMb - before.heapMb) * 1e6) / Math.max(1, requests)),
    }),
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
