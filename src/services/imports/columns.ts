// The columns of an award spreadsheet: one canonical key per column, the header the template
// and exports write, and the ways offices actually head their columns (Indonesian variants,
// English). Matching ignores case, spaces and punctuation, so "Tgl." = "TGL" = "tgl".

export type ColumnKey =
  | 'title'
  | 'programme'
  | 'year'
  | 'giver'
  | 'level'
  | 'field'
  | 'category'
  | 'recipient'
  | 'recipientKind'
  | 'team'
  | 'date'
  | 'place'
  | 'rank'
  | 'score'
  | 'scale'
  | 'status'
  | 'legalBasis'
  | 'description'
  | 'public';

export interface ColumnDef {
  key: ColumnKey;
  /** The header written by the template and the exports. */
  header: string;
  aliases: string[];
  /** One line for the template's explanation sheet and the docs. */
  help: string;
  example: string | number;
  required?: boolean;
}

export const COLUMNS: ColumnDef[] = [
  {
    key: 'title',
    header: 'Judul',
    aliases: [
      'Nama Penghargaan',
      'Judul Penghargaan',
      'Penghargaan',
      'Uraian Penghargaan',
      'Jenis Penghargaan',
      'Nama',
      'Title',
      'Award',
      'Award Title',
    ],
    help: 'Nama penghargaan seperti tertulis di piagam. Wajib.',
    example: 'Penghargaan Kota Sehat Swasti Saba Wistara',
    required: true,
  },
  {
    key: 'programme',
    header: 'Program',
    aliases: ['Nama Program', 'Ajang', 'Kegiatan', 'Programme', 'Program Name'],
    help: 'Ajang atau program penilaian yang berulang tiap tahun (untuk tren dan rentetan).',
    example: 'Kabupaten/Kota Sehat',
  },
  {
    key: 'year',
    header: 'Tahun',
    aliases: ['Tahun Edisi', 'Edisi', 'Tahun Penilaian', 'Year', 'Edition Year'],
    help: 'Tahun edisi penilaian (4 angka). Boleh kosong jika Tanggal diisi: diambil dari tanggal.',
    example: 2025,
  },
  {
    key: 'giver',
    header: 'Pemberi',
    aliases: [
      'Pemberi Penghargaan',
      'Instansi Pemberi',
      'Penyelenggara',
      'Lembaga Pemberi',
      'Giver',
      'Awarding Body',
      'Awarded By',
    ],
    help: 'Nama, singkatan atau kode pemberi (Kemendagri, BKN, Kementerian Kesehatan …).',
    example: 'Kemenkes',
  },
  {
    key: 'level',
    header: 'Tingkat',
    aliases: ['Tingkat Penghargaan', 'Level', 'Lingkup'],
    help: 'Internasional, Nasional, Regional, Provinsi atau Kabupaten/Kota.',
    example: 'Nasional',
  },
  {
    key: 'field',
    header: 'Bidang',
    aliases: ['Urusan', 'Sektor', 'Field', 'Sector'],
    help: 'Kode atau nama bidang (lihat daftar di bawah).',
    example: 'Kesehatan',
  },
  {
    key: 'category',
    header: 'Kategori',
    aliases: ['Category', 'Klaster'],
    help: 'Kategori dalam ajang (mis. Kategori Kota Besar).',
    example: 'Swasti Saba Wistara',
  },
  {
    key: 'recipient',
    header: 'Penerima',
    aliases: [
      'Penerima/Unit',
      'Unit',
      'Unit Kerja',
      'Unit Penerima',
      'OPD',
      'Perangkat Daerah',
      'SKPD',
      'Recipient',
    ],
    help: 'Nama atau singkatan unit penerima; nama pemda (mis. Kota Tangerang) untuk penghargaan pemda.',
    example: 'Dinas Kesehatan',
  },
  {
    key: 'recipientKind',
    header: 'Jenis Penerima',
    aliases: ['Recipient Kind', 'Jenis'],
    help: 'Pemda, Unit atau Tim. Boleh kosong: ditebak dari Penerima dan Tim.',
    example: 'Unit',
  },
  {
    key: 'team',
    header: 'Tim',
    aliases: ['Anggota Tim', 'Team', 'Team Members'],
    help: 'Untuk penghargaan bersama: unit atau nama orang, dipisah titik koma (;).',
    example: '',
  },
  {
    key: 'date',
    header: 'Tanggal',
    aliases: [
      'Tanggal Diterima',
      'Tanggal Penyerahan',
      'Tanggal Penerimaan',
      'Tgl',
      'Tgl Diterima',
      'Tgl Penyerahan',
      'Tgl Penerimaan',
      'Date',
      'Received On',
      'Date Received',
    ],
    help: 'Tanggal diterima: 23/5/2025, 23-05-2025, 2025-05-23, 30 Desember 2025, 9 Okt 2025 atau sel tanggal Excel.',
    example: '12/11/2025',
  },
  {
    key: 'place',
    header: 'Tempat',
    aliases: ['Lokasi', 'Tempat Penyerahan', 'Place', 'Location'],
    help: 'Tempat penyerahan.',
    example: 'Jakarta',
  },
  {
    key: 'rank',
    header: 'Peringkat',
    aliases: ['Juara', 'Rank', 'Ranking'],
    help: 'Peringkat atau juara, mis. Juara 1, Terbaik II.',
    example: '',
  },
  {
    key: 'score',
    header: 'Nilai',
    aliases: ['Skor', 'Indeks', 'Score', 'Value'],
    help: 'Nilai penilaian, koma atau titik desimal: 94,76 atau 94.76.',
    example: '',
  },
  {
    key: 'scale',
    header: 'Skala',
    aliases: ['Skala Penilaian', 'Scale', 'Scale Id'],
    help: 'Kode skala penilaian (mis. ombudsman-kepatuhan, sakip, bpk-opini) agar predikat dihitung otomatis.',
    example: '',
  },
  {
    key: 'status',
    header: 'Predikat',
    aliases: ['Predikat/Status', 'Status', 'Opini', 'Kategori Nilai', 'Status Label', 'Grade'],
    help: 'Predikat atau status (WTP, Zona Hijau, Madya …).',
    example: '',
  },
  {
    key: 'legalBasis',
    header: 'Dasar Hukum',
    aliases: ['SK', 'Nomor SK', 'No SK', 'Legal Basis'],
    help: 'Nomor SK atau dasar hukum penghargaan.',
    example: '',
  },
  {
    key: 'description',
    header: 'Keterangan',
    aliases: ['Deskripsi', 'Catatan', 'Uraian', 'Ket', 'Ket.', 'Description', 'Notes'],
    help: 'Keterangan bebas.',
    example: 'Diserahkan oleh Menteri Kesehatan',
  },
  {
    key: 'public',
    header: 'Publik',
    aliases: ['Tampil Publik', 'Tampilkan', 'Public', 'Is Public'],
    help: 'Ya atau Tidak: boleh tampil di halaman publik dan data terbuka (kosong = Ya).',
    example: 'Ya',
  },
];

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
