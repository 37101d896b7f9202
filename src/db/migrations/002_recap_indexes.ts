import type { Kysely } from 'kysely';

// Indexes the national benchmark showed were missing: a region's unit list (org_units had
// only path/parent indexes, so listing one region's 40 units scanned all 22,000), and the
// national recap for one year, which groups one year's verified awards by field or giver.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('org_units_region').on('org_units').column('region_code').execute();
  await db.schema
    .createIndex('awards_year_state_field')
    .on('awards')
    .columns(['edition_year', 'state', 'field_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('awards_year_state_field').execute();
  await db.schema.dropIndex('org_units_region').execute();
}
