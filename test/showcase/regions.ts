import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { type CreateAwardInput, createAwardSchema } from '../../src/services/awards/schemas.ts';
import { createAward } from '../../src/services/awards/write.ts';
import { createRegion, createUnit } from '../../src/services/units.ts';

// Several regions side by side, for the per-region showcase and the comparison pages:
//   36.71 Kota Tangerang (from createTestApp): 3 singles + BPK WTP 2021–2025 (a 5-year streak),
//         plus records the public must not see;
//   36.74 Kota Tangerang Selatan: one provincial award, first place (score 2 × 3 = 6);
//   36.03 Kabupaten Tangerang: one international award (score 5) and one of 2010;
//   36.02 Kabupaten Lebak: only a draft — not reported;
//   36    Provinsi Banten: one national award;
//   32.73 Kota Bandung (another province): one award of 2010 only, so it has reported but has
//         nothing in 2021–2025: zero, not "not reported".

export const KOTA_ONLY = 'Hanya-Kota-Tangerang';
export const KAB_ONLY = 'Hanya-Kabupaten-Tangerang';
export const HIDDEN = 'Rahasia-draf-wilayah';

export interface RegionsSeed {
  kotaUnit: number;
  kabUnit: number;
  kotaAwardId: number;
  kabAwardId: number;
  hiddenIds: number[];
}

async function rootUnit(
  db: Kysely<Database>,
  code: string,
  name: string,
  kind: 'kota' | 'kabupaten' | 'provinsi',
) {
  await createRegion(db, SYSTEM_ACTOR, { code, name, kind, foundedOn: null });
  return (
    await createUnit(db, SYSTEM_ACTOR, { regionCode: code, name: `Pemerintah ${name}`, unitType: 'PEMDA' })
  ).id;
}

export async function seedRegions(db: Kysely<Database>, kotaUnit: number): Promise<RegionsSeed> {
  const kabUnit = await rootUnit(db, '36.03', 'Kabupaten Tangerang', 'kabupaten');
  const lebak = await rootUnit(db, '36.02', 'Kabupaten Lebak', 'kabupaten');
  const tangsel = await rootUnit(db, '36.74', 'Kota Tangerang Selatan', 'kota');
  const banten = await rootUnit(db, '36', 'Provinsi Banten', 'provinsi');
  const bandung = await rootUnit(db, '32.73', 'Kota Bandung', 'kota');

  const add = async (
    unitId: number,
    input: Partial<CreateAwardInput> & { title: string; editionYear: number },
    state: 'verified' | 'draft' = 'verified',
  ) =>
    (
      await createAward(
        db,
        SYSTEM_ACTOR,
        createAwardSchema.parse({
          awardingBodyCode: 'kemendagri',
          level: 'nasional',
          fieldCode: 'tata-kelola',
          recipientKind: 'unit',
          unitId,
          ...input,
        }),
        { state },
      )
    ).id;

  const kotaAwardId = await add(kotaUnit, { title: `${KOTA_ONLY} Inovasi 2025`, editionYear: 2025 });
  await add(kotaUnit, { title: 'Kota Sehat 2024', editionYear: 2024, level: 'nasional' });
  await add(kotaUnit, {
    title: 'Juara Lomba Provinsi 2023',
    editionYear: 2023,
    level: 'provinsi',
    rankPosition: 1,
    rank: 'Juara 1',
  });
  for (const year of [2021, 2022, 2023, 2024, 2025])
    await add(kotaUnit, {
      title: `Opini WTP LKPD ${year}`,
      programme: 'Opini BPK atas LKPD',
      editionYear: year,
      awardingBodyCode: 'bpk',
      fieldCode: 'keuangan',
      recipientKind: 'region',
      scaleId: 'bpk-opini',
      score: 4,
      statusLabel: 'WTP',
      seriesKey: 'bpk-opini/36.71',
    });
  const hiddenIds = [
    await add(kotaUnit, { title: `${HIDDEN} draf`, editionYear: 2025 }, 'draft'),
    await add(kotaUnit, { title: `${HIDDEN} privat`, editionYear: 2025, isPublic: false }),
    await add(kabUnit, { title: `${HIDDEN} kabupaten`, editionYear: 2025 }, 'draft'),
  ];

  const kabAwardId = await add(kabUnit, {
    title: `${KAB_ONLY} Internasional 2024`,
    editionYear: 2024,
    level: 'internasional',
  });
  await add(kabUnit, { title: 'Penghargaan lama 2010', editionYear: 2010 });
  await add(lebak, { title: 'Draf Lebak 2025', editionYear: 2025 }, 'draft');
  await add(tangsel, {
    title: 'Juara Provinsi Tangsel 2024',
    editionYear: 2024,
    level: 'provinsi',
    rankPosition: 1,
  });
  await add(banten, { title: 'Provinsi Terbaik 2025', editionYear: 2025 });
  await add(bandung, { title: 'Bandung 2010', editionYear: 2010 });
  return { kotaUnit, kabUnit, kotaAwardId, kabAwardId, hiddenIds };
}
