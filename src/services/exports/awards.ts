import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SHEET_FIELDS, type ValueField, type ValueFieldKey } from '../../domain/awards/fields.ts';
import { teamCell } from '../../domain/awards/team.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { lazyRequire } from '../../lazy.ts';
import type { Actor } from '../actor.ts';
import { type Award, hydrateAwards } from '../awards/model.ts';
import { applyFilters } from '../awards/read.ts';
import type { ListAwardsQuery } from '../awards/schemas.ts';
import { COLUMNS, type ColumnKey } from '../imports/columns.ts';
import { getRegion } from '../units.ts';
import { defuseRow } from './cells.ts';
import { styleTable } from './sheet-style.ts';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

// Awards out as CSV, XLSX and JSON, with the list's filters and the caller's visibility.
// The CSV and XLSX use the import columns, so an exported file imports back as the same
// records; a few read-only columns (state, grade, zone) follow for people to read.

export type ExportFilters = Partial<Omit<ListAwardsQuery, 'page' | 'pageSize' | 'sort' | 'order'>>;

const STATE_WORDS = {
  draft: 'Draf',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  verified: 'Terverifikasi',
};

/** The awards an actor may see that match the filters, oldest edition first. */
export async function awardsForExport(
  db: Kysely<Database>,
  actor: Actor | null,
  filters: ExportFilters,
  regionCode?: string | null,
): Promise<Award[]> {
  let q = await applyFilters(db, db.selectFrom('awards'), actor, filters);
  if (regionCode) q = q.where('awards.region_id', '=', regionIdOrNone(regionCode));
  const rows = await q
    .selectAll('awards')
    .orderBy('awards.edition_year')
    .orderBy('awards.received_on')
    .orderBy('awards.id')
    .execute();
  const out: Award[] = [];
  for (let i = 0; i < rows.length; i += 1000) out.push(...(await hydrateAwards(db, rows.slice(i, i + 1000))));
  return out;
}

const EXTRA_HEADERS = ['ID', 'Status Verifikasi', 'Hasil Penilaian', 'Zona'];

export const exportHeaders = () => [...COLUMNS.map((c) => c.header), ...EXTRA_HEADERS];

type Value = string | number | Date | null;

/** The cells of the reference columns; a value field's cell follows from its declaration. */
const REFERENCE_CELLS: Record<Exclude<ColumnKey, ValueFieldKey>, (a: Award, regionName: string) => Value> = {
  awardingBody: (a) => a.awardingBody?.abbreviation ?? a.awardingBodyText,
  field: (a) => a.field?.name ?? null,
  unit: (a, regionName) => a.unit?.name ?? (a.recipientKind === 'region' ? regionName : null),
  team: (a) => teamCell(a.team),
};

function valueCell(f: ValueField, a: Award, dateAs: 'date' | 'text'): Value {
  const v = a[f.key as keyof Award] as string | number | boolean | null;
  if (v === null || v === undefined) return null;
  if (f.type === 'boolean') return v ? 'Ya' : 'Tidak';
  if (f.type === 'choice') return f.choiceWords?.[String(v)]?.id ?? String(v);
  if (f.type === 'date' && dateAs === 'date') return new Date(`${v}T00:00:00Z`);
  return v as string | number;
}

/** One award as spreadsheet cells, in `exportHeaders()` order. */
export function awardCells(a: Award, regionName: string, dateAs: 'date' | 'text'): Value[] {
  return [
    ...SHEET_FIELDS.map((f) =>
      f.kind === 'value'
        ? valueCell(f, a, dateAs)
        : REFERENCE_CELLS[f.key as keyof typeof REFERENCE_CELLS](a, regionName),
    ),
    a.id,
    STATE_WORDS[a.state],
    a.grade?.label ?? null,
    a.grade?.zone ?? null,
  ];
}

/**
 * 'standard': commas, decimals with a point — for programs and Excel in English settings.
 * 'excel-id': what Excel with Indonesian regional settings opens as columns — semicolons and
 * decimal commas (94,76). Both start with a BOM so Excel reads UTF-8 (é, —) correctly.
 */
export type CsvDialect = 'standard' | 'excel-id';

export function awardsCsv(awards: Award[], regionName: string, dialect: CsvDialect = 'standard'): string {
  const rows = awards.map((a) =>
    defuseRow(awardCells(a, regionName, 'text')).map((v) =>
      dialect === 'excel-id' && typeof v === 'number' ? String(v).replace('.', ',') : v,
    ),
  );
  return `\uFEFF${stringify([exportHeaders(), ...rows], { delimiter: dialect === 'excel-id' ? ';' : ',' })}`;
}

export async function awardsXlsx(
  awards: Award[],
  regionName: string,
  sheetName = 'Penghargaan',
): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = 'Prestasi';
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(exportHeaders());
  for (const a of awards) ws.addRow(defuseRow(awardCells(a, regionName, 'date')));
  styleTable(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function awardsJson(awards: Award[], filters: ExportFilters): string {
  return JSON.stringify({
    exportedAt: new Date().toISOString(),
    filters,
    count: awards.length,
    items: awards,
  });
}

/** "Kota Tangerang" for a region code (or the first region). */
export async function regionName(db: Kysely<Database>, code?: string | null): Promise<string> {
  return (await getRegion(db, code))?.name ?? '';
}
