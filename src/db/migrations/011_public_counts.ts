import { type Kysely, sql } from 'kysely';

// Issue 11, growth (measured on a 100,000-award database built by test/support/bulk-awards.ts):
// - awards_year_public: the showcase counts over every region (PUBLIC_SCOPE has no region, so
//   awards_recap_cover, which starts with region_code, cannot serve them). "Since the founding"
//   on the home page, the timeline's counts by year and a year's counts by field read this
//   index alone instead of every award's row: the home's cumulative count went from 58 ms to
//   7 ms. It leads with the year on purpose: led by state and is_public it was taken by the
//   planner for the newest-first lists too, which then sorted every public award (80 ms)
//   instead of walking awards_received_sort / awards_year_received.
// - awards_year_highlight: a year's highlights, level by level, already in the order they are
//   picked (recap/highlights.ts), so each is a read of three index entries instead of a sort of
//   the year's awards at that level (the timeline runs one per year). It starts with the
//   columns of awards_year_public_level, which it replaces. The two coalesce expressions must
//   stay identical to highlightRows in recap/highlights.ts. Titles are at most 300 characters,
//   well inside PostgreSQL's limit for an index entry.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('awards_year_public')
    .on('awards')
    .columns(['edition_year', 'state', 'is_public', 'received_on', 'field_id'])
    .execute();
  await sql`create index awards_year_highlight on awards (edition_year, state, is_public, level, (coalesce(rank_position, 99)), (coalesce(score, -1)) desc, title, id)`.execute(
    db,
  );
  await db.schema.dropIndex('awards_year_public_level').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('awards_year_public_level')
    .on('awards')
    .columns(['edition_year', 'state', 'is_public', 'level'])
    .execute();
  await db.schema.dropIndex('awards_year_highlight').execute();
  await db.schema.dropIndex('awards_year_public').execute();
}
