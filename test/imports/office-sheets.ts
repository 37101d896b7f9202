import ExcelJS from 'exceljs';

// Award recaps as Tangerang offices keep them, written for these tests: title rows above the
// header, merged cells, dates typed four ways and as date cells, comma decimals, givers with
// their regional office, units and fields named the way people say them, a JUMLAH row, and
// the usual mistakes. Each builder returns a real .xlsx.

type Value = string | number | Date | null;

interface SheetSpec {
  title: string[];
  header: (string | null)[];
  /** A second header row under groups of the first (e.g. "Penilaian" over "Nilai | Predikat"). */
  subHeader?: (string | null)[];
  /** Horizontal merges in the header row: [first column letter, last column letter]. */
  headerGroups?: [string, string][];
  rows: Value[][];
  /** Vertical merges: [column letter, first data row index, last data row index] (0-based). */
  mergeDown?: [string, number, number][];
}

async function workbook(spec: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Rekap');
  const width = spec.header.length;
  const last = String.fromCharCode(64 + width);
  for (const line of spec.title) {
    const r = ws.addRow([line]);
    ws.mergeCells(`A${r.number}:${last}${r.number}`);
  }
  ws.addRow([]);
  const head = ws.addRow(spec.header).number;
  if (spec.subHeader) {
    ws.addRow(spec.subHeader);
    // Headers without a sub-header are merged down over both rows, as offices do.
    spec.subHeader.forEach((sub, i) => {
      const col = String.fromCharCode(65 + i);
      if (sub === null && !spec.headerGroups?.some(([a, b]) => col > a && col <= b))
        ws.mergeCells(`${col}${head}:${col}${head + 1}`);
    });
    for (const [a, b] of spec.headerGroups ?? []) ws.mergeCells(`${a}${head}:${b}${head}`);
  }
  const first = ws.rowCount + 1;
  for (const values of spec.rows) {
    const r = ws.addRow(values);
    values.forEach((v, i) => {
      if (v instanceof Date) r.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  for (const [col, from, to] of spec.mergeDown ?? [])
    ws.mergeCells(`${col}${first + from}:${col}${first + to}`);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Excel's day number for a date (what a cell holds when its format was lost). */
const serial = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86400000);

/**
 * The Bagian Organisasi's recap of the whole city: 26 good rows, then a JUMLAH row and the
 * four usual mistakes (a bad date, the same row again, a row without a name, a word as score).
 */
export const ORGANISASI_GOOD_ROWS = 26;
/** Data rows start on sheet row 5: two title rows, a blank row, the header. */
export const ORGANISASI_FIRST_ROW = 5;

export function rekapOrganisasi(withMistakes = true): Promise<Buffer> {
  // No | Nama Penghargaan | Pemberi Penghargaan | Tingkat | Bidang | OPD | Tanggal | Nilai | Predikat | Keterangan
  // biome-ignore format: one spreadsheet row per line
  const good: Value[][] = [
    ['Opini Ombudsman atas Penilaian Kepatuhan Standar Pelayanan Publik 2024', 'Ombudsman RI Perwakilan Prov. Banten', 'Nasional', 'Pelayanan Publik', 'Kota Tangerang', '15/01/2025', '94,76', null],
    ['Opini WTP atas LKPD Tahun Anggaran 2023', 'BPK RI Perwakilan Banten', 'Nasional', 'Keuangan Daerah', 'BPKAD', '12-06-2024', null, 'WTP'],
    ['Penghargaan Penerapan Sistem Merit', 'BKN Kanreg III', 'Nasional', 'Kepegawaian', 'BKPSDM', '12 Maret 2024', null, null],
    ['Juara 1 Inovasi Daerah Kategori Kota', 'Kementerian Dalam Negeri RI (BSKDN)', 'Nasional', 'Inovasi', 'Bapperida', day('2024-12-05'), null, null],
    ['Badan Publik Informatif', 'Komisi Informasi Provinsi Banten', 'Provinsi', 'Komunikasi dan Informatika', 'Diskominfo', serial('2024-12-09'), '92,5', null],
    ['Predikat A Evaluasi SAKIP', 'KemenPANRB', 'Nasional', 'Reformasi Birokrasi', 'Bagian Organisasi Setda', '20/02/2024', '80,12', null],
    // Three rows of the Dinkes under one merged OPD cell.
    ['Kota Sehat Swasti Saba Wistara', 'Kemenkes', 'Nasional', 'Kesehatan', 'Dinkes Kota Tangerang', '21/11/2024', null, null],
    ['Penghargaan Percepatan Penurunan Stunting', 'Kemenkes RI', 'Nasional', 'Kesehatan', null, '10-10-2024', null, null],
    ['Penghargaan Germas', 'Kementerian Kesehatan', 'Nasional', 'Kesehatan', null, '3 Oktober 2024', null, null],
    ['Puskesmas Berprestasi Tingkat Provinsi', 'Dinas Kesehatan Provinsi Banten', 'Provinsi', 'Kesehatan', 'UPT Puskesmas Neglasari', '05/09/2024', null, null],
    ['Paritrana Award', 'BPJS Ketenagakerjaan', 'Nasional', 'Ketenagakerjaan', 'Disnaker', '17-07-2024', null, null],
    ['Job Fair Terbaik', 'Gubernur Banten', 'Provinsi', 'Tenaga Kerja', 'Dinas Tenaga Kerja Kota Tangerang', '2 Agustus 2024', null, null],
    ['Kota Layak Anak Kategori Nindya', 'KemenPPPA', 'Nasional', 'Perlindungan Anak', 'Kota Tangerang', '23/07/2024', null, null],
    ['Pelayanan Adminduk Terbaik', 'Kemendagri', 'Nasional', 'Kependudukan', 'Disdukcapil', '14/08/2024', null, null],
    ['Anugerah Keterbukaan Informasi Publik', 'KI Pusat', 'Nasional', 'Keterbukaan Informasi', 'Dinas Komunikasi dan Informatika', '19 Desember 2024', null, null],
    ['Pengelolaan Arsip Terbaik', 'ANRI', 'Nasional', 'Kearsipan', 'Bagian Organisasi Sekretariat Daerah', '11/11/2024', null, null],
    ['Evaluasi SPBE Predikat Baik', 'Kementerian PANRB', 'Nasional', 'Komunikasi dan Informatika', 'Diskominfo', '28-02-2024', '3,12', null],
    ['Peringkat 2 Pengelolaan Keuangan Daerah Terbaik', 'Kemenkeu', 'Nasional', 'Keuangan Daerah', 'BPKAD Kota Tangerang', serial('2024-09-30'), null, null],
    ['Monitoring Centre for Prevention Terbaik', 'KPK RI', 'Nasional', 'Tata Kelola Pemerintahan', 'Kota Tangerang', '04/12/2024', null, null],
    ['Peringkat 1 Penyusunan RKPD', 'Bappenas', 'Nasional', 'Perencanaan Pembangunan', 'Bapperida', '30 April 2024', null, null],
    ['Top 45 Kompetisi Inovasi Pelayanan Publik', 'KemenPANRB', 'Nasional', 'Inovasi', 'Dinkes', '12/09/2024', null, null],
    ['BKN Award Kategori Pengelolaan Kinerja', 'BKN', 'Nasional', 'Kepegawaian', 'BKPSDM', '12-12-2024', null, null],
    ['Pelopor Perlindungan Anak', 'Kemen PPPA', 'Nasional', 'Perempuan dan Anak', 'Kota Tangerang', '8 Agustus 2024', null, null],
    ['Kota Peduli HAM', 'Kemenkumham', 'Nasional', 'Hukum', 'Kota Tangerang', '10/12/2023', null, null],
    ['Juara 3 Lomba Kelurahan', 'Pemprov Banten', 'Provinsi', 'Pemerintahan', 'Kota Tangerang', '17/08/2024', null, null],
    ['Penghargaan Kota Cerdas', 'Yayasan Kota Cerdas Nusantara', 'Nasional', 'Smart City', 'Diskominfo', day('2024-11-20'), null, null],
  ];
  // biome-ignore format: one spreadsheet row per line
  const mistakes: Value[][] = [
    ['Desa Wisata Terbaik', 'Pemprov Banten', 'Provinsi', 'Pariwisata', 'Kota Tangerang', '31/02/2024', null, null],
    ['Desa Wisata Terbaik', 'Pemprov Banten', 'Provinsi', 'Pariwisata', 'Kota Tangerang', '31/02/2024', null, null],
    [null, 'Kemenkes', 'Nasional', 'Kesehatan', 'Dinkes', '01/03/2024', null, null],
    ['Pelayanan Prima', 'KemenPANRB', 'Nasional', 'Pelayanan Publik', 'Disdukcapil', '09/09/2024', 'Sangat Baik', null],
  ];
  const numbered = (rows: Value[][], from: number) => rows.map((r, i) => [from + i, ...r, null]);
  const rows = [
    ...numbered(good, 1),
    ['JUMLAH', null, null, null, null, null, null, good.length, null, null],
    ...(withMistakes ? numbered(mistakes, good.length + 1) : []),
  ];
  return workbook({
    title: [
      'REKAPITULASI PENGHARGAAN PEMERINTAH KOTA TANGERANG',
      'Bagian Organisasi Setda — per 31 Desember 2024',
    ],
    header: [
      'No',
      'Nama Penghargaan',
      'Pemberi Penghargaan',
      'Tingkat',
      'Bidang',
      'OPD',
      'Tanggal',
      'Nilai',
      'Predikat',
      'Keterangan',
    ],
    rows,
    mergeDown: [['F', 6, 8]],
  });
}

/**
 * The Dinkes's own list: a Tahun column holding the year received (the title names the
 * assessment's year), a date merged over two rows, a TOTAL row, and three names that are
 * near misses or unknown.
 */
export function rekapDinkes(): Promise<Buffer> {
  return workbook({
    title: ['DAFTAR PENGHARGAAN DINAS KESEHATAN KOTA TANGERANG', 'Periode 2023–2024'],
    header: [
      'NO',
      'URAIAN PENGHARGAAN',
      'TAHUN',
      'INSTANSI PEMBERI',
      'UNIT KERJA',
      'TGL PENYERAHAN',
      'SKOR',
      'KET',
    ],
    // biome-ignore format: one spreadsheet row per line
    rows: [
      [1, 'Hasil Penilaian Kepatuhan Pelayanan Publik 2023', 2024, 'Ombudsman RI', 'Dinkes', day('2024-01-10'), 88.5, null],
      [2, 'Puskesmas Ramah Anak', 2024, 'Kemen PPPA', 'Puskesmas Neglasari', day('2024-07-23'), null, null],
      [3, 'Puskesmas Ramah Lansia', 2024, 'Kemenkes', 'Puskesmas Neglasari', null, null, null],
      [4, 'Akreditasi Paripurna', 2024, 'Kementrian Keshatan', 'RSUD', '14/10/2024', null, null],
      [5, 'Penghargaan Kader Posyandu', 2024, 'Dinkes Provinsi Banten', 'Puskesmas Neglasar', '05/05/2024', null, null],
      // The count typed under the date column, as happens.
      [null, 'TOTAL', null, null, null, 5, null, 'penghargaan'],
    ],
    mergeDown: [['F', 1, 2]],
  });
}

/**
 * The Setda's sheet: a two-row header ("Penilaian" over Nilai and Predikat), fields named as
 * urusan, givers with their offices, grades to compute.
 */
export function rekapSetda(): Promise<Buffer> {
  return workbook({
    title: ['Rekap Penghargaan Setda 2024'],
    header: ['Judul', 'Pemberi', 'Urusan', 'Penerima', 'Tanggal', 'Penilaian', null],
    subHeader: [null, null, null, null, null, 'Nilai', 'Predikat'],
    headerGroups: [['F', 'G']],
    // biome-ignore format: one spreadsheet row per line
    rows: [
      ['Indeks RB 2024 Kategori BB', 'Kemenpan RB', 'Bidang Reformasi Birokrasi', 'Bagian Organisasi Setda Kota Tangerang', '12/03/2025', '75,3', null],
      ['Opini Ombudsman 2024', 'Ombudsman Perwakilan Banten', 'Urusan Pelayanan Publik', 'Pemkot Tangerang', '10 Januari 2025', '94,76', null],
      ['Anugerah Statistik Sektoral', 'BPS Provinsi Banten', 'Statistik', 'Diskominfo', '12-03-2024', null, null],
      ['Penghargaan Pelestarian Budaya', 'Kemendikbud', 'Kebudayaan', 'Disbudpar', '12/03/2024', null, null],
      ['Anugerah Kearsipan', 'Arsip Nasional', 'Kearsipan', 'Bagian Organisasi', '13/03/2024', null, 'Sangat Baik'],
      // A year in the title that is not the edition's: the date decides.
      ['Kampung KB Teladan, Berdiri Sejak 2015', 'BKKBN', 'Keluarga Berencana', 'Kota Tangerang', '05/06/2024', null, null],
    ],
  });
}
