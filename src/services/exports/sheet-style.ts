import type ExcelJS from 'exceljs';

// What makes an exported sheet pleasant to open: a bold header that stays in view (frozen
// first row) with a filter on every column, columns as wide as what they hold, dates shown as
// dates and numbers as numbers — years and IDs without a thousands separator ("2025", not
// "2.025"), scores with two decimals. Excel shows the separators of the reader's settings.

// At least 10: exceljs leaves a width of 9 (its default) unwritten, and Excel would show 8.43.
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
/** Rows looked at to size a column; enough to judge, bounded for a 100,000-row export. */
const SAMPLE_ROWS = 2000;

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

/** Styles a sheet whose first row is the header and whose data follows directly. */
export function styleTable(ws: ExcelJS.Worksheet): void {
  const header = ws.getRow(1);
  const columns = header.cellCount;
  if (columns === 0) return;
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0F6' } };
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns } };
  const last = Math.min(ws.rowCount, SAMPLE_ROWS + 1);
  for (let c = 1; c <= columns; c++) {
    const column = ws.getColumn(c);
    let width = shownLength(header.getCell(c).value) + 4; // room for the filter button
    let kind: 'date' | 'integer' | 'decimal' | 'text' | null = null;
    for (let r = 2; r <= last; r++) {
      const v = ws.getRow(r).getCell(c).value;
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
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
    const numFmt =
      kind === 'date'
        ? DATE_FORMAT
        : kind === 'integer'
          ? INTEGER_FORMAT
          : kind === 'decimal'
            ? DECIMAL_FORMAT
            : null;
    if (numFmt) for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(c).numFmt = numFmt;
    if (column.width === MAX_WIDTH)
      for (let r = 2; r <= ws.rowCount; r++)
        ws.getRow(r).getCell(c).alignment = { wrapText: true, vertical: 'top' };
  }
}
