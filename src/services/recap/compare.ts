// The comparison of regions (the national page, a province's page): per region, counted in SQL
// over the comparison window — raw awards, achievements with a series counted once, the weighted
// score from the published weights, the recurring national assessments on record — and, from the
// series rows alone, each region's longest running streak. Verified, public records only
// (PUBLIC_SCOPE): the same rule as every public page.

import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  COMPARISON_YEARS,
  comparePeers,
  DEFAULT_WEIGHT,
  LEVEL_WEIGHTS,
  NATIONAL_ASSESSMENTS,
  type PeerGroup,
  provinceCodeOf,
  RANK_WEIGHTS,
  type RegionKind,
  type RegionTally,
} from '../../domain/compare/index.ts';
import { groupSeries, seriesStreaks } from '../../domain/recap/index.ts';
import { regionIdOf } from '../../domain/region-code.ts';
import { listRegions, type Region } from '../units.ts';
import { factRows, toFact } from './facts.ts';
import { recapLatestYear } from './queries.ts';
import { PUBLIC_SCOPE, visible } from './scope.ts';

export interface Comparison {
  /** The window: `fromYear`..`toYear` inclusive. */
  fromYear: number;
  toYear: number;
  groups: PeerGroup[];
}

/** Which regions: every one, or the kabupaten/kota of one province (code '36'). */
export type ComparisonRegions = { all: true } | { province: string };

/** Level weight × rank weight as SQL, built from the declared tables (literals from code only). */
function weightSql(): RawBuilder<number> {
  const level = sql.join(
    Object.entries(LEVEL_WEIGHTS).map(([l, w]) => sql`when ${sql.lit(l)} then ${sql.lit(w)}`),
    sql` `,
  );
  const rank = sql.join(
    Object.entries(RANK_WEIGHTS).map(([r, w]) => sql`when ${sql.lit(Number(r))} then ${sql.lit(w)}`),
    sql` `,
  );
  const d = sql.lit(DEFAULT_WEIGHT);
  return sql<number>`(case awards.level ${level} else ${d} end) * (case awards.rank_position ${rank} else ${d} end)`;
}

const n = (x: unknown) => Number(x ?? 0);

function inRegions(codes: readonly string[]) {
  const ids = codes.map(regionIdOf);
  return (eb: ExpressionBuilder<Database, 'awards'>): Expression<SqlBool> =>
    eb('awards.region_id', 'in', ids.length ? ids : [-1]);
}

/** The regions compared: every tenant, or the kabupaten/kota of one province. */
async function regionsOf(db: Kysely<Database>, which: ComparisonRegions): Promise<Region[]> {
  const all = await listRegions(db);
  if ('all' in which) return all;
  return all.filter((r) => r.kind !== 'provinsi' && provinceCodeOf(r.code) === which.province);
}

/** The year a comparison ends in when none is asked: the latest year with a public award. */
export async function comparisonDefaultYear(db: Kysely<Database>, now = new Date()): Promise<number> {
  const thisYear = now.getUTCFullYear();
  return (await recapLatestYear(db, PUBLIC_SCOPE, thisYear)) ?? thisYear;
}

