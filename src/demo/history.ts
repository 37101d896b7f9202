// Sample records ("data contoh") that give the demo a history since 1993 consistent with what
// the seed reports say about Kota Tangerang: 239 awards from 1993 to 2022, 48 of them in 2022,
// 87 in 2025. The reports name only a few of those awards; the rest are generated here from the
// shipped fields, givers and grading scales — deterministically (a fixed seed), and marked as
// samples in the title and the description, so nobody mistakes them for the real record.

import { SCALES } from '../domain/grading/catalog.ts';
import type { Scale } from '../domain/grading/types.ts';
import { seededRandom } from '../domain/random.ts';
import { AWARDING_BODIES } from '../reference/awarding-bodies.ts';
import type { DemoAward } from './awards.ts';

export const FOUNDED_YEAR = 1993;

/** Verified awards per edition year that the demo shows (real seed events plus samples). */
export const YEAR_TOTALS: Readonly<Record<number, number>> = (() => {
  // 1993–2021 share 239 − 48 = 191 awards, growing with the city: weight (year − 1992)^1.1,
  // rounded by largest remainder so the sum is exact.
  const years = Array.from({ length: 2021 - FOUNDED_YEAR + 1 }, (_, i) => FOUNDED_YEAR + i);
  const weights = years.map((y) => (y - FOUNDED_YEAR + 1) ** 1.1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * 191);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const short = 191 - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < short; k++) counts[order[k]![1]]! += 1;
  const totals: Record<number, number> = {};
  years.forEach((y, i) => {
    totals[y] = counts[i]!;
  });
  return { ...totals, 2022: 48, 2023: 61, 2024: 72, 2025: 87 };
})();

/** What a field's awards look like: who gives them, for what, to which unit. */
interface FieldPlan {
  field: string;
  givers: string[];
  programmes: string[];
  units: string[];
}

const PLANS: FieldPlan[] = [
  {
    field: 'kesehatan',
    givers: ['kemenkes', 'bkkbn', 'pemprov-banten'],
    programmes: [
      'Kota Sehat (Swasti Saba)',
      'Puskesmas Berprestasi',
      'Kota Bebas Frambusia',
      'Imunisasi Lengkap',
    ],
    units: ['dinkes', 'pkm-neglasari', 'pkm-pasar-baru', 'rsud'],
  },
  {
    field: 'kepegawaian',
    givers: ['bkn', 'kasn'],
    programmes: ['BKN Award', 'Penerapan Sistem Merit', 'Pengelolaan Kinerja ASN'],
    units: ['bkpsdm'],
  },
  {
    field: 'keuangan',
    givers: ['bpk', 'kemenkeu', 'kemendagri'],
    programmes: ['Opini atas Laporan Keuangan', 'Pengelolaan Keuangan Daerah Terbaik', 'Penyerapan Anggaran'],
    units: ['bpkad'],
  },
  {
    field: 'pelayanan-publik',
    givers: ['kemenpanrb', 'ombudsman'],
    programmes: ['Kepatuhan Standar Pelayanan Publik', 'Zona Integritas WBK', 'Top Pelayanan Publik'],
    units: ['dpmptsp', 'disdukcapil', 'pemkot'],
  },
  {
    field: 'tata-kelola',
    givers: ['kemendagri', 'kemenpanrb', 'presiden'],
    programmes: [
      'Evaluasi Kinerja Penyelenggaraan Pemerintahan Daerah',
      'Akuntabilitas Kinerja',
      'Reformasi Birokrasi',
    ],
    units: ['pemkot', 'organisasi', 'setda'],
  },
  {
    field: 'perencanaan',
    givers: ['bappenas', 'kemendagri'],
    programmes: ['Penghargaan Pembangunan Daerah', 'Perencanaan Pembangunan Terbaik'],
    units: ['bappeda'],
  },
  {
    field: 'inovasi',
    givers: ['kemendagri', 'kemenpanrb'],
    programmes: ['Innovative Government Award', 'Kompetisi Inovasi Pelayanan Publik'],
    units: ['bappeda', 'pemkot'],
  },
  {
    field: 'kominfo',
    givers: ['kominfo', 'komdigi', 'ki-banten'],
    programmes: ['Keterbukaan Informasi Publik', 'Smart City', 'Sistem Pemerintahan Berbasis Elektronik'],
    units: ['diskominfo'],
  },
  {
    field: 'sosial',
    givers: ['kemenpppa', 'pemprov-banten'],
    programmes: ['Kota Layak Anak', 'Pengarusutamaan Gender'],
    units: ['dp3ap2kb', 'dinsos'],
  },
  {
    field: 'lingkungan',
    givers: ['klhk', 'klh'],
    programmes: ['Adipura', 'Program Kampung Iklim', 'Adiwiyata'],
    units: ['dlh'],
  },
  {
    field: 'pemuda-olahraga',
    givers: ['kemenpora', 'pemprov-banten'],
    programmes: ['Pekan Olahraga Provinsi', 'Kota Peduli Olahraga', 'Pemuda Pelopor'],
    units: ['dispora'],
  },
  {
    field: 'kependudukan',
    givers: ['kemendagri', 'bkkbn'],
    programmes: ['Pelayanan Administrasi Kependudukan', 'Kampung KB'],
    units: ['disdukcapil', 'dp3ap2kb'],
  },
  {
    field: 'infrastruktur',
    givers: ['kemenhub', 'pemprov-banten'],
    programmes: ['Wahana Tata Nugraha', 'Kinerja Jalan Daerah'],
    units: ['pupr'],
  },
  {
    field: 'hukum-ham',
    givers: ['kemenkumham', 'kemenkum'],
    programmes: ['Kota Peduli HAM', 'Pembinaan Jaringan Dokumentasi Hukum'],
    units: ['hukum'],
  },
];

