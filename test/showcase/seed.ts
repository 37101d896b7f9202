// The API's zod schemas gain `.openapi()` when @hono/zod-openapi is loaded; it must come first.
import '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { AWARDING_BODIES } from '../../src/reference/awarding-bodies.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { type CreateAwardInput, createAwardSchema } from '../../src/services/awards/schemas.ts';
import { createAward } from '../../src/services/awards/write.ts';

// A showcase-sized history for tests and the page benchmark: about 340 public, verified awards
// from 1993 to 2025 (the seed reports speak of "239 penghargaan sejak 1993" and 87 in 2025),
// an Ombudsman series with scores, and a handful of records the public must never see.
// Deterministic, so page sizes and counts are stable.

const TEMPLATES: { field: string; giver: string; level: string; title: string; programme?: string }[] = [
  {
    field: 'kesehatan',
    giver: 'kemenkes',
    level: 'nasional',
    title: 'Penghargaan Kabupaten/Kota Sehat (Swasti Saba)',
  },
  { field: 'kesehatan', giver: 'kemenkes', level: 'nasional', title: 'Eliminasi Tuberkulosis Terbaik' },
  { field: 'tata-kelola', giver: 'kemendagri', level: 'nasional', title: 'SPM Awards Kategori Kota' },
  { field: 'tata-kelola', giver: 'kemenpanrb', level: 'nasional', title: 'Predikat SAKIP' },
  { field: 'kepegawaian', giver: 'bkn', level: 'nasional', title: 'BKN Award Manajemen ASN' },
  { field: 'keuangan', giver: 'kemenkeu', level: 'nasional', title: 'Opini WTP atas Laporan Keuangan' },
  { field: 'kominfo', giver: 'ki-banten', level: 'provinsi', title: 'Badan Publik Informatif' },
  { field: 'inovasi', giver: 'kemendagri', level: 'nasional', title: 'Innovative Government Award' },
  { field: 'sosial', giver: 'kemenpppa', level: 'nasional', title: 'Kota Layak Anak Kategori Nindya' },
  { field: 'hukum-ham', giver: 'kemenkumham', level: 'nasional', title: 'Kota Peduli Hak Asasi Manusia' },
  { field: 'lingkungan', giver: 'klhk', level: 'nasional', title: 'Adipura Kategori Kota Besar' },
  {
    field: 'pemuda-olahraga',
    giver: 'pemprov-banten',
    level: 'provinsi',
    title: 'Juara Umum Porprov Banten',
  },
  {
    field: 'pelayanan-publik',
    giver: 'kemenpanrb',
    level: 'nasional',
    title: 'Top Inovasi Pelayanan Publik',
  },
  { field: 'perencanaan', giver: 'bappenas', level: 'nasional', title: 'Penghargaan Pembangunan Daerah' },
  { field: 'kependudukan', giver: 'kemendagri', level: 'nasional', title: 'Dukcapil Prima' },
];

/** A body renamed before `day` (Kemenkumham, KLHK after October 2024) gives as its successor. */
function giverOn(code: string, day: string): string {
  const body = AWARDING_BODIES.find((b) => b.code === code);
  return body?.validTo && body.successor && day > body.validTo ? giverOn(body.successor, day) : code;
}

const PLACES = ['Jakarta', 'Serang', 'Bandung', 'Surabaya', 'Kota Tangerang', 'Yogyakarta'];

/** Awards per edition year: a few a year in the 1990s, rising to 87 in 2025. */
export function awardsInYear(year: number): number {
  if (year === 2025) return 87;
  if (year === 2024) return 40;
  if (year < 2010) return year % 3 === 0 ? 1 : year % 3 === 1 ? 2 : 0;
  return Math.round((year - 2008) * 1.6);
}

export const HIDDEN_TITLE = 'RAHASIA-belum-publik';

export interface SeedOptions {
  regionCode: string;
  /** Units awards are spread over (cycled). */
  unitIds: number[];
  fromYear?: number;
  toYear?: number;
}

export interface SeedResult {
  publicCount: number;
  hiddenIds: number[];
  seriesIds: number[];
}

export async function seedShowcase(db: Kysely<Database>, opts: SeedOptions): Promise<SeedResult> {
  const from = opts.fromYear ?? 1993;
  const to = opts.toYear ?? 2025;
  let n = 0;
  let publicCount = 0;
  const add = async (
    input: CreateAwardInput,
    state: 'verified' | 'draft' | 'submitted' | 'returned' = 'verified',
  ) => {
    const row = await createAward(db, SYSTEM_ACTOR, createAwardSchema.parse(input), {
      state,
      verified_at: state === 'verified' ? new Date().toISOString() : null,
    });
    if (state === 'verified' && input.isPublic !== false) publicCount++;
    return row.id;
  };
  for (let year = from; year <= to; year++) {
    const count = awardsInYear(year);
    for (let i = 0; i < count; i++) {
      const t = TEMPLATES[(n * 7 + year) % TEMPLATES.length];
      const month = 1 + ((n * 5) % 12);
      const day = 1 + ((n * 11) % 28);
      const receivedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      await add({
        title: `${t.title} ${year}`,
        programme: t.programme ?? null,
        editionYear: year,
        awardingBodyCode: giverOn(t.giver, receivedOn),
        level: t.level as CreateAwardInput['level'],
        fieldCode: t.field,
        recipientKind: n % 4 === 0 ? 'region' : 'unit',
        unitId: opts.unitIds[n % opts.unitIds.length],
        receivedOn,
        place: PLACES[n % PLACES.length],
        rank: n % 5 === 0 ? 'Juara 1' : n % 5 === 1 ? 'Peringkat II' : null,
        rankPosition: n % 5 === 0 ? 1 : n % 5 === 1 ? 2 : null,
        category: n % 3 === 0 ? 'Kategori Kota' : null,
      });
      n++;
    }
  }
  // The Ombudsman series the reports quote: 93.21 → 94.76, graded by the scale in force.
  const seriesIds: number[] = [];
  for (const [year, score] of [
    [2022, 88.4],
    [2023, 93.21],
    [2024, 94.76],
  ] as const) {
    seriesIds.push(
      await add({
        title: `Penilaian Kepatuhan Pelayanan Publik ${year}`,
        programme: 'Penilaian Kepatuhan Penyelenggaraan Pelayanan Publik',
        editionYear: year,
        awardingBodyCode: 'ombudsman',
        level: 'nasional',
        fieldCode: 'pelayanan-publik',
        recipientKind: 'region',
        unitId: opts.unitIds[0],
        score,
        scaleId: 'ombudsman-kepatuhan',
        receivedOn: `${year + 1}-01-${year === 2024 ? '30' : '15'}`,
        place: 'Jakarta',
        seriesKey: 'ombudsman-kepatuhan/kota',
      }),
    );
  }
  // What the public must never see: every state short of verified, and a verified private one.
  const hidden = (state: 'verified' | 'draft' | 'submitted' | 'returned', isPublic = true) =>
    add(
      {
        title: `${HIDDEN_TITLE} ${state}${isPublic ? '' : ' privat'}`,
        editionYear: to,
        awardingBodyCode: 'kemenkes',
        level: 'nasional',
        fieldCode: 'kesehatan',
        recipientKind: 'unit',
        unitId: opts.unitIds[opts.unitIds.length - 1],
        receivedOn: `${to}-12-01`,
        isPublic,
      },
      state,
    );
  const hiddenIds = [
    await hidden('draft'),
    await hidden('submitted'),
    await hidden('returned'),
    await hidden('verified', false),
  ];
  return { publicCount, hiddenIds, seriesIds };
}
