// The grading scales Prestasi ships, copied from shared/reference/rubrics.md (the source for
// every number below; section numbers refer to that file). Only scales marked CONFIRMED or
// CORROBORATED there are shipped. Left out on purpose (docs/scales.md says why):
//   - Ombudsman 2025+ "Opini Ombudsman RI" (§1c): labels confirmed, numeric bands UNCONFIRMED;
//   - IP-SPM "Tuntas …" categories (§2): only an unofficial dashboard has numbers;
//   - WBK/WBBM minimum scores (§7d): not found; WBK/WBBM are statuses, not computed bands;
//   - the post-KASN merit maturity model (§7a): ranges garbled in the only source.
//
// Edges are written in interval notation, as the source states them:
//   '[88, 100]' both inclusive; '(80, 90]' the source's ">80–90" (lower edge exclusive);
//   '[3.5, 4.2)' the source's "3,5 hingga kurang dari 4,2".

import { type Band, type Scale, ZONE_COLORS, type Zone } from './types.ts';

interface BandExtra {
  name?: string;
  zone?: Zone | null;
  ordinal?: number;
  aliases?: string[];
}

function band(code: string, label: string, interval: string, extra: BandExtra = {}): Band {
  const m = /^([[(])\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*([\])])$/.exec(interval);
  if (!m) throw new TypeError(`catalogue: bad interval ${interval} for band ${code}`);
  const zone = extra.zone ?? null;
  return {
    code,
    ...(extra.name ? { name: extra.name } : {}),
    label,
    zone,
    ...(zone ? { color: ZONE_COLORS[zone] } : {}),
    lower: Number(m[2]),
    lowerInclusive: m[1] === '[',
    upper: Number(m[3]),
    upperInclusive: m[4] === ']',
    ...(extra.ordinal !== undefined ? { ordinal: extra.ordinal } : {}),
    ...(extra.aliases ? { aliases: extra.aliases } : {}),
  };
}

/** §1a and §1b. */
const ombudsman: Scale = {
  id: 'ombudsman-kepatuhan',
  name: 'Penilaian Kepatuhan Standar Pelayanan Publik (Ombudsman RI)',
  giverCode: 'ombudsman',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'nilai 0–100',
  versions: [
    {
      version: '1',
      title: 'Predikat Kepatuhan (zona), sampai dengan penilaian 2021',
      validFromYear: null,
      validToYear: 2021,
      legalBasis: 'Peraturan Ombudsman No. 17 Tahun 2015 tentang Penelitian Kepatuhan (judul saja)',
      source:
        'langgam.id, 29/12/2021 (Penilaian Pelayanan Publik, Ombudsman: Dharmasraya dan Payakumbuh Zona Hijau); rubrics.md §1a',
      precision: 0.01,
      notes: [
        // The source writes 80.99 | 81.00 and 50.99 | 51.00: at two decimals these are contiguous,
        // and a score between (80.995) is Kuning because Hijau starts at 81.00 as stated.
        'Batas ditulis dua desimal (80,99 | 81,00): nilai di antaranya masuk zona bawah, karena zona atas dimulai tepat di batas yang dinyatakan.',
        'detik.com menulis hijau 81–100, kuning 50–80; batas langgam.id (81,00/51,00) dipakai sebagai kanonik.',
      ],
      bands: [
        band('HIJAU', 'Kepatuhan Tinggi', '[81, 100]', { name: 'Zona Hijau', zone: 'hijau' }),
        band('KUNING', 'Kepatuhan Sedang', '[51, 80.99]', { name: 'Zona Kuning', zone: 'kuning' }),
        band('MERAH', 'Kepatuhan Rendah', '[0, 50.99]', { name: 'Zona Merah', zone: 'merah' }),
      ],
    },
    {
      version: '2',
      title: 'Opini Kualitas, Kategori A–E, penilaian 2022–2024',
      validFromYear: 2022,
      validToYear: 2024,
      legalBasis: 'Keputusan Ketua Ombudsman RI No. 252 Tahun 2024',
      source:
        'kupang.antaranews.com/berita/142569 (17/11/2024); radarsumbar.com/sumbar/146401; magelangekspres.disway.id/read/669360; sonora.id (zonasi, 2022); rubrics.md §1b',
      precision: 0.01,
      notes: [
        'Dinyatakan untuk 2024; hasil 2022 dan 2023 yang dipublikasikan konsisten dengan batas yang sama.',
        'radarsumbar mencetak 77,79 untuk batas atas C (salah ketik); 77,99 dari magelangekspres dipakai.',
        'Huruf E disimpulkan dari urutan A–D.',
      ],
      bands: [
        band('A', 'Opini Kualitas Tertinggi', '[88, 100]', { name: 'Kategori A', zone: 'hijau' }),
        band('B', 'Opini Kualitas Tinggi', '[78, 87.99]', { name: 'Kategori B', zone: 'hijau' }),
        band('C', 'Opini Kualitas Sedang', '[54, 77.99]', { name: 'Kategori C', zone: 'kuning' }),
        band('D', 'Opini Kualitas Rendah', '[32, 53.99]', { name: 'Kategori D', zone: 'merah' }),
        band('E', 'Opini Kualitas Terendah', '[0, 31.99]', { name: 'Kategori E', zone: 'merah' }),
      ],
    },
  ],
};

