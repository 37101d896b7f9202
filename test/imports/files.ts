import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

// Builds spreadsheets the way offices save them, for the import and export tests.

export type Row = (string | number | Date | null)[];

export async function xlsxOf(rows: Row[], sheetName = 'Rekap'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) {
    const added = ws.addRow(r);
    r.forEach((v, i) => {
      if (v instanceof Date) added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvOf(rows: Row[], delimiter = ','): Buffer {
  const text = stringify(
    rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))),
    { delimiter },
  );
  return Buffer.from(text, 'utf8');
}

/** A good file as a Tangerang office keeps it: a title row, Indonesian headers, mixed formats. */
export const GOOD_ROWS: Row[] = [
  ['REKAP PENGHARGAAN DINAS KESEHATAN 2025'],
  [],
  [
    'No',
    'Nama Penghargaan',
    'Program',
    'Tahun',
    'Pemberi Penghargaan',
    'Tingkat',
    'Bidang',
    'Unit Kerja',
    'Tgl',
    'Tempat',
    'Nilai',
    'Skala',
    'Predikat/Status',
    'Keterangan',
    'Publik',
  ],
  [
    1,
    'Penghargaan Kota Sehat Swasti Saba Wistara',
    'Kabupaten/Kota Sehat',
    2025,
    'Kementerian Kesehatan',
    'Tingkat Nasional',
    'kesehatan',
    'Dinkes',
    '23/5/2025',
    'Jakarta',
    null,
    null,
    null,
    'Diserahkan Menkes',
    'Ya',
  ],
  [
    2,
    'Puskesmas Berprestasi',
    'Puskesmas Teladan',
    2025,
    'Dinkes Provinsi Banten',
    'Provinsi',
    'Kesehatan',
    'Puskesmas Neglasari',
    '30 Desember 2025',
    'Serang',
    null,
    null,
    null,
    null,
    'Tidak',
  ],
  [
    3,
    'Kepatuhan Standar Pelayanan Publik',
    'Penilaian Kepatuhan',
    2024,
    'ORI',
    'Nasional',
    'Pelayanan Publik',
    'Dinas Kesehatan',
    '9 Okt 2024',
    'Jakarta',
    '94,76',
    'ombudsman-kepatuhan',
    null,
    null,
    null,
  ],
  [
    4,
    'Anugerah ASN',
    'BKN Award',
    2025,
    'BKN',
    'nasional',
    'kepegawaian',
    'Dinas Kesehatan',
    new Date(Date.UTC(2025, 9, 9)),
    'Jakarta',
    null,
    null,
    null,
    null,
    'ya',
  ],
];
