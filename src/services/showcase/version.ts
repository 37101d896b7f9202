import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

// A cheap fingerprint of everything a public page shows. When it changes, cached pages are
// stale. Counts catch deletions; max(updated_at) catches edits and workflow moves; evidence and
// units are included because award pages and unit pages show them.
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*) from awards)`.as('awards'),
      sql<string | null>`(select max(updated_at) from awards)`.as('awards_at'),
      sql<number>`(select count(*) from evidence)`.as('evidence'),
      sql<number | null>`(select max(id) from evidence)`.as('evidence_max'),
      sql<string | null>`(select max(updated_at) from org_units)`.as('units_at'),
      sql<number>`(select count(*) from org_units)`.as('units'),
      sql<number>`(select count(*) from fields)`.as('fields'),
      sql<string | null>`(select max(name) || max(coalesce(emblem_url, '')) from regions)`.as('region'),
    ])
    .executeTakeFirstOrThrow();
  return Object.values(row)
    .map((v) => String(v ?? ''))
    .join('|');
}

/**
 * Remembers the version for `ttlMs`, so a burst of requests costs one query a second. One
 * cache per database handle (tests run several apps in one process).
 */
export class VersionWatch {
  private value: string | null = null;
  private checkedAt = 0;
  private pending: Promise<string> | null = null;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 1000,
  ) {}

  current(now = Date.now()): Promise<string> {
    if (this.value !== null && now - this.checkedAt < this.ttlMs) return Promise.resolve(this.value);
    if (!this.pending) {
      this.pending = dataVersion(this.db)
        .then((v) => {
          this.value = v;
          this.checkedAt = Date.now();
          return v;
        })
        .finally(() => {
          this.pending = null;
        });
    }
    return this.pending;
  }
}
