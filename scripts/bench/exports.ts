// Exports at size: each export and report route on one region of 100,000 (and, with --max
// 1000000, 1,000,000) awards, through the real server over HTTP, while a separate process asks
// /healthz one request after another. Per case: wall time, bytes, the process's peak resident
// memory (VmHWM, which counts the export worker too; reset before each case through
// /proc/self/clear_refs), the main thread's peak heap (sampled), the export worker's heap after
// the job, and /healthz p95 during the export against the same loop with the server idle
// (ratio); the download is made from another process, as a client's would be. The awards are the formula rows of test/support/bulk-awards.ts on SQLite.
// The raw baseline (case rawCsv, measured first at each size): a bare better-sqlite3 iterate of
// the awards CSV's columns (the giver, field and unit joined) in the export's order, each row a
// CSV line (exports/csv.ts) written to a file through fs.createWriteStream; awardsCsv states
// its time as a ratio to it.
// Prints one JSON line {"name":"exports","size":N,"case":…} per case and size.
// Usage: npx tsx scripts/bench/exports.ts [--max 1000000] [--min 1000000] [--cases awardsCsv,reportPdf]
// (npm run bench -- exports; BENCH_EXPORTS_MAX=1000000 adds the 1M step, tens of minutes.)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../../src/config.ts';
import { SHEET_FIELDS } from '../../src/domain/awards/fields.ts';
import { regionIdOf } from '../../src/domain/region-code.ts';
import { startServer } from '../../src/http/server.ts';
import { csvLine } from '../../src/services/exports/csv.ts';
import { takeExportWorkerHeap } from '../../src/services/exports/off-thread.ts';
import { arg } from './lib/load.ts';
import { seedBenchRegion } from './lib/one-region.ts';

const max = arg('max', 100_000);
const min = arg('min', 0);
const sizes = [100_000, 1_000_000].filter((n) => n <= max && n >= min);
const YEAR = 2020;
/** --cases awardsCsv,reportPdf: only these. */
const only = (process.argv.includes('--cases') ? process.argv[process.argv.indexOf('--cases') + 1] : '')
  .split(',')
  .filter(Boolean);

const dir = mkdtempSync(join(tmpdir(), 'prestasi-bench-exports-'));
const server = await startServer(
  {
    ...loadConfig({}),
    databaseUrl: `sqlite:${join(dir, 'exports.db')}`,
    uploadDir: join(dir, 'uploads'),
    port: 0,
    logLevel: 'silent',
  },
  { host: '127.0.0.1' },
);
const db = server.db.db;

/** /healthz one request after another from another process, until its stdin closes. */
function healthzLoop() {
  const script = `
    // The first requests pay for the client's own start (undici, the connection): not counted.
    const lat = []; let stop = false; let n = 0;
    process.stdin.on('end', () => { stop = true; }); process.stdin.resume();
    (async () => {
      while (!stop) {
        const t = performance.now();
        const r = await fetch(${JSON.stringify(`${server.url}/healthz`)}); await r.arrayBuffer();
        if (++n > 3) lat.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 5));
      }
      process.stdout.write(JSON.stringify(lat));
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  const done = new Promise<number[]>((resolve) => child.on('close', () => resolve(JSON.parse(out))));
  return {
    stop: () => {
      child.stdin.end();
      return done;
    },
  };
}
/**
 * Downloads `url` from another process, as a client would: read in this process, the 52 MB of
 * the JSON went through the server's own event loop twice (sent, then received), and /healthz
 * waited for the bench's client (p95 29–43 ms while streaming against ~5 ms with curl).
 * Answers the status, the bytes and the time from request to last byte.
 */
function download(url: string, headers: Record<string, string>) {
  const script = `
    const { get } = require('node:http');
    const t = performance.now();
    get(${JSON.stringify(url)}, { headers: ${JSON.stringify(headers)} }, (res) => {
      let bytes = 0;
      res.on('data', (d) => { bytes += d.length; });
      res.on('end', () => process.stdout.write(JSON.stringify({ status: res.statusCode, bytes, ms: performance.now() - t })));
    }).on('error', (e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  return new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`download of ${url} failed`)),
    ),
  );
}
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
/** The raw baseline: the CSV's columns straight from better-sqlite3 to a file. */
async function rawCsv(): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  const reference: Record<string, string> = {
    awardingBody: 'coalesce(g.abbreviation, a.awarding_body_text)',
    field: 'f.name_id',
    unit: 'u.name',
    team: "''",
  };
  const columns = SHEET_FIELDS.map((f) => (f.kind === 'value' ? `a.${f.column}` : reference[f.key]));
  const raw = new Database(join(dir, 'exports.db'), { readonly: true });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const stmt = raw
    .prepare(
      `select ${columns.join(', ')}, a.id, a.state, a.grade_label, a.grade_zone from awards a
       left join awarding_bodies g on g.id = a.awarding_body_id left join fields f on f.id = a.field_id
       left join org_units u on u.id = a.unit_id
       where a.region_id = ${regionIdOf('36.71')}
       order by a.edition_year, coalesce(a.received_on, cast(a.edition_year as text) || '-12-31'), a.id`,
    )
    .raw();
  const path = join(dir, 'raw.csv');
  const out = createWriteStream(path);
  let bytes = 0;
  for (const row of stmt.iterate() as Iterable<(string | number | null)[]>) {
    const line = csvLine(row);
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const c = process.cpuUsage(cpu);
  raw.close();
  rmSync(path);
  return {
    ms: Math.round(performance.now() - started),
    cpuMs: Math.round((c.user + c.system) / 1000),
    bytes,
  };
}

const hwmMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

try {
  const { token, growTo } = await seedBenchRegion(db);
  const auth = { authorization: `Bearer ${token}` };

  const cases: Record<string, { path: string; auth?: boolean }> = {
    awardsCsv: { path: '/api/v1/exports/awards.csv', auth: true },
    awardsJson: { path: '/api/v1/exports/awards.json', auth: true },
    awardsXlsx: { path: '/api/v1/exports/awards.xlsx', auth: true },
    recapXlsx: { path: `/api/v1/exports/recap.xlsx?region=36.71&year=${YEAR}` },
    reportPdf: { path: `/api/v1/exports/report-${YEAR}.pdf?region=36.71`, auth: true },
    openDataZip: { path: '/api/v1/exports/open-data.zip?region=36.71' },
    dataCsv: { path: '/data/penghargaan.csv' },
    dataJson: { path: '/data/penghargaan.json' },
  };
  let have = 0;
  for (const size of sizes) {
    await growTo(have, size, -2000);
    have = size;
    console.error(`exports: ${size} awards`);
    let raw: Awaited<ReturnType<typeof rawCsv>> | null = null;
    if (!only.length || only.includes('rawCsv') || only.includes('awardsCsv')) {
      raw = await rawCsv();
      const line = { name: 'exports', case: 'rawCsv', size, ...raw };
      console.error(`  rawCsv: ${JSON.stringify(line)}`);
      console.log(JSON.stringify(line));
    }
    for (const [key, c] of Object.entries(cases)) {
      if (only.length && !only.includes(key)) continue;
      // Idle: the same loop with nothing else running, just before the case, for the ratio
      // (the machine's load moves; A and B are measured side by side).
      const idleLoop = healthzLoop();
      await new Promise((r) => setTimeout(r, 2000));
      const idle = await idleLoop.stop();
      global.gc?.();
      takeExportWorkerHeap();
      writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current resident set
      const rssBefore = process.memoryUsage().rss / 2 ** 20;
      let heapPeak = process.memoryUsage().heapUsed;
      const sampler = setInterval(() => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }, 20);
      const loop = healthzLoop();
      await new Promise((r) => setTimeout(r, 500));
      const cpu = process.cpuUsage();
      const res = await download(`${server.url}${c.path}`, c.auth ? auth : {});
      const { bytes, ms } = res;
      const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
      const during = await loop.stop();
      clearInterval(sampler);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      const workerHeap = takeExportWorkerHeap();
      const line = {
        name: 'exports',
        case: key,
        path: c.path,
        size,
        status: res.status,
        ms: Math.round(ms),
        cpuMs: Math.round(cpuMs),
        bytes,
        rssBeforeMb: round(rssBefore),
        peakRssMb: round(hwmMb()),
        peakMainHeapMb: round(heapPeak / 2 ** 20),
        workerHeapMb: workerHeap === null ? null : round(workerHeap / 2 ** 20),
        ...(key === 'awardsCsv' && raw ? { rawMs: raw.ms, ofRaw: round(ms / raw.ms, 2) } : {}),
        healthz: {
          idleP95Ms: round(p95(idle), 2),
          duringP95Ms: round(p95(during), 2),
          duringMaxMs: round(Math.max(...during), 1),
          requests: during.length,
          ratio: round(p95(during) / p95(idle), 2),
        },
      };
      console.error(`  ${key}: ${JSON.stringify(line)}`);
      // A refusal is a result (the PDF report's cap); a server error is not.
      if (line.status! >= 500) throw new Error(`${c.path} answered ${line.status}`);
      console.log(JSON.stringify(line));
    }
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
