import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { levelLabel } from '../../domain/labels.ts';
import { lazyRequire } from '../../lazy.ts';
import { AWARD_LEVELS } from '../../reference/unit-types.ts';
import { COLUMNS } from './columns.ts';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

// The file offices download, fill in and upload: the columns in the order exports write
// them, one example row, and a second sheet explaining each column and listing the values
// the codes accept (levels, fields, givers, units, scales).

export const templateHeaders = () => COLUMNS.map((c) => c.header);
const exampleRow = () => COLUMNS.map((c) => c.example);

export async function templateXlsx(db: Kysely<Database>): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = 'Prestasi';
  const data = wb.addWorksheet('Penghargaan', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(templateHeaders());
  data.addRow(exampleRow());
  data.getRow(1).font = { bold: true };
  data.columns.forEach((col, i) => {
    col.width = Math.max(
      12,
      Math.min(40, String(COLUMNS[i].example).length + 4, COLUMNS[i].header.length + 6),
    );
  });

  const help = wb.addWorksheet('Petunjuk');
  help.columns = [{ width: 22 }, { width: 40 }, { width: 60 }];
  const heading = (text: string) => {
    help.addRow([]);
    help.addRow([text]).font = { bold: true, size: 12 };
  };
  help.addRow(['Petunjuk pengisian templat impor penghargaan Prestasi']).font = { bold: true, size: 14 };
  help.addRow([
    'Satu baris = satu penghargaan. Hapus baris contoh sebelum mengimpor. Nama kolom boleh variasi umum (Nama Penghargaan, Tgl, Unit Kerja …).',
  ]);
  heading('Kolom');
  help.addRow(['Kolom', 'Nama lain yang diterima', 'Isi']).font = { bold: true };
  for (const c of COLUMNS)
    help.addRow([c.required ? `${c.header} (wajib)` : c.header, c.aliases.join(', '), c.help]);

  heading('Tingkat');
  for (const l of AWARD_LEVELS) help.addRow([levelLabel('id', l)]);

  heading('Bidang');
  help.addRow(['Kode', 'Nama']).font = { bold: true };
  for (const f of await db
    .selectFrom('fields')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute())
    help.addRow([f.code, f.name_id]);

  heading('Pemberi (tulis kode, singkatan atau nama; nama lain juga dikenali)');
  help.addRow(['Kode', 'Singkatan', 'Nama']).font = { bold: true };
  for (const g of await db.selectFrom('awarding_bodies').selectAll().orderBy('abbreviation').execute())
    help.addRow([g.code, g.abbreviation, g.name]);

  heading('Unit (kolom Penerima: nama atau singkatan)');
  help.addRow(['Nama', 'Singkatan']).font = { bold: true };
  for (const u of await db
    .selectFrom('org_units')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('path')
    .execute())
    help.addRow([u.name, u.short_name ?? '']);

  heading('Skala penilaian (kolom Skala; predikat dihitung dari Nilai atau Predikat)');
  help.addRow(['Kode', 'Nama']).font = { bold: true };
  for (const s of await db.selectFrom('scales').select(['id', 'name']).orderBy('id').execute())
    help.addRow([s.id, s.name]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV template: headers and the example row (UTF-8 with BOM so Excel reads it right). */
export function templateCsv(): string {
  return `\uFEFF${stringify([templateHeaders(), exampleRow()])}`;
}
