import type ExcelJS from 'exceljs';

// What makes an exported sheet pleasant to open: a bold header that stays in view (frozen
// first row) with a filter on every column, columns as wide as what they hold, dates shown as
// dates and numbers as numbers — years and IDs without a thousands separator ("2025", not
// "2.025"), scores with two decimals. Excel shows the separators of the reader's settings.

// At least 10: exceljs leaves a width of 9 (its default) unwritten, and Excel would show 8.43.
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
/** Rows looked at to size a column; enough to judge, bounded for a 100,000-row export. */
export const SAMPLE_ROWS = 2000;

export const DATE_FORMAT = 'dd/mm/yyyy';
export const INTEGER_FORMAT = '0';
export const DECIMAL_FORMAT = '0.00';

const shownLength = (v: ExcelJS.CellValue): number => {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return String(v).length;
  return Math.max(
    ...String(v)
      .split('\n')
      .map((line) => line.length),
  );
};

/** How a column looks: its width, its number format, whether long text wraps. */
export interface ColumnLook {
  width: number;
  numFmt: string | null;
  wrap: boolean;
}

/** The look of each column, judged from the header and the first rows (at most SAMPLE_ROWS). */
export function columnLooks(header: ExcelJS.CellValue[], rows: ExcelJS.CellValue[][]): ColumnLook[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  return header.map((title, i) => {
    let width = shownLength(title) + 4; // room for the filter button
    let kind: 'date' | 'integer' | 'decimal' | 'text' | null = null;
    for (const row of sample) {
      const v = row[i];
      width = Math.max(width, shownLength(v) + 2);
      if (v === null || v === undefined || v === '') continue;
      const k =
        v instanceof Date
          ? 'date'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'integer'
              : 'decimal'
            : 'text';
      kind =
        kind === null || kind === k
          ? k
          : kind === 'integer' && k === 'decimal'
            ? 'decimal'
            : kind === 'decimal' && k === 'integer'
              ? 'decimal'
              : 'text';
    }
    width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
    const numFmt =
      kind === 'date'
        ? DATE_FORMAT
        : kind === 'integer'
          ? INTEGER_FORMAT
          : kind === 'decimal'
            ? DECIMAL_FORMAT
            : null;
    return { width, numFmt, wrap: width === MAX_WIDTH };
  });
}

/** The header row: bold on a light fill, kept in view (FROZEN_HEADER) with a filter. */
export function styleHeader(header: ExcelJS.Row): void {
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0F6' } };
}
export const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];

/** The filter over every column of the header and `rows` rows of data. */
export const tableFilter = (rows: number, columns: number): ExcelJS.AutoFilter => ({
  from: { row: 1, column: 1 },
  to: { row: Math.max(1, rows + 1), column: columns },
});

/** A data row's cells in their columns' formats. */
export function styleCells(row: ExcelJS.Row, looks: ColumnLook[]): void {
  looks.forEach((look, i) => {
    if (!look.numFmt && !look.wrap) return;
    const cell = row.getCell(i + 1);
    if (look.numFmt) cell.numFmt = look.numFmt;
    if (look.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Styles a sheet whose first row is the header and whose data follows directly. */
export function styleTable(ws: ExcelJS.Worksheet): void {
  const header = ws.getRow(1);
  const columns = header.cellCount;
  if (columns === 0) return;
  styleHeader(header);
  ws.views = FROZEN_HEADER;
  ws.autoFilter = tableFilter(ws.rowCount - 1, columns);
  const values = (r: ExcelJS.Row) => Array.from({ length: columns }, (_, c) => r.getCell(c + 1).value);
  const sample = ws.getRows(2, Math.min(ws.rowCount - 1, SAMPLE_ROWS)) ?? [];
  const looks = columnLooks(values(header), sample.map(values));
  looks.forEach((look, i) => {
    ws.getColumn(i + 1).width = look.width;
  });
  for (let r = 2; r <= ws.rowCount; r++) styleCells(ws.getRow(r), looks);
}