const RANKS: [string, number | null][] = [
  ['Juara I', 1],
  ['Juara II', 2],
  ['Juara III', 3],
  ['Terbaik I', 1],
  ['Terbaik II', 2],
  ['Harapan I', 4],
  ['Penghargaan', null],
];

const giverByCode = new Map(AWARDING_BODIES.map((g) => [g.code, g]));

/** The giver existed under this name on the date (Kominfo until 20 October 2024, Komdigi after). */
function giverOn(code: string, date: string): boolean {
  const g = giverByCode.get(code);
  if (!g) return false;
  if (g.validFrom && g.validFrom > date) return false;
  if (g.validTo && g.validTo < date) return false;
  // Banten (and its provincial offices) exists from 2000; before, Tangerang was in Jawa Barat.
  if ((code === 'pemprov-banten' || code === 'ki-banten') && date < '2001') return false;
  return true;
}

/** A scale of this giver with a version in force for the year, for a graded sample. */
function scaleFor(giver: string, year: number): { scale: Scale; lower: number; upper: number } | null {
  for (const scale of SCALES) {
    if (scale.giverCode !== giver || scale.kind !== 'numeric') continue;
    const v = scale.versions.find(
      (x) => (x.validFromYear ?? -Infinity) <= year && year <= (x.validToYear ?? Infinity),
    );
    if (!v?.bands.length) continue;
    const lower = Math.min(...v.bands.map((b) => b.lower));
    const upper = Math.max(...v.bands.map((b) => b.upper));
    return { scale, lower, upper };
  }
  return null;
}

export const SAMPLE_MARK = '(data contoh)';
const SAMPLE_NOTE =
  'Data contoh untuk demo, dibuat otomatis dari daftar bidang, pemberi dan skala penilaian: bukan penghargaan nyata.';

/**
 * Verified sample awards that, with the real verified demo awards (`real` per year), make the
 * totals of YEAR_TOTALS. Entered by the admin, verified by the verifikator, like imported rows.
 */
export function sampleHistory(
  real: ReadonlyMap<number, number>,
  avoidScales: ReadonlySet<string>,
): DemoAward[] {
  const next = seededRandom(1993_02_28);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out: DemoAward[] = [];
  for (const [y, total] of Object.entries(YEAR_TOTALS)) {
    const year = Number(y);
    const missing = total - (real.get(year) ?? 0);
    for (let i = 0; i < missing; i++) out.push(sampleAward(year, pick, next, avoidScales));
  }
  return out;
}

/** A few samples waiting in each state of the workflow, for the queues and the dashboard. */
export function sampleWork(avoidScales: ReadonlySet<string>): DemoAward[] {
  const next = seededRandom(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const states: DemoAward['state'][] = ['submitted', 'submitted', 'returned', 'draft', 'draft'];
  return states.map((state) => ({
    ...sampleAward(2025, pick, next, avoidScales),
    state,
    returnReason:
      state === 'returned'
        ? 'Lampirkan piagam atau SK penetapannya, dan isi tanggal penyerahan sesuai piagam.'
        : undefined,
  }));
}

/**
 * `avoidScales`: scales the real events use. A sample graded on them would join the real
 * series (Ombudsman 2023 → 2024) and change what the record says about it.
 */
function sampleAward(
  year: number,
  pick: <T>(xs: readonly T[]) => T,
  next: () => number,
  avoidScales: ReadonlySet<string>,
): DemoAward {
  const plan = pick(PLANS);
  // The founding year counts from 28 February 1993: its samples fall from March on.
  const first = year === FOUNDED_YEAR ? 3 : 1;
  const month = first + Math.floor(next() * (13 - first));
  const day = 1 + Math.floor(next() * 28);
  const receivedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const givers = plan.givers.filter((g) => giverOn(g, receivedOn));
  const giver = givers.length ? pick(givers) : 'kemendagri';
  const programme = pick(plan.programmes);
  const unit = pick(plan.units);
  const scale = next() < 0.6 ? scaleFor(giver, year) : null;
  const graded = scale && !avoidScales.has(scale.scale.id) ? scale : null;
  const result: Record<string, unknown> = {};
  if (graded) {
    // Mostly good results, as a region records the awards it received.
    const span = graded.upper - graded.lower;
    const score = graded.lower + span * (0.55 + next() * 0.45);
    result.score = Math.round(score * 100) / 100;
    result.scaleId = graded.scale.id;
  } else {
    const [rank, position] = pick(RANKS);
    result.rank = rank;
    result.rankPosition = position;
  }
  const level = giverByCode.get(giver)?.level ?? 'nasional';
  return {
    operator: 'admin',
    unit,
    report: null,
    state: 'verified',
    award: {
      title: `${result.rank && result.rank !== 'Penghargaan' ? `${result.rank} ` : ''}${programme} ${year} ${SAMPLE_MARK}`,
      programme,
      editionYear: year,
      awardingBodyCode: giver,
      level,
      fieldCode: plan.field,
      recipientKind: unit === 'pemkot' ? 'region' : 'unit',
      receivedOn,
      description: SAMPLE_NOTE,
      isPublic: true,
      ...result,
    },
  };
}
