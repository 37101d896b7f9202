// The arithmetic around the recap's counts, declared once: the change against the previous
// year, and the subtree roll-up of team awards (awards with several recipient units, few, so
// rolled up here rather than in SQL). The counting itself is SQL, in src/services/recap.

import type { AwardFact, UnitRef } from './types.ts';

export interface Count<K = string | null> {
  key: K;
  count: number;
}

export interface YearCount {
  year: number;
  count: number;
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

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
}
