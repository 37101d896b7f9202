import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import {
  awardBatches,
  type ExportFilters,
  regionName,
  writeAwardsCsv,
  writeAwardsJson,
  writeAwardsXlsx,
} from './awards.ts';
import { type FileWriter, writeFileInBatches } from './file-writer.ts';
import { writeOpenData } from './open-data.ts';
import type { OpenDataFile } from './open-files.ts';
import { yearlyReportPdf } from './report-pdf.ts';

// The exports whose size grows with the record (every matching award, the open-data package,
// the yearly PDF), as named jobs with plain arguments, so that they can run on a worker thread
// (off-thread.ts) and a long one never holds up other requests. Each writes the file's bytes
// to `io.out` a batch at a time (file-writer.ts), so none holds a whole export in memory.

type Io = Parameters<FileWriter>[0];

export const EXPORT_JOBS = {
  async awards(
    db: Kysely<Database>,
    a: {
      actor: Actor | null;
      filters: ExportFilters;
      region?: string;
      format: 'csv' | 'xlsx' | 'json';
      dialect: 'standard' | 'excel-id';
    },
    io: Io,
  ): Promise<void> {
    const batches = awardBatches(db, a.actor, a.filters, a.region);
    if (a.format === 'json') return writeAwardsJson(batches, a.filters, io);
    const name = await regionName(db, a.region);
    if (a.format === 'csv') return writeAwardsCsv(batches, name, a.dialect, io.out);
    return writeAwardsXlsx(batches, name, io.out);
  },

  openData(
    db: Kysely<Database>,
    a: { region?: string; baseUrl: string; file: OpenDataFile | 'zip' },
    io: Io,
  ): Promise<void> {
    return writeOpenData(db, a, io);
  },

  async report(
    db: Kysely<Database>,
    a: { actor: Actor | null; year: number; region?: string },
    io: Io,
  ): Promise<void> {
    const { pdf } = await yearlyReportPdf(db, a.actor, { year: a.year, regionCode: a.region });
    await io.out(pdf);
  },
};

export type ExportJobName = keyof typeof EXPORT_JOBS;
export type ExportJobArgs<N extends ExportJobName> = Parameters<(typeof EXPORT_JOBS)[N]>[1];
type Job = (db: unknown, args: unknown, io: Io) => Promise<void>;

/** Where a job's file is written before it is streamed to the client (and removed). */
export const exportDir = (tmp: string) => `${tmp}/prestasi-exports`;

/** Runs `job` on `db`, writing its file under `dir`: answers the file's path and size. */
export async function writeExport(db: unknown, job: ExportJobName, args: unknown, dir: string) {
  const run = EXPORT_JOBS[job] as Job;
  const { path, bytes } = await writeFileInBatches(dir, job, (io) => run(db, args, io));
  return { path, bytes };
}
