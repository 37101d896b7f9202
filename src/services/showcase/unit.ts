import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database, OrgUnitRow } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import { type Change, type Count, changeOf, pathIds, type YearCount } from '../../domain/recap/index.ts';
import { regionCodeOf, regionIdOrNone } from '../../domain/region-code.ts';
import { notFound } from '../errors.ts';
import { countedUnitPaths, teamOnly } from '../recap/counters.ts';
import { recapByField, recapByYear, recapLatestYear } from '../recap/queries.ts';
import { PUBLIC_SCOPE, type RecapScope, visible } from '../recap/scope.ts';
import { loadSeries, type SeriesView } from '../recap/series.ts';
import { recapByUnit } from '../recap/units.ts';

// A unit's public rapor: counts grouped in SQL over the unit's subtree (team awards included),
// the newest few awards by index, and its running series. Nothing grows with the table.

export interface UnitLink {
  id: number;
  name: string;
  shortName: string | null;
}

export interface UnitAwardItem {
  id: number;
  title: string;
  editionYear: number;
  receivedOn: string | null;
  level: string | null;
  giverName: string | null;
}

export interface UnitPage {
  unit: OrgUnitRow;
  /** From the root down to the parent. */
  ancestors: UnitLink[];
  /** Direct sub-units with their public award counts (subtree included). */
  children: (UnitLink & { total: number })[];
  total: number;
  /** The unit's latest year against the one before; null when it has no award. */
  change: Change | null;
  byYear: YearCount[];
  /** Field code (null: none) with its display name. */
  byField: (Count & { name: string | null })[];
  /** Series with two or more years, the most recently active first. */
  series: SeriesView[];
  /** The newest awards, at most `MAX_LISTED`. */
  awards: UnitAwardItem[];
}

export const MAX_LISTED = 50;
export const MAX_SERIES = 12;

/**
 * The subtree's newest public awards: the newest MAX_LISTED of each unit that has any, read in
 * order from an index (awards_unit_public_latest, migration 012), and of the team awards the
 * units' own miss, merged here. Reads units × MAX_LISTED rows at most, whatever the subtree holds.
 */
async function latestAwards(db: Kysely<Database>, scope: RecapScope) {
  const columns = [
    'awards.id',
    'awards.title',
    'awards.edition_year',
    'awards.received_on',
    'awards.level',
    'awards.awarding_body_text',
    'g.abbreviation',
  ] as const;
  const newest = <Q extends SelectQueryBuilder<Database, 'awards', object>>(q: Q) =>
    q
      .leftJoin('awarding_bodies as g', 'g.id', 'awards.awarding_body_id')
      .select(columns)
      .orderBy('awards.edition_year', 'desc')
      // '' puts undated awards last within their year on both databases.
      .orderBy(sql`coalesce(awards.received_on, '')`, 'desc')
      .orderBy('awards.id', 'desc')
      .limit(MAX_LISTED)
      .execute();
  const whole = { ...scope, unitPath: null };
  const team = await teamOnly(db, scope, null);
  const lists = await Promise.all([
    ...(await countedUnitPaths(db, scope)).map((path) =>
      newest(db.selectFrom('awards').where(visible(whole)).where('awards.unit_path', '=', path)),
    ),
    team ? newest(team) : [],
  ]);
  const byId = new Map(lists.flat().map((a) => [a.id, a]));
  return [...byId.values()]
    .sort(
      (a, b) =>
        b.edition_year - a.edition_year ||
        (b.received_on ?? '').localeCompare(a.received_on ?? '') ||
        b.id - a.id,
    )
    .slice(0, MAX_LISTED);
}

