import { type AwardFieldEntry, SHEET_FIELDS } from '../../domain/awards/fields.ts';

// The columns of an award spreadsheet, from the field catalogue (domain/awards/fields.ts): one
// column per field, keyed by the field's name, with the header the template and exports write
// and the ways offices actually head their columns (Indonesian variants, English). Matching
// ignores case, spaces and punctuation, so "Tgl." = "TGL" = "tgl".

export type ColumnKey = Exclude<AwardFieldEntry, { sheet: null }>['key'];

export interface ColumnDef {
  key: ColumnKey;
  /** The header written by the template and the exports. */
  header: string;
  aliases: readonly string[];
  /** One line for the template's explanation sheet and the docs. */
  help: string;
  example: string | number;
  required?: boolean;
}

export const COLUMNS: ColumnDef[] = SHEET_FIELDS.map((f) => ({
  key: f.key as ColumnKey,
  ...f.sheet,
  // Only the title must be typed: the year can come from the title or the date.
  required: f.key === 'title',
}));

/** Columns offices keep that carry nothing to import ("No", "No."). */
const IGNORED = new Set([
  'no',
  'nomor',
  'nourut',
  'id',
  // Written by the exports for people to read; the import recomputes them.
  'statusverifikasi',
  'hasilpenilaian',
  'zona',
]);

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]+/g, '');

const BY_NAME = new Map<string, ColumnKey>();
for (const c of COLUMNS)
  for (const name of [c.header, ...c.aliases]) BY_NAME.set(normaliseHeader(name), c.key);

/** The column a header names; 'ignore' for a row-number column; null when unknown. */
export function columnForHeader(header: string): ColumnKey | 'ignore' | null {
  const n = normaliseHeader(header);
  if (!n) return null;
  if (IGNORED.has(n)) return 'ignore';
  const direct = BY_NAME.get(n);
  if (direct) return direct;
  // "Judul/Nama Penghargaan", "Tanggal (dd/mm/yyyy)": try the parts.
  for (const part of header.split(/[/()]/)) {
    const key = BY_NAME.get(normaliseHeader(part));
    if (key) return key;
  }
  return null;
}

/** 0 → "A", 25 → "Z", 26 → "AA": the letter a spreadsheet shows above a column. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
