import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { regionIdOf } from '../../domain/region-code.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { importKey } from './context.ts';
import type { ReadyRow, TeamMember } from './rows.ts';

// The bulk path: awards, team members and one audit event per award, inserted in batches
// inside one transaction. `createAward` does the same per record; this avoids one
// transaction and five round trips per row, which PostgreSQL would pay 10,000 times.

/**
 * Rows per INSERT. SQLite binds every value (~45 columns × 500 stays below its 32,766
 * parameters); PostgreSQL gets one array per column (unnest, below), so a batch there is bound
 * only by memory, and fewer batches are fewer round trips.
 */
const BATCH = { sqlite: 500, postgres: 2500 };
/** Keys per look-up of existing rows: below SQLite's parameter limit, one query per 5,000 rows. */
const KEYS_PER_LOOKUP = 5000;

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter;

export interface WriteInput {
  fileName: string;
  sha256: string;
  rowsTotal: number;
  skipped: number;
  state: 'draft' | 'verified';
  regionId: number;
  items: { row: ReadyRow; team: TeamMember[] }[];
  now: string;
  onProgress?: (done: number) => void;
}

export async function writeAwards(db: Kysely<Database>, actor: Actor, w: WriteInput): Promise<number> {
  return inTransaction(db, async (trx) => {
    const batch = await trx
      .insertInto('import_batches')
      .values({
        region_id: w.regionId,
        file_name: w.fileName,
        sha256: w.sha256,
        rows_total: w.rowsTotal,
        rows_created: w.items.length,
        rows_skipped: w.skipped,
        created_by: actor.id,
        created_at: w.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      entityType: 'import_batch',
      entityId: batch.id,
      action: 'create',
      after: {
        fileName: w.fileName,
        sha256: w.sha256,
        rows: w.rowsTotal,
        created: w.items.length,
        skipped: w.skipped,
      },
      regionId: w.regionId,
    });
    const verified = w.state === 'verified';
    const reason = `Impor berkas "${w.fileName}" (batch #${batch.id})`;
    // The same bookkeeping for every row, set on each row's own values object (built for this
    // import by convertRow) instead of copying its ~45 values into a new one.
    const bookkeeping = {
      state: w.state,
      return_reason: null,
      version: 1,
      created_by: actor.id,
      updated_by: actor.id,
      submitted_at: verified ? w.now : null,
      verified_at: verified ? w.now : null,
      verified_by: verified ? actor.id : null,
      created_at: w.now,
      updated_at: w.now,
    };
    const size = isPostgres(trx) ? BATCH.postgres : BATCH.sqlite;
    for (let start = 0; start < w.items.length; start += size) {
      const chunk = w.items.slice(start, start + size);
      const rows = chunk.map(({ row }) => Object.assign(row.values, bookkeeping, { import_key: row.key }));
      const inserted = await bulkInsert<{ id: number; import_key: string }>(
        trx,
        'awards',
        rows,
        'id, import_key',
      );
      // RETURNING order is not promised by SQL; match rows back through their unique key.
      const idByKey = new Map(inserted.map((a) => [a.import_key, a.id]));
      const members = chunk.flatMap(({ row, team }) =>
        team.map((m, position) => ({
          region_id: w.regionId,
          award_id: idByKey.get(row.key)!,
          unit_id: m.unitId,
          person_name: m.personName,
          role: m.role,
          position,
        })),
      );
      if (members.length) await trx.insertInto('award_team_members').values(members).execute();
      await bulkInsert(
        trx,
        'audit_events',
        rows.map((r) => {
          // The audit's "after" is the stored row: what was inserted plus its new id.
          const id = idByKey.get(r.import_key)!;
          return {
            region_id: w.regionId,
            at: w.now,
            actor_id: actor.id,
            actor_label: actor.label,
            entity_type: 'award',
            entity_id: String(id),
            action: 'import',
            before_json: null,
            // {"id":…,…the row}: the same text as stringifying { id, ...r } without the copy.
            after_json: `{"id":${id},${JSON.stringify(r).slice(1)}`,
            reason,
          };
        }),
      );
      w.onProgress?.(Math.min(start + size, w.items.length));
    }
    return batch.id;
  });
}

/**
 * One multi-row INSERT compiled by hand: Kysely's builder makes an expression node per value,
 * which for 10,000 rows × 45 columns costs more than the database work. Column names come
 * from our own objects, never from the file; every value is a bound parameter.
 */
async function bulkInsert<R = unknown>(
  db: Kysely<Database>,
  table: 'awards' | 'audit_events',
  rows: Record<string, unknown>[],
  returning?: string,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const tail = returning ? ` returning ${returning}` : '';
  if (isPostgres(db)) {
    // One array per column through unnest(): 45 parameters a batch instead of 22,500, which
    // PostgreSQL parses and binds far faster.
    const arrays = columns.map((c) => rows.map((r) => r[c] ?? null));
    const casts = columns.map((c, i) => `$${i + 1}::${PG_ARRAY_TYPE[c] ?? 'text'}[]`).join(', ');
    const text = `insert into ${table} (${columns.join(', ')}) select * from unnest(${casts})${tail}`;
    return (await db.executeQuery<R>(CompiledQuery.raw(text, arrays))).rows;
  }
  const params: unknown[] = new Array(rows.length * columns.length);
  let p = 0;
  for (const row of rows) for (const c of columns) params[p++] = row[c];
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const text = `insert into ${table} (${columns.join(', ')}) values ${new Array(rows.length).fill(tuple).join(',')}${tail}`;
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/** Column types for unnest() on PostgreSQL; every other column is text. */
const PG_ARRAY_TYPE: Record<string, string> = {
  region_id: 'int8',
  edition_year: 'int',
  awarding_body_id: 'int8',
  field_id: 'int8',
  unit_id: 'int8',
  rank_position: 'int',
  score: 'float8',
  is_public: 'int',
  version: 'int',
  created_by: 'int8',
  updated_by: 'int8',
  verified_by: 'int8',
  actor_id: 'int8',
};

/**
 * Keys of the given rows that are already in the database: imported before (same
 * `import_key`), or entered by hand or from the news with the same title, year, giver,
 * unit and date.
 */
export async function existingKeys(
  db: Kysely<Database>,
  regionCode: string,
  rows: ReadyRow[],
): Promise<Set<string>> {
  const present = new Set<string>();
  if (rows.length === 0) return present;
  const keys = rows.map((r) => r.key);
  const regionId = regionIdOf(regionCode);
  for (let i = 0; i < keys.length; i += KEYS_PER_LOOKUP) {
    // The key is unique per region (region_id, import_key): without the region the look-up
    // scanned that index over every region's awards.
    const found = await db
      .selectFrom('awards')
      .select('import_key')
      .where('region_id', '=', regionId)
      .where('import_key', 'in', keys.slice(i, i + KEYS_PER_LOOKUP))
      .execute();
    for (const f of found) if (f.import_key) present.add(f.import_key);
  }
  const years = [...new Set(rows.map((r) => r.values.edition_year))];
  const manual = await db
    .selectFrom('awards')
    .select(['title', 'edition_year', 'awarding_body_id', 'awarding_body_text', 'unit_id', 'received_on'])
    .where('region_id', '=', regionId)
    .where('import_key', 'is', null)
    .where('edition_year', 'in', years)
    .execute();
  for (const a of manual)
    present.add(
      importKey({
        regionCode,
        title: a.title,
        year: a.edition_year,
        giver: a.awarding_body_id ?? a.awarding_body_text,
        unitId: a.unit_id,
        date: a.received_on,
      }),
    );
  return present;
}