/** The AA…D letters shared by SAKIP (§3) and Indeks RB (§7c): ">90–100", ">80–90" … */
function aaToD(lowestInterval: string): Band[] {
  return [
    band('AA', 'Sangat Memuaskan', '(90, 100]'),
    band('A', 'Memuaskan', '(80, 90]'),
    band('BB', 'Sangat Baik', '(70, 80]'),
    band('B', 'Baik', '(60, 70]'),
    band('CC', 'Cukup', '(50, 60]'),
    band('C', 'Kurang', '(30, 50]'),
    band('D', 'Sangat Kurang', lowestInterval),
  ];
}

/** §3. */
const sakip: Scale = {
  id: 'sakip',
  name: 'Evaluasi Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)',
  giverCode: 'kemenpanrb',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'nilai 0–100',
  versions: [
    {
      version: '1',
      title: 'Predikat AA–D',
      validFromYear: null,
      validToYear: null,
      legalBasis: 'Peraturan Menteri PANRB No. 88 Tahun 2021 (sebelumnya PermenPANRB No. 12 Tahun 2015)',
      source: 'detiknews86.com/?p=52516; data.kaltimprov.go.id (nilai SAKIP kecamatan); rubrics.md §3',
      precision: 0.01,
      notes: [
        'Sumber menulis "AA 90–100, A 80–90 …"; batas bawah dibaca eksklusif (>90) seperti skala Indeks RB yang memakai huruf yang sama.',
        'Untuk SAKIP hanya huruf yang terkonfirmasi; label kata diambil dari Indeks RB.',
        'D mencakup 0 (0–30), berbeda dengan Indeks RB (>0–30).',
      ],
      bands: aaToD('[0, 30]'),
    },
  ],
};

/** §7c. */
const indeksRb: Scale = {
  id: 'indeks-rb',
  name: 'Indeks Reformasi Birokrasi',
  giverCode: 'kemenpanrb',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'nilai 0–100',
  versions: [
    {
      version: '1',
      title: 'Predikat AA–D',
      validFromYear: null,
      validToYear: null,
      legalBasis:
        'Belum dirujuk pada sumber; komponen sejak 2023: KepmenPANRB No. 730 dan 739 Tahun 2023 (juknis)',
      source: 'pintu.acehprov.go.id/infographics/indeks-reformasi-birokrasi-irb-aceh-2022; rubrics.md §7c',
      precision: 0.01,
      notes: ['Sumber menulis D ">0–30": nilai 0 tidak berpredikat (di luar skala).'],
      bands: aaToD('(0, 30]'),
    },
  ],
};

