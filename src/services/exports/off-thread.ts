import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/database.ts';
import { type RegionSet, withRegions } from '../../db/region-scope.ts';
import { AppError } from '../errors.ts';
import { EXPORT_JOBS, type ExportJobArgs, type ExportJobName } from './jobs.ts';

// Exports run on a worker thread (issue 11): an export of a million awards reads, formats and
// compresses for seconds, and on the request thread it would stall every other request,
// /healthz included. One worker per process, started on first use and kept; jobs queue on it,
// so exports take at most one core. The worker opens its own connection from the database's
// URL; an in-memory SQLite database (only in tests) has no URL to share and runs here.
// Either way the job runs confined to the caller's regions (withRegions): the region plugin on
// both databases and, on PostgreSQL, row-level security in a transaction as prestasi_app — the
// worker's own connection is the owner's, so without this only readableBy would stand.
// Run from the ahead-of-time build, the worker is build/export-worker.js (bin/prestasi.js sets
// PRESTASI_BUILD_DIR); from the sources, worker-from-source.mjs (worker.ts through tsx).

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: unknown) => void }>();

function startWorker(): Worker {
  const built = process.env.PRESTASI_BUILD_DIR;
  const w = new Worker(
    built ? `${built}/export-worker.js` : new URL('./worker-from-source.mjs', import.meta.url),
  );
  w.unref(); // an idle worker never keeps the process alive
  w.on(
    'message',
    (m: { id: number; body?: Uint8Array; error?: { code?: string; message: string; details?: [] } }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.body) return p.resolve(m.body);
      const e = m.error!;
      p.reject(
        e.code ? new AppError(e.code as AppError['code'], e.message, e.details) : new Error(e.message),
      );
    },
  );
  const fail = (err: unknown) => {
    worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`export worker stopped (exit ${code})`)));
  return w;
}

/** Runs the export job on the worker thread, confined to `regions`, and returns the file's bytes. */
export function runExport<N extends ExportJobName>(
  db: Db,
  job: N,
  args: ExportJobArgs<N>,
  regions: RegionSet,
): Promise<Uint8Array> {
  if (db.kind === 'sqlite' && db.sqlitePath === null) {
    const run = EXPORT_JOBS[job] as (db: Db['db'], args: ExportJobArgs<N>) => Promise<Uint8Array>;
    return withRegions(db, regions, (scoped) => run(scoped, args));
  }
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref(); // a job in flight keeps the process alive until it answers
    w.postMessage({ id, url: db.url, job, args, regions });
  }).finally(() => {
    if (pending.size === 0) w.unref();
  }) as Promise<Uint8Array>;
}
