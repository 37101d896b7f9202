import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { awardsForExport } from '../exports/awards.ts';
import { defuseCell } from '../exports/cells.ts';
import { OPEN_DICTIONARY, type OpenValue, openRecord } from '../exports/open-dictionary.ts';

// Open data of the public record on /data: one row per verified, public award, in the columns
// of the one open-data dictionary (exports/open-dictionary.ts) that the Satu Data package also
// uses. The dictionary travels with the data (in the JSON, and as its own CSV).

export type OpenRow = Record<string, OpenValue>;

/** Every verified, public award (of one region, or of all when null) as open data, newest edition first. */
export async function openDataRows(db: Kysely<Database>, regionCode: string | null): Promise<OpenRow[]> {
  const awards = await awardsForExport(db, null, {}, regionCode);
  return awards.reverse().map(openRecord);
}

export function toCsv(rows: OpenRow[]): string {
  const names = OPEN_DICTIONARY.map((c) => c.name);
  return stringify(
    rows.map((r) => names.map((n) => defuseCell(r[n] ?? null))),
    { header: true, columns: names, bom: true },
  );
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

export function toJson(rows: OpenRow[], meta: OpenDataMeta): string {
  const columns = OPEN_DICTIONARY.map(({ name, type, description }) => ({
    name,
    type,
    id: description.id,
    en: description.en,
  }));
  return JSON.stringify({ metadata: { ...meta, columns, rows: rows.length }, data: rows });
}
