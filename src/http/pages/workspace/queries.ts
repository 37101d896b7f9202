import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { pathIds } from '../../../domain/recap/index.ts';
import type { Actor } from '../../../services/actor.ts';
import {
  type FieldCount,
  type GiverCount,
  recapByField,
  recapByGiver,
  recapTotal,
} from '../../../services/recap/queries.ts';
import type { RecapScope } from '../../../services/recap/scope.ts';
import { recapByUnit, type UnitCountView } from '../../../services/recap/units.ts';
import { getRegion } from '../../../services/units.ts';
import type { Locale } from '../i18n.ts';

// Dashboard queries: the year's counts come from the recap service, so the dashboard and the
// recap page can never disagree; only the work queues are the dashboard's own.

export interface YearCounts {
  total: number;
  previousYearTotal: number;
  byField: FieldCount[];
  byGiver: GiverCount[];
  /** Top-level units (the ones directly under the region's root), sub-units rolled up. */
  byUnit: UnitCountView[];
}

/**
 * Verified awards of `year` (and the total of the year before) in the region. Verified only,
 * whatever the role: the dashboard shows what the region can stand behind; drafts and
 * submissions are the work queues below it. Before any region exists everything is zero.
 */
export async function verifiedCounts(
  db: Kysely<Database>,
  actor: Actor,
  year: number,
  locale: Locale,
): Promise<YearCounts> {
  const region = await getRegion(db);
  if (!region) return { total: 0, previousYearTotal: 0, byField: [], byGiver: [], byUnit: [] };
  const scope: RecapScope = { regionCode: region.code, actor, includeUnverified: false };
  const [total, previousYearTotal, byField, byGiver, byUnit] = await Promise.all([
    recapTotal(db, scope, year),
    recapTotal(db, scope, year - 1),
    recapByField(db, scope, year, locale),
    recapByGiver(db, scope, year),
    recapByUnit(db, scope, year),
  ]);
  const topLevel = byUnit.filter((u) => pathIds(u.path).length === 2);
  return { total, previousYearTotal, byField, byGiver, byUnit: topLevel };
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
