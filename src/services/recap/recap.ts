// The yearly recap of a region: totals, change against the previous year, cumulative since
// the region's founding, counts by field, giver, level, unit (rolled up) and year, and the
// series still running with their trend and streak (the RECAP_SERIES most recently active).
// Everything is counted in SQL except the series, whose rows only are loaded. This is the only code that counts awards: the showcase,
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
import { type SeriesFilter, type SeriesView, seriesKeys, seriesViews } from './series.ts';
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
  /** The running series, the most recently active first (then by key), at most RECAP_SERIES. */
  series: SeriesView[];
  /** True when more series are running than `series` lists (all of them: GET /api/v1/series, paged). */
  seriesMore: boolean;
}

/**
 * At most this many series in a recap (its running ones) and in a unit's report card (unit.ts).
 * A real region runs tens of series, so it sees all of them; a record of hundreds of thousands
 * of awards runs thousands (2,580 at 100k in the growth bench), which no recap can show and
 * whose reading grew with the record (45 s at 1M).
 */
export const RECAP_SERIES = 100;

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

/**
 * The RECAP_SERIES most recently active series matching `f` (latest year, then key), listed by
 * key, with points up to `f.untilYear`; `more` when others match too. A region's recap and a
 * unit's report card both list their series through here.
 */
export async function recapSeries(
  db: Kysely<Database>,
  scope: RecapScope,
  f: Pick<SeriesFilter, 'minYears' | 'activeSince'> & { untilYear: number },
  lang: Locale,
): Promise<{ series: SeriesView[]; more: boolean }> {
  // One more than shown, to know whether more match.
  const keys = await seriesKeys(db, scope, { ...f, limit: RECAP_SERIES + 1 });
  return {
    series: await seriesViews(db, scope, keys.slice(0, RECAP_SERIES), f.untilYear, lang),
    more: keys.length > RECAP_SERIES,
  };
}

export async function buildRecap(
  db: Kysely<Database>,
  req: RecapRequest,
  lang: Locale = 'id',
  now = new Date(),
  /** False: no series (left empty): a caller that shows none reads none. */
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
    // Series still running: a point this year or last (BPK opinions come a year late), at
    // least two years.
    withSeries
      ? recapSeries(db, scope, { untilYear: year, activeSince: year - 1, minYears: 2 }, lang)
      : { series: [], more: false },
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
    series: series.series,
    seriesMore: series.more,
  };
}
