import { AppError } from '../errors.ts';
import { COLUMNS, type ColumnKey, columnForHeader, columnLetter } from './columns.ts';
import type { SheetRow } from './read-file.ts';
import type { HeaderMap, Problem } from './rows.ts';

// Offices often put a title ("REKAP PENGHARGAAN 2025") and a blank line above the column
// headers. The header row is the first of the top rows that names a title column and at
// least one other column we know.

const SEARCH_ROWS = 10;

export function findHeaders(rows: SheetRow[]): {
  headerRow: number;
  map: HeaderMap;
  problems: Problem[];
  notes: string[];
} {
  for (const candidate of rows.slice(0, SEARCH_ROWS)) {
    const keys = candidate.cells.map((c) => (c === null ? null : columnForHeader(String(c))));
    const known = keys.filter((k) => k && k !== 'ignore');
    if (!keys.includes('title') || known.length < 2) continue;

    const map: HeaderMap = { byIndex: new Map(), byKey: new Map() };
    const notes: string[] = [];
    const unknown: string[] = [];
    keys.forEach((k, index) => {
      const header = String(candidate.cells[index] ?? '').trim();
      if (k === null) {
        if (header) unknown.push(`${columnLetter(index)} (${header})`);
        return;
      }
      if (k === 'ignore') return;
      const taken = map.byKey.get(k);
      if (taken) {
        notes.push(
          `Kolom ${columnLetter(index)} (${header}) diabaikan: isinya sama dengan kolom ${columnLetter(taken.index)} (${taken.header}).`,
        );
        return;
      }
      map.byIndex.set(index, k);
      map.byKey.set(k, { index, header });
    });
    // A two-row header: "Penilaian" merged over "Nilai | Predikat" in the row below. That row
    // holds only header words, and names columns the first row left empty or unknown.
    let headerRow = candidate.row;
    const below = rows.find((r) => r.row === candidate.row + 1);
    // A header merged down over both rows repeats in the second: that is not a sub-header.
    const subCells = (below?.cells ?? []).map((c, i) =>
      c !== null && String(c) === String(candidate.cells[i] ?? '') ? null : c,
    );
    const subKeys = subCells.map((c) => (c === null ? null : columnForHeader(String(c))));
    const subFilled = subCells.filter((c) => c !== null).length;
    if (
      below &&
      subFilled > 0 &&
      subKeys.filter((k) => k !== null).length === subFilled &&
      !subKeys.includes('title')
    ) {
      headerRow = below.row;
      subKeys.forEach((k, index) => {
        if (!k || k === 'ignore' || map.byKey.has(k) || map.byIndex.has(index)) return;
        const header = String(subCells[index]).trim();
        map.byIndex.set(index, k);
        map.byKey.set(k, { index, header });
        const at = unknown.findIndex((u) => u.startsWith(`${columnLetter(index)} (`));
        if (at >= 0) unknown.splice(at, 1);
      });
    }
    if (unknown.length)
      notes.push(
        `Kolom yang tidak dikenal diabaikan: ${unknown.join(', ')}. Lihat templat untuk nama kolom.`,
      );
    const problems: Problem[] = [];
    if (!map.byKey.has('editionYear') && !map.byKey.has('receivedOn'))
      problems.push({
        row: candidate.row,
        column: null,
        header: 'Tahun',
        value: null,
        message: 'Tidak ada kolom Tahun atau Tanggal: tambahkan salah satunya agar tahun edisi diketahui',
      });
    return { headerRow, map, problems, notes };
  }
  const expected = COLUMNS.filter((c) => c.key !== 'recipientKind')
    .map((c) => c.header)
    .join(', ');
  throw new AppError(
    'validation_failed',
    `Baris judul kolom tidak ditemukan di ${SEARCH_ROWS} baris pertama: perlu kolom Judul (atau Nama Penghargaan) dan kolom lain seperti ${expected}. Unduh templat: /api/v1/imports/template.xlsx`,
  );
}

export type { ColumnKey };
