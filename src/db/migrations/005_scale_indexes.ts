import { type Kysely, sql } from 'kysely';

// Indexes that keep public pages and lists flat as the table grows (issue "fast at any size"):
// - the list's default order (newest received first; undated awards at the end of their
//   year), so a page of 20 reads 20 index entries instead of sorting every award;
// - counts by year and the year's highlights, level by level;
// - which givers have public awards (one probe per giver instead of a scan);
// - the page cache's data version: max(updated_at) reads one index entry.
// The sort expression must stay identical to SORT_EXPRESSIONS.receivedOn in awards/read.ts.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index awards_received_sort on awards ((coalesce(received_on, cast(edition_year as text) || '-12-31')), id)`.execute(
    db,
  );
  await db.schema
    .createIndex('awards_year_public_level')
    .on('awards')
    .columns(['edition_year', 'state', 'is_public', 'level'])
    .execute();
  await db.schema
    .createIndex('awards_giver_state')
    .on('awards')
    .columns(['awarding_body_id', 'state', 'is_public'])
    .execute();
  await db.schema.createIndex('awards_updated_at').on('awards').column('updated_at').execute();
  await db.schema.createIndex('org_units_updated_at').on('org_units').column('updated_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'org_units_updated_at',
    'awards_updated_at',
    'awards_giver_state',
    'awards_year_public_level',
    'awards_received_sort',
  ])
    await db.schema.dropIndex(name).execute();
}
