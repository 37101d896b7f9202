// The yearly recap of a region: totals, change against the previous year, cumulative since
// the region's founding, counts by field, giver, level, unit (rolled up) and year, and the
// series still running with their trend and streak. Everything is counted in SQL except the
// series, whose rows only are loaded.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { changeOf, formatChange, formatCumulative, type Lang } from '../../domain/recap/index.ts';
import {
  type FieldCount,
  type GiverCount,
  type LevelCount,
  recapByField,
  recapByGiver,
  recapByLevel,
  recapByYear,
  recapCumulative,
  recapLatestYear,
  type YearCount,
} from './queries.ts';
import { type RecapRequest, resolveScope } from './scope.ts';
import { loadSeries, type SeriesView } from './series.ts';
import { recapByUnit, type UnitCountView } from './units.ts';

export interface Recap {
  region: { code: string; name: string; foundedOn: string | null };
  year: number;
  /** True unless a signed-in user asked for unverified records too. */
  verifiedOnly: boolean;
  total: number;
  previousYearTotal: number;
  change: { absolute: number; percent: number | null; phrase: string };
  cumulative: { since: string | null; total: number; phrase: string };
  byField: FieldCount[];
  byGiver: GiverCount[];
  byLevel: LevelCount[];
  byUnit: UnitCountView[];
  byYear: YearCount[];
  series: SeriesView[];
}

export async function buildRecap(db: Kysely<Database>, req: RecapRequest, lang: Lang = 'id'): Promise<Recap> {
  const { scope, region } = await resolveScope(db, req);
  const year = req.year ?? (await recapLatestYear(db, scope)) ?? new Date().getFullYear();
  // Totals come from byYear (one grouped query instead of two counts).
  const [cumulative, byField, byGiver, byLevel, byUnit, byYear, series] = await Promise.all([
    recapCumulative(db, scope, region.foundedOn, year),
    recapByField(db, scope, year, lang),
    recapByGiver(db, scope, year),
    recapByLevel(db, scope, year),
    recapByUnit(db, scope, year),
    recapByYear(db, scope, year),
    // Series still running: a point this year or last (BPK opinions come a year late).
    loadSeries(db, scope, { untilYear: year, activeSince: year - 1, minYears: 2 }, lang),
  ]);
  const countIn = (y: number) => byYear.find((c) => c.year === y)?.count ?? 0;
  const total = countIn(year);
  const previousYearTotal = countIn(year - 1);
  const change = changeOf(year, total, previousYearTotal);
  const sinceYear = region.foundedOn ? Number(region.foundedOn.slice(0, 4)) : (byYear[0]?.year ?? year);
  return {
    region: { code: region.code, name: region.name, foundedOn: region.foundedOn },
    year,
    verifiedOnly: !scope.includeUnverified,
    total,
    previousYearTotal,
    change: { absolute: change.delta, percent: change.percent, phrase: formatChange(change, lang) },
    cumulative: {
      since: region.foundedOn,
      total: cumulative,
      phrase: formatCumulative(cumulative, sinceYear, lang),
    },
    byField,
    byGiver,
    byLevel,
    byUnit,
    byYear,
    series,
  };
}
