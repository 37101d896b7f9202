// Recap counts read from the counts the database keeps (award_counts, migrations 017 and 019),
// so what a page pays depends on how many groups there are (fields, givers, levels, units,
// years), not on how many awards. The groups are kept per visibility (public, hidden, each
// unverified state), so each reader sums those it may see (keptBy). An operator that asks for
// unverified records reads two parts: the verified groups of its regions, and its own unit
// subtree's unverified groups (kept by unit, 019). Not kept: a single unit's own awards (unitId)
// and an operator's unverified view of a subtree — those scopes count the awards as before
// (queries.ts decides with `countable`).

import { type Kysely, sql } from 'kysely';
import { readList } from '../../db/region-scope.ts';
import type { Database } from '../../db/schema.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { type RecapScope, visible, type YearFilter } from './scope.ts';

/** The dimensions kept (see migrations 012, 017 and 019 for each key's form). */
export type Dim = 'field' | 'giver' | 'level' | 'received' | 'unit';

/** What a count is grouped by: a dimension's key, a unit group's field (`sub`), the year, the region, or nothing. */
type By = 'key' | 'sub' | 'edition_year' | 'region_id' | null;

/** The unverified visibilities (017): every state but verified. */
const UNVERIFIED = ['draft', 'submitted', 'returned'];

interface Kept {
  /** The visibilities read (null: all). */
  vis: string[] | null;
  /** The regions read (null: all). */
  regions: readonly number[] | null;
  /** An operator's unit path whose subtree's unverified groups are read as well. */
  own?: string;
}

/**
 * Which kept groups add up to what `visible(scope)` selects, or null when they cannot: the
 * visibilities (null: all) and the regions (null: all) the reader may see — readableBy in
 * access.ts, term for term. The public: verified, public records. A signed-in reader: verified
 * records, or every state when it asks for unverified ones (an operator then sees the
 * unverified records of its own unit subtree only: `own`), within its readable regions.
 */
export function keptBy(scope: RecapScope): Kept | null {
  if (scope.unitId) return null;
  const { actor } = scope;
  if (actor === null) return { vis: ['public'], regions: null };
  const regions = readList(actor.readRegionIds);
  if (scope.includeUnverified && actor.role === 'operator') {
    // A subtree read through an operator's own subtree: two prefixes, not kept.
    if (scope.unitPath) return null;
    const verified = { vis: ['public', 'hidden'], regions };
    return actor.unitPath === null ? verified : { ...verified, own: actor.unitPath };
  }
  return { vis: scope.includeUnverified ? null : ['public', 'hidden'], regions };
}

/** True when the kept counts answer `scope` exactly (see keptBy), whole region or a unit's subtree. */
export const countable = (scope: RecapScope): boolean => keptBy(scope) !== null;

/** Every award has one level key, so the 'level' groups add up to the whole: totals and years read them. */
const WHOLE: Dim = 'level';

/** The kept groups of `dim` in `regions` (null: every region), of every visibility. */
export function keptIn(
  db: Kysely<Database>,
  regions: readonly number[] | null,
  dim: Dim | `unit_${Exclude<Dim, 'unit' | 'field'>}`,
) {
  const q = db.selectFrom('award_counts as c').where('c.dim', '=', dim).where('c.n', '>', 0);
  return regions === null ? q : q.where('c.region_id', 'in', regions);
}

const COLUMNS = ['c.region_id', 'c.dim', 'c.vis', 'c.key', 'c.sub', 'c.edition_year', 'c.n'] as const;

/**
 * The kept groups of `dim` in `year` that `scope` sees (countable scopes only), as a table `c`
 * with award_counts' columns. For an operator's unverified view, the verified groups plus its
 * subtree's unverified unit groups, reshaped into `dim`'s form (the unit groups hold the field,
 * giver, level or month in `sub`; as `dim`'s groups it is their key).
 */
