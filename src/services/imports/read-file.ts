import type * as CsvParse from 'csv-parse/sync';
import { formatMegabytes, formatNumber } from '../../domain/format.ts';
import { lazyRequire } from '../../lazy.ts';
import { AppError } from '../errors.ts';
import { columnLetter } from './columns.ts';
import { fillMerged, mergeCollector } from './merged.ts';
import type { Cell } from './values.ts';
import { type RawValue, SharedRef, SharedStrings, SheetCells } from './xlsx-cells.ts';
import { type XmlHandler, XmlScanError, XmlScanner } from './xml-scan.ts';
import { checkZipInflation } from './zip-guard.ts';

// Loaded on first use (src/lazy.ts): every server loads this file with the import API, few read a CSV.
const csvParse = lazyRequire<typeof CsvParse>('csv-parse/sync');

// Turns an uploaded file into rows of cells, whatever the office saved: .xlsx (its first
// sheet and shared strings read while the zip guard inflates them, xlsx-cells.ts) or .csv
// (comma, semicolon or tab; UTF-8 or Windows-1252). The content decides the format, not the file name: a renamed .xls or a
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
    const rows = await readXlsx(buffer, limits);
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
  // The first sheet in the zip is the one read (the template's second sheet is the explanation).
  const merges = mergeCollector();
  const sheet = new SheetCells({
    maxRows: limits.maxRows,
    maxColumns: MAX_COLUMNS,
    tooManyRows: () => tooManyRows(limits),
    tooManyColumns,
  });
  const shared = new SharedStrings();
  let sheets = 0;
  await checkZipInflation(
    buffer,
    {
      maxTotalBytes: limits.maxBytes * MAX_INFLATION,
      maxEntryBytes: limits.maxBytes * MAX_ENTRY_INFLATION,
      maxEntries: 1000,
    },
    [
      { entry: /^xl\/worksheets\/sheet\d+\.xml$/, ...scanning(sheet, merges.onChunk, () => sheets++) },
      { entry: /^xl\/sharedStrings\.xml$/, ...scanning(shared) },
    ],
  );
  if (sheets === 0) throw unsupported('Berkas .xlsx tidak berisi lembar kerja.');
  const rows: SheetRow[] = [];
  for (const raw of sheet.rows) {
    // Each raw row becomes the row read, in place (10,000 rows: no second copy to collect).
    const cells = raw.cells as (RawValue | Cell)[];
    let any = false;
    for (let i = 0; i < cells.length; i++) {
      const c = boundedCell(toCell(cells[i] as RawValue | null, shared.strings), raw.row, i);
      cells[i] = c;
      if (c !== null) any = true;
    }
    if (!any) continue;
    if (rows.length >= limits.maxRows + 1) throw tooManyRows(limits);
    rows.push(raw as SheetRow);
  }
  fillMerged(rows, merges.ranges);
  return rows;
}

/** A zip-guard watch that feeds an entry's inflated bytes to an XML handler. */
function scanning(handler: XmlHandler, alsoChunk?: (chunk: Buffer) => void, onStart?: () => void) {
  const scanner = new XmlScanner(handler);
  const refuse = (err: unknown) => {
    if (!(err instanceof XmlScanError)) throw err;
    throw Object.assign(
      unsupported(
        'Berkas .xlsx rusak atau bukan buku kerja Excel (mis. .docx atau .zip biasa); simpan ulang dari Excel.',
      ),
      { cause: err },
    );
  };
  let started = false;
  return {
    onChunk(chunk: Buffer) {
      if (!started) {
        started = true;
        onStart?.();
      }
      alsoChunk?.(chunk);
      try {
        scanner.write(chunk);
      } catch (err) {
        refuse(err);
      }
    },
    onEnd() {
      if (!started) onStart?.();
      try {
        scanner.end();
      } catch (err) {
        refuse(err);
      }
    },
  };
}

/** A cell as the import reads it: text (blank is empty), a number, a date; TRUE/FALSE in words. */
function toCell(v: RawValue | null, shared: string[]): Cell {
  if (v === null) return null;
  if (v instanceof SharedRef) return toCell(shared[v.index] ?? null, shared);
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
  return v;
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
    records = csvParse().parse(text, {
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
