import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { readableBy } from '../access.ts';
import { hydrateAwards, newAwardReferences } from '../awards/model.ts';
import { awardRowBatches } from '../exports/batches.ts';
import { defuseCell } from '../exports/cells.ts';
import { csvLines } from '../exports/csv.ts';
import { OPEN_DICTIONARY, type OpenValue, openRecord } from '../exports/open-dictionary.ts';

// Open data of the public record on /data: one row per verified, public award, in the columns
// of the one open-data dictionary (exports/open-dictionary.ts) that the Satu Data package also
// uses. The dictionary travels with the data (in the JSON, and as its own CSV).
//
// At national size (a million awards) the rows do not fit in memory at once: they are read in
// keyset batches (exports/batches.ts), newest edition first, and written out a batch at a time
// (the showcase keeps the result as a file per data version, http/pages/showcase/open-files.ts).

export type OpenRow = Record<string, OpenValue>;

/** Every verified, public award (of one region, or of all when null), newest edition first, a batch at a time. */
export async function* openDataBatches(
  db: Kysely<Database>,
  regionCode: string | null,
): AsyncGenerator<OpenRow[]> {
  let q = db.selectFrom('awards').where(readableBy(null));
  if (regionCode) q = q.where('awards.region_id', '=', regionIdOrNone(regionCode));
  // Newest first: what the open data always gave.
  const refs = newAwardReferences(); // givers, fields and units read once for every batch
  for await (const rows of awardRowBatches(db, q, 'openData'))
    yield (await hydrateAwards(db, rows, 'id', refs)).map(openRecord);
}

const columnNames = () => OPEN_DICTIONARY.map((c) => c.name);
const cells = (rows: OpenRow[], names: string[]) =>
  rows.map((r) => names.map((n) => defuseCell(r[n] ?? null)));

/** The CSV, written a batch at a time (the same bytes as one stringify of every row). */
export async function writeOpenCsv(
  db: Kysely<Database>,
  regionCode: string | null,
  write: (chunk: string) => Promise<void>,
): Promise<void> {
  const names = columnNames();
  await write(stringify([], { header: true, columns: names, bom: true }));
  for await (const rows of openDataBatches(db, regionCode)) await write(csvLines(cells(rows, names)));
}

export function dictionaryCsv(): string {
  return stringify(
    OPEN_DICTIONARY.map((c) => [c.name, c.type, c.description.id, c.description.en]),
    { header: true, columns: ['kolom', 'tipe', 'keterangan', 'description'], bom: true },
  );
}

export interface OpenDataMeta {
  title: string;
  producer: string;
  regionCode: string | null;
  licence: string;
  generatedAt: string;
  period: { from: number | null; to: number | null };
}

/**
 * The rows of the JSON's `data` array, comma-separated, written a batch at a time; answers the
 * count and the period, which the metadata ahead of them states.
 */
export async function writeOpenJsonRows(
  db: Kysely<Database>,
  regionCode: string | null,
  write: (chunk: string) => Promise<void>,
): Promise<{ rows: number; period: OpenDataMeta['period'] }> {
  let n = 0;
  let from: number | null = null;
  let to: number | null = null;
  for await (const rows of openDataBatches(db, regionCode)) {
    for (const r of rows) {
      const y = Number(r.tahun);
      if (from === null || y < from) from = y;
      if (to === null || y > to) to = y;
    }
    await write((n ? ',' : '') + rows.map((r) => JSON.stringify(r)).join(','));
    n += rows.length;
  }
  return { rows: n, period: { from, to } };
}

/** What comes before the rows: `{"metadata":{…},"data":[` (then the rows, then `]}`). */
export function openJsonHead(meta: OpenDataMeta, rows: number): string {
  const columns = OPEN_DICTIONARY.map(({ name, type, description }) => ({
    name,
    type,
    id: description.id,
    en: description.en,
  }));
  return `{"metadata":${JSON.stringify({ ...meta, columns, rows })},"data":[`;
}
export const OPEN_JSON_TAIL = ']}';
