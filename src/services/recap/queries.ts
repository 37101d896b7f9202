// Recap counts aggregated in SQL, one concern per query. Every reader's view of a region or a
// unit's subtree — the public's, and a signed-in reader's with or without unverified records —
// is read from the counts the database keeps (counters.ts, migrations 017 and 019): one row per
// group, whatever the number of awards. The scopes those cannot answer (one unit's own awards,
// an operator's unverified view of a subtree) filter on the indexed columns (region_id, state,
// edition_year — see migrations) and group there.

import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { todayIso } from '../../domain/format.ts';
import type { Locale } from '../../domain/i18n.ts';
import type { YearCount } from '../../domain/recap/index.ts';
import { regionCodeOf } from '../../domain/region-code.ts';
import { countable, counted, countedByUnitPath, countedLatestYear, keptRows } from './counters.ts';
import { type RecapScope, visible, type YearFilter } from './scope.ts';

export interface FieldCount {
  code: string | null;
  name: string | null;
  count: number;
}
export interface GiverCount {
  code: string | null;
  /** The giver as typed, for awards whose giver is not in the list (code null). */
  text: string | null;
  abbreviation: string | null;
  name: string | null;
  count: number;
}
export interface LevelCount {
  level: string | null;
  count: number;
}
export type { YearCount };

const n = (x: unknown) => Number(x ?? 0);

