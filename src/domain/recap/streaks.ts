// Streaks: runs of consecutive years with the same status, zone or grade ("WTP 15 kali
// berturut-turut", "3 tahun berturut-turut Zona Hijau"). A year with no record, or a record
// without the value, breaks the run.

import type { AwardFact } from './types.ts';

export interface Streak {
  value: string;
  fromYear: number;
  toYear: number;
  length: number;
}

export interface StreakSummary {
  /** Every run, oldest first. */
  runs: Streak[];
  /** The longest run (the most recent one on a tie). */
  longest: Streak | null;
  /** The run that reaches the latest year (or `asOfYear`), if any. */
  current: Streak | null;
}

export type StreakDimension = 'status' | 'zone' | 'grade';

/** What a streak compares: status falls back to the grade code (BPK opinions are grades). */
export function streakValue(a: AwardFact, dimension: StreakDimension): string | null {
  switch (dimension) {
    case 'status':
      return a.statusLabel ?? a.gradeCode ?? null;
    case 'zone':
      return a.zone ?? null;
    case 'grade':
      return a.gradeCode ?? null;
  }
}

export interface StreakOptions {
  /** Count runs of this value only (e.g. 'WTP'). */
  value?: string;
  /** The year "current" must reach. Default: the latest year in the data. */
  asOfYear?: number;
}

/** Runs over points with one value per year (duplicates in a year: the last one wins). */
export function streaksOf(
  points: readonly { year: number; value: string | null }[],
  options: StreakOptions = {},
): StreakSummary {
  const byYear = new Map<number, string | null>();
  for (const p of points) byYear.set(p.year, p.value);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const runs: Streak[] = [];
  let run: Streak | null = null;
  for (const year of years) {
    const value = byYear.get(year) ?? null;
    const counts = value !== null && (options.value === undefined || value === options.value);
    if (counts && run && run.value === value && run.toYear === year - 1) {
      run.toYear = year;
      run.length++;
    } else {
      if (run) runs.push(run);
      run = counts ? { value: value!, fromYear: year, toYear: year, length: 1 } : null;
    }
  }
  if (run) runs.push(run);

  const longest = runs.reduce<Streak | null>(
    (best, r) => (!best || r.length >= best.length ? r : best),
    null,
  );
  const asOf = options.asOfYear ?? years[years.length - 1];
  const last = runs[runs.length - 1];
  const current = last && last.toYear === asOf ? last : null;
  return { runs, longest, current };
}

/** Streaks of a series' awards by status, zone or grade. */
export function streaks(
  awards: readonly AwardFact[],
  dimension: StreakDimension,
  options: StreakOptions = {},
): StreakSummary {
  return streaksOf(
    awards.map((a) => ({ year: a.editionYear, value: streakValue(a, dimension) })),
    options,
  );
}

/** What a series' streak repeats: an opinion/status, else a zone, else a grade, else the award itself. */
export function seriesStreakDimension(points: readonly AwardFact[]): StreakDimension | 'received' {
  if (points.some((p) => p.statusLabel)) return 'status';
  if (points.some((p) => p.zone)) return 'zone';
  if (points.some((p) => p.gradeCode)) return 'grade';
  return 'received';
}

/** A series' streak summary along its own dimension (see seriesStreakDimension). */
export function seriesStreaks(points: readonly AwardFact[], options: StreakOptions = {}): StreakSummary {
  const dimension = seriesStreakDimension(points);
  return dimension === 'received'
    ? streaksOf(
        points.map((p) => ({ year: p.editionYear, value: 'received' })),
        options,
      )
    : streaks(points, dimension, options);
}
