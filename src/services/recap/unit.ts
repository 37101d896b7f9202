// The unit report card (rapor) of the API: a unit's awards with its sub-units' (or its own
// only), counted by the recap queries in SQL like every other number, its series with trend
// and streak (the RECAP_SERIES most recently active, like a region's recap), and the list of
// its awards newest first.

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import { changeOf } from '../../domain/recap/index.ts';
import { regionCodeOf } from '../../domain/region-code.ts';
import { factRows, toFact } from './facts.ts';
import { recapByField, recapByGiver, recapByLevel, recapByYear, recapLatestYear } from './queries.ts';
import { recapSeries } from './recap.ts';
import { type RecapScope, resolveUnitScope, visible } from './scope.ts';

export interface UnitReportRequest {
  actor: RecapScope['actor'];
  unitId: number;
  year?: number | null;
  includeUnverified?: boolean;
  includeSubunits?: boolean;
}

/** The newest awards first (undated last within their year); a unit's rows are hundreds at most. */
async function unitAwards(db: Kysely<Database>, scope: RecapScope, year: number) {
  const rows = await factRows(db)
    .where(visible(scope))
    .where('awards.edition_year', '<=', year)
    .orderBy('awards.edition_year', 'desc')
    .orderBy(sql`coalesce(awards.received_on, '')`, 'desc')
    .orderBy('awards.id')
    .execute();
  return rows.map(toFact);
}

export async function unitReport(db: Kysely<Database>, req: UnitReportRequest, lang: Locale = 'id') {
  const includeSubunits = req.includeSubunits ?? true;
  const { unit, scope } = await resolveUnitScope(db, req, req.unitId, includeSubunits);
  const year = req.year ?? (await recapLatestYear(db, scope));
  const base = {
    unit: {
      id: unit.id,
      name: unit.name,
      shortName: unit.short_name,
      path: unit.path,
      regionCode: regionCodeOf(unit.region_id),
    },
    verifiedOnly: !scope.includeUnverified,
    includeSubunits,
    year,
  };
  if (year === null)
    return {
      ...base,
      total: 0,
      change: null,
      byYear: [],
      byField: [],
      byLevel: [],
      byGiver: [],
      series: [],
      seriesMore: false,
      awards: [],
    };
  const through = { through: year };
  const [byYear, byField, byLevel, byGiver, series, awards] = await Promise.all([
    recapByYear(db, scope, year),
    recapByField(db, scope, through, lang),
    recapByLevel(db, scope, through),
    recapByGiver(db, scope, through),
    recapSeries(db, scope, { untilYear: year, minYears: 2 }, lang),
    unitAwards(db, scope, year),
  ]);
  const countIn = (y: number) => byYear.find((c) => c.year === y)?.count ?? 0;
  return {
    ...base,
    total: byYear.reduce((sum, c) => sum + c.count, 0),
    change: changeOf(year, countIn(year), countIn(year - 1)),
    byYear,
    byField: byField.map((f) => ({ key: f.code, name: f.name, count: f.count })),
    byLevel: byLevel.map((l) => ({ key: l.level, count: l.count })),
    byGiver: byGiver.map((g) => ({
      key: g.code ?? g.text,
      count: g.count,
      giver: g.code ? { code: g.code, abbreviation: g.abbreviation, name: g.name } : null,
    })),
    series: series.series,
    seriesMore: series.more,
    // Facts leave out what a caller may not know; an award row always has every column.
    awards: awards.map((a) => ({
      id: Number(a.id),
      title: a.title ?? null,
      editionYear: a.editionYear,
      receivedOn: a.receivedOn ?? null,
      giver: a.giverCode ?? null,
      field: a.fieldCode ?? null,
      level: a.level ?? null,
      score: a.score ?? null,
      grade: a.gradeCode ?? null,
      zone: a.zone ?? null,
      status: a.statusLabel ?? null,
    })),
  };
}
