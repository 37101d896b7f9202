import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readableAwards } from '../access.ts';
import type { Actor } from '../actor.ts';

// The dashboard's work queues. Its counts come from the recap service
// (src/services/recap/dashboard.ts), so the dashboard and the recap can never disagree.

/**
 * What waits for someone: submitted and returned records the actor may read (an operator's
 * are those of their unit subtree, as everywhere), and the pending news findings.
 */
export async function workQueues(db: Kysely<Database>, actor: Actor) {
  const mine = readableAwards(db, actor);
  const [submitted, returned, findings] = await Promise.all([
    mine
      .where('awards.state', '=', 'submitted')
      .select(['awards.id', 'awards.title', 'awards.submitted_at', 'awards.edition_year'])
      .orderBy('awards.submitted_at')
      .execute(),
    mine
      .where('awards.state', '=', 'returned')
      .select(['awards.id', 'awards.title', 'awards.return_reason', 'awards.updated_at'])
      .orderBy('awards.updated_at', 'desc')
      .execute(),
    db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
  return { submitted, returned, pendingFindings: Number(findings.n) };
}
