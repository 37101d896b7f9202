// Start-up: `prestasi --help` and `prestasi serve` until /healthz answers, each against bare
// Node doing the same (exit at once; an http server answering), medians of several runs. After
// /healthz, the first `GET /` and the first `GET /api/v1/awards` are timed too: serve loads the
// app's routes once it listens (src/http/server.ts), and a request that comes at once waits for them.
// Prints one JSON line {"name":"startup",...}. Usage: npx tsx scripts/bench/startup.ts [--runs 5]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain JavaScript beside the bin, no declaration file
import { buildIsFresh } from '../../bin/compiled.js';
import { arg, median } from './lib/load.ts';

const runs = arg('runs', 5);
const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-startup-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'startup.db')}`,
  LOG_LEVEL: 'silent',
};

const timed = (args: string[]) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return performance.now() - t;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

/**
 * Starts `args` with PORT set and polls `path` until it answers; returns that time, then the
 * time of each of `then` asked one after the other.
 */
async function untilHealthy(args: string[], path: string, then: string[] = []): Promise<number[]> {
  const port = await freePort();
  const t = performance.now();
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        if (res.ok) {
          const times = [performance.now() - t];
          for (const next of then) {
            const s = performance.now();
            const r = await fetch(`http://127.0.0.1:${port}${next}`);
            await r.arrayBuffer();
            if (!r.ok) throw new Error(`${next} answered ${r.status}`);
            times.push(performance.now() - s);
          }
          return times;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
      if (performance.now() - t > 60_000) throw new Error(`${args.join(' ')} did not answer in 60 s`);
    }
  } finally {
    child.kill();
    await new Promise((r) => child.once('exit', r));
  }
}

const bareServer = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;
// What a user has after `npm install`: the ahead-of-time build (bin/compiled.js), made now if
// src/ changed since; `--from-source` measures the tsx path instead.
const fromSource = process.argv.includes('--from-source');
if (fromSource) env.PRESTASI_FROM_SOURCE = '1';
else if (!buildIsFresh()) spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
const built = !fromSource && buildIsFresh();
try {
  timed(['bin/prestasi.js', 'migrate']); // the database exists before serve is timed
  const help: number[] = [];
  const bare: number[] = [];
  const serve: number[][] = [];
  const bareServe: number[] = [];
  for (let i = 0; i < runs; i++) {
    help.push(timed(['bin/prestasi.js', '--help']));
    bare.push(timed(['-e', '0']));
    serve.push(await untilHealthy(['bin/prestasi.js', 'serve'], '/healthz', ['/', '/api/v1/awards']));
    bareServe.push((await untilHealthy(['-e', bareServer], '/'))[0]!);
  }
  const r = (x: number) => Math.round(x);
  console.log(
    JSON.stringify({
      name: 'startup',
      runs,
      built,
      helpMs: r(median(help)),
      bareNodeMs: r(median(bare)),
      serveHealthzMs: r(median(serve.map((s) => s[0]!))),
      firstPageMs: r(median(serve.map((s) => s[1]!))),
      firstApiMs: r(median(serve.map((s) => s[2]!))),
      bareServerMs: r(median(bareServe)),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
