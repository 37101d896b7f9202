import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { AwardFact } from '../../../domain/recap/index.ts';
import type { Actor } from '../../../services/actor.ts';

// Dashboard queries. No recap service exists yet (only the pure src/domain/recap), so the
// facts are read here with Kysely and counted by the domain functions; when a recap service
// lands, these two functions are what it replaces.

/** Verified awards of the given edition years as recap facts. */
export async function verifiedFacts(db: Kysely<Database>, years: number[]): Promise<AwardFact[]> {
  const rows = await db
    .selectFrom('awards as a')
    .leftJoin('fields as f', 'f.id', 'a.field_id')
    .leftJoin('awarding_bodies as g', 'g.id', 'a.awarding_body_id')
    .select([
      'a.id',
      'a.edition_year',
      'a.level',
      'a.unit_id',
      'a.unit_path',
      'f.code as field',
      'g.code as giver',
    ])
    .where('a.state', '=', 'verified')
    .where('a.edition_year', 'in', years)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    editionYear: r.edition_year,
    fieldCode: r.field,
    giverCode: r.giver,
    level: r.level,
    unitId: r.unit_id,
    unitPath: r.unit_path,
  }));
}

/** What waits for someone: submitted records (in the operator's subtree for operators), returned ones, findings. */
export async function workQueues(db: Kysely<Database>, actor: Actor) {
  let submitted = db.selectFrom('awards').where('state', '=', 'submitted');
  let returned = db.selectFrom('awards').where('state', '=', 'returned');
  if (actor.role === 'operator') {
    const like = `${actor.unitPath ?? '/none/'}%`;
    submitted = submitted.where('unit_path', 'like', like);
    returned = returned.where('unit_path', 'like', like);
  }
  const [sub, ret, findings] = await Promise.all([
    submitted.select(['id', 'title', 'submitted_at', 'edition_year']).orderBy('submitted_at').execute(),
    returned.select(['id', 'title', 'return_reason', 'updated_at']).orderBy('updated_at', 'desc').execute(),
    db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
  return { submitted: sub, returned: ret, pendingFindings: Number(findings.n) };
}
