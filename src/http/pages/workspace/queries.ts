import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../services/actor.ts';

// The dashboard's own queries: the work queues. Its counts come from the recap service
// (src/services/recap/dashboard.ts), so the dashboard and the recap can never disagree.

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
