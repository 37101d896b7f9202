// The newest-first walk behind seriesKeys with a limit (series.ts): the most recently active
// series of a scope, found by reading its awards newest year first from an index and stopping
// once enough keys pass, instead of grouping every award of the scope. Only series.ts calls it;
// everything else asks seriesKeys.

import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { countable, countedUnitPaths, teamOnly } from './counters.ts';
import { type RecapScope, visible } from './scope.ts';

/** Series keys read per query while walking a unit's awards newest first. */
const WALK_BATCH = 64;

type Point = readonly [year: number, key: string];

/** Newest year first, then by key (the order seriesKeys gives series with a limit). */
const before = (a: Point, b: Point) => a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * One unit's series points at or before `until`, newest year first and by key within a year,
 * read in that order from an index (awards_unit_series_latest, migration 016) a batch at a time.
 */
function unitPoints(db: Kysely<Database>, scope: RecapScope, path: string, until: number) {
  return points(
    () =>
      db
        .selectFrom('awards')
        .where(visible({ ...scope, unitPath: null }))
        .where('awards.unit_path', '=', path)
        .where('awards.series_key', 'is not', null),
    until,
    WALK_BATCH,
  );
}

/**
 * A whole scope's series points, newest year first and by key within a year (distinct): a
 * region's recap, signed in or not. No index lists a region's keys by year, so each year's keys
 * are sorted from that year's index entries (awards_recap_cover: region, state, year, …, series
 * key) — what one year holds, not the whole record — and read in batches of `batch`.
 */
function scopePoints(db: Kysely<Database>, scope: RecapScope, until: number, batch: number) {
  return points(
    () => db.selectFrom('awards').where(visible(scope)).where('awards.series_key', 'is not', null),
    until,
    batch,
    true,
  );
}

async function* points(
  // biome-ignore lint/suspicious/noExplicitAny: any select over awards
  base: () => SelectQueryBuilder<Database, 'awards', any>,
  until: number,
  batch: number,
  distinct = false,
): AsyncGenerator<Point> {
  for (let year = until; ; year--) {
    const next = await base()
      .select('awards.edition_year')
      .where('awards.edition_year', '<=', year)
      .orderBy('awards.edition_year', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!next) return;
    year = next.edition_year;
    for (let after: string | null = null; ; ) {
      let q = base()
        .select('awards.series_key')
        .where('awards.edition_year', '=', year)
        .orderBy('awards.series_key')
        .limit(batch);
      if (distinct) q = q.distinct();
      if (after !== null) q = q.where('awards.series_key', '>', after);
      const keys = (await q.execute()).map((r) => r.series_key as string);
      for (const key of keys) yield [year, key];
      if (keys.length < batch) break;
      after = keys[keys.length - 1];
    }
  }
}

/** Several streams in `before` order merged into one (few streams: a subtree's units). */
async function* merged(streams: AsyncIterable<Point>[]): AsyncGenerator<Point> {
  const its = streams.map((s) => s[Symbol.asyncIterator]());
  const heads = await Promise.all(its.map((it) => it.next()));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (!h.done && (best < 0 || before(h.value, heads[best].value as Point))) best = i;
    }
    if (best < 0) return;
    yield heads[best].value as Point;
    heads[best] = await its[best].next();
  }
}

/** The public's view of a subtree: each unit's points from an index, merged with the subtree's few team awards. */
async function subtreePoints(db: Kysely<Database>, scope: RecapScope, until: number) {
  const team = await teamOnly(db, scope, { through: until });
  const teamPoints = team
    ? (
        await team
          .select(['awards.edition_year', 'awards.series_key'])
          .where('awards.series_key', 'is not', null)
          .execute()
      )
        .map((r): Point => [r.edition_year, r.series_key as string])
        .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
    : [];
  async function* fromMemory() {
    yield* teamPoints;
  }
  const paths = await countedUnitPaths(db, scope);
  return merged([...paths.map((p) => unitPoints(db, scope, p, until)), fromMemory()]);
}

/**
 * What seriesKeys answers with a limit, reading about as many awards as are shown instead of
 * grouping every award of the scope. The awards are walked newest year first and by key within
 * a year: the first time a key is met is its latest year, so keys come in the order seriesKeys
 * sorts them, and each is checked for its number of years (by the series index) until `limit`
 * pass. With `activeSince` the walk stops at that year. The public's view of a unit's subtree
 * walks each unit's awards from an index (unitPoints) merged with the subtree's few team awards;
 * any other scope (a region's recap) walks the scope's awards a year at a time (scopePoints).
 */
export async function latestSeriesKeys(
  db: Kysely<Database>,
  scope: RecapScope,
  f: { untilYear: number; limit: number; activeSince?: number },
  /** Which of these keys pass the filter's other terms (seriesKeys with `only`), in their order. */
  passing: (only: string[]) => Promise<string[]>,
): Promise<string[]> {
  const walk =
    scope.unitPath && countable(scope)
      ? await subtreePoints(db, scope, f.untilYear)
      : scopePoints(db, scope, f.untilYear, Math.max(WALK_BATCH, f.limit + 1));
  const seen = new Set<string>();
  const out: string[] = [];
  let pending: string[] = [];
  const check = async () => {
    if (!pending.length) return;
    const passed = new Set(await passing(pending));
    for (const k of pending) if (passed.has(k) && out.length < f.limit) out.push(k);
    pending = [];
  };
  for await (const [year, key] of walk) {
    if (f.activeSince !== undefined && year < f.activeSince) break;
    if (seen.has(key)) continue;
    seen.add(key);
    pending.push(key);
    // Checked a batch at a time; the batch grows with what is still missing.
    if (pending.length >= f.limit - out.length) await check();
    if (out.length >= f.limit) break;
  }
  await check();
  return out;
}
