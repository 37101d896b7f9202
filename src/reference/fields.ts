// The bidang (field) taxonomy shipped with Prestasi: close to how pemda recaps group their
// awards ("tata kelola pemerintahan, kesehatan, kominfo, pelayanan publik, aset daerah …").
// Admins can add, rename or retire fields; these codes stay stable for open data.
export interface FieldRef {
  code: string;
  nameId: string;
  nameEn: string;
}

export const FIELDS: FieldRef[] = [
  { code: 'tata-kelola', nameId: 'Tata Kelola Pemerintahan', nameEn: 'Governance' },
  { code: 'pelayanan-publik', nameId: 'Pelayanan Publik', nameEn: 'Public Service' },
  { code: 'kepegawaian', nameId: 'Kepegawaian dan Aparatur', nameEn: 'Civil Service' },
  { code: 'keuangan', nameId: 'Keuangan dan Aset Daerah', nameEn: 'Finance and Regional Assets' },
  { code: 'perencanaan', nameId: 'Perencanaan Pembangunan', nameEn: 'Development Planning' },
  { code: 'inovasi', nameId: 'Inovasi Daerah', nameEn: 'Regional Innovation' },
  {
    code: 'kominfo',
    nameId: 'Komunikasi, Informatika dan Keterbukaan Informasi',
    nameEn: 'Communication and Information',
  },
  { code: 'kesehatan', nameId: 'Kesehatan', nameEn: 'Health' },
  { code: 'pendidikan', nameId: 'Pendidikan', nameEn: 'Education' },
  { code: 'sosial', nameId: 'Sosial dan Perlindungan Anak', nameEn: 'Social Affairs and Child Protection' },
  { code: 'hukum-ham', nameId: 'Hukum dan HAM', nameEn: 'Law and Human Rights' },
  { code: 'lingkungan', nameId: 'Lingkungan Hidup', nameEn: 'Environment' },
  { code: 'infrastruktur', nameId: 'Infrastruktur dan Permukiman', nameEn: 'Infrastructure and Housing' },
  { code: 'ekonomi', nameId: 'Ekonomi, Investasi dan UMKM', nameEn: 'Economy, Investment and SMEs' },
  { code: 'kependudukan', nameId: 'Kependudukan dan Pencatatan Sipil', nameEn: 'Civil Registration' },
  {
    code: 'ketertiban',
    nameId: 'Ketenteraman, Ketertiban dan Kebencanaan',
    nameEn: 'Public Order and Disaster',
  },
  { code: 'pemuda-olahraga', nameId: 'Kepemudaan dan Olahraga', nameEn: 'Youth and Sports' },
  { code: 'lainnya', nameId: 'Lainnya', nameEn: 'Other' },
];