function inYears(year: YearFilter) {
  return (eb: ExpressionBuilder<Database, 'awards'>): Expression<SqlBool> =>
    year === null
      ? eb.and([])
      : typeof year === 'number'
        ? eb('awards.edition_year', '=', year)
        : eb('awards.edition_year', '<=', year.through);
}
const byCount =
  <T extends { count: number }>(key: (x: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || key(a).localeCompare(key(b));

/** Awards in `year`; null counts every year. */
export async function recapTotal(db: Kysely<Database>, scope: RecapScope, year: YearFilter): Promise<number> {
  if (countable(scope)) return (await counted(db, scope, 'level', year, null)).get('') ?? 0;
  const q = db
    .selectFrom('awards')
    .select((eb) => eb.fn.countAll().as('count'))
    .where(visible(scope))
    .where(inYears(year));
  return n((await q.executeTakeFirst())?.count);
}

/** Latest edition year with a visible award (at most `atMost` when given), or null. */
export async function recapLatestYear(
  db: Kysely<Database>,
  scope: RecapScope,
  atMost?: number,
): Promise<number | null> {
  if (countable(scope)) return countedLatestYear(db, scope, atMost);
  let q = db
    .selectFrom('awards')
    .select((eb) => eb.fn.max('awards.edition_year').as('year'))
    .where(visible(scope));
  if (atMost !== undefined) q = q.where('awards.edition_year', '<=', atMost);
  const row = await q.executeTakeFirst();
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}

/**
 * The year a recap shows when none is asked for — the showcase, the dashboard, the API, the
 * CLI and the exports all call this: the current year (in the region's clock, WIB) once it
 * has an award, else the latest past year that has one; a region with only future-dated
 * records gets the latest of those.
 */
export async function recapDefaultYear(db: Kysely<Database>, scope: RecapScope, now = new Date()) {
  const thisYear = Number(todayIso(now).slice(0, 4));
  return (await recapLatestYear(db, scope, thisYear)) ?? (await recapLatestYear(db, scope)) ?? thisYear;
}

/** Counts per edition year up to `toYear`, zero-filled from the first year with an award. */
export async function recapByYear(
  db: Kysely<Database>,
  scope: RecapScope,
  toYear: number,
): Promise<YearCount[]> {
  const rows = countable(scope)
    ? [...(await counted(db, scope, 'level', { through: toYear }, 'edition_year'))].map(([year, count]) => ({
        year,
        count,
      }))
    : await db
        .selectFrom('awards')
        .select((eb) => ['awards.edition_year as year', eb.fn.countAll().as('count')])
        .where(visible(scope))
        .where('awards.edition_year', '<=', toYear)
        .groupBy('awards.edition_year')
        .execute();
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((r) => [Number(r.year), n(r.count)]));
  const from = Math.min(...counts.keys());
  const out: YearCount[] = [];
  for (let y = from; y <= toYear; y++) out.push({ year: y, count: counts.get(y) ?? 0 });
  return out;
}

/** Counts by field in `year` (see YearFilter). */
export async function recapByField(
  db: Kysely<Database>,
  scope: RecapScope,
  year: YearFilter,
  lang: Locale = 'id',
): Promise<FieldCount[]> {
  const rows = countable(scope)
    ? [...(await counted(db, scope, 'field', year, 'key'))].map(([key, count]) => ({
        field_id: key === '' ? null : Number(key),
        count,
      }))
    : await db
        .selectFrom('awards')
        .select((eb) => ['awards.field_id', eb.fn.countAll().as('count')])
        .where(visible(scope))
        .where(inYears(year))
        .groupBy('awards.field_id')
        .execute();
  const fields = new Map(
    (await db.selectFrom('fields').select(['id', 'code', 'name_id', 'name_en']).execute()).map((f) => [
      f.id,
      f,
    ]),
  );
  return rows
    .map((r) => {
      const f = r.field_id === null ? undefined : fields.get(r.field_id);
      return {
        code: f?.code ?? null,
        name: f ? (lang === 'en' ? f.name_en : f.name_id) : null,
        count: n(r.count),
      };
    })
    .sort(byCount((x) => x.code ?? '\uffff'));
}

/**
 * Counts by giver in `year`; givers typed as free text count per text. With `limit`, only the
 * largest groups come back (free text can make many), so a page stays bounded.
 */
export async function recapByGiver(
  db: Kysely<Database>,
  scope: RecapScope,
  year: YearFilter,
  limit?: number,
): Promise<GiverCount[]> {
  const text = sql<
    string | null
  >`case when awards.awarding_body_id is null then awards.awarding_body_text end`;
  let q = db
    .selectFrom('awards')
    .select((eb) => ['awards.awarding_body_id', text.as('text'), eb.fn.countAll().as('count')])
    .where(visible(scope))
    .where(inYears(year))
    .groupBy(['awards.awarding_body_id', text]);
  if (limit !== undefined) q = q.orderBy(sql`count(*)`, 'desc').limit(limit);
  const rows =
    countable(scope) && !scope.unitPath
      ? keptGivers(await counted(db, scope, 'giver', year, 'key'), limit)
      : await q.execute();
  const ids = rows.map((r) => r.awarding_body_id).filter((x): x is number => x !== null);
  const givers = new Map(
    (ids.length
      ? await db
          .selectFrom('awarding_bodies')
          .select(['id', 'code', 'abbreviation', 'name'])
          .where('id', 'in', ids)
          .execute()
      : []
    ).map((g) => [g.id, g]),
  );
  return rows
    .map((r) => {
      const g = r.awarding_body_id === null ? undefined : givers.get(r.awarding_body_id);
      return {
        code: g?.code ?? null,
        text: g ? null : r.text,
        abbreviation: g?.abbreviation ?? null,
        name: g?.name ?? null,
        count: n(r.count),
      };
    })
    .sort(byCount((x) => x.code ?? `\uffff${x.text ?? ''}`));
}

export async function recapByLevel(
  db: Kysely<Database>,
  scope: RecapScope,
  year: YearFilter,
): Promise<LevelCount[]> {
  if (countable(scope) && !scope.unitPath)
    return [...(await counted(db, scope, 'level', year, 'key'))]
      .map(([key, count]) => ({ level: key === '' ? null : key, count }))
      .sort(byCount((x) => x.level ?? '\uffff'));
  const rows = await db
    .selectFrom('awards')
    .select((eb) => ['awards.level', eb.fn.countAll().as('count')])
    .where(visible(scope))
    .where(inYears(year))
    .groupBy('awards.level')
    .execute();
  return rows.map((r) => ({ level: r.level, count: n(r.count) })).sort(byCount((x) => x.level ?? '\uffff'));
}

/**
 * Awards since a date ("239 penghargaan sejak 1993") through `untilYear`: a dated award counts
 * from the date, an undated one from the date's year.
 * `untilYear` null counts every year.
 */
export async function recapCumulative(
  db: Kysely<Database>,
  scope: RecapScope,
  since: string | null,
  untilYear: number | null,
): Promise<number> {
  if (countable(scope) && !scope.unitPath) return countedCumulative(db, scope, since, untilYear);
  let q = db
    .selectFrom('awards')
    .select((eb) => eb.fn.countAll().as('count'))
    .where(visible(scope));
  if (untilYear !== null) q = q.where('awards.edition_year', '<=', untilYear);
  if (since) {
    const sinceYear = Number(since.slice(0, 4));
    q = q.where((eb) =>
      eb.or([
        eb('awards.received_on', '>=', since),
        eb.and([eb('awards.received_on', 'is', null), eb('awards.edition_year', '>=', sinceYear)]),
      ]),
    );
  }
  return n((await q.executeTakeFirst())?.count);
}

/**
 * Awards received from 1 January of `year` up to and including `monthDay` ('11-29') of it:
 * "so far this year" and, with `year - 1`, "the same period last year". Undated awards cannot
 * be placed in a period and are not counted.
 */
export async function recapReceivedUntil(
  db: Kysely<Database>,
  scope: RecapScope,
  year: number,
  monthDay: string,
): Promise<number> {
  const from = `${year}-01-01`;
  const until = `${year}-${monthDay}`;
  // The kept months before this one, and this month's days from the awards (a month's receipts).
  if (countable(scope) && !scope.unitPath) {
    const month = until.slice(0, 7);
    const months = await keptRows(db, scope, 'received', null)
      .where('c.key', '>=', `${year}-01`)
      .where('c.key', '<', month)
      .select(sql<string>`sum(c.n)`.as('count'))
      .executeTakeFirst();
    return n(months?.count) + (await receivedBetween(db, scope, null, `${month}-01`, until));
  }
  return receivedBetween(db, scope, null, from, until);
}

/**
 * Awards received from `from` through `until` (dates) in editions through `untilYear`, read by
 * the received-date index (awards_region_received: the same expression, equal to received_on
 * for a dated award), so a month costs a month's receipts.
 */
async function receivedBetween(
  db: Kysely<Database>,
  scope: RecapScope,
  untilYear: number | null,
  from: string,
  until: string,
): Promise<number> {
  const received = sql<string>`coalesce(awards.received_on, cast(awards.edition_year as text) || '-12-31')`;
  let q = db
    .selectFrom('awards')
    .select((eb) => eb.fn.countAll().as('count'))
    .where(visible(scope))
    .where('awards.received_on', 'is not', null)
    .where(received, '>=', from)
    .where(received, '<=', until);
  // `+ 0`: not an index term, or SQLite walks the year index (every award through the year) instead.
  if (untilYear !== null) q = q.where(sql`awards.edition_year + 0`, '<=', untilYear);
  return n((await q.executeTakeFirst())?.count);
}

/**
 * Direct counts per recipient unit path (team awards are counted separately, see units.ts).
 * `teams`: the region's team award ids (teamAwardIds), which units.ts reads for both.
 */
export async function recapByUnitPath(
  db: Kysely<Database>,
  scope: RecapScope,
  year: number | null,
  teams: number[],
): Promise<{ path: string; count: number }[]> {
  if (countable(scope)) return countedByUnitPath(db, scope, year, teams);
  let q = db
    .selectFrom('awards')
    .select((eb) => ['awards.unit_path', eb.fn.countAll().as('count')])
    .where(visible(scope))
    .where('awards.unit_path', 'is not', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('award_team_members as t')
            .select(sql`1`.as('one'))
            .whereRef('t.award_id', '=', 'awards.id'),
        ),
      ),
    );
  if (year !== null) q = q.where('awards.edition_year', '=', year);
  const rows = await q.groupBy('awards.unit_path').execute();
  return rows.map((r) => ({ path: r.unit_path as string, count: n(r.count) }));
}