/** §4. */
const kla: Scale = {
  id: 'kla',
  name: 'Kabupaten/Kota Layak Anak (KLA)',
  giverCode: 'kemenpppa',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'poin (maks. 1000)',
  versions: [
    {
      version: '1',
      title: 'Kategori Pratama–KLA',
      validFromYear: null,
      validToYear: null,
      legalBasis: 'Belum dirujuk pada sumber; pernyataan KemenPPPA (24 indikator: kelembagaan + 5 klaster)',
      source:
        'megapolitan.kompas.com/read/2022/09/20/13411801 (Plt Deputi PHA KemenPPPA); jabar.antaranews.com/berita/454185; rubrics.md §4',
      precision: 1,
      notes: [
        'Poin bilangan bulat: 600 | 601 bersambung. Nilai pecahan di antaranya (600,5) masuk kategori bawah.',
        'Di bawah 500 tidak ada predikat (tahap awal/inisiasi): nilai itu di luar skala.',
        'Pratama 500–600 menurut KemenPPPA (bukan 501–600 seperti satu media).',
      ],
      bands: [
        band('KLA', 'Kota/Kabupaten Layak Anak', '[901, 1000]', { name: 'KLA' }),
        band('UTAMA', 'Kategori Utama', '[801, 900]', { name: 'Utama' }),
        band('NINDYA', 'Kategori Nindya', '[701, 800]', { name: 'Nindya' }),
        band('MADYA', 'Kategori Madya', '[601, 700]', { name: 'Madya' }),
        band('PRATAMA', 'Kategori Pratama', '[500, 600]', { name: 'Pratama' }),
      ],
    },
  ],
};

/** §5. Ordinal: each opinion is a one-point band at its rank, so validation and grading stay uniform. */
const bpkOpini: Scale = {
  id: 'bpk-opini',
  name: 'Opini BPK atas Laporan Keuangan Pemerintah Daerah (LKPD)',
  giverCode: 'bpk',
  kind: 'ordinal',
  confidence: 'CONFIRMED',
  versions: [
    {
      version: '1',
      title: 'Opini WTP, WDP, TW, TMP',
      validFromYear: null,
      validToYear: null,
      legalBasis: 'Undang-Undang No. 15 Tahun 2004 (penjelasan)',
      source:
        'dwihari.web.id/2019/06/memahami-opini-hasil-pemeriksaan-bpk; BPK Buletin Teknis 01/2012; rubrics.md §5',
      precision: 1,
      notes: [
        'Tahun = tahun anggaran LKPD (laporan audit terbit tahun berikutnya).',
        'WTP dengan paragraf penjelasan (WTP-DPP/WTP-PP) dihitung sebagai WTP.',
      ],
      bands: [
        band('WTP', 'Wajar Tanpa Pengecualian', '[4, 4]', {
          ordinal: 4,
          aliases: [
            'Opini WTP',
            'WTP-DPP',
            'WTP-PP',
            'WTP DPP',
            'Wajar Tanpa Pengecualian Dengan Paragraf Penjelasan',
            'unqualified',
            'unqualified opinion',
          ],
        }),
        band('WDP', 'Wajar Dengan Pengecualian', '[3, 3]', {
          ordinal: 3,
          aliases: ['Opini WDP', 'qualified', 'qualified opinion'],
        }),
        band('TW', 'Tidak Wajar', '[2, 2]', {
          ordinal: 2,
          aliases: ['Opini TW', 'adverse', 'adverse opinion'],
        }),
        band('TMP', 'Tidak Menyatakan Pendapat', '[1, 1]', {
          ordinal: 1,
          aliases: [
            'Opini TMP',
            'Tidak Memberikan Pendapat',
            'Tidak Menyatakan Pendapat (disclaimer)',
            'disclaimer',
            'disclaimer of opinion',
          ],
        }),
      ],
    },
  ],
};

