import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { levelLabel } from '../../domain/labels.ts';
import { lazyRequire } from '../../lazy.ts';
import type { Recap } from '../recap/recap.ts';
import { defuseRow } from './cells.ts';
import { styleTable } from './sheet-style.ts';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

// A region's yearly recap (services/recap) out as JSON (the recap as the API gives it), XLSX
// (a sheet per table) and CSV (one long table: which table, key, name, count), so the
// numbers leaders quote can be checked and reused in any spreadsheet.

type Table = { sheet: string; table: string; headers: string[]; rows: (string | number | null)[][] };

function tables(r: Recap): Table[] {
  return [
    {
      sheet: 'Per Tahun',
      table: 'tahun',
      headers: ['Tahun', 'Jumlah'],
      rows: r.byYear.map((y) => [y.year, y.count]),
    },
    {
      sheet: 'Per Bidang',
      table: 'bidang',
      headers: ['Kode Bidang', 'Bidang', 'Jumlah'],
      rows: r.byField.map((f) => [f.code, f.name ?? 'Tanpa bidang', f.count]),
    },
    {
      sheet: 'Per Pemberi',
      table: 'pemberi',
      headers: ['Kode Pemberi', 'Pemberi', 'Jumlah'],
      rows: r.byGiver.map((g) => [g.code, g.name ?? 'Pemberi lain (teks)', g.count]),
    },
    {
      sheet: 'Per Tingkat',
      table: 'tingkat',
      headers: ['Kode Tingkat', 'Tingkat', 'Jumlah'],
      rows: r.byLevel.map((l) => [l.level, l.level ? levelLabel('id', l.level) : 'Tanpa tingkat', l.count]),
    },
    {
      sheet: 'Per Unit',
      table: 'unit',
      headers: ['Kode Unit', 'Unit', 'Langsung', 'Termasuk Sub-unit'],
      rows: r.byUnit.map((u) => [u.unitId, u.name, u.direct, u.total]),
    },
    {
      sheet: 'Seri',
      table: 'seri',
      headers: ['Kunci Seri', 'Judul', 'Pemberi', 'Tahun Terakhir', 'Nilai Terakhir', 'Tren', 'Rentetan'],
      rows: r.series.map((s) => {
        const last = s.points[s.points.length - 1];
        return [
          s.key,
          s.title,
          s.giver?.abbreviation ?? null,
          last?.year ?? null,
          last?.score ?? null,
          s.trend?.phrase ?? null,
          s.streak?.phrase ?? null,
        ];
      }),
    },
  ];
}

function summary(r: Recap): [string, string | number][] {
  return [
    ['Wilayah', `${r.region.name} (${r.region.code})`],
    ['Tahun', r.year],
    ['Data', r.verifiedOnly ? 'Hanya yang terverifikasi' : 'Termasuk yang belum terverifikasi'],
    ['Jumlah penghargaan', r.total],
    ['Tahun sebelumnya', r.previousYearTotal],
    ['Perubahan', r.change.phrase],
    ['Kumulatif', r.cumulative.phrase],
    // The recap lists the RECAP_SERIES most recently active series; the sheet says when there are more.
    [
      'Seri berjalan',
      r.seriesMore
        ? `${r.series.length} yang terakhir aktif di lembar Seri; masih ada seri lain (semua: GET /api/v1/series)`
        : `${r.series.length} (semua di lembar Seri)`,
    ],
  ];
}

export const recapJson = (r: Recap) => JSON.stringify(r);

/** One long CSV: tabel,kode,nama,jumlah (+ total_subunit for units). */
export function recapCsv(r: Recap): string {
  const rows: (string | number | null)[][] = [['tabel', 'kode', 'nama', 'jumlah', 'jumlah_termasuk_subunit']];
  rows.push(['ringkasan', String(r.year), `${r.region.name} (${r.region.code})`, r.total, null]);
  for (const y of r.byYear) rows.push(['tahun', y.year, null, y.count, null]);
  for (const f of r.byField) rows.push(['bidang', f.code, f.name, f.count, null]);
  for (const g of r.byGiver) rows.push(['pemberi', g.code, g.name, g.count, null]);
  for (const l of r.byLevel)
    rows.push(['tingkat', l.level, l.level ? levelLabel('id', l.level) : null, l.count, null]);
  for (const u of r.byUnit) rows.push(['unit', u.unitId, u.name, u.direct, u.total]);
  return `\uFEFF${stringify(rows.map(defuseRow))}`;
}

export async function recapXlsx(r: Recap): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = 'Prestasi';
  const head = wb.addWorksheet('Ringkasan');
  head.columns = [{ width: 22 }, { width: 70 }];
  head.addRow([`Rekap Penghargaan ${r.region.name} ${r.year}`]).font = { bold: true, size: 14 };
  for (const line of summary(r)) head.addRow(defuseRow(line));
  for (const t of tables(r)) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow(t.headers);
    for (const row of t.rows) ws.addRow(defuseRow(row));
    styleTable(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
