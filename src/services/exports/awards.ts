import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { SHEET_FIELDS, type ValueField, type ValueFieldKey } from '../../domain/awards/fields.ts';
import { teamCell } from '../../domain/awards/team.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { lazyRequire } from '../../lazy.ts';
import type { Actor } from '../actor.ts';
import { type Award, hydrateAwards, newAwardReferences } from '../awards/model.ts';
import { applyFilters } from '../awards/read.ts';
import type { ListAwardsQuery } from '../awards/schemas.ts';
import { COLUMNS, type ColumnKey } from '../imports/columns.ts';
import { getRegion } from '../units.ts';
import { awardRowBatches } from './batches.ts';
import { defuseRow } from './cells.ts';
import { csvLine } from './csv.ts';
import type { FileWriter, Sink } from './file-writer.ts';
import {
  type ColumnLook,
  columnLooks,
  FROZEN_HEADER,
  SAMPLE_ROWS,
  styleCells,
  styleHeader,
  tableFilter,
} from './sheet-style.ts';

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

/**
 * The awards an actor may see that match the filters, oldest edition first (an award without a
 * date at the end of its year, as the list sorts), a batch at a time (batches.ts): an export of
 * a million awards never holds them all.
 */
export async function* awardBatches(
  db: Kysely<Database>,
  actor: Actor | null,
  filters: ExportFilters,
  regionCode?: string | null,
): AsyncGenerator<Award[]> {
  let q = await applyFilters(db, db.selectFrom('awards'), actor, filters);
  if (regionCode) q = q.where('awards.region_id', '=', regionIdOrNone(regionCode));
  const refs = newAwardReferences(); // givers, fields and units read once for every batch
  for await (const rows of awardRowBatches(db, q, 'edition')) yield await hydrateAwards(db, rows, 'id', refs);
}

/** The same awards at once: for callers that bound them (tests). */
export async function awardsForExport(
  db: Kysely<Database>,
  actor: Actor | null,
  filters: ExportFilters,
  regionCode?: string | null,
): Promise<Award[]> {
  const out: Award[] = [];
  for await (const batch of awardBatches(db, actor, filters, regionCode)) for (const a of batch) out.push(a);
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

const delimiterOf = (dialect: CsvDialect) => (dialect === 'excel-id' ? ';' : ',');
/** The BOM and the header line. */
const csvHead = (dialect: CsvDialect) => `\uFEFF${csvLine(exportHeaders(), delimiterOf(dialect))}`;
/** The lines of some awards (a batch: the lines of every batch in turn are the lines of all). */
function awardLines(awards: Award[], regionName: string, dialect: CsvDialect): string {
  const delimiter = delimiterOf(dialect);
  let text = '';
  for (const a of awards) {
    const cells = defuseRow(awardCells(a, regionName, 'text'));
    if (dialect === 'excel-id')
      for (let i = 0; i < cells.length; i++)
        if (typeof cells[i] === 'number') cells[i] = String(cells[i]).replace('.', ',');
    text += csvLine(cells as (string | number | null)[], delimiter);
  }
  return text;
}

/** The CSV written a batch at a time (the lines of every batch in turn); answers the count. */
export async function writeAwardsCsv(
  batches: AsyncIterable<Award[]>,
  regionName: string,
  dialect: CsvDialect,
  out: Sink,
): Promise<number> {
  let count = 0;
  await out(csvHead(dialect));
  for await (const batch of batches) {
    await out(awardLines(batch, regionName, dialect));
    count += batch.length;
  }
  return count;
}

/**
 * The workbook written a row at a time through exceljs's streaming writer: the columns are
 * sized and typed from the first rows (as styleTable does), then every row is styled and
 * written as it comes, so memory stays bounded whatever the count. Answers the count.
 */
export async function writeAwardsXlsx(
  batches: AsyncIterable<Award[]>,
  regionName: string,
  out: Sink,
  sheetName = 'Penghargaan',
): Promise<number> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out(chunk).then(() => done(), done);
    },
  });
  const wb = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Prestasi';
  const ws = wb.addWorksheet(sheetName, { views: FROZEN_HEADER });
  const header = exportHeaders();
  const first: Value[][] = [];
  let looks: ColumnLook[] | null = null;
  let count = 0;
  const write = (cells: Value[]) => {
    const row = ws.addRow(cells);
    styleCells(row, looks!);
    row.commit();
  };
  const start = () => {
    looks = columnLooks(header, first);
    ws.columns = looks.map((l) => ({ width: l.width }));
    const head = ws.addRow(header);
    styleHeader(head);
    head.commit();
    for (const cells of first) write(cells);
    first.length = 0;
  };
  for await (const batch of batches)
    for (const a of batch) {
      const cells = defuseRow(awardCells(a, regionName, 'date'));
      count++;
      if (looks) write(cells);
      else if (first.push(cells) === SAMPLE_ROWS) start();
    }
  if (!looks) start();
  ws.autoFilter = tableFilter(count, header.length);
  ws.commit();
  await wb.commit();
  return count;
}

const jsonHead = (filters: ExportFilters, count: number) =>
  `{"exportedAt":${JSON.stringify(new Date().toISOString())},"filters":${JSON.stringify(filters)},"count":${count},"items":[`;

/**
 * The JSON written a batch at a time: the items go to the scratch file first, since the count
 * stands ahead of them: `{"exportedAt","filters","count","items":[…]}`. Answers the count.
 */
export async function writeAwardsJson(
  batches: AsyncIterable<Award[]>,
  filters: ExportFilters,
  io: Parameters<FileWriter>[0],
): Promise<number> {
  let count = 0;
  for await (const batch of batches) {
    if (!batch.length) continue;
    await io.scratch((count ? ',' : '') + batch.map((a) => JSON.stringify(a)).join(','));
    count += batch.length;
  }
  await io.out(jsonHead(filters, count));
  await io.appendScratch();
  await io.out(']}');
  return count;
}

/** "Kota Tangerang" for a region code (or the first region). */
export async function regionName(db: Kysely<Database>, code?: string | null): Promise<string> {
  return (await getRegion(db, code))?.name ?? '';
}
