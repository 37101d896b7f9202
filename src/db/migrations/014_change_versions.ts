import type { Kysely } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 13 §6 / issue 11: the data versions that decide when cached public pages and recaps are
// stale (src/services/showcase/version.ts), read in one index entry each at any table size.
// - awards_region_updated: a region's newest award change (its own pages' version).
// - SQLite only: a region's newest audit event and evidence (max rowid within the region; on
//   PostgreSQL the primary keys (region_id, id) serve these).
// - PostgreSQL only: the deployment's newest audit event and evidence. The primary key starts
//   with region_id, so max(id) over every region scanned the whole table (860 ms at 990,000
//   awards, once a second); on SQLite the rowid serves it.
// - PostgreSQL only, for the same reason: an award or a unit by its id alone (the public award
//   page, a unit's report card, the unit names of every list) read the whole primary key:
//   ~1 s for one award at 990,000 under load, 140 ms for three units of 22,000.
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('awards_region_updated')
    .on('awards')
    .columns(['region_id', 'updated_at'])
    .execute();
  const perDialect: [string, string, string][] = isPostgres(db)
    ? [
        ['audit_events_id', 'audit_events', 'id'],
        ['evidence_id', 'evidence', 'id'],
        ['awards_id', 'awards', 'id'],
        ['org_units_id', 'org_units', 'id'],
      ]
    : [
        ['audit_events_region', 'audit_events', 'region_id'],
        ['evidence_region', 'evidence', 'region_id'],
      ];
  for (const [name, table, column] of perDialect)
    await db.schema.createIndex(name).on(table).column(column).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
export async function down(db: Kysely<any>): Promise<void> {
  const names = isPostgres(db)
    ? ['audit_events_id', 'evidence_id', 'awards_id', 'org_units_id']
    : ['audit_events_region', 'evidence_region'];
  for (const name of [...names, 'awards_region_updated']) await db.schema.dropIndex(name).execute();
}
