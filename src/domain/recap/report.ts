// The unit report card (rapor): a unit's awards (with its sub-units by default), the counts,
// the change against last year, and each series with its trend and streaks.

import {
  type Change,
  type Count,
  changeFromPreviousYear,
  countBy,
  countByYear,
  inSubtree,
  type YearCount,
} from './counts.ts';
import { groupSeries, scoreTrend, type TrendPoint } from './series.ts';
import { type Streak, type StreakDimension, streaks } from './streaks.ts';
import type { AwardFact, UnitRef } from './types.ts';

export interface SeriesCard {
  key: string;
  title: string | null;
  giverCode: string | null;
  scaleId: string | null;
  latest: AwardFact;
  trend: TrendPoint[];
  /** Current and longest streak per dimension that has values (status, zone, grade). */
  streaks: Partial<Record<StreakDimension, { current: Streak | null; longest: Streak | null }>>;
}

export interface UnitReport {
  unit: UnitRef;
  includeSubunits: boolean;
  /** Latest edition year with an award (or the year asked for). */
  year: number | null;
  total: number;
  byYear: YearCount[];
  byField: Count[];
  byLevel: Count[];
  byGiver: Count[];
  change: Change | null;
  series: SeriesCard[];
  /** Newest first. */
  awards: AwardFact[];
}

export interface UnitReportOptions {
  /** Count sub-units' awards too (default true). */
  includeSubunits?: boolean;
  /** The year the card is for: change and "current" streaks are measured at it. */
  year?: number;
}

export function buildUnitReport(
  allAwards: readonly AwardFact[],
  unit: UnitRef,
  options: UnitReportOptions = {},
): UnitReport {
  const includeSubunits = options.includeSubunits ?? true;
  const own = includeSubunits
    ? inSubtree(allAwards, unit.path)
    : allAwards.filter((a) => String(a.unitId) === String(unit.id));
  const awards = options.year === undefined ? own : own.filter((a) => a.editionYear <= options.year!);
  const latestYear = awards.length ? Math.max(...awards.map((a) => a.editionYear)) : null;
  const year = options.year ?? latestYear;

  const series: SeriesCard[] = groupSeries(awards).map((s) => {
    const cards: SeriesCard['streaks'] = {};
    for (const dim of ['status', 'zone', 'grade'] as const) {
      const sum = streaks(s.points, dim, year === null ? {} : { asOfYear: year });
      if (sum.runs.length) cards[dim] = { current: sum.current, longest: sum.longest };
    }
    return {
      key: s.key,
      title: s.title,
      giverCode: s.giverCode,
      scaleId: s.scaleId,
      latest: s.points[s.points.length - 1],
      trend: scoreTrend(s),
      streaks: cards,
    };
  });

  return {
    unit,
    includeSubunits,
    year,
    total: awards.length,
    byYear: countByYear(awards),
    byField: countBy(awards, (a) => a.fieldCode),
    byLevel: countBy(awards, (a) => a.level),
    byGiver: countBy(awards, (a) => a.giverCode),
    change: year === null ? null : changeFromPreviousYear(awards, year),
    series,
    awards: [...awards].sort(
      (x, y) =>
        y.editionYear - x.editionYear || String(y.receivedOn ?? '').localeCompare(String(x.receivedOn ?? '')),
    ),
  };
}
