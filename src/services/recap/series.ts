// Series (the same programme from the same giver for the same recipient across years): the
// keys are picked in SQL, then only those rows are loaded and handed to the pure trend and
// streak functions. Never all awards. seriesKeys is the one way to pick keys; with a limit it
// hands over to the newest-first walk (series-walk.ts).

import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import {
  type AwardFact,
  formatStreak,
  formatTrendPoint,
  groupSeries,
  type Series,
  type StreakDimension,
  scoreTrend,
  seriesStreakDimension,
  seriesStreaks,
} from '../../domain/recap/index.ts';
import { factRows, toFact } from './facts.ts';
import { type RecapScope, visible } from './scope.ts';
import { latestSeriesKeys } from './series-walk.ts';

export interface SeriesPoint {
  awardId: number;
  year: number;
  score: number | null;
  grade: string | null;
  gradeLabel: string | null;
  zone: string | null;
  status: string | null;
}

export interface SeriesStreak {
  /** What repeats: the status (BPK opinion), the zone, the grade, or just receiving the award. */
  dimension: StreakDimension | 'received';
  value: string;
  length: number;
  fromYear: number;
  toYear: number;
  /** "WTP 15 kali berturut-turut"; null for a run of one. */
  phrase: string | null;
}

export interface SeriesView {
  key: string;
  title: string | null;
  giver: { code: string; abbreviation: string; name: string } | null;
  scaleId: string | null;
  points: SeriesPoint[];
  trend: {
    year: number;
    score: number;
    previousYear: number | null;
    previousScore: number | null;
    delta: number | null;
    deltaPercent: number | null;
    direction: 'up' | 'down' | 'flat' | null;
    phrase: string;
  } | null;
  /** The run that reaches the series' latest year. */
  streak: SeriesStreak | null;
  /** The longest run ever. */
  longestStreak: SeriesStreak | null;
  /** Trend and streak in one line, for cards and the CLI. */
  phrase: string | null;
}

export interface SeriesFilter {
  /** Count only points up to this year. */
  untilYear?: number;
  /** Keep series with at least this many distinct years (default 2). */
  minYears?: number;
  /** Keep series whose latest point is at or after this year. */
  activeSince?: number;
  /** At most this many series, the most recently active first (then by key). */
  limit?: number;
  /** Only these keys (at most a few hundred). */
  only?: readonly string[];
  /** Keys in key order after this one (a page of a list; with `limit`, instead of the most recent first). */
  after?: string | null;
}

/** Series keys matching the filter, grouped in SQL. */
export async function seriesKeys(
  db: Kysely<Database>,
  scope: RecapScope,
  f: SeriesFilter = {},
): Promise<string[]> {
  // The most recently active, bounded: walked newest first instead of grouping every award.
  if (f.limit !== undefined && f.untilYear !== undefined && f.after === undefined && !f.only)
    return latestSeriesKeys(db, scope, { ...f, limit: f.limit, untilYear: f.untilYear }, (only) =>
      seriesKeys(db, scope, { ...f, limit: undefined, activeSince: undefined, only }),
    );
  const grouped = (key?: string) => {
    let q = db
      .selectFrom('awards')
      .select('awards.series_key')
      .where(visible(scope))
      .where('awards.series_key', key === undefined ? 'is not' : '=', key ?? null)
      .groupBy('awards.series_key')
      .having(sql`count(distinct awards.edition_year)`, '>=', f.minYears ?? 2);
    if (f.untilYear !== undefined) q = q.where(key === undefined ? YEAR : UNINDEXED_YEAR, '<=', f.untilYear);
    if (f.activeSince !== undefined) q = q.having(sql`max(awards.edition_year)`, '>=', f.activeSince);
    return q;
  };
  if (f.only) {
    const passed = new Set<string>();
    for (const chunk of chunks(f.only))
      for (const r of await unionAll(chunk.map(grouped)).execute()) passed.add(r.series_key as string);
    return f.only.filter((k) => passed.has(k));
  }
  let q = grouped();
  if (f.after !== undefined) {
    // A page in key order: read from the series index in order, stopping after `limit` series.
    if (f.after !== null) q = q.where('awards.series_key', '>', f.after);
    q = q.orderBy('awards.series_key');
    if (f.limit !== undefined) q = q.limit(f.limit);
  } else if (f.limit !== undefined)
    q = q.orderBy(sql`max(awards.edition_year)`, 'desc').orderBy('awards.series_key').limit(f.limit);
  else q = q.orderBy('awards.series_key');
  return (await q.execute()).map((r) => r.series_key as string);
}

