import type { CreateAwardInput } from '../services/awards/schemas.ts';

// The awards of the five seed reports (../shared/seeds/), as an operator of the responsible
// unit would file them, plus three clearly marked records that show the other workflow states.
// Nothing here goes beyond what the reports say: unknown dates, places and givers stay empty.

export type DemoFinalState = 'draft' | 'submitted' | 'returned' | 'verified';

export interface DemoAward {
  /** Account key (DEMO_ACCOUNTS) of the operator who files it. */
  operator: string;
  /** Unit key (DEMO_UNIT_TREE) the award belongs to. */
  unit: string;
  award: Omit<CreateAwardInput, 'unitId'>;
  /** Seed report number ('001') the record comes from; null for the demo-only examples. */
  report: string | null;
  /** The sentence of the report that supports the record, kept as evidence. */
  quote?: string;
  state: DemoFinalState;
  returnReason?: string;
}

const source = (_report: string, extra = '') =>
  `Sumber: laporan berita (lihat bukti).${extra ? ` ${extra}` : ''}`;

const BKN_COMMON = {
  editionYear: 2025,
  awardingBodyCode: 'bkn',
  level: 'nasional',
  fieldCode: 'kepegawaian',
  recipientKind: 'region',
  recipientNote: 'Pemerintah Kota Tangerang melalui BKPSDM Kota Tangerang',
  receivedOn: '2025-10-09',
  place: 'Cimahi Techno Park, Jawa Barat',
  description: source(
    '004',
    'Diterima pada Rapat Koordinasi Kepegawaian Wilayah Kerja Kantor Regional III BKN Tahun 2025. Cakupan penilaian wilayah Kanreg III (Jawa Barat dan Banten); laporan menyebutnya tingkat nasional.',
  ),
} as const;

const bkn = (title: string, category: string, rank: string | null, rankPosition: number | null) => ({
  operator: 'bkpsdm',
  unit: 'bkpsdm',
  report: '004',
  quote: `${title}.`,
  state: 'verified' as const,
  award: {
    ...BKN_COMMON,
    title,
    programme: `Penghargaan Kanreg III BKN: ${category}`,
    category,
    rank,
    rankPosition,
  },
});

const SENTENCE_002_KLA_WTP_PORPROV =
  'Di tahun 2022 ini Pemkot Tangerang kembali dinobatkan sebagai salah satu Kota Layak Anak oleh Kementerian Pemberdayaan Perempuan dan Perlindungan Anak dan menjadi satu-satunya daerah di Indonesia yang meraih penghargaan dari Kementerian Keuangan RI atas capaian opini Wajar Tanpa Pengecualian (WTP) minimal 15 kali berturut-turut, serta menjadi Juara Umum pada perhelatan Pekan Olahraga Provinsi (Porprov) VI Banten Tahun 2022.';
const SENTENCE_002_HAM =
  'Tangerang dinobatkan sebagai Kota Peduli Hak Asasi Manusia, selain itu diberikan juga penghargaan pelayanan publik berbasis hak asasi manusia atas keberhasilan melakukan pembinaan pada Kecamatan Cipondoh.';
const OMBUDSMAN_PROGRAMME = 'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik';

