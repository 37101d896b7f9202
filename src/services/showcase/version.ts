import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

// A cheap fingerprint of everything a public page shows. When it changes, cached pages are
// stale. Every read is one index entry, so it costs the same at any table size: every change a
// user makes is audited in the same transaction (so the newest audit event id moves on edits,
// workflow moves, deletions and renames of units, fields and givers); max(updated_at) and the
// newest ids also catch rows written without an audit event (bulk loads, reference data).
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      // Tenant tables through the builder, so a region-scoped handle scopes them too.
      eb
        .selectFrom('audit_events')
        .select((s) => s.fn.max('id').as('v'))
        .as('audit'),
      eb
        .selectFrom('awards')
        .select((s) => s.fn.max('id').as('v'))
        .as('awards'),
      eb
        .selectFrom('awards')
        .select((s) => s.fn.max('updated_at').as('v'))
        .as('awards_at'),
      eb
        .selectFrom('evidence')
        .select((s) => s.fn.max('id').as('v'))
        .as('evidence'),
      eb
        .selectFrom('org_units')
        .select((s) => s.fn.max('updated_at').as('v'))
        .as('units_at'),
      eb
        .selectFrom('org_units')
        .select((s) => s.fn.max('id').as('v'))
        .as('units'),
      sql<number | null>`(select max(id) from fields)`.as('fields'),
      sql<string | null>`(select max(name) || max(coalesce(emblem_url, '')) from regions)`.as('region'),
      // A region added or removed changes the root (one region's showcase, or the index of many).
      sql<number>`(select count(*) from regions)`.as('regions'),
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

  /** The remembered version while it is fresh, else null (the caller then asks current()). */
  peek(now = Date.now()): string | null {
    return this.value !== null && now - this.checkedAt < this.ttlMs ? this.value : null;
  }

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
