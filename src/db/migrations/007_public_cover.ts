import { type Kysely, sql } from 'kysely';

// Issue 11, growth: the recap counts (a unit's rapor; the region's counts by year, field and
// series) filter on region, state, year and visibility and read only a few columns. With all
// of them in one index the counts read the index alone instead of every award's row (a unit
// page at 100,000 awards went from ~5 s to a fraction of it). It starts with the columns of
// awards_region_state_year, which it replaces. Team awards are found from the unit's side.
// A list filtered by year, newest first (the list's default order), reads its page of 20 from
// awards_year_received instead of sorting every award of the year.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('awards_recap_cover')
    .on('awards')
    .columns(['region_code', 'state', 'edition_year', 'is_public', 'field_id', 'unit_path', 'series_key'])
    .execute();
  await db.schema.dropIndex('awards_region_state_year').execute();
  await sql`create index awards_year_received on awards (edition_year, (coalesce(received_on, cast(edition_year as text) || '-12-31')), id)`.execute(
    db,
  );
  await db.schema
    .createIndex('team_unit')
    .on('award_team_members')
    .columns(['unit_id', 'award_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('team_unit').execute();
  await db.schema.dropIndex('awards_year_received').execute();
  await db.schema
    .createIndex('awards_region_state_year')
    .on('awards')
    .columns(['region_code', 'state', 'edition_year'])
    .execute();
  await db.schema.dropIndex('awards_recap_cover').execute();
}
