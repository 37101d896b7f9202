import type { Kysely } from 'kysely';
import { AWARDING_BODIES } from '../reference/awarding-bodies.ts';
import { FIELDS } from '../reference/fields.ts';
import { nowIso } from './now.ts';
import type { Database } from './schema.ts';

/**
 * Loads the shipped reference data (givers, fields) into a database. Idempotent: rows that
 * exist keep the admin's edits; only missing codes are added. Runs after every migration.
 */
export async function loadReferenceData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const existing = new Set(
      (await trx.selectFrom('awarding_bodies').select('code').execute()).map((r) => r.code),
    );
    for (const b of AWARDING_BODIES) {
      if (existing.has(b.code)) continue;
      await trx
        .insertInto('awarding_bodies')
        .values({
          code: b.code,
          abbreviation: b.abbreviation,
          name: b.name,
          aliases: JSON.stringify(b.aliases),
          level: b.level,
          valid_from: b.validFrom ?? null,
          valid_to: b.validTo ?? null,
          successor_id: null,
          created_at: now,
        })
        .execute();
    }
    // Successors point at rows that may have been inserted after their predecessor.
    const ids = new Map(
      (await trx.selectFrom('awarding_bodies').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
    );
    for (const b of AWARDING_BODIES) {
      if (!b.successor || existing.has(b.code)) continue;
      await trx
        .updateTable('awarding_bodies')
        .set({ successor_id: ids.get(b.successor) ?? null })
        .where('code', '=', b.code)
        .execute();
    }

    const fieldCodes = new Set((await trx.selectFrom('fields').select('code').execute()).map((r) => r.code));
    let order = 0;
    for (const f of FIELDS) {
      order += 10;
      if (fieldCodes.has(f.code)) continue;
      await trx
        .insertInto('fields')
        .values({ code: f.code, name_id: f.nameId, name_en: f.nameEn, sort_order: order, active: 1 })
        .execute();
    }
  });
}