/** §6. */
const iid: Scale = {
  id: 'iid',
  name: 'Indeks Inovasi Daerah (IID)',
  giverCode: 'kemendagri',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'nilai 0–100',
  versions: [
    {
      version: '1',
      title: 'Sangat Inovatif / Inovatif / Kurang Inovatif / Tidak Dapat Dinilai',
      validFromYear: null,
      validToYear: null,
      legalBasis: 'BSKDN Kemendagri, Sosialisasi Pengukuran Indeks Inovasi Daerah Tahun 2023',
      source:
        'id.scribd.com/document/654130239 (PPT Sosialisasi IID 2023, BSKDN); smpantura.news (2024); rubrics.md §6',
      precision: 0.01,
      notes: [
        'Nilai 0 = Tidak Dapat Dinilai (disclaimer), pita satu titik [0, 0].',
        'Inovatif 35,00–60,00 termasuk 60; Sangat Inovatif mulai 60,01 (">60").',
      ],
      bands: [
        band('SANGAT_INOVATIF', 'Sangat Inovatif', '[60.01, 100]'),
        band('INOVATIF', 'Inovatif', '[35, 60]'),
        band('KURANG_INOVATIF', 'Kurang Inovatif', '[0.01, 34.99]'),
        band('TIDAK_DAPAT_DINILAI', 'Tidak Dapat Dinilai', '[0, 0]', { aliases: ['disclaimer'] }),
      ],
    },
  ],
};

/** §7a. */
const sistemMerit: Scale = {
  id: 'sistem-merit',
  name: 'Penilaian Penerapan Sistem Merit (KASN)',
  giverCode: 'kasn',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'poin 100–400',
  versions: [
    {
      version: '1',
      title: 'Kategori I–IV (KASN)',
      validFromYear: null,
      // KASN was dissolved at the end of 2024 (awarding-bodies.ts); its successor's maturity
      // model is UNCONFIRMED, so later years have no version rather than a wrong one.
      validToYear: 2024,
      legalBasis: 'Peraturan KASN No. 9 Tahun 2019 (penilaian mandiri)',
      source:
        'sultra.wahananews.co (Ketua KASN Agus Pramusinto, Feb 2024); kasn.go.id (Pinrang 257,5; Jabar 375,5/392); rubrics.md §7a',
      precision: 1,
      notes: [
        'Batas ditulis bilangan bulat (174 | 175); nilai berlangkah 0,5 di antaranya (174,5) masuk kategori bawah, karena kategori atas dimulai di 175.',
        'KASN dibubarkan (UU ASN baru); penilaian pindah ke KemenPANRB dengan model kematangan yang belum terkonfirmasi: tidak ada versi setelah 2024.',
      ],
      bands: [
        band('IV', 'Sangat Baik', '[325, 400]', { name: 'Kategori IV' }),
        band('III', 'Baik', '[250, 324]', { name: 'Kategori III' }),
        band('II', 'Kurang', '[175, 249]', { name: 'Kategori II' }),
        band('I', 'Buruk', '[100, 174]', { name: 'Kategori I' }),
      ],
    },
  ],
};

/** §7e. */
const kip: Scale = {
  id: 'kip',
  name: 'Monitoring dan Evaluasi Keterbukaan Informasi Publik (Komisi Informasi)',
  giverCode: 'ki-pusat',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'nilai 0–100',
  versions: [
    {
      version: '1',
      title: 'Informatif … Tidak Informatif',
      validFromYear: null,
      validToYear: null,
      legalBasis: 'Belum dirujuk pada sumber; pernyataan Komisioner KI Pusat (tabel sama 2018 dan 2021)',
      source:
        'antaranews.com/berita/2480185 (2021); republika.co.id/berita/r1jbky487; mandalika.antaranews.com/berita/765254 (2018); rubrics.md §7e',
      precision: 0.01,
      notes: [
        // The press writes "80–89,9" and "kurang dari 39,9": one decimal, which literally leaves
        // 39.9–40 (and 89.9–90) uncovered. The lower edges 90/80/60/40 are the stated
        // thresholds, so each band runs up to the next threshold: we write 39.99 at two decimals.
        'Sumber menulis "80–89,9" dan "kurang dari 39,9" (satu desimal), yang menyisakan celah 39,9–40. Ambang bawah (90, 80, 60, 40) adalah yang dinyatakan; setiap kategori berlaku sampai ambang berikutnya (ditulis 39,99 dst. pada dua desimal).',
      ],
      bands: [
        band('INFORMATIF', 'Informatif', '[90, 100]'),
        band('MENUJU_INFORMATIF', 'Menuju Informatif', '[80, 89.99]'),
        band('CUKUP_INFORMATIF', 'Cukup Informatif', '[60, 79.99]'),
        band('KURANG_INFORMATIF', 'Kurang Informatif', '[40, 59.99]'),
        band('TIDAK_INFORMATIF', 'Tidak Informatif', '[0, 39.99]'),
      ],
    },
  ],
};

