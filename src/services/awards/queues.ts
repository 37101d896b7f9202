import type { Kysely } from 'kysely';
import { readList } from '../../db/region-scope.ts';
import type { Database } from '../../db/schema.ts';
import { readableAwards } from '../access.ts';
import type { Actor } from '../actor.ts';
import { keptIn } from '../recap/counters.ts';

// The dashboard's work queues. Its counts come from the recap service
// (src/services/recap/dashboard.ts), so the dashboard and the recap can never disagree.

/** How many records of a queue the dashboard lists (the rest are a link away). */
export const QUEUE_SHOWN = 10;

/**
 * How many records wait in `state` for `actor`, from the kept counts (award_counts): the
 * region's groups of that state, or for an operator — who reads unverified records of their
 * own unit subtree only (readableBy) — the unit groups under its path.
 */
async function waiting(db: Kysely<Database>, actor: Actor, state: 'submitted' | 'returned') {
  const operator = actor.role === 'operator';
  let q = keptIn(db, readList(actor.readRegionIds), operator ? 'unit' : 'level').where('c.vis', '=', state);
  if (operator) q = q.where('c.key', 'like', `${actor.unitPath ?? '/none/'}%`);
  const row = await q.select((eb) => eb.fn.sum<string>('c.n').as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * What waits for someone: submitted and returned records the actor may read (an operator's
 * are those of their unit subtree, as everywhere) — how many, and the first QUEUE_SHOWN of
 * each (the longest waiting submitted, the latest returned) — and the pending news findings.
 */
export async function workQueues(db: Kysely<Database>, actor: Actor) {
  const mine = readableAwards(db, actor);
  const [submitted, submittedCount, returned, returnedCount, findings] = await Promise.all([
    mine
      .where('awards.state', '=', 'submitted')
      .select(['awards.id', 'awards.title', 'awards.submitted_at', 'awards.edition_year'])
      .orderBy('awards.submitted_at')
      .orderBy('awards.id')
      .limit(QUEUE_SHOWN)
      .execute(),
    waiting(db, actor, 'submitted'),
    mine
      .where('awards.state', '=', 'returned')
      .select(['awards.id', 'awards.title', 'awards.return_reason', 'awards.updated_at'])
      .orderBy('awards.updated_at', 'desc')
      .orderBy('awards.id', 'desc')
      .limit(QUEUE_SHOWN)
      .execute(),
    waiting(db, actor, 'returned'),
    db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    submitted: { count: submittedCount, first: submitted },
    returned: { count: returnedCount, first: returned },
    pendingFindings: Number(findings.n),
  };
}