export const DEMO_AWARDS: DemoAward[] = [
  // 001 — SPM Awards 2025
  {
    operator: 'organisasi',
    unit: 'organisasi',
    report: '001',
    quote:
      'Pemerintah Kota (Pemkot) Tangerang kembali menorehkan prestasi di tingkat nasional dengan meraih Juara 1 dalam ajang Standar Pelayanan Minimal (SPM) Awards 2025 kategori kota.',
    state: 'verified',
    award: {
      title: 'Standar Pelayanan Minimal (SPM) Awards 2025',
      programme: 'SPM Awards',
      editionYear: 2025,
      awardingBodyCode: 'kemendagri',
      level: 'nasional',
      fieldCode: 'pelayanan-publik',
      category: 'Kategori Kota',
      recipientKind: 'region',
      receivedOn: '2025-05-23',
      place: 'Gedung Serbaguna Direktorat Jenderal Bina Pembangunan Daerah Kemendagri, Jakarta',
      rank: 'Juara 1',
      rankPosition: 1,
      description: source(
        '001',
        'Diserahkan Menteri Dalam Negeri Tito Karnavian kepada Wali Kota Tangerang H. Sachrudin.',
      ),
    },
  },
  // 002 — the 2022 awards
  {
    operator: 'dinkes',
    unit: 'dinkes',
    report: '002',
    quote:
      'Dari Pemerintah Pusat, Pemkot Tangerang juga berhasil meraih penghargaan kinerja baik atas kerja sama multisektor dalam rangka percepatan eliminasi TBC di Kota Tangerang, yang diserahkan langsung oleh Menteri Kesehatan Budi Gunawan Sadikin di Surabaya pada Jumat (9/11).',
    state: 'verified',
    award: {
      title: 'Penghargaan Kinerja Baik atas Kerja Sama Multisektor Percepatan Eliminasi TBC',
      programme: 'Percepatan Eliminasi TBC',
      editionYear: 2022,
      awardingBodyCode: 'kemenkes',
      level: 'nasional',
      fieldCode: 'kesehatan',
      recipientKind: 'region',
      receivedOn: '2022-11-09',
      place: 'Surabaya',
      description: source(
        '002',
        'Laporan menulis "Jumat (9/11)", padahal 9 November 2022 jatuh pada hari Rabu; tanggal 9/11 yang dipakai.',
      ),
    },
  },
  {
    operator: 'dinkes',
    unit: 'dinkes',
    report: '002',
    quote:
      'Selain itu, apresiasi juga diberikan Pemerintah Pusat atas upaya Pemkot Tangerang dalam mengeliminasi penyakit Frambusia yang ditandai dengan diberikannya sertifikat sebagai Kota Bebas Frambusia dari Kementerian Kesehatan.',
    state: 'verified',
    award: {
      title: 'Sertifikat Kota Bebas Frambusia',
      programme: 'Eliminasi Frambusia',
      editionYear: 2022,
      awardingBodyCode: 'kemenkes',
      level: 'nasional',
      fieldCode: 'kesehatan',
      recipientKind: 'region',
      description: source('002', 'Tanggal penyerahan tidak disebut.'),
    },
  },
  {
    operator: 'hukum',
    unit: 'hukum',
    report: '002',
    quote: SENTENCE_002_HAM,
    state: 'verified',
    award: {
      title: 'Kota Peduli Hak Asasi Manusia',
      programme: 'Kabupaten/Kota Peduli HAM',
      editionYear: 2022,
      awardingBodyCode: 'kemenkumham',
      level: 'nasional',
      fieldCode: 'hukum-ham',
      recipientKind: 'region',
      place: 'Jakarta',
      description: source('002', 'Diterima pada Peringatan Hari HAM Sedunia ke-74; tanggal tidak disebut.'),
    },
  },
  {
    operator: 'cipondoh',
    unit: 'cipondoh',
    report: '002',
    quote: SENTENCE_002_HAM,
    state: 'verified',
    award: {
      title: 'Penghargaan Pelayanan Publik Berbasis Hak Asasi Manusia',
      programme: 'Pelayanan Publik Berbasis HAM',
      editionYear: 2022,
      awardingBodyCode: 'kemenkumham',
      level: 'nasional',
      fieldCode: 'hukum-ham',
      recipientKind: 'region',
      recipientNote: 'Pemerintah Kota Tangerang, atas pembinaan pada Kecamatan Cipondoh',
      place: 'Jakarta',
      description: source('002', 'Diterima pada Peringatan Hari HAM Sedunia ke-74; tanggal tidak disebut.'),
    },
  },
  {
    operator: 'dp3ap2kb',
    unit: 'dp3ap2kb',
    report: '002',
    quote: SENTENCE_002_KLA_WTP_PORPROV,
    state: 'verified',
    award: {
      title: 'Kota Layak Anak',
      programme: 'Kabupaten/Kota Layak Anak',
      editionYear: 2022,
      awardingBodyCode: 'kemenpppa',
      level: 'nasional',
      fieldCode: 'sosial',
      recipientKind: 'region',
      description: source('002', 'Predikat (Pratama, Madya, Nindya, Utama) tidak disebut di laporan.'),
    },
  },
  {
    operator: 'bpkad',
    unit: 'bpkad',
    report: '002',
    quote: SENTENCE_002_KLA_WTP_PORPROV,
    state: 'verified',
    award: {
      title: 'Penghargaan atas Capaian Opini WTP Minimal 15 Kali Berturut-turut',
      programme: 'Penghargaan Opini WTP Berturut-turut',
      editionYear: 2022,
      awardingBodyCode: 'kemenkeu',
      level: 'nasional',
      fieldCode: 'keuangan',
      recipientKind: 'region',
      statusLabel: 'WTP',
      description: source(
        '002',
        'Laporan menyebut Kota Tangerang satu-satunya daerah di Indonesia yang meraihnya; tanggal tidak disebut.',
      ),
    },
  },
  {
    operator: 'dispora',
    unit: 'dispora',
    report: '002',
    quote: SENTENCE_002_KLA_WTP_PORPROV,
    state: 'verified',
    award: {
      title: 'Juara Umum Pekan Olahraga Provinsi (Porprov) VI Banten 2022',
      programme: 'Pekan Olahraga Provinsi Banten',
      editionYear: 2022,
      level: 'provinsi',
      fieldCode: 'pemuda-olahraga',
      recipientKind: 'region',
      rank: 'Juara Umum',
      rankPosition: 1,
      description: source(
        '002',
        'Kejuaraan olahraga kontingen kota, bukan penghargaan tata kelola; pemberi tidak disebut.',
      ),
    },
  },
  // 003 — Ombudsman RI, graded by the ombudsman-kepatuhan scale (same programme → one series)
  {
    operator: 'organisasi',
    unit: 'organisasi',
    report: '003',
    quote:
      'Sementara itu, Kepala Ombudsman RI Perwakilan Provinsi Banten Fadli Afriadi menuturkan, Pemkot Tangerang mampu mempertahankan kinerja baiknya dibuktikan dengan peningkatan nilai yang sebelumnya 93.21 di tahun 2023.',
    state: 'verified',
    award: {
      title: 'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik 2023',
      programme: OMBUDSMAN_PROGRAMME,
      editionYear: 2023,
      awardingBodyCode: 'ombudsman',
      level: 'nasional',
      fieldCode: 'pelayanan-publik',
      recipientKind: 'region',
      score: 93.21,
      scaleId: 'ombudsman-kepatuhan',
      description: source(
        '003',
        'Nilai tahun sebelumnya yang disebut Ombudsman RI Perwakilan Banten; tanggal penyerahan tidak disebut.',
      ),
    },
  },
  {
    operator: 'organisasi',
    unit: 'organisasi',
    report: '003',
    quote:
      'Alhamdulillah, dari penilaian ini Kota Tangerang mendapatkan Kategori A Zona Hijau dengan nilai 94.76.',
    state: 'verified',
    award: {
      title: 'Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik',
      programme: OMBUDSMAN_PROGRAMME,
      editionYear: 2024,
      awardingBodyCode: 'ombudsman',
      level: 'nasional',
      fieldCode: 'pelayanan-publik',
      recipientKind: 'region',
      score: 94.76,
      scaleId: 'ombudsman-kepatuhan',
      description: source(
        '003',
        'Diberikan Ombudsman RI Perwakilan Provinsi Banten di awal 2025 (berita 22 Januari 2025, tanggal pasti tidak disebut). Nilai enam unit layanan (Puskesmas Neglasari 96,03; DPMPTSP 95,98; Dinas Sosial 95,55; Puskesmas Pasar Baru 94,31; Dinas Pendidikan 93,58; Disdukcapil 93,08) adalah bagian dari penilaian ini, bukan penghargaan tersendiri.',
      ),
    },
  },
  // 004 — four BKN awards, 9 October 2025, through BKPSDM
  bkn(
    'Peringkat I Kategori Penyelesaian Instansi yang Mengintegrasikan Data dengan Progres 100 Persen',
    'Penyelesaian Instansi yang Mengintegrasikan Data dengan Progres 100 Persen',
    'Peringkat I',
    1,
  ),
  bkn(
    'Peringkat II Kategori Pengelola Kepegawaian Terbaik di Wilayah Banten',
    'Pengelola Kepegawaian Terbaik di Wilayah Banten',
    'Peringkat II',
    2,
  ),
  bkn('Peringkat III Kategori Pelayanan Kenaikan Pangkat', 'Pelayanan Kenaikan Pangkat', 'Peringkat III', 3),
  bkn(
    'Mitra Kerja Terbaik Kategori Penerapan Manajemen Talenta ASN di Wilayah Jawa Barat dan Banten',
    'Penerapan Manajemen Talenta ASN',
    null,
    null,
  ),

  // Workflow examples so the workspace has something to do.
  {
    // A typical mistake: a unit's sub-score filed as its own award, returned by the verifikator.
    operator: 'dinkes',
    unit: 'pkm-neglasari',
    report: '003',
    quote:
      'Sebagai informasi, berikut adalah hasil penilaian enam unit layanan pada Kepatuhan Penyelenggaraan Pelayanan Publik yaitu, Puskesmas Neglasari dengan nilai 96.03, DPMPTSP dengan nilai 95.98, Dinas Sosial dengan nilai 95.55, Puskesmas Pasar Baru dengan nilai 94.31, Dinas Pendidikan dengan nilai 93.58, dan Disdukcapil dengan nilai 93.08.',
    state: 'returned',
    returnReason:
      'Nilai 96,03 adalah nilai unit layanan di dalam penilaian Ombudsman 2024 untuk Pemkot Tangerang, bukan penghargaan tersendiri. Cukup dicatat pada penghargaan induknya; hapus draf ini.',
    award: {
      title: 'Nilai Kepatuhan Pelayanan Publik Puskesmas Neglasari',
      programme: OMBUDSMAN_PROGRAMME,
      editionYear: 2024,
      awardingBodyCode: 'ombudsman',
      level: 'nasional',
      fieldCode: 'kesehatan',
      recipientKind: 'unit',
      score: 96.03,
      scaleId: 'ombudsman-kepatuhan',
      isPublic: false,
      description: source('003', 'Contoh demo alur kerja: dikembalikan oleh verifikator.'),
    },
  },
  {
    operator: 'organisasi',
    unit: 'organisasi',
    report: null,
    state: 'submitted',
    award: {
      title: '[Contoh demo] Penghargaan yang menunggu verifikasi',
      editionYear: 2025,
      level: 'kabupaten/kota',
      fieldCode: 'lainnya',
      recipientKind: 'region',
      isPublic: false,
      description:
        'Contoh demo, bukan penghargaan nyata dan bukan dari laporan berita: menunjukkan antrean verifikasi. Verifikator dapat mengembalikannya.',
    },
  },
  {
    operator: 'dinkes',
    unit: 'dinkes',
    report: null,
    state: 'draft',
    award: {
      title: '[Contoh demo] Draf yang belum diajukan',
      editionYear: 2025,
      fieldCode: 'kesehatan',
      recipientKind: 'unit',
      isPublic: false,
      description:
        'Contoh demo, bukan penghargaan nyata dan bukan dari laporan berita: draf operator yang belum lengkap.',
    },
  },
];
