// The yearly recap of a region: totals, change against the previous year, cumulative since
// the region's founding, counts by field, giver, level, unit (rolled up) and year, and the
// series still running with their trend and streak. Everything is counted in SQL except the
// series, whose rows only are loaded. This is the only code that counts awards: the showcase,
// the dashboard, the PDF report, the exports, the CLI and the API all read their numbers here.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import { type Change, changeOf, formatChange, formatCumulative } from '../../domain/recap/index.ts';
import {
  type FieldCount,
  type GiverCount,
  type LevelCount,
  recapByField,
  recapByGiver,
  recapByLevel,
  recapByYear,
  recapCumulative,
  recapDefaultYear,
  recapTotal,
  type YearCount,
} from './queries.ts';
import { type RecapRequest, type RecapScope, resolveScope } from './scope.ts';
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

/** A year's headline numbers, declared once: its count, the change from the year before, and
 * the count since the region's founding through that year (undated awards from the founding
 * year). The recap, the showcase home and the dashboard all read them from here. */
export interface Headline {
  year: number;
  total: number;
  previousYearTotal: number;
  change: Change;
  cumulative: { since: string | null; total: number };
}

export async function recapHeadline(
  db: Kysely<Database>,
  scope: RecapScope,
  foundedOn: string | null,
  year: number,
): Promise<Headline> {
  const [total, previousYearTotal, cumulative] = await Promise.all([
    recapTotal(db, scope, year),
    recapTotal(db, scope, year - 1),
    recapCumulative(db, scope, foundedOn, year),
  ]);
  return {
    year,
    total,
    previousYearTotal,
    change: changeOf(year, total, previousYearTotal),
    cumulative: { since: foundedOn, total: cumulative },
  };
}

export async function buildRecap(
  db: Kysely<Database>,
  req: RecapRequest,
  lang: Locale = 'id',
  now = new Date(),
  /** False: no series (left empty). Every running series of a region is read row by row, so a caller that shows none skips them. */
  withSeries = true,
): Promise<Recap> {
  const { scope, region } = await resolveScope(db, req);
  const year = req.year ?? (await recapDefaultYear(db, scope, now));
  const [headline, byField, byGiver, byLevel, byUnit, byYear, series] = await Promise.all([
    recapHeadline(db, scope, region.foundedOn, year),
    recapByField(db, scope, year, lang),
    recapByGiver(db, scope, year),
    recapByLevel(db, scope, year),
    recapByUnit(db, scope, year),
    recapByYear(db, scope, year),
    // Series still running: a point this year or last (BPK opinions come a year late).
    withSeries ? loadSeries(db, scope, { untilYear: year, activeSince: year - 1, minYears: 2 }, lang) : [],
  ]);
  const { change, cumulative } = headline;
  const sinceYear = region.foundedOn ? Number(region.foundedOn.slice(0, 4)) : (byYear[0]?.year ?? year);
  return {
    region: { code: region.code, name: region.name, foundedOn: region.foundedOn },
    year,
    verifiedOnly: !scope.includeUnverified,
    total: headline.total,
    previousYearTotal: headline.previousYearTotal,
    change: { absolute: change.delta, percent: change.percent, phrase: formatChange(change, lang) },
    cumulative: {
      since: region.foundedOn,
      total: cumulative.total,
      phrase: formatCumulative(cumulative.total, sinceYear, lang),
    },
    byField,
    byGiver,
    byLevel,
    byUnit,
    byYear,
    series,
  };
}
