import { type Kysely, PostgresAdapter, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { AwardTable, Database } from '../../db/schema.ts';

// Every award a query matches, a batch at a time, so that no export or download holds all its
// rows (issue 11). A batch starts after the last row of the one before (keyset pagination) on
// (edition_year, date received, id), walked along an index, so each batch reads about its own
// rows: an order without an index would sort every remaining row again for every batch.
// - 'edition': oldest first, a missing date at the end of its edition year — the list's and
//   the API's order (awards/read.ts), the same on both databases, along
//   awards_region_year_received (migration 012) or awards_year_received (007).
// - 'openData': newest first, a missing date where each database sorts NULL (last descending
//   on SQLite, first on PostgreSQL), what the showcase's open data always gave, along
//   awards_open_data(_region) (migration 013).

export const BATCH = 1000;

type Order = 'edition' | 'openData';

function receivedKey(db: Kysely<Database>, order: Order) {
  if (order === 'edition')
    return {
      expr: sql<string>`coalesce(awards.received_on, cast(awards.edition_year as text) || '-12-31')`,
      of: (r: { received_on: string | null; edition_year: number }) =>
        r.received_on ?? `${r.edition_year}-12-31`,
    };
  const missing = db.getExecutor().adapter instanceof PostgresAdapter ? '9999-99-99' : '';
  return {
    expr: sql<string>`coalesce(awards.received_on, ${sql.lit(missing)})`,
    of: (r: { received_on: string | null }) => r.received_on ?? missing,
  };
}

export async function* awardRowBatches(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, 'awards', object>,
  order: Order,
  batch = BATCH,
): AsyncGenerator<Selectable<AwardTable>[]> {
  const received = receivedKey(db, order);
  const direction = order === 'edition' ? 'asc' : 'desc';
  const past = order === 'edition' ? sql.raw('>') : sql.raw('<');
  let after: { year: number; received: string; id: number } | null = null;
  for (;;) {
    // The year on its own as well: under PostgreSQL's row-level security (the worker reads as
    // prestasi_app) a condition with a function that is not leakproof (the date's coalesce and
    // cast) may not be an index condition, so the row comparison alone became a filter over
    // every earlier row of the region — 49,000 rows removed to read batch 50 of 100 (44 ms a
    // batch against 4 ms without RLS), growing with every batch. A plain comparison of the year
    // is one: the walk starts at the key's year and filters at most that year's earlier rows.
    const q: SelectQueryBuilder<Database, 'awards', object> = after
      ? query
          .where('awards.edition_year', order === 'edition' ? '>=' : '<=', after.year)
          .where(
            sql<boolean>`(awards.edition_year, ${received.expr}, awards.id) ${past} (${after.year}, ${after.received}, ${after.id})`,
          )
      : query;
    const rows = await q
      .selectAll('awards')
      .orderBy('awards.edition_year', direction)
      .orderBy(received.expr, direction)
      .orderBy('awards.id', direction)
      .limit(batch)
      .execute();
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { year: last.edition_year, received: received.of(last), id: last.id };
  }
}
