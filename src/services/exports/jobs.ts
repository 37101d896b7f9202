import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import {
  awardsCsv,
  awardsForExport,
  awardsJson,
  awardsXlsx,
  type ExportFilters,
  regionName,
} from './awards.ts';
import { buildOpenData, openDataZip } from './open-data.ts';
import { yearlyReportPdf } from './report-pdf.ts';

// The exports whose size grows with the record (every matching award, the open-data package,
// the yearly PDF), as named jobs with plain arguments, so that they can run on a worker thread
// (off-thread.ts) and a long one never holds up other requests. Each returns the file's bytes.

const utf8 = new TextEncoder();

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
  ): Promise<Uint8Array> {
    const awards = await awardsForExport(db, a.actor, a.filters, a.region);
    if (a.format === 'json') return utf8.encode(awardsJson(awards, a.filters));
    const name = await regionName(db, a.region);
    if (a.format === 'csv') return utf8.encode(awardsCsv(awards, name, a.dialect));
    return new Uint8Array(await awardsXlsx(awards, name));
  },

  async openData(
    db: Kysely<Database>,
    a: { region?: string; baseUrl: string; file: string },
  ): Promise<Uint8Array> {
    const pkg = await buildOpenData(db, a.region, a.baseUrl);
    if (a.file === 'zip') return new Uint8Array(await openDataZip(pkg));
    const content = pkg.files[a.file];
    if (content === undefined) throw new Error(`open-data package has no file ${a.file}`);
    return utf8.encode(content);
  },

  async report(
    db: Kysely<Database>,
    a: { actor: Actor | null; year: number; region?: string },
  ): Promise<Uint8Array> {
    const { pdf } = await yearlyReportPdf(db, a.actor, { year: a.year, regionCode: a.region });
    return new Uint8Array(pdf);
  },
};

export type ExportJobName = keyof typeof EXPORT_JOBS;
export type ExportJobArgs<N extends ExportJobName> = Parameters<(typeof EXPORT_JOBS)[N]>[1];