export async function compareRegions(
  db: Kysely<Database>,
  which: ComparisonRegions,
  toYear: number,
): Promise<Comparison> {
  const fromYear = toYear - COMPARISON_YEARS + 1;
  const regions = await regionsOf(db, which);
  const codes = regions.map((r) => r.code);
  const scope = visible(PUBLIC_SCOPE);
  const region = inRegions(codes);
  const inWindow = (eb: ExpressionBuilder<Database, 'awards'>) =>
    eb.and([eb('awards.edition_year', '>=', fromYear), eb('awards.edition_year', '<=', toYear)]);
  const weight = weightSql();
  const scaleIds = NATIONAL_ASSESSMENTS.map((a) => a.scaleId);

  const [first, window, seriesScore, covered, seriesRows] = await Promise.all([
    db
      .selectFrom('awards')
      .select((eb) => ['awards.region_id', eb.fn.min('awards.edition_year').as('first')])
      .where(scope)
      .where(region)
      .where('awards.edition_year', '<=', toYear)
      .groupBy('awards.region_id')
      .execute(),
    db
      .selectFrom('awards')
      .select((eb) => [
        'awards.region_id',
        eb.fn.countAll().as('awards'),
        sql<number>`sum(case when awards.series_key is null then 1 else 0 end)`.as('singles'),
        sql<number>`count(distinct awards.series_key)`.as('series'),
        sql<number>`sum(case when awards.series_key is null then ${weight} else 0 end)`.as('score'),
      ])
      .where(scope)
      .where(region)
      .where(inWindow)
      .groupBy('awards.region_id')
      .execute(),
    // A series scores once, at its best weight in the window.
    db
      .selectFrom(
        db
          .selectFrom('awards')
          .select(['awards.region_id', sql<number>`max(${weight})`.as('w')])
          .where(scope)
          .where(region)
          .where(inWindow)
          .where('awards.series_key', 'is not', null)
          .groupBy(['awards.region_id', 'awards.series_key'])
          .as('s'),
      )
      .select(['s.region_id', sql<number>`sum(s.w)`.as('score')])
      .groupBy('s.region_id')
      .execute(),
    db
      .selectFrom('awards')
      .select(['awards.region_id', 'awards.scale_id'])
      .distinct()
      .where(scope)
      .where(region)
      .where(inWindow)
      .where('awards.scale_id', 'in', scaleIds)
      .execute(),
    // Streaks: every point up to the window's end of the series active in the window.
    factRows(db)
      .select('awards.region_id')
      .where(scope)
      .where(region)
      .where('awards.edition_year', '<=', toYear)
      .where('awards.series_key', 'in', (eb) =>
        eb
          .selectFrom('awards')
          .select('awards.series_key')
          .where(scope)
          .where(region)
          .where(inWindow)
          .where('awards.series_key', 'is not', null),
      )
      .execute(),
  ]);

  const firstOf = new Map(first.map((r) => [r.region_id, n(r.first)]));
  const windowOf = new Map(window.map((r) => [r.region_id, r]));
  const seriesScoreOf = new Map(seriesScore.map((r) => [r.region_id, n(r.score)]));
  const coveredOf = new Map<number, string[]>();
  for (const r of covered) {
    if (!r.scale_id) continue;
    coveredOf.set(r.region_id, [...(coveredOf.get(r.region_id) ?? []), r.scale_id]);
  }
  const streakOf = bestStreaks(seriesRows, toYear);

  const tallies: RegionTally[] = regions.map((r) => {
    const id = regionIdOf(r.code);
    const w = windowOf.get(id);
    return {
      code: r.code,
      name: r.name,
      kind: r.kind as RegionKind,
      firstYear: firstOf.get(id) ?? null,
      awards: n(w?.awards),
      achievements: n(w?.singles) + n(w?.series),
      // Weights are whole or halves: two decimals keep SQL's float sums from showing noise.
      score: Math.round((n(w?.score) + (seriesScoreOf.get(id) ?? 0)) * 100) / 100,
      assessments: coveredOf.get(id) ?? [],
      streak: streakOf.get(id) ?? null,
    };
  });
  return { fromYear, toYear, groups: comparePeers(tallies) };
}

type SeriesRow = Parameters<typeof toFact>[0] & { region_id: number };

/** Per region, the longest streak still running at `toYear` (or the year before: BPK reports late). */
function bestStreaks(rows: readonly SeriesRow[], toYear: number): Map<number, RegionTally['streak']> {
  const byRegion = new Map<number, SeriesRow[]>();
  for (const r of rows) byRegion.set(r.region_id, [...(byRegion.get(r.region_id) ?? []), r]);
  const out = new Map<number, RegionTally['streak']>();
  for (const [code, list] of byRegion) {
    let best: RegionTally['streak'] = null;
    for (const s of groupSeries(list.map((r) => ({ ...toFact(r), title: r.programme ?? r.title })))) {
      const run = seriesStreaks(s.points).current;
      if (!run || run.toYear < toYear - 1 || run.length < 2) continue;
      if (!best || run.length > best.length) best = { title: s.title, ...run };
    }
    if (best) out.set(code, best);
  }
  return out;
}