export function keptRows(db: Kysely<Database>, scope: RecapScope, dim: Dim, year: YearFilter) {
  const by = keptBy(scope);
  if (by === null) throw new Error('scope not countable');
  const inScope = <Q extends ReturnType<typeof keptIn>>(q: Q): Q => {
    let out = q;
    if (scope.regionCode !== null) out = out.where('c.region_id', '=', regionIdOrNone(scope.regionCode)) as Q;
    if (typeof year === 'number') out = out.where('c.edition_year', '=', year) as Q;
    else if (year !== null) out = out.where('c.edition_year', '<=', year.through) as Q;
    return out;
  };
  let q = inScope(keptIn(db, by.regions, dim));
  if (by.vis !== null) q = q.where('c.vis', 'in', by.vis);
  // A subtree is the unit groups whose path starts with the unit's: a scan of the region's unit
  // groups, which are as many as units × fields × years × visibilities, whatever the number of awards.
  if (scope.unitPath) {
    if (dim !== 'unit') throw new Error(`no kept counts of ${dim} by unit`);
    q = q.where('c.key', 'like', `${scope.unitPath}%`);
  }
  const verified = q.select(COLUMNS);
  if (by.own === undefined) return db.selectFrom(verified.as('c'));
  const ownDim = dim === 'unit' || dim === 'field' ? 'unit' : (`unit_${dim}` as const);
  const own = inScope(keptIn(db, by.regions, ownDim))
    .where('c.vis', 'in', UNVERIFIED)
    .where('c.key', 'like', `${by.own}%`)
    .select([
      'c.region_id',
      'c.dim',
      'c.vis',
      (dim === 'unit' ? sql.ref<string>('c.key') : sql.ref<string>('c.sub')).as('key'),
      (dim === 'unit' ? sql.ref<string>('c.sub') : sql<string>`''`).as('sub'),
      'c.edition_year',
      'c.n',
    ]);
  return db.selectFrom(verified.unionAll(own).as('c'));
}

/**
 * Team awards of the subtree that its unit groups miss: an award counts once in a subtree when
 * its own unit is there or a team member's is (scope.ts); the groups hold the first kind, these
 * are the second kind without the first. The team awards of the subtree's units are looked up
 * first (few), then read by id; null when there are none. Asked as one query with `id in
 * (subquery)`, SQLite walked every award of the region instead (7 s at 1M).
 */
export async function teamOnly(db: Kysely<Database>, scope: RecapScope, year: YearFilter) {
  const prefix = `${scope.unitPath}%`;
  const ids = (
    await db
      .selectFrom('award_team_members as t')
      .innerJoin('org_units as u', 'u.id', 't.unit_id')
      .select('t.award_id')
      .distinct()
      .where('u.path', 'like', prefix)
      .execute()
  ).map((r) => r.award_id);
  if (ids.length === 0) return null;
  let q = db
    .selectFrom('awards')
    .where(visible({ ...scope, unitPath: null }))
    .where('awards.id', 'in', ids)
    .where((eb) =>
      eb.or([eb('awards.unit_path', 'is', null), eb.not(eb('awards.unit_path', 'like', prefix))]),
    );
  if (typeof year === 'number') q = q.where('awards.edition_year', '=', year);
  else if (year !== null) q = q.where('awards.edition_year', '<=', year.through);
  return q;
}

const n = (x: unknown) => Number(x ?? 0);

/**
 * Counts of `dim` in `year` grouped `by`, as a map from the group (as text; '' for by = null) to
 * its count, zero groups left out. A subtree scope reads the unit groups (`dim` must then be
 * WHOLE, for totals and years, or 'field', answered by the unit groups' field).
 */