const YEAR = sql.ref<number>('awards.edition_year');
/**
 * The year as a term no index serves (SQLite reads `+column` so; to PostgreSQL it is the same
 * number): a signed-in recap's series otherwise read by awards_recap_cover (region, state, year
 * range), every award of the region for each key, instead of by the series' index.
 */
const UNINDEXED_YEAR = sql<number>`+awards.edition_year`;

/**
 * Queries for a few series, read one key per branch of a UNION ALL: with `series_key in (…)`
 * SQLite (which keeps no statistics here) reads the region's index for the visibility terms,
 * every award of the region, instead of the series' own (awards_series_scope, migration 016).
 */
// biome-ignore lint/suspicious/noExplicitAny: any select over awards; the branches share a shape
function unionAll<Q extends SelectQueryBuilder<Database, 'awards', any>>(qs: Q[]): Q {
  return qs.slice(1).reduce((all, q) => all.unionAll(q) as Q, qs[0]);
}

/** Keys in groups small enough for one UNION ALL (SQLite allows 500 branches). */
function chunks(keys: readonly string[], size = 100): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < keys.length; i += size) out.push(keys.slice(i, i + size));
  return out;
}

/** The awards of the given series, as facts for the pure functions. */
export async function loadSeriesFacts(
  db: Kysely<Database>,
  scope: RecapScope,
  keys: readonly string[],
  untilYear?: number,
): Promise<(AwardFact & { id: number })[]> {
  const out: (AwardFact & { id: number })[] = [];
  for (const chunk of chunks(keys)) {
    const one = (key: string) => {
      const q = factRows(db).where(visible(scope)).where('awards.series_key', '=', key);
      return untilYear === undefined ? q : q.where(UNINDEXED_YEAR, '<=', untilYear);
    };
    for (const r of await unionAll(chunk.map(one)).execute()) {
      // A series is named by its programme ("Penilaian Kepatuhan"), not one year's title.
      out.push({ ...toFact(r), title: r.programme ?? r.title });
    }
  }
  return out.sort((a, b) => a.id - b.id);
}

type GiverMap = Map<string, { code: string; abbreviation: string; name: string }>;

export async function giverMap(
  db: Kysely<Database>,
  codes: Iterable<string | null | undefined>,
): Promise<GiverMap> {
  const list = [...new Set([...codes].filter((c): c is string => !!c))];
  if (!list.length) return new Map();
  const rows = await db
    .selectFrom('awarding_bodies')
    .select(['code', 'abbreviation', 'name'])
    .where('code', 'in', list)
    .execute();
  return new Map(rows.map((g) => [g.code, g]));
}

function streakView(
  s: { value: string; length: number; fromYear: number; toYear: number } | null,
  dimension: SeriesStreak['dimension'],
  title: string | null,
  lang: Locale,
): SeriesStreak | null {
  if (!s) return null;
  const phrase =
    s.length < 2
      ? null
      : dimension === 'received'
        ? formatStreak(s, { lang, unit: 'kali', label: title ?? '' })
        : formatStreak(s, { lang });
  return { dimension, value: s.value, length: s.length, fromYear: s.fromYear, toYear: s.toYear, phrase };
}

