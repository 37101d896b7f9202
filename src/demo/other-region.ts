import type { Kysely } from 'kysely';
import { actorFor, createUser } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { regionIdOf } from '../domain/region-code.ts';
import { SYSTEM_ACTOR } from '../services/actor.ts';
import { createAwardSchema } from '../services/awards/schemas.ts';
import { submitAward, verifyAward } from '../services/awards/workflow.ts';
import { createAward } from '../services/awards/write.ts';
import { addRegionFromGazetteer } from '../services/regions.ts';
import { createUnit, getRegion } from '../services/units.ts';
import type { DemoAccount } from './accounts.ts';

// `prestasi demo --regions 36.71,36.03`: every region besides Kota Tangerang gets a small,
// marked sample — its name from the gazetteer, a root and two OPD, an admin, a verifikator and
// an operator, and a few verified records — enough to see two tenants side by side.

const SAMPLE_NOTE = 'Contoh demo (bukan data sungguhan).';

/** Adds one sample region; answers its demo accounts (none when it already exists). */
export async function seedSampleRegion(db: Kysely<Database>, code: string): Promise<DemoAccount[]> {
  if (await getRegion(db, code)) return [];
  const region = await addRegionFromGazetteer(db, SYSTEM_ACTOR, code);
  const root = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: code,
    name: `Pemerintah ${region.name}`,
    unitType: 'PEMDA',
  });
  const dinkes = await createUnit(db, SYSTEM_ACTOR, {
    regionCode: code,
    parentId: root.id,
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    unitType: 'DINAS',
  });
  const slug = code.replace('.', '-');
  const account = (key: string, role: DemoAccount['role'], name: string, unit?: string): DemoAccount => ({
    key: `${key}-${slug}`,
    email: `${key}.${slug}@prestasi.demo`,
    name: `${name} ${region.name}`,
    role,
    unit,
    password: `demo-${key}-${slug}-2025`,
  });
  const accounts = [
    account('admin', 'admin', 'Admin'),
    account('verifikator', 'verifikator', 'Verifikator'),
    account('dinkes', 'operator', 'Operator Dinkes', 'dinkes'),
  ];
  const actors = [];
  for (const a of accounts) {
    const user = await createUser(db, {
      email: a.email,
      name: a.name,
      role: a.role,
      unitId: a.unit ? dinkes.id : null,
      password: a.password,
      regionId: regionIdOf(code),
    });
    actors.push(await actorFor(db, user));
  }
  const [admin, verifikator, operator] = actors;
  const records = [
    ...[2022, 2023, 2024].map((year) => ({
      by: admin,
      input: {
        title: 'Opini Wajar Tanpa Pengecualian (WTP)',
        programme: 'Opini atas Laporan Keuangan Pemerintah Daerah',
        editionYear: year,
        awardingBodyCode: 'bpk',
        level: 'nasional',
        fieldCode: 'keuangan',
        recipientKind: 'region',
        description: SAMPLE_NOTE,
      },
    })),
    {
      by: operator,
      input: {
        title: 'Penghargaan Kabupaten/Kota Sehat (Swasti Saba Padapa)',
        programme: 'Kabupaten/Kota Sehat',
        editionYear: 2023,
        awardingBodyCode: 'kemenkes',
        level: 'nasional',
        fieldCode: 'kesehatan',
        recipientKind: 'unit',
        unitId: dinkes.id,
        description: SAMPLE_NOTE,
      },
    },
  ];
  for (const r of records) {
    const award = await createAward(db, r.by, createAwardSchema.parse(r.input));
    await submitAward(db, r.by, award.id);
    await verifyAward(db, verifikator, award.id);
  }
  return accounts;
}
