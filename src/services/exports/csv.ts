// The CSV lines of the exports, written by hand: the bytes csv-stringify gives with its default
// options (a field in double quotes, its quotes doubled, when it holds the delimiter, a quote or
// a line break; null and undefined empty; a number as String(n); a line ends with \n), at a
// fraction of its cost per row, which counted at a million rows (issue 11). The rows' cells are
// strings, numbers or null (spreadsheet cells, open-data values); csv.test.ts holds the two
// side by side.

type Cell = string | number | null | undefined;

const NEEDS_QUOTES = { ',': /[",\n\r]/, ';': /[";\n\r]/ } as const;

export type CsvDelimiter = keyof typeof NEEDS_QUOTES;

function field(v: Cell, needsQuotes: RegExp): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return needsQuotes.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One row as a CSV line, its line end included. */
export function csvLine(cells: readonly Cell[], delimiter: CsvDelimiter = ','): string {
  const needsQuotes = NEEDS_QUOTES[delimiter];
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i ? delimiter : '') + field(cells[i], needsQuotes);
  return `${line}\n`;
}

/** Rows as CSV lines. */
export function csvLines(rows: readonly (readonly Cell[])[], delimiter: CsvDelimiter = ','): string {
  let text = '';
  for (const row of rows) text += csvLine(row, delimiter);
  return text;
}
