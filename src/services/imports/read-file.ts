import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { formatMegabytes, formatNumber } from '../../domain/format.ts';
import { lazyRequire } from '../../lazy.ts';
import { AppError } from '../errors.ts';
import { columnLetter } from './columns.ts';
import { fillMerged, mergeCollector } from './merged.ts';
import type { Cell } from './values.ts';
import { checkZipInflation, orderForStreaming } from './zip-guard.ts';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

// Turns an uploaded file into rows of cells, whatever the office saved: .xlsx (read as a
// stream, so 10,000 rows take well under a second) or .csv (comma, semicolon or tab; UTF-8
// or Windows-1252). The content decides the format, not the file name: a renamed .xls or a
// binary posing as .csv is refused with 415 and a hint.

export interface SheetRow {
  /** The row number the spreadsheet shows (the first row is 1). */
  row: number;
  cells: Cell[];
}

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 };

const unsupported = (message: string) => new AppError('unsupported_media_type', message);

export async function readSpreadsheet(
  buffer: Uint8Array,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<{ format: 'xlsx' | 'csv'; rows: SheetRow[] }> {
  if (buffer.byteLength === 0) throw new AppError('bad_request', `Berkas "${fileName}" kosong.`);
  if (buffer.byteLength > limits.maxBytes)
    throw new AppError(
      'payload_too_large',
      `Berkas ${formatMegabytes(buffer.byteLength)} MB melebihi batas ${formatMegabytes(limits.maxBytes)} MB; pecah menjadi beberapa berkas.`,
    );
  const type = await (await import('file-type')).fileTypeFromBuffer(buffer);
  const isZip = buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  if (type?.ext === 'cfb' || type?.ext === 'xls')
    throw unsupported(
      'Berkas ini format Excel lama (.xls); buka di Excel lalu "Simpan Sebagai" .xlsx atau .csv.',
    );
  if (isZip) {
    // The first sheet is the one read (exceljs takes the entries in zip order, as does this).
    const merges = mergeCollector();
    await checkZipInflation(
      buffer,
      {
        maxTotalBytes: limits.maxBytes * MAX_INFLATION,
        maxEntryBytes: limits.maxBytes * MAX_ENTRY_INFLATION,
        maxEntries: 1000,
      },
      { entry: /^xl\/worksheets\/sheet\d+\.xml$/, onChunk: merges.onChunk },
    );
    const rows = await readXlsx(orderForStreaming(buffer), limits);
    fillMerged(rows, merges.ranges);
    return { format: 'xlsx', rows };
  }
  if (/\.xlsx$/i.test(fileName))
    throw unsupported(
      `"${fileName}" bukan berkas .xlsx yang sah (bukan arsip zip Excel); simpan ulang dari Excel.`,
    );
  if (type || hasBinaryBytes(buffer))
    throw unsupported(
      `"${fileName}" bukan teks CSV${type ? ` (isinya ${type.mime})` : ' (berisi data biner)'}; unggah .xlsx atau .csv.`,
    );
  return { format: 'csv', rows: readCsv(buffer, limits) };
}

/**
 * Sheet XML compresses about 10×: a full 10 MB upload opens to roughly 100 MB. Past these
 * multiples of the allowed upload (counted as inflated, not as the zip declares) it is not a
 * real workbook.
 */
const MAX_INFLATION = 16;
const MAX_ENTRY_INFLATION = 12;

/** Excel itself holds at most 32,767 characters in a cell; longer is not an office file. */
export const MAX_CELL_CHARS = 32_767;

function tooManyRows(limits: ReadLimits): AppError {
  return new AppError(
    'payload_too_large',
    `Berkas berisi lebih dari ${formatNumber(limits.maxRows)} baris; pecah menjadi beberapa berkas.`,
  );
}

async function readXlsx(buffer: Uint8Array, limits: ReadLimits): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const reader = new (excel().stream.xlsx.WorkbookReader)(Readable.from([Buffer.from(buffer)]), {
    sharedStrings: 'cache',
    // Without styles a date cell arrives as its serial number (45800); the date column reads
    // numbers as Excel serials, and skipping styles saves a third of the reading time.
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      // Only the first sheet holds data; the template's second sheet is the explanation.
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (sheets > 1) continue;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        let any = false;
        if (values.length > MAX_COLUMNS + 1) throw tooManyColumns(row.number);
        for (let i = 1; i < values.length; i++) {
          const c = boundedCell(toCell(values[i]), row.number, i - 1);
          cells.push(c);
          if (c !== null) any = true;
        }
        if (!any) continue;
        if (rows.length >= limits.maxRows + 1) throw tooManyRows(limits);
        rows.push({ row: row.number, cells });
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The reader's own error stays attached (logged by the caller) so a refusal can be traced.
    throw Object.assign(
      unsupported(
        'Berkas .xlsx rusak atau bukan buku kerja Excel (mis. .docx atau .zip biasa); simpan ulang dari Excel.',
      ),
      { cause: err },
    );
  }
  if (sheets === 0) throw unsupported('Berkas .xlsx tidak berisi lembar kerja.');
  return rows;
}

/** exceljs cell values: text, numbers, dates, rich text, formulas (their result), links. */
function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return toCell((o.richText as { text: string }[]).map((t) => t.text).join(''));
    if ('result' in o) return toCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return toCell(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** An award sheet has about twenty columns; thousands mean a generated or hostile file. */
const MAX_COLUMNS = 200;

function tooManyColumns(row: number): AppError {
  return new AppError(
    'payload_too_large',
    `Baris ${row} berisi lebih dari ${MAX_COLUMNS} kolom; hapus kolom yang tidak dipakai (lihat templat).`,
  );
}

/** A cell longer than Excel allows stops the read with its row and column, not echoed back. */
function boundedCell(c: Cell, row: number, index: number): Cell {
  if (typeof c !== 'string' || c.length <= MAX_CELL_CHARS) return c;
  throw new AppError(
    'payload_too_large',
    `Baris ${row}, kolom ${columnLetter(index)}: isi sel ${formatNumber(c.length)} karakter, melebihi batas ${formatNumber(MAX_CELL_CHARS)} karakter per sel (batas Excel); persingkat isinya.`,
  );
}

function hasBinaryBytes(buffer: Uint8Array): boolean {
  const n = Math.min(buffer.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buffer[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 100;
}

function decodeText(buffer: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Excel on Windows saves CSV as Windows-1252 unless told otherwise.
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/**
 * Excel in an Indonesian locale writes ';' between fields (the comma is the decimal mark).
 * The top lines may be a title, so the busiest of the first ten lines decides.
 */
function detectDelimiter(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 10)
    .map((l) => l.replace(/"[^"]*"/g, ''));
  let best = { delimiter: ',', count: 0 };
  for (const delimiter of [';', ',', '\t'])
    for (const line of lines) {
      const count = line.split(delimiter).length - 1;
      if (count > best.count) best = { delimiter, count };
    }
  return best.delimiter;
}

function readCsv(buffer: Uint8Array, limits: ReadLimits): SheetRow[] {
  const text = decodeText(buffer);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: limits.maxRows + 50,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new AppError(
      'bad_request',
      `CSV tidak terbaca${line ? ` di sekitar baris ${line}` : ''}: periksa tanda kutip ("). ${(err as Error).message}`,
    );
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    if (cells.length > MAX_COLUMNS) throw tooManyColumns(i + 1);
    const mapped = cells.map((c, col) => boundedCell(c.trim() === '' ? null : c, i + 1, col));
    if (mapped.some((c) => c !== null)) rows.push({ row: i + 1, cells: mapped });
  });
  if (rows.length > limits.maxRows + 1) throw tooManyRows(limits);
  return rows;
}
