// The bidang (field) taxonomy shipped with Prestasi: close to how pemda recaps group their
// awards ("tata kelola pemerintahan, kesehatan, kominfo, pelayanan publik, aset daerah …").
// Admins can add, rename or retire fields; these codes stay stable for open data.
export interface FieldRef {
  code: string;
  nameId: string;
  nameEn: string;
  /** How recaps and office spreadsheets head the same field (the import matches these). */
  aliases?: string[];
}

export const FIELDS: FieldRef[] = [
  {
    code: 'tata-kelola',
    nameId: 'Tata Kelola Pemerintahan',
    nameEn: 'Governance',
    aliases: [
      'Reformasi Birokrasi',
      'RB',
      'Akuntabilitas Kinerja',
      'SAKIP',
      'Pemerintahan',
      'Tata Kelola',
      'Pengawasan',
      'Kearsipan',
      'Governance',
    ],
  },
  {
    code: 'pelayanan-publik',
    nameId: 'Pelayanan Publik',
    nameEn: 'Public Service',
    aliases: ['Pelayanan', 'Layanan Publik', 'Kepatuhan Pelayanan Publik', 'Pelayanan Terpadu'],
  },
  {
    code: 'kepegawaian',
    nameId: 'Kepegawaian dan Aparatur',
    nameEn: 'Civil Service',
    aliases: [
      'Kepegawaian',
      'Aparatur',
      'ASN',
      'Manajemen ASN',
      'Sumber Daya Manusia',
      'SDM Aparatur',
      'Sistem Merit',
    ],
  },
  {
    code: 'keuangan',
    nameId: 'Keuangan dan Aset Daerah',
    nameEn: 'Finance and Regional Assets',
    aliases: [
      'Keuangan Daerah',
      'Keuangan',
      'Aset Daerah',
      'Pengelolaan Keuangan',
      'Pendapatan Daerah',
      'Pajak Daerah',
      'Akuntansi',
    ],
  },
  {
    code: 'perencanaan',
    nameId: 'Perencanaan Pembangunan',
    nameEn: 'Development Planning',
    aliases: [
      'Perencanaan',
      'Perencanaan Daerah',
      'Pembangunan Daerah',
      'Riset',
      'Penelitian dan Pengembangan',
    ],
  },
  {
    code: 'inovasi',
    nameId: 'Inovasi Daerah',
    nameEn: 'Regional Innovation',
    aliases: ['Inovasi', 'Inovasi Pelayanan Publik', 'Riset dan Inovasi'],
  },
  {
    code: 'kominfo',
    nameId: 'Komunikasi, Informatika dan Keterbukaan Informasi',
    nameEn: 'Communication and Information',
    aliases: [
      'Komunikasi dan Informatika',
      'Kominfo',
      'Keterbukaan Informasi',
      'Keterbukaan Informasi Publik',
      'Informasi Publik',
      'Statistik',
      'Persandian',
      'SPBE',
      'Smart City',
      'Kota Cerdas',
      'Digital',
      'Kehumasan',
    ],
  },
  {
    code: 'kesehatan',
    nameId: 'Kesehatan',
    nameEn: 'Health',
    aliases: ['Kesehatan Masyarakat', 'Kota Sehat', 'Health'],
  },
  {
    code: 'pendidikan',
    nameId: 'Pendidikan',
    nameEn: 'Education',
    aliases: ['Pendidikan dan Kebudayaan', 'Perpustakaan', 'Literasi'],
  },
  {
    code: 'sosial',
    nameId: 'Sosial dan Perlindungan Anak',
    nameEn: 'Social Affairs and Child Protection',
    aliases: [
      'Sosial',
      'Perlindungan Anak',
      'Kota Layak Anak',
      'Pemberdayaan Perempuan',
      'Gender',
      'Perempuan dan Anak',
    ],
  },
  {
    code: 'hukum-ham',
    nameId: 'Hukum dan HAM',
    nameEn: 'Law and Human Rights',
    aliases: ['Hukum', 'HAM', 'Peduli HAM', 'Produk Hukum', 'Kadarkum'],
  },
  {
    code: 'lingkungan',
    nameId: 'Lingkungan Hidup',
    nameEn: 'Environment',
    aliases: ['Lingkungan', 'Adipura', 'Kebersihan', 'Persampahan', 'Iklim'],
  },
  {
    code: 'infrastruktur',
    nameId: 'Infrastruktur dan Permukiman',
    nameEn: 'Infrastructure and Housing',
    aliases: [
      'Infrastruktur',
      'Pekerjaan Umum',
      'Penataan Ruang',
      'Perumahan',
      'Permukiman',
      'Perhubungan',
      'Transportasi',
    ],
  },
  {
    code: 'ekonomi',
    nameId: 'Ekonomi, Investasi dan UMKM',
    nameEn: 'Economy, Investment and SMEs',
    aliases: [
      'Ekonomi',
      'Investasi',
      'Penanaman Modal',
      'UMKM',
      'Perdagangan',
      'Perindustrian',
      'Ketenagakerjaan',
      'Tenaga Kerja',
      'Pariwisata',
      'Ketahanan Pangan',
    ],
  },
  {
    code: 'kependudukan',
    nameId: 'Kependudukan dan Pencatatan Sipil',
    nameEn: 'Civil Registration',
    aliases: ['Kependudukan', 'Pencatatan Sipil', 'Adminduk', 'Dukcapil', 'Keluarga Berencana'],
  },
  {
    code: 'ketertiban',
    nameId: 'Ketenteraman, Ketertiban dan Kebencanaan',
    nameEn: 'Public Order and Disaster',
    aliases: ['Ketertiban Umum', 'Trantibum', 'Kebencanaan', 'Penanggulangan Bencana', 'Kebakaran', 'Damkar'],
  },
  {
    code: 'pemuda-olahraga',
    nameId: 'Kepemudaan dan Olahraga',
    nameEn: 'Youth and Sports',
    aliases: ['Kepemudaan', 'Olahraga', 'Pemuda'],
  },
  { code: 'lainnya', nameId: 'Lainnya', nameEn: 'Other', aliases: ['Lain-lain', 'Umum'] },
];
