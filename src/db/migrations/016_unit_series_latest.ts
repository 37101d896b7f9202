import { type Kysely, sql } from 'kysely';

// Issue 11, growth: a unit page's running series (the MAX_SERIES most recently active) grouped
// every award of the unit's subtree by series key, one index entry per award (122 ms at 1M
// awards, ×5.3 of 10k).
// - awards_unit_series_latest lists a unit's awards newest year first and, within a year, by
//   series key, so the page walks them in the order it shows series and stops once it has
//   enough (src/services/recap/series-walk.ts, latestSeriesKeys). Same leading columns as
//   awards_unit_public_latest (migration 012) for the public's view of one unit.
// - awards_series_scope replaces awards_series (series_key alone): a series' awards read with
//   the recap's region and visibility terms. With series_key alone SQLite (no statistics) took
//   a region index for those terms and read every award of the region to find a dozen series
//   (260 ms at 100k awards); with the terms in the index, more of them equalities than any
//   other index offers, it reads the series' rows. Region first, so a region's series are also
//   listed in key order (a page of GET /api/v1/series).
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index awards_unit_series_latest on awards (region_id, unit_path, state, is_public, edition_year desc, series_key)`.execute(
    db,
  );
  await db.schema
    .createIndex('awards_series_scope')
    .on('awards')
    .columns(['region_id', 'series_key', 'state', 'is_public', 'edition_year', 'unit_path'])
    .execute();
  await db.schema.dropIndex('awards_series').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('awards_series').on('awards').column('series_key').execute();
  await db.schema.dropIndex('awards_series_scope').execute();
  await db.schema.dropIndex('awards_unit_series_latest').execute();
}
