import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvLines } from '../../src/services/exports/csv.ts';

// The hand-written CSV lines must be the bytes csv-stringify gives (what every export wrote
// before, and what spreadsheet programs and the importer read back).

const ROWS = [
  ['plain', 'with, comma', 'with; semicolon', 'say "hi"', 'two\nlines', 'cr\rhere', 'crlf\r\nend', ''],
  [0, -1.5, 94.76, 2025, null, undefined, '\'=HYPERLINK("x")', ' spaced '],
  ['ünïcödé — é', '"', '""', ',', ';', '\n', 'a"b,c', '94,76'],
  [],
  [null],
  [''],
] as const;

describe('csvLines', () => {
  it('gives the bytes of csv-stringify for commas and for semicolons', () => {
    const rows = ROWS.map((r) => [...r]);
    expect(csvLines(rows)).toBe(stringify(rows));
    expect(csvLines(rows, ';')).toBe(stringify(rows, { delimiter: ';' }));
  });
});
