import type { SheetRow } from './read-file.ts';

// Offices merge a cell down over the rows it applies to: one "Dinas Kesehatan" beside its
// five awards, one date for a ceremony. The streaming reader gives the value to the first row
// only, so the merge ranges are picked from the sheet XML as it is inflated (zip-guard.ts
// reads every byte anyway) and the value is copied down to the other rows of the range.

/** More merges than this are not an award list; the rest are left as they are. */
const MAX_MERGES = 5000;
const MERGE = /<mergeCell\s+ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g;

export interface MergedRange {
  column: number;
  fromRow: number;
  toRow: number;
}

/** A chunk-by-chunk collector of a sheet's vertical merges. */
export function mergeCollector(): { onChunk: (chunk: Buffer) => void; ranges: MergedRange[] } {
  const ranges: MergedRange[] = [];
  const seen = new Set<string>();
  let tail = '';
  return {
    ranges,
    onChunk(chunk) {
      // Merge elements come after the cell data; a tag may straddle two chunks.
      const text = tail + chunk.toString('latin1');
      tail = text.slice(-80);
      if (!text.includes('<mergeCell')) return;
      for (const m of text.matchAll(MERGE)) {
        if (ranges.length >= MAX_MERGES || seen.has(m[0])) continue;
        seen.add(m[0]);
        const fromRow = Number(m[2]);
        const toRow = Number(m[4]);
        if (toRow > fromRow) ranges.push({ column: columnIndex(m[1]), fromRow, toRow });
      }
    },
  };
}

/** "A" → 0, "AA" → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Copies each vertical merge's value into the empty cells below it (first column of the range). */
export function fillMerged(rows: SheetRow[], ranges: MergedRange[]): void {
  if (ranges.length === 0) return;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  for (const { column, fromRow, toRow } of ranges) {
    const value = byNumber.get(fromRow)?.cells[column] ?? null;
    if (value === null) continue;
    for (let n = fromRow + 1; n <= toRow; n++) {
      const row = byNumber.get(n);
      if (!row || (row.cells[column] ?? null) !== null) continue;
      while (row.cells.length <= column) row.cells.push(null);
      row.cells[column] = value;
    }
  }
}
