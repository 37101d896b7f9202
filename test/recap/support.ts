// zod-openapi must extend zod before any schema is built (src/http/api/awards.ts calls
// `.openapi()` on the awards schemas), so it is loaded first.
import '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { nowIso } from '../../src/db/now.ts';
import type { AwardState, Database, NewAward } from '../../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import type { CreateAwardInput } from '../../src/services/awards/schemas.ts';
import { createAwardSchema } from '../../src/services/awards/schemas.ts';
import { submitAward, verifyAward } from '../../src/services/awards/workflow.ts';
import { createAward } from '../../src/services/awards/write.ts';

// Test data for recaps and scales: awards made through the real service (graded, audited,
// walked through the workflow) or, where the service would refuse the shape on purpose
// (a score for a year no scale version covers yet), inserted as a row.

/** Creates an award as the system and takes it to `state` (default verified). */
export async function addAward(
  db: Kysely<Database>,
  input: CreateAwardInput | Record<string, unknown>,
  state: AwardState = 'verified',
): Promise<number> {
  const row = await createAward(db, SYSTEM_ACTOR, createAwardSchema.parse(input));
  if (state === 'submitted' || state === 'verified') await submitAward(db, SYSTEM_ACTOR, row.id);
  if (state === 'verified') await verifyAward(db, SYSTEM_ACTOR, row.id);
  return row.id;
}

/** Inserts an award row as-is (no grading, no audit). */
export async function insertAwardRow(db: Kysely<Database>, values: Partial<NewAward>): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('awards')
    .values({
      region_id: 3671,
      title: 'Penghargaan uji',
      edition_year: 2025,
      recipient_kind: 'region',
      is_public: 1,
      state: 'verified',
      version: 1,
      created_at: now,
      updated_at: now,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