export async function counted(
  db: Kysely<Database>,
  scope: RecapScope,
  dim: Dim,
  year: YearFilter,
  by: By,
): Promise<Map<string, number>> {
  const subtree = Boolean(scope.unitPath);
  if (subtree && dim !== WHOLE && dim !== 'field') throw new Error(`no kept counts of ${dim} by unit`);
  const groupBy = subtree && dim === 'field' ? 'sub' : by;
  const column = groupBy === null ? sql<string>`''` : sql.ref<string>(`c.${groupBy}`);
  const kept = await keptRows(db, scope, subtree ? 'unit' : dim, year)
    .select((eb) => [column.as('g'), eb.fn.sum<string>('c.n').as('count')])
    .$if(groupBy !== null, (q) => q.groupBy(`c.${groupBy as Exclude<By, null>}`))
    .execute();
  const out = new Map<string, number>();
  const add = (g: unknown, x: unknown) => {
    const k = String(g ?? '');
    const sum = (out.get(k) ?? 0) + n(x);
    if (sum > 0) out.set(k, sum);
  };
  for (const r of kept) add(r.g, r.count);
  if (subtree) {
    const awardColumn =
      groupBy === 'edition_year'
        ? sql<string>`awards.edition_year`
        : groupBy === 'sub'
          ? sql<string>`coalesce(awards.field_id, 0)`
          : sql<string>`''`;
    const extra = await (await teamOnly(db, scope, year))
      ?.select((eb) => [awardColumn.as('g'), eb.fn.countAll().as('count')])
      .$if(groupBy !== null, (q) => q.groupBy(awardColumn))
      .execute();
    // The unit groups' field key is '' for none; the awards' 0 stands for it above.
    for (const r of extra ?? []) add(groupBy === 'sub' && n(r.g) === 0 ? '' : r.g, r.count);
  }
  return out;
}

/** The latest year with a counted award (at most `atMost`), or null. */
export async function countedLatestYear(
  db: Kysely<Database>,
  scope: RecapScope,
  atMost: number | undefined,
): Promise<number | null> {
  const years = await counted(
    db,
    scope,
    WHOLE,
    atMost === undefined ? null : { through: atMost },
    'edition_year',
  );
  let latest: number | null = null;
  for (const y of years.keys()) if (latest === null || Number(y) > latest) latest = Number(y);
  return latest;
}

/**
 * Counts per unit path over every year or one (team awards left out, as recapByUnitPath
 * promises). `teams`: the region's team award ids (teamAwardIds), read once by the caller.
 */
export async function countedByUnitPath(
  db: Kysely<Database>,
  scope: RecapScope,
  year: number | null,
  teams: number[],
): Promise<{ path: string; count: number }[]> {
  const all = await counted(db, { ...scope, unitPath: null }, 'unit', year, 'key');
  // The unit groups hold team awards under their own unit too; take those back out, read by
  // id (see teamOnly for why).
  let q = db
    .selectFrom('awards')
    .select((eb) => ['awards.unit_path', eb.fn.count('awards.id').distinct().as('count')])
    .where(visible({ ...scope, unitPath: null }))
    .where('awards.unit_path', 'is not', null)
    .where('awards.id', 'in', teams)
    .groupBy('awards.unit_path');
  if (year !== null) q = q.where('awards.edition_year', '=', year);
  for (const r of teams.length ? await q.execute() : []) {
    const left = (all.get(r.unit_path as string) ?? 0) - n(r.count);
    if (left > 0) all.set(r.unit_path as string, left);
    else all.delete(r.unit_path as string);
  }
  const inTree = scope.unitPath ? [...all].filter(([p]) => p.startsWith(scope.unitPath as string)) : [...all];
  return inTree.map(([path, count]) => ({ path, count }));
}

/** The unit paths of a subtree scope that hold a counted award (from the unit groups). */
export async function countedUnitPaths(db: Kysely<Database>, scope: RecapScope): Promise<string[]> {
  const groups = await keptRows(db, scope, 'unit', null).select('c.key').distinct().execute();
  return groups.map((g) => g.key);
}

/** Ids of the awards that have team members, of one region or all: few, whatever the number of awards. */
export async function teamAwardIds(db: Kysely<Database>, regionCode: string | null): Promise<number[]> {
  let q = db.selectFrom('award_team_members as t').select('t.award_id').distinct();
  if (regionCode !== null) q = q.where('t.region_id', '=', regionIdOrNone(regionCode));
  return (await q.execute()).map((r) => r.award_id);
}
