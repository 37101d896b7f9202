// Givers (pemberi penghargaan) shipped with Prestasi, from shared/reference/rubrics.md §8c
// plus the bodies the seed reports name. Loaded into `awarding_bodies` by the reference seed;
// the news extractor resolves names through the same list, so both agree on abbreviations.

export type GiverLevel = 'internasional' | 'nasional' | 'regional' | 'provinsi' | 'kabupaten/kota';

export interface AwardingBodyRef {
  /** Stable slug, used as a reference code in open data. */
  code: string;
  /** The abbreviation people write (Kemendagri, BKN …). */
  abbreviation: string;
  name: string;
  /** Other ways the press writes it: ministers' titles, old names, regional offices. */
  aliases: string[];
  level: GiverLevel;
  /** First and last day the body existed under this name (ISO dates), when known. */
  validFrom?: string;
  validTo?: string;
  /** Code of the body that took over (rename, split: the first successor). */
  successor?: string;
}

export const AWARDING_BODIES: AwardingBodyRef[] = [
  {
    code: 'kemendagri',
    abbreviation: 'Kemendagri',
    name: 'Kementerian Dalam Negeri',
    aliases: [
      'Kementerian Dalam Negeri RI',
      'Mendagri',
      'Menteri Dalam Negeri',
      'Ditjen Bina Bangda',
      'Direktorat Jenderal Bina Pembangunan Daerah',
      'BSKDN',
      'Badan Strategi Kebijakan Dalam Negeri',
      'Kemendagri RI',
    ],
    level: 'nasional',
  },
  {
    code: 'kemenpanrb',
    abbreviation: 'KemenPANRB',
    name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    aliases: ['Kementerian PANRB', 'Kemenpan RB', 'KemenPAN-RB', 'Menpan RB', 'MenPANRB', 'Kemenpan-RB'],
    level: 'nasional',
  },
  {
    code: 'bkn',
    abbreviation: 'BKN',
    name: 'Badan Kepegawaian Negara',
    aliases: ['Kepala BKN', 'Kantor Regional III BKN', 'Kanreg III BKN', 'BKN RI'],
    level: 'nasional',
  },
  {
    code: 'kasn',
    abbreviation: 'KASN',
    name: 'Komisi Aparatur Sipil Negara',
    aliases: ['Ketua KASN'],
    level: 'nasional',
    validTo: '2024-12-31',
    successor: 'kemenpanrb',
  },
  {
    code: 'ombudsman',
    abbreviation: 'Ombudsman RI',
    name: 'Ombudsman Republik Indonesia',
    aliases: ['ORI', 'Ombudsman', 'Ombudsman RI Perwakilan Provinsi Banten', 'Ombudsman Perwakilan Banten'],
    level: 'nasional',
  },
  {
    code: 'bpk',
    abbreviation: 'BPK',
    name: 'Badan Pemeriksa Keuangan',
    aliases: ['BPK RI', 'Badan Pemeriksa Keuangan Republik Indonesia', 'BPK Perwakilan Banten'],
    level: 'nasional',
  },
  {
    code: 'kemenkeu',
    abbreviation: 'Kemenkeu',
    name: 'Kementerian Keuangan',
    aliases: ['Kementerian Keuangan RI', 'Kemenkeu RI', 'Menteri Keuangan', 'Menkeu'],
    level: 'nasional',
  },
  {
    code: 'kemenpppa',
    abbreviation: 'KemenPPPA',
    name: 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak',
    aliases: ['Kementerian PPPA', 'Menteri PPPA', 'KPPPA', 'Kemen PPPA'],
    level: 'nasional',
  },
  {
    code: 'ki-pusat',
    abbreviation: 'KI Pusat',
    name: 'Komisi Informasi Pusat',
    aliases: ['Komisi Informasi', 'KIP', 'Komisi Informasi Pusat RI'],
    level: 'nasional',
  },
  {
    code: 'kpk',
    abbreviation: 'KPK',
    name: 'Komisi Pemberantasan Korupsi',
    aliases: ['KPK RI'],
    level: 'nasional',
  },
  {
    code: 'kemenkes',
    abbreviation: 'Kemenkes',
    name: 'Kementerian Kesehatan',
    aliases: ['Kementerian Kesehatan RI', 'Menteri Kesehatan', 'Menkes', 'Kemenkes RI'],
    level: 'nasional',
  },
  {
    code: 'kemenkumham',
    abbreviation: 'Kemenkumham',
    name: 'Kementerian Hukum dan Hak Asasi Manusia',
    aliases: ['Kementerian Hukum dan HAM', 'Menkumham', 'Menteri Hukum dan HAM', 'Kemenkumham RI'],
    level: 'nasional',
    validTo: '2024-10-20',
    successor: 'kemenkum',
  },
  {
    code: 'kemenkum',
    abbreviation: 'Kemenkum',
    name: 'Kementerian Hukum',
    aliases: ['Menteri Hukum', 'Kementerian Hukum RI'],
    level: 'nasional',
    validFrom: '2024-10-21',
  },
  {
    code: 'kemenham',
    abbreviation: 'KemenHAM',
    name: 'Kementerian Hak Asasi Manusia',
    aliases: ['Kementerian HAM', 'Menteri HAM'],
    level: 'nasional',
    validFrom: '2024-10-21',
  },
  {
    code: 'kominfo',
    abbreviation: 'Kominfo',
    name: 'Kementerian Komunikasi dan Informatika',
    aliases: ['Kemenkominfo', 'Menkominfo', 'Kementerian Kominfo'],
    level: 'nasional',
    validTo: '2024-10-20',
    successor: 'komdigi',
  },
  {
    code: 'komdigi',
    abbreviation: 'Komdigi',
    name: 'Kementerian Komunikasi dan Digital',
    aliases: ['Kemkomdigi', 'Menkomdigi', 'Kementerian Komdigi'],
    level: 'nasional',
    validFrom: '2024-10-21',
  },
  {
    code: 'bappenas',
    abbreviation: 'Bappenas',
    name: 'Kementerian PPN/Bappenas',
    aliases: ['Kementerian Perencanaan Pembangunan Nasional', 'Badan Perencanaan Pembangunan Nasional'],
    level: 'nasional',
  },
  {
    code: 'klhk',
    abbreviation: 'KLHK',
    name: 'Kementerian Lingkungan Hidup dan Kehutanan',
    aliases: ['Kementerian LHK', 'Menteri LHK'],
    level: 'nasional',
    validTo: '2024-10-20',
    successor: 'klh',
  },
  {
    code: 'klh',
    abbreviation: 'KLH',
    name: 'Kementerian Lingkungan Hidup',
    aliases: ['Kementerian Lingkungan Hidup/Badan Pengendalian Lingkungan Hidup', 'KLH/BPLH'],
    level: 'nasional',
    validFrom: '2024-10-21',
  },
  {
    code: 'pemprov-banten',
    abbreviation: 'Pemprov Banten',
    name: 'Pemerintah Provinsi Banten',
    aliases: ['Provinsi Banten', 'Gubernur Banten', 'Pemerintah Provinsi Banten'],
    level: 'provinsi',
  },
  {
    code: 'ki-banten',
    abbreviation: 'KI Banten',
    name: 'Komisi Informasi Provinsi Banten',
    aliases: ['KI Provinsi Banten', 'Komisi Informasi Banten'],
    level: 'provinsi',
  },
  {
    code: 'bps',
    abbreviation: 'BPS',
    name: 'Badan Pusat Statistik',
    aliases: ['BPS RI', 'Kepala BPS'],
    level: 'nasional',
  },
  {
    code: 'bkkbn',
    abbreviation: 'BKKBN',
    name: 'Badan Kependudukan dan Keluarga Berencana Nasional',
    aliases: ['Kepala BKKBN', 'Kemendukbangga/BKKBN', 'Kementerian Kependudukan dan Pembangunan Keluarga'],
    level: 'nasional',
  },
  {
    code: 'anri',
    abbreviation: 'ANRI',
    name: 'Arsip Nasional Republik Indonesia',
    aliases: ['Arsip Nasional RI', 'Kepala ANRI'],
    level: 'nasional',
  },
  {
    code: 'kemenhub',
    abbreviation: 'Kemenhub',
    name: 'Kementerian Perhubungan',
    aliases: ['Kementerian Perhubungan RI', 'Menteri Perhubungan', 'Menhub'],
    level: 'nasional',
  },
  {
    code: 'kemendikdasmen',
    abbreviation: 'Kemendikdasmen',
    name: 'Kementerian Pendidikan Dasar dan Menengah',
    aliases: ['Menteri Pendidikan Dasar dan Menengah', 'Mendikdasmen'],
    level: 'nasional',
    validFrom: '2024-10-21',
  },
  {
    code: 'kemenpora',
    abbreviation: 'Kemenpora',
    name: 'Kementerian Pemuda dan Olahraga',
    aliases: ['Kementerian Pemuda dan Olahraga RI', 'Menpora', 'Menteri Pemuda dan Olahraga', 'Kemenpora RI'],
    level: 'nasional',
  },
  {
    code: 'presiden',
    abbreviation: 'Presiden RI',
    name: 'Presiden Republik Indonesia',
    aliases: ['Presiden Indonesia'],
    level: 'nasional',
  },
];

/**
 * The code a giver goes by today: a renamed or split body's successor, followed to the end
 * ('klhk' → 'klh'). A programme continued by the successor is the same series.
 */
export function currentGiverCode(code: string): string {
  const seen = new Set<string>();
  let current = code;
  while (!seen.has(current)) {
    seen.add(current);
    const next = AWARDING_BODIES.find((b) => b.code === current)?.successor;
    if (!next) break;
    current = next;
  }
  return current;
}
