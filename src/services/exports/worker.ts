import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../../db/database.ts';
import { type RegionSet, withRegions } from '../../db/region-scope.ts';
import { AppError } from '../errors.ts';
import { EXPORT_JOBS, type ExportJobName } from './jobs.ts';

// The export worker thread (started by off-thread.ts): runs one job at a time on its own
// database connection, opened for the job and closed after it (a PostgreSQL test database can
// then be dropped, and an idle worker holds nothing), and sends back the bytes or the error.

interface Request {
  id: number;
  url: string;
  job: ExportJobName;
  args: unknown;
  /** The caller's regions: the job reads nothing else (on PostgreSQL, under row-level security). */
  regions: RegionSet;
}

parentPort?.on('message', async ({ id, url, job, args, regions }: Request) => {
  const db = openDatabase(url);
  try {
    const run = EXPORT_JOBS[job] as (db: unknown, args: unknown) => Promise<Uint8Array>;
    const body = await withRegions(db, regions, (scoped) => run(scoped, args));
    parentPort!.postMessage({ id, body }, [body.buffer as ArrayBuffer]);
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
