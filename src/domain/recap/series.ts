// A series is the same assessment of the same recipient across years (Ombudsman compliance for
// Kota Tangerang: 93.21 in 2023 → 94.76 in 2024). One point per year.

import { roundTo } from './counts.ts';
import type { AwardFact } from './types.ts';

export interface Series {
  key: string;
  giverCode: string | null;
  scaleId: string | null;
  title: string | null;
  /** One award per edition year, oldest first. */
  points: AwardFact[];
}

/**
 * Groups awards by series key. Awards without one are left out. When a series has two records
 * for one year (a duplicate, or a re-assessment), the one with the higher score — else the later
 * one in the input — stands for the year.
 */
export function groupSeries(
  awards: readonly AwardFact[],
  keyOf: (a: AwardFact) => string | null | undefined = (a) => a.seriesKey,
): Series[] {
  const byKey = new Map<string, Map<number, AwardFact>>();
  for (const a of awards) {
    const key = keyOf(a);
    if (!key) continue;
    let years = byKey.get(key);
    if (!years) {
      years = new Map();
      byKey.set(key, years);
    }
    const held = years.get(a.editionYear);
    if (!held || (a.score ?? Number.NEGATIVE_INFINITY) >= (held.score ?? Number.NEGATIVE_INFINITY)) {
      years.set(a.editionYear, a);
    }
  }
  return [...byKey]
    .map(([key, years]) => {
      const points = [...years.values()].sort((x, y) => x.editionYear - y.editionYear);
      const last = points[points.length - 1];
      return {
        key,
        giverCode: last.giverCode ?? null,
        scaleId: last.scaleId ?? null,
        title: last.title ?? null,
        points,
      };
    })
    .sort((x, y) => x.key.localeCompare(y.key));
}

export interface TrendPoint {
  year: number;
  score: number;
  gradeCode: string | null;
  zone: string | null;
  /** Against the previous point with a score; null for the first. */
  previousYear: number | null;
  delta: number | null;
  deltaPercent: number | null;
  /** True when the previous point is not the year before (a year was skipped). */
  afterGap: boolean;
}

/** Decimals a number is written with (94.76 → 2), so deltas come out as 1.55, not 1.5499999. */
function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** The score per year with the change from the previous scored year. Points without a score are skipped. */
export function scoreTrend(series: Pick<Series, 'points'>): TrendPoint[] {
  const out: TrendPoint[] = [];
  let prev: AwardFact | undefined;
  for (const p of series.points) {
    if (typeof p.score !== 'number' || !Number.isFinite(p.score)) continue;
    const point: TrendPoint = {
      year: p.editionYear,
      score: p.score,
      gradeCode: p.gradeCode ?? null,
      zone: p.zone ?? null,
      previousYear: null,
      delta: null,
      deltaPercent: null,
      afterGap: false,
    };
    if (prev && typeof prev.score === 'number') {
      const decimals = Math.max(decimalsOf(p.score), decimalsOf(prev.score));
      point.previousYear = prev.editionYear;
      point.delta = roundTo(p.score - prev.score, decimals);
      point.deltaPercent = prev.score === 0 ? null : roundTo(((p.score - prev.score) / prev.score) * 100, 2);
      point.afterGap = p.editionYear !== prev.editionYear + 1;
    }
    out.push(point);
    prev = p;
  }
  return out;
}
