import { type Kysely, PostgresAdapter, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { AwardTable, Database } from '../../db/schema.ts';

// Every award a query matches, a batch at a time in edition order (edition_year, received_on,
// id), so that no export or download holds all its rows (issue 11). A batch starts after the
// last row of the one before (keyset pagination), compared on `coalesce(received_on, NULL_KEY)`,
// which places a missing date where each database sorts NULL (first ascending on SQLite, last
// on PostgreSQL), so the order is the one a single ORDER BY gave on both. Migration 013
// indexes this expression.

export const BATCH = 1000;

const nullKey = (db: Kysely<Database>) =>
  db.getExecutor().adapter instanceof PostgresAdapter ? '9999-99-99' : '';

export async function* awardRowBatches(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, 'awards', object>,
  direction: 'asc' | 'desc',
  batch = BATCH,
): AsyncGenerator<Selectable<AwardTable>[]> {
  const missing = nullKey(db);
  const received = sql<string>`coalesce(awards.received_on, ${sql.lit(missing)})`;
  const past = direction === 'asc' ? sql.raw('>') : sql.raw('<');
  let after: { year: number; received: string; id: number } | null = null;
  for (;;) {
    const q: SelectQueryBuilder<Database, 'awards', object> = after
      ? query.where(
          sql<boolean>`(awards.edition_year, ${received}, awards.id) ${past} (${after.year}, ${after.received}, ${after.id})`,
        )
      : query;
    const rows = await q
      .selectAll('awards')
      .orderBy('awards.edition_year', direction)
      .orderBy(received, direction)
      .orderBy('awards.id', direction)
      .limit(batch)
      .execute();
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { year: last.edition_year, received: last.received_on ?? missing, id: last.id };
  }
}
