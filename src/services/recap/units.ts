// Counts per unit with subtree roll-up: a Dinas counts its own awards and its Puskesmas'. The
// bulk is grouped in SQL by the award's unit path; team awards (several recipient units) are
// few and are rolled up by the pure `countByUnit`, so one counts once per subtree.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type AwardFact, countByUnit, pathIds } from '../../domain/recap/index.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { teamAwardIds } from './counters.ts';
import { recapByUnitPath } from './queries.ts';
import { type RecapScope, visible } from './scope.ts';

export interface UnitCountView {
  unitId: number;
  name: string;
  shortName: string | null;
  path: string;
  /** Awards the unit received itself. */
  direct: number;
  /** The unit's and every sub-unit's awards. */
  total: number;
}

function prefixes(path: string): string[] {
  const ids = pathIds(path);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Awards with team members in `year` among `ids` (the region's), as facts carrying every recipient unit's path. */
async function teamFacts(
  db: Kysely<Database>,
  scope: RecapScope,
  year: number | null,
  ids: number[],
): Promise<AwardFact[]> {
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('awards')
    .innerJoin('award_team_members as t', 't.award_id', 'awards.id')
    .leftJoin('org_units as u', 'u.id', 't.unit_id')
    .select(['awards.id', 'awards.edition_year', 'awards.unit_path', 'u.path as member_path'])
    .where('awards.id', 'in', ids)
    .where(visible(scope));
  if (year !== null) q = q.where('awards.edition_year', '=', year);
  const rows = await q.execute();
  const facts = new Map<number, AwardFact & { unitPaths: string[] }>();
  for (const r of rows) {
    let f = facts.get(r.id);
    if (!f) {
      f = { id: r.id, editionYear: r.edition_year, unitPath: r.unit_path, unitPaths: [] };
      facts.set(r.id, f);
    }
    if (r.member_path) f.unitPaths.push(r.member_path);
  }
  return [...facts.values()];
}

/** Counts per unit of the scope's region in `year` (null: every year). */
export async function recapByUnit(
  db: Kysely<Database>,
  scope: RecapScope,
  year: number | null,
): Promise<UnitCountView[]> {
  if (scope.regionCode === null) return [];
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'path'])
    .where('region_id', '=', regionIdOrNone(scope.regionCode))
    .execute();
  const direct = new Map<string, number>();
  const total = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, x: number) => m.set(k, (m.get(k) ?? 0) + x);
  // The team awards' ids first (few), read once for both counts below, then those read by id:
  // as one join SQLite walked every award of the region to find them (a unit page took 2.6 s at 1M).
  const teams = await teamAwardIds(db, scope.regionCode);
  for (const { path, count } of await recapByUnitPath(db, scope, year, teams)) {
    add(direct, path, count);
    for (const p of prefixes(path)) add(total, p, count);
  }
  for (const c of countByUnit(await teamFacts(db, scope, year, teams))) {
    add(direct, c.path, c.direct);
    add(total, c.path, c.total);
  }
  return units
    .map((u) => ({
      unitId: u.id,
      name: u.name,
      shortName: u.short_name,
      path: u.path,
      direct: direct.get(u.path) ?? 0,
      total: total.get(u.path) ?? 0,
    }))
    .filter((u) => u.total > 0)
    .sort((a, b) => b.total - a.total || a.path.localeCompare(b.path));
}
