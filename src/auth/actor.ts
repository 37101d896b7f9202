import type { Kysely } from 'kysely';
import type { Database, Role, UserRow } from '../db/schema.ts';
import { provinceIdOf } from '../domain/region-code.ts';
import type { Actor } from '../services/actor.ts';

// Who a signed-in user acts as. Apart from users.ts (creating and changing users, with their
// audit and regions), so that identifying a request loads only this.

/** The Actor for a user row, with its unit path for scope checks. */
export async function actorFor(db: Kysely<Database>, user: UserRow): Promise<Actor> {
  let unitPath: string | null = null;
  if (user.unit_id) {
    const unit = await db
      .selectFrom('org_units')
      .select('path')
      .where('id', '=', user.unit_id)
      .executeTakeFirst();
    unitPath = unit?.path ?? null;
  }
  return {
    id: user.id,
    label: user.email,
    role: user.role,
    unitId: user.unit_id,
    unitPath,
    regionId: user.region_id,
    readRegionIds: await readableRegionIds(db, user.role, user.region_id),
  };
}

/**
 * The regions a role reads: nasional every region (null); provinsi its province and the
 * province's kabupaten/kota; every other role its own region only.
 */
export async function readableRegionIds(
  db: Kysely<Database>,
  role: Role,
  regionId: number,
): Promise<number[] | null> {
  if (role === 'nasional') return null;
  if (role !== 'provinsi') return [regionId];
  const province = provinceIdOf(regionId);
  const rows = await db
    .selectFrom('regions')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', province), eb('parent_id', '=', province)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
