import { type Kysely, sql } from 'kysely';

// Issue 11, import speed: every index on `awards` is written by every insert, and `awards`
// carried 19 on SQLite. Three no query needs since the region-scoped indexes came (checked by
// planning every statement on `awards` that the recap, showcase, pages, API, awards, intake
// and scales tests and the growth bench prepare, with and without these three):
// - awards_year_state_field (edition_year, state, field_id; 002): a region's recap by field
//   took it and then read every region's awards of that year; without it the same statements
//   read awards_recap_cover (region_id, state, edition_year, …), covering, within the region.
//   The national recap by field reads awards_year_public (edition_year, state, …, field_id),
//   covering as well.
// - awards_received_sort (the received order over every region; 005): only a bare count(*) or
//   id scan chose it, as the narrowest index; every list reads a region-scoped order
//   (awards_region_received, awards_region_public_received, …) or the national public ones
//   (awards_open_data, awards_year_received).
// - awards_unit_path (unit_path; 001): no statement chose it; unit filters run within a region
//   through awards_unit_public_latest and awards_recap_cover, which start with region_id.
// The same three on PostgreSQL, where the same statements run.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

const DROPPED = ['awards_year_state_field', 'awards_received_sort', 'awards_unit_path'];

export async function up(db: AnyDb): Promise<void> {
  for (const name of DROPPED) await db.schema.dropIndex(name).ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.createIndex('awards_unit_path').on('awards').column('unit_path').execute();
  await db.schema
    .createIndex('awards_year_state_field')
    .on('awards')
    .columns(['edition_year', 'state', 'field_id'])
    .execute();
  await sql`create index awards_received_sort on awards ((coalesce(received_on, cast(edition_year as text) || '-12-31')), id)`.execute(
    db,
  );
}
