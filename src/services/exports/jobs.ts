import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import type { Actor } from '../actor.ts';
import { buildRecap } from '../recap/recap.ts';
import type { RecapRequest } from '../recap/scope.ts';
import {
  OPEN_JSON_TAIL,
  type OpenDataMeta,
  openJsonHead,
  writeOpenCsv,
  writeOpenJsonRows,
} from '../showcase/opendata.ts';
import {
  awardBatches,
  type ExportFilters,
  regionName,
  writeAwardsCsv,
  writeAwardsJson,
  writeAwardsXlsx,
} from './awards.ts';
import { type FileWriter, type WrittenFile, writeFileInBatches } from './file-writer.ts';
import { writeOpenData } from './open-data.ts';
import type { OpenDataFile } from './open-files.ts';
import { recapCsv, recapJson, recapXlsx } from './recap.ts';
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
  ): Promise<{ count: number }> {
    const batches = awardBatches(db, a.actor, a.filters, a.region);
    if (a.format === 'json') return { count: await writeAwardsJson(batches, a.filters, io) };
    const name = await regionName(db, a.region);
    if (a.format === 'csv') return { count: await writeAwardsCsv(batches, name, a.dialect, io.out) };
    return { count: await writeAwardsXlsx(batches, name, io.out) };
  },

  openData(
    db: Kysely<Database>,
    a: { region?: string; baseUrl: string; file: OpenDataFile | 'zip' },
    io: Io,
  ): Promise<void> {
    return writeOpenData(db, a, io);
  },

  /** The showcase's /data/penghargaan.csv (newest first, services/showcase/opendata.ts). */
  openCsv(db: Kysely<Database>, a: { region: string | null }, io: Io): Promise<void> {
    return writeOpenCsv(db, a.region, io.out);
  },

  /** The showcase's /data/penghargaan.json: the metadata ahead of the rows states their count and period. */
  async openJson(
    db: Kysely<Database>,
    a: { region: string | null; meta: Omit<OpenDataMeta, 'generatedAt' | 'period'> },
    io: Io,
  ): Promise<void> {
    const { rows, period } = await writeOpenJsonRows(db, a.region, io.scratch);
    await io.out(openJsonHead({ ...a.meta, generatedAt: new Date().toISOString(), period }, rows));
    await io.appendScratch();
    await io.out(OPEN_JSON_TAIL);
  },

  /** A region's yearly recap as a file: small, but counting it reads the year's awards. */
  async recap(
    db: Kysely<Database>,
    a: { query: RecapRequest; locale: Locale; format: 'csv' | 'xlsx' | 'json' },
    io: Io,
  ): Promise<{ region: string; year: number }> {
    const recap = await buildRecap(db, a.query, a.locale);
    await io.out(
      a.format === 'json' ? recapJson(recap) : a.format === 'csv' ? recapCsv(recap) : await recapXlsx(recap),
    );
    return { region: recap.region.code, year: recap.year }; // for the file's name
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
type Job = (db: unknown, args: unknown, io: Io) => Promise<unknown>;

/** What a job answers beside its file (the recap: its region and year, for the file's name). */
export type ExportJobInfo<N extends ExportJobName> = Awaited<ReturnType<(typeof EXPORT_JOBS)[N]>>;

/** Runs `job` on `db`, writing its file as `dir/NAME.RANDOM`; answers the file and the job's answer. */
export async function writeExport(
  db: unknown,
  job: ExportJobName,
  args: unknown,
  dir: string,
  name: string,
): Promise<WrittenFile & { info?: unknown }> {
  let info: unknown;
  const file = await writeFileInBatches(dir, name, async (io) => {
    info = await (EXPORT_JOBS[job] as Job)(db, args, io);
  });
  return { ...file, info };
}
