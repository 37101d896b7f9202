import { type Kysely, sql } from 'kysely';

// Issue 11, growth: indexes for the public pages, measured on a 100,000-award database built
// by test/support/bulk-awards.ts (EXPLAIN QUERY PLAN before and after). Public pages count and
// list one region's verified public awards (state, is_public and region_id); with these the
// counts read an index alone and the lists read a page of entries in order.
// - awards_region_year_list: one region's public awards by year, newest first within the
//   year. Serves the count since the founding on the home page (it read every award's row:
//   0.5 s at 100,000 under load), the counts by year (timeline, /data), the list filtered by
//   year (a page of 20 in order) and the years that have awards (list filter options).
//   received_on at the end makes the counts index-only.
// - awards_region_public_received: the region's newest public awards (home's "terbaru", the
//   unfiltered list): equality on three columns, then the order, so a page is a few entries.
//   Without it the planner took awards_recap_cover and sorted the region's every award.
// - awards_year_public: the same counts over every region (a scope without a region), which
//   the two above cannot serve.
// - awards_year_highlight: a year's highlights, level by level, in the order they are picked
//   (recap/highlights.ts): three entries per level instead of a sort of the year's awards at
//   that level, once per year on the timeline. It replaces awards_year_public_level.
// - awards_giver_public: which givers have public awards in the region (the list's filter
//   options, one EXISTS probe per giver). It replaces awards_giver_state, adding the region:
//   without it the probe took awards_region_year_list and read the region's every award per
//   giver (5 s at 100,000).
// The coalesce expressions must stay identical to SORT_EXPRESSIONS.receivedOn in awards/read.ts
// and to highlightRows in recap/highlights.ts. Titles are at most 300 characters, well inside
// PostgreSQL's limit for an index entry.
const RECEIVED_SORT = sql.raw(`(coalesce(received_on, cast(edition_year as text) || '-12-31'))`);

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index awards_region_year_list on awards (region_id, state, is_public, edition_year, ${RECEIVED_SORT}, id, received_on)`.execute(
    db,
  );
  await sql`create index awards_region_public_received on awards (region_id, state, is_public, ${RECEIVED_SORT}, id)`.execute(
    db,
  );
  await db.schema
    .createIndex('awards_year_public')
    .on('awards')
    .columns(['edition_year', 'state', 'is_public', 'received_on', 'field_id'])
    .execute();
  await sql`create index awards_year_highlight on awards (region_id, edition_year, state, is_public, level, (coalesce(rank_position, 99)), (coalesce(score, -1)) desc, title, id)`.execute(
    db,
  );
  await db.schema.dropIndex('awards_year_public_level').execute();
  await db.schema
    .createIndex('awards_giver_public')
    .on('awards')
    .columns(['awarding_body_id', 'state', 'is_public', 'region_id'])
    .execute();
  await db.schema.dropIndex('awards_giver_state').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('awards_giver_state')
    .on('awards')
    .columns(['awarding_body_id', 'state', 'is_public'])
    .execute();
  await db.schema.dropIndex('awards_giver_public').execute();
  await db.schema
    .createIndex('awards_year_public_level')
    .on('awards')
    .columns(['edition_year', 'state', 'is_public', 'level'])
    .execute();
  for (const name of [
    'awards_year_highlight',
    'awards_year_public',
    'awards_region_public_received',
    'awards_region_year_list',
  ])
    await db.schema.dropIndex(name).execute();
}