/** §7f. */
const ikm: Scale = {
  id: 'ikm',
  name: 'Indeks Kepuasan Masyarakat (IKM)',
  // The survey is run by each service unit; the scale itself is KemenPANRB's.
  giverCode: 'kemenpanrb',
  kind: 'numeric',
  confidence: 'CONFIRMED',
  unit: 'nilai 25–100',
  versions: [
    {
      version: '1',
      title: 'Mutu pelayanan A–D',
      validFromYear: 2017,
      validToYear: null,
      legalBasis:
        'Peraturan Menteri PANRB No. 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat',
      source: 'dashboard.nganjukkab.go.id (dataset IKM RSD Nganjuk 2024); rubrics.md §7f',
      precision: 0.01,
      notes: ['IKM = rata-rata tertimbang unsur (skala 1–4) × 25, sehingga nilai di bawah 25 di luar skala.'],
      bands: [
        band('A', 'Sangat Baik', '[88.31, 100]', { name: 'Mutu A' }),
        band('B', 'Baik', '[76.61, 88.30]', { name: 'Mutu B' }),
        band('C', 'Kurang Baik', '[65, 76.60]', { name: 'Mutu C' }),
        band('D', 'Tidak Baik', '[25, 64.99]', { name: 'Mutu D' }),
      ],
    },
  ],
};

/** §7b. */
const spbe: Scale = {
  id: 'spbe',
  name: 'Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)',
  giverCode: 'kemenpanrb',
  kind: 'numeric',
  confidence: 'CORROBORATED',
  unit: 'indeks 0–5',
  versions: [
    {
      version: '1',
      title: 'Predikat Kurang–Memuaskan',
      validFromYear: null,
      validToYear: null,
      legalBasis: 'Peraturan Menteri PANRB No. 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE',
      source:
        'dua basis kode publik (Laravel view; set uji RAG "3,5 hingga kurang dari 4,2"); rubrics.md §7b',
      precision: 0.01,
      notes: [
        'Batas atas eksklusif ("kurang dari 4,2"); batas bawah inklusif.',
        // One code base wrote `< 5.0` for Memuaskan, which would leave the maximum ungraded.
        'Nilai 5,00 adalah Memuaskan (kode sumber menulis < 5,0, hampir pasti salah).',
      ],
      bands: [
        band('MEMUASKAN', 'Memuaskan', '[4.2, 5]'),
        band('SANGAT_BAIK', 'Sangat Baik', '[3.5, 4.2)'),
        band('BAIK', 'Baik', '[2.6, 3.5)'),
        band('CUKUP', 'Cukup', '[1.8, 2.6)'),
        band('KURANG', 'Kurang', '[0, 1.8)'),
      ],
    },
  ],
};

export const SCALES: readonly Scale[] = [
  ombudsman,
  sakip,
  indeksRb,
  kla,
  bpkOpini,
  iid,
  sistemMerit,
  kip,
  ikm,
  spbe,
];

export const SCALE_IDS: readonly string[] = SCALES.map((s) => s.id);

export function findScale(id: string, catalog: readonly Scale[] = SCALES): Scale | undefined {
  return catalog.find((s) => s.id === id);
}