/** Counts per region in `year` (see YearFilter): the index of regions, the national pages. */
export async function recapByRegion(
  db: Kysely<Database>,
  scope: RecapScope,
  year: YearFilter,
): Promise<Map<string, number>> {
  if (countable(scope) && !scope.unitPath) {
    const kept = await counted(db, scope, 'level', year, 'region_id');
    return new Map([...kept].map(([id, count]) => [regionCodeOf(Number(id)), count]));
  }
  const rows = await db
    .selectFrom('awards')
    .select((eb) => ['awards.region_id', eb.fn.countAll().as('count')])
    .where(visible(scope))
    .where(inYears(year))
    .groupBy('awards.region_id')
    .execute();
  return new Map(rows.map((r) => [regionCodeOf(r.region_id), n(r.count)]));
}

/** Kept giver groups (key: id, '~' + text, or '' for neither) as the rows the query above returns. */
function keptGivers(kept: Map<string, number>, limit: number | undefined) {
  const rows = [...kept].map(([key, count]) => ({
    awarding_body_id: key === '' || key.startsWith('~') ? null : Number(key),
    text: key.startsWith('~') ? key.slice(1) : null,
    count,
  }));
  if (limit === undefined) return rows;
  // The largest groups, as `order by count(*) desc limit` picks them; ties by key, so the cut is stable.
  return rows
    .sort(
      (a, b) =>
        b.count - a.count ||
        String(a.awarding_body_id ?? a.text).localeCompare(String(b.awarding_body_id ?? b.text)),
    )
    .slice(0, limit);
}

/**
 * recapCumulative from the kept counts: the months received after the date's month, plus the
 * undated awards from the date's year's edition on, plus that month's awards received on or
 * after the date — the one part the months cannot split, read from the awards.
 */
async function countedCumulative(
  db: Kysely<Database>,
  scope: RecapScope,
  since: string | null,
  untilYear: number | null,
): Promise<number> {
  const years = untilYear === null ? null : { through: untilYear };
  if (!since) return (await counted(db, scope, 'level', years, null)).get('') ?? 0;
  const month = since.slice(0, 7);
  const sum = sql<string>`sum(c.n)`.as('count');
  const [later, undated, partial] = await Promise.all([
    keptRows(db, scope, 'received', years).where('c.key', '>', month).select(sum).executeTakeFirst(),
    keptRows(db, scope, 'received', years)
      .where('c.key', '=', '')
      .where('c.edition_year', '>=', Number(since.slice(0, 4)))
      .select(sum)
      .executeTakeFirst(),
    receivedBetween(db, scope, untilYear, since, `${month}-31`),
  ]);
  return n(later?.count) + n(undated?.count) + partial;
}
