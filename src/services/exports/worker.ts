import { setPriority } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../../db/database.ts';
import { type RegionSet, withRegions } from '../../db/region-scope.ts';
import { AppError } from '../errors.ts';
import { type ExportJobName, writeExport } from './jobs.ts';

// The export worker thread (started by off-thread.ts): runs one job at a time on its own
// database connection, opened for the job and closed after it (a PostgreSQL test database can
// then be dropped, and an idle worker holds nothing). The job writes its file a batch at a
// time; the worker answers the file (its path, size and tag) or the error.

interface Request {
  id: number;
  url: string;
  job: ExportJobName;
  args: unknown;
  /** The caller's regions: the job reads nothing else (on PostgreSQL, under row-level security). */
  regions: RegionSet;
  /** Where the file goes: `dir/NAME.RANDOM`. */
  dir: string;
  name: string;
}

// The worker yields the CPU to the request thread: an export is a background job, and on a busy
// machine (two cores, other work) the request thread at the same priority competes with it for
// a core. On Linux the nice value is per thread, so this lowers only the worker; on a quiet
// machine the export still has a core to itself.
try {
  setPriority(0, 10);
} catch {
  // not permitted or not supported here: the export runs at the process's priority
}

parentPort?.on('message', async ({ id, url, job, args, regions, dir, name }: Request) => {
  const db = openDatabase(url);
  try {
    const file = await withRegions(db, regions, (scoped) => writeExport(scoped, job, args, dir, name));
    // The heap's committed size after the job: what the exports benchmark reports of the worker.
    parentPort!.postMessage({ id, file, heap: getHeapStatistics().total_heap_size });
  } catch (err) {
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.message, details: err.details }
        : { message: err instanceof Error ? err.message : String(err) };
    parentPort!.postMessage({ id, error });
  } finally {
    await db.close();
  }
});
