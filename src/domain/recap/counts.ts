// Counts by year, field, level, giver and unit (with subtree roll-up), cumulative totals and the
// change against the previous year. Pure: arrays in, plain objects out.

import type { AwardFact, UnitRef } from './types.ts';

export interface Count<K = string | null> {
  key: K;
  count: number;
}

/** Counts by a key; largest first, ties by key. Missing keys count under `null`. */
export function countBy(
  awards: readonly AwardFact[],
  keyOf: (a: AwardFact) => string | null | undefined,
): Count[] {
  const counts = new Map<string | null, number>();
  for (const a of awards) {
    const k = keyOf(a) ?? null;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((x, y) => y.count - x.count || String(x.key ?? '\uffff').localeCompare(String(y.key ?? '\uffff')));
}

export const countByField = (awards: readonly AwardFact[]) => countBy(awards, (a) => a.fieldCode);
export const countByLevel = (awards: readonly AwardFact[]) => countBy(awards, (a) => a.level);
export const countByGiver = (awards: readonly AwardFact[]) => countBy(awards, (a) => a.giverCode);

export interface YearCount {
  year: number;
  count: number;
}

/**
 * Counts by edition year, oldest first. With `from`/`to`, every year in the range appears (zeros
 * included), so a chart has no holes and "change from previous year" sees the empty year.
 */
export function countByYear(
  awards: readonly AwardFact[],
  range: { from?: number; to?: number } = {},
): YearCount[] {
  const counts = new Map<number, number>();
  for (const a of awards) counts.set(a.editionYear, (counts.get(a.editionYear) ?? 0) + 1);
  const years = [...counts.keys()];
  if (years.length === 0 && (range.from === undefined || range.to === undefined)) return [];
  const from = range.from ?? Math.min(...years);
  const to = range.to ?? Math.max(...years);
  const out: YearCount[] = [];
  for (let y = from; y <= to; y++) out.push({ year: y, count: counts.get(y) ?? 0 });
  return out;
}

export interface Change {
  year: number;
  count: number;
  previousYear: number;
  previous: number;
  delta: number;
  /** Percent change; null when the previous year had none (no meaningful ratio). */
  percent: number | null;
}

/** This year's count against the previous year's. */
export function changeFromPreviousYear(awards: readonly AwardFact[], year: number): Change {
  let count = 0;
  let previous = 0;
  for (const a of awards) {
    if (a.editionYear === year) count++;
    else if (a.editionYear === year - 1) previous++;
  }
  return changeOf(year, count, previous);
}

/** The change between two yearly counts; the percent is null when the previous year had none. */
export function changeOf(year: number, count: number, previous: number): Change {
  return {
    year,
    count,
    previousYear: year - 1,
    previous,
    delta: count - previous,
    percent: previous === 0 ? null : roundTo(((count - previous) / previous) * 100, 2),
  };
}

export interface Cumulative {
  /** ISO date counted from (e.g. the region's founding, '1993-02-28'). */
  since: string;
  total: number;
  byYear: { year: number; count: number; cumulative: number }[];
}

/**
 * Awards since a date (e.g. "239 penghargaan sejak 1993"), with running totals per year. An
 * award without a date counts when its edition year is on or after the founding year.
 */
export function cumulativeSince(awards: readonly AwardFact[], since: string, untilYear?: number): Cumulative {
  const sinceYear = Number(since.slice(0, 4));
  const counted = awards.filter(
    (a) =>
      (a.receivedOn ? a.receivedOn >= since : a.editionYear >= sinceYear) &&
      (untilYear === undefined || a.editionYear <= untilYear),
  );
  let running = 0;
  const byYear = countByYear(counted).map(({ year, count }) => {
    running += count;
    return { year, count, cumulative: running };
  });
  return { since, total: counted.length, byYear };
}

export interface UnitCount {
  unitId: string;
  path: string;
  name?: string;
  /** Awards received by this unit itself. */
  direct: number;
  /** Awards received by this unit or any unit below it (a team award counts once). */
  total: number;
}

/** Ids along a materialised path: '/1/5/12/' → ['1', '5', '12']. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Every ancestor-or-self path: '/1/5/' → ['/1/', '/1/5/']. */
function prefixes(path: string): string[] {
  const ids = pathIds(path);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

function pathsOf(a: AwardFact): string[] {
  const all = [...(a.unitPaths ?? []), ...(a.unitPath ? [a.unitPath] : [])];
  return [...new Set(all.map(normalisePath))];
}

function normalisePath(p: string): string {
  const ids = pathIds(p);
  return ids.length ? `/${ids.join('/')}/` : '/';
}

/**
 * Counts per unit with subtree roll-up. `units` gives names and units with no awards; without
 * it, the units are the ones the awards' paths mention. Sorted by total, then path.
 */
export function countByUnit(awards: readonly AwardFact[], units?: readonly UnitRef[]): UnitCount[] {
  const rows = new Map<string, UnitCount>();
  const row = (path: string): UnitCount => {
    let r = rows.get(path);
    if (!r) {
      const ids = pathIds(path);
      r = { unitId: ids[ids.length - 1] ?? '', path, direct: 0, total: 0 };
      rows.set(path, r);
    }
    return r;
  };
  for (const u of units ?? []) {
    const r = row(normalisePath(u.path));
    r.unitId = String(u.id);
    if (u.name !== undefined) r.name = u.name;
  }
  for (const a of awards) {
    const own = pathsOf(a);
    const subtrees = new Set(own.flatMap(prefixes));
    for (const p of own) row(p).direct++;
    for (const p of subtrees) row(p).total++;
  }
  const known = units ? new Set(units.map((u) => normalisePath(u.path))) : undefined;
  return [...rows.values()]
    .filter((r) => !known || known.has(r.path))
    .sort((x, y) => y.total - x.total || x.path.localeCompare(y.path));
}

/** Awards received by a unit or anything below it. */
export function inSubtree(awards: readonly AwardFact[], unitPath: string): AwardFact[] {
  const root = normalisePath(unitPath);
  return awards.filter((a) => pathsOf(a).some((p) => p.startsWith(root)));
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
}
