import { createReadStream, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/database.ts';
import { type RegionSet, withRegions } from '../../db/region-scope.ts';
import { AppError } from '../errors.ts';
import type { WrittenFile } from './file-writer.ts';
import { type ExportJobArgs, type ExportJobInfo, type ExportJobName, writeExport } from './jobs.ts';

// Exports run on a worker thread (issue 11): an export of a million awards reads, formats and
// compresses for seconds, and on the request thread it would stall every other request,
// /healthz included. One worker per process, started on first use and kept; jobs queue on it,
// so exports take at most one core. The job writes its file a batch at a time to the temporary
// folder and the file is streamed to the client from there, so neither thread ever holds a
// whole export. The worker opens its own connection from the database's URL; an in-memory
// SQLite database (only in tests) has no URL to share and runs here.
// Either way the job runs confined to the caller's regions (withRegions): the region plugin on
// both databases and, on PostgreSQL, row-level security in a transaction as prestasi_app — the
// worker's own connection is the owner's, so without this only readableBy would stand.
// Run from the ahead-of-time build, the worker is build/export-worker.js (bin/prestasi.js sets
// PRESTASI_BUILD_DIR); from the sources, worker-from-source.mjs (worker.ts through tsx).

/** An export ready to send: its bytes as a stream from the file the job wrote, and their count. */
export interface ExportFile<I = unknown> {
  body: ReadableStream<Uint8Array>;
  bytes: number;
  /** What the job answered beside the file. */
  info: I;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (f: WrittenFile & { info?: unknown }) => void; reject: (e: unknown) => void }
>();
/** The worker's heap (committed bytes) after its last job, for the exports benchmark. */
let workerHeap: number | null = null;
export function takeExportWorkerHeap(): number | null {
  const h = workerHeap;
  workerHeap = null;
  return h;
}

function startWorker(): Worker {
  const built = process.env.PRESTASI_BUILD_DIR;
  const w = new Worker(
    built ? `${built}/export-worker.js` : new URL('./worker-from-source.mjs', import.meta.url),
  );
  w.unref(); // an idle worker never keeps the process alive
  w.on(
    'message',
    (m: {
      id: number;
      heap?: number;
      file?: WrittenFile & { info?: unknown };
      error?: { code?: string; message: string; details?: [] };
    }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      workerHeap = m.heap ?? null;
      if (m.file) return p.resolve(m.file);
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

/**
 * Runs the job on the worker thread, confined to `regions`, writing its file as
 * `dir/NAME.RANDOM` (the showcase keeps its open-data files so); answers the file.
 */
export function writeOffThread<N extends ExportJobName>(
  db: Db,
  job: N,
  args: ExportJobArgs<N>,
  regions: RegionSet,
  to: { dir: string; name: string },
): Promise<WrittenFile & { info?: unknown }> {
  if (db.kind === 'sqlite' && db.sqlitePath === null)
    return withRegions(db, regions, (scoped) => writeExport(scoped, job, args, to.dir, to.name));
  worker ??= startWorker();
  const id = nextId++;
  const w = worker;
  return new Promise<WrittenFile & { info?: unknown }>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref(); // a job in flight keeps the process alive until it answers
    w.postMessage({ id, url: db.url, job, args, regions, ...to });
  }).finally(() => {
    if (pending.size === 0) w.unref();
  });
}

/** Runs the export job on the worker thread, confined to `regions`, and answers its file to stream. */
export async function runExport<N extends ExportJobName>(
  db: Db,
  job: N,
  args: ExportJobArgs<N>,
  regions: RegionSet,
): Promise<ExportFile<ExportJobInfo<N>>> {
  const to = { dir: join(tmpdir(), 'prestasi-exports'), name: job };
  const { path, bytes, info } = await writeOffThread(db, job, args, regions, to);
  // Opened, then removed at once: the open descriptor keeps the bytes readable while they
  // stream, and the file is gone however the download ends (finished, or the client left).
  const fd = openSync(path, 'r');
  rmSync(path, { force: true });
  return {
    body: Readable.toWeb(createReadStream(path, { fd })) as ReadableStream<Uint8Array>,
    bytes,
    info: info as ExportJobInfo<N>,
  };
}