/** A unit's rapor from public records only: its awards and its sub-units', by year and field, and series. */
export async function unitPageData(
  db: Kysely<Database>,
  id: number,
  regionCode: string,
  locale: Locale,
): Promise<UnitPage> {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  // Another region's unit is not found on this region's pages.
  if (unit?.active !== 1 || regionCodeOf(unit.region_id) !== regionCode) throw notFound('Unit', id);
  // The unit's region narrows every query to that region's rows by index before the subtree test.
  const scope: RecapScope = {
    ...PUBLIC_SCOPE,
    regionCode: regionCodeOf(unit.region_id),
    unitPath: unit.path,
  };
  const ancestorIds = pathIds(unit.path)
    .map(Number)
    .filter((x) => x !== unit.id);
  const latestYear = await recapLatestYear(db, scope);
  const [ancestors, children, byYear, byField, series, rolled, awards] = await Promise.all([
    ancestorIds.length
      ? db
          .selectFrom('org_units')
          .select(['id', 'name', 'short_name'])
          .where('id', 'in', ancestorIds)
          .execute()
      : [],
    db
      .selectFrom('org_units')
      .select(['id', 'name', 'short_name', 'path'])
      .where('parent_id', '=', unit.id)
      .where('active', '=', 1)
      .orderBy('name')
      .execute(),
    latestYear === null ? [] : recapByYear(db, scope, latestYear),
    recapByField(db, scope, null, locale),
    latestYear === null
      ? []
      : loadSeries(db, scope, { minYears: 2, untilYear: latestYear, limit: MAX_SERIES }, locale),
    // Sub-unit totals with roll-up; the region is the unit's, so units.ts lists only its units.
    recapByUnit(db, scope, null),
    latestAwards(db, scope),
  ]);
  const totals = new Map(rolled.map((u) => [u.unitId, u.total]));
  const countIn = (y: number) => byYear.find((c) => c.year === y)?.count ?? 0;
  // byYear runs to the latest year, so its sum is every award of the subtree.
  const total = byYear.reduce((sum, c) => sum + c.count, 0);
  return {
    unit,
    ancestors: ancestorIds
      .map((aid) => ancestors.find((a) => a.id === aid))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, name: a.name, shortName: a.short_name })),
    children: children.map((c) => ({
      id: c.id,
      name: c.name,
      shortName: c.short_name,
      total: totals.get(c.id) ?? 0,
    })),
    total,
    change: latestYear === null ? null : changeOf(latestYear, countIn(latestYear), countIn(latestYear - 1)),
    byYear,
    byField: byField.map((f) => ({ key: f.code, name: f.name, count: f.count })),
    series,
    awards: awards.map((a) => ({
      id: a.id,
      title: a.title,
      editionYear: a.edition_year,
      receivedOn: a.received_on,
      level: a.level,
      giverName: a.abbreviation ?? a.awarding_body_text,
    })),
  };
}

export interface UnitIndexItem extends UnitLink {
  /** 0 for the pemda itself, 1 for its dinas and badan, 2 for their sub-units … */
  depth: number;
  /** Public awards of the unit and its sub-units. */
  total: number;
}

/** Every active unit of the region, in tree order, with its public award count (subtree included). */
export async function unitIndexData(
  db: Kysely<Database>,
  regionCode: string | null,
): Promise<UnitIndexItem[]> {
  let q = db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'path', 'region_id'])
    .where('active', '=', 1);
  if (regionCode) q = q.where('region_id', '=', regionIdOrNone(regionCode));
  const units = await q.execute();
  const region = regionCode ?? (units[0] ? regionCodeOf(units[0].region_id) : null);
  const counts = region ? await recapByUnit(db, { ...PUBLIC_SCOPE, regionCode: region }, null) : [];
  const totals = new Map(counts.map((u) => [u.unitId, u.total]));
  const byId = new Map(units.map((u) => [u.id, u]));
  // Tree order by names, not ids: the path of names sorts each unit under its parent.
  const sortKey = (path: string) =>
    pathIds(path)
      .map((id) => byId.get(Number(id))?.name ?? '')
      .join('\u0000');
  return units
    .filter((u) => regionCodeOf(u.region_id) === region)
    .map((u) => ({ u, key: sortKey(u.path) }))
    .sort((a, b) => a.key.localeCompare(b.key, 'id'))
    .map(({ u }) => ({
      id: u.id,
      name: u.name,
      shortName: u.short_name,
      depth: pathIds(u.path).length - 1,
      total: totals.get(u.id) ?? 0,
    }));
}