export function seriesView(s: Series, givers: GiverMap, lang: Locale = 'id'): SeriesView {
  const points = s.points;
  const trend = scoreTrend(s);
  const last = trend.at(-1);
  const previous = last?.previousYear == null ? null : (trend.at(-2) ?? null);
  const dimension = seriesStreakDimension(points);
  const summary = seriesStreaks(points);
  const streak = streakView(summary.current, dimension, s.title, lang);
  const trendView = last
    ? {
        year: last.year,
        score: last.score,
        previousYear: last.previousYear,
        previousScore: previous?.score ?? null,
        delta: last.delta,
        deltaPercent: last.deltaPercent,
        direction:
          last.delta === null
            ? null
            : last.delta > 0
              ? ('up' as const)
              : last.delta < 0
                ? ('down' as const)
                : ('flat' as const),
        phrase: formatTrendPoint(last, previous?.score ?? null, lang),
      }
    : null;
  const phrase = [trendView?.phrase, streak?.phrase].filter(Boolean).join('; ') || null;
  return {
    key: s.key,
    title: s.title,
    giver: s.giverCode ? (givers.get(s.giverCode) ?? null) : null,
    scaleId: s.scaleId,
    points: points.map((p) => ({
      awardId: Number(p.id),
      year: p.editionYear,
      score: p.score ?? null,
      grade: p.gradeCode ?? null,
      gradeLabel: p.gradeLabel ?? null,
      zone: p.zone ?? null,
      status: p.statusLabel ?? null,
    })),
    trend: trendView,
    streak,
    longestStreak: streakView(summary.longest, dimension, s.title, lang),
    phrase,
  };
}

/** Series views for a scope: keys in SQL, then their rows only. */
export async function loadSeries(
  db: Kysely<Database>,
  scope: RecapScope,
  f: SeriesFilter = {},
  lang: Locale = 'id',
): Promise<SeriesView[]> {
  return seriesViews(db, scope, await seriesKeys(db, scope, f), f.untilYear, lang);
}

/** Views of the given series (points up to `untilYear`), by key. */
export async function seriesViews(
  db: Kysely<Database>,
  scope: RecapScope,
  keys: readonly string[],
  untilYear?: number,
  lang: Locale = 'id',
): Promise<SeriesView[]> {
  if (!keys.length) return [];
  const series = groupSeries(await loadSeriesFacts(db, scope, keys, untilYear));
  const givers = await giverMap(
    db,
    series.map((s) => s.giverCode),
  );
  return series.map((s) => seriesView(s, givers, lang));
}

/**
 * A page of a scope's series in key order: at most `size` after the key `after` (null: from the
 * first), read in order and no further, and the key to ask the next page after (null: no more).
 */
export async function loadSeriesPage(
  db: Kysely<Database>,
  scope: RecapScope,
  p: { minYears: number; after: string | null; size: number },
  lang: Locale = 'id',
): Promise<{ items: SeriesView[]; next: string | null }> {
  // One more than the page, to know whether another follows.
  const keys = await seriesKeys(db, scope, { minYears: p.minYears, after: p.after, limit: p.size + 1 });
  const page = keys.slice(0, p.size);
  if (!page.length) return { items: [], next: null };
  const series = groupSeries(await loadSeriesFacts(db, scope, page));
  const givers = await giverMap(
    db,
    series.map((s) => s.giverCode),
  );
  return {
    items: series.map((s) => seriesView(s, givers, lang)),
    next: keys.length > p.size ? page[page.length - 1] : null,
  };
}

/** One series by key (every year), or null when nothing of it is visible. */
export async function loadOneSeries(
  db: Kysely<Database>,
  scope: RecapScope,
  key: string,
  lang: Locale = 'id',
): Promise<SeriesView | null> {
  const [series] = groupSeries(await loadSeriesFacts(db, scope, [key]));
  if (!series) return null;
  return seriesView(series, await giverMap(db, [series.giverCode]), lang);
}
