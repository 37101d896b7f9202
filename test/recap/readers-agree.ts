import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { Database, Role } from '../../src/db/schema.ts';
import { regionCodeOf } from '../../src/domain/region-code.ts';
import { readableAwards } from '../../src/services/access.ts';
import type { Actor } from '../../src/services/actor.ts';
import { QUEUE_SHOWN, workQueues } from '../../src/services/awards/queues.ts';
import { countable, teamAwardIds } from '../../src/services/recap/counters.ts';
import {
  recapByField,
  recapByGiver,
  recapByLevel,
  recapByRegion,
  recapByUnitPath,
  recapByYear,
  recapCumulative,
  recapLatestYear,
  recapReceivedUntil,
  recapTotal,
} from '../../src/services/recap/queries.ts';
import { type RecapScope, visible, type YearFilter } from '../../src/services/recap/scope.ts';
import type { TestApp } from '../support/app.ts';

// For counters.int.test.ts: every reader's recap counts, read through the kept counts, equal a
// count of what visible(scope) selects from the awards (the definition of what a reader sees).

const reader = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: 1,
  label: role,
  role,
  unitId: null,
  unitPath: null,
  regionId: 3671,
  readRegionIds: [3671],
  ...over,
});

function readers(t: TestApp): [string, Actor | null][] {
  const { dinkes } = t.units;
  return [
    ['public', null],
    ['admin', reader('admin')],
    ['verifikator', reader('verifikator')],
    ['kurator', reader('kurator')],
    ['viewer', reader('viewer')],
    ['operator', reader('operator', { unitId: dinkes.id, unitPath: dinkes.path })],
    // A province reads its kabupaten/kota (one without awards); a second one reads only one of them.
    ['provinsi', reader('provinsi', { regionId: 36, readRegionIds: [3671, 3603, 3674] })],
    ['provinsi of 36.03', reader('provinsi', { regionId: 36, readRegionIds: [3603] })],
    ['nasional', reader('nasional', { regionId: null, readRegionIds: null })],
  ];
}

const n = (x: unknown) => Number(x ?? 0);
const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

function awards(db: Kysely<Database>, scope: RecapScope, year: YearFilter) {
  let q = db.selectFrom('awards').where(visible(scope));
  if (typeof year === 'number') q = q.where('awards.edition_year', '=', year);
  else if (year !== null) q = q.where('awards.edition_year', '<=', year.through);
  return q;
}

async function truthTotal(db: Kysely<Database>, scope: RecapScope, year: YearFilter) {
  return n((await awards(db, scope, year).select(sql`count(*)`.as('n')).executeTakeFirst())?.n);
}

/** Each reader × with and without unverified × a region, another, every region × whole or a subtree. */
export async function everyReaderAgrees(t: TestApp, after: string): Promise<void> {
  const db = t.db.db;
  let kept = 0;
  for (const [name, actor] of readers(t))
    for (const includeUnverified of actor ? [false, true] : [false])
      for (const regionCode of ['36.71', '36.03', null])
        for (const unitPath of regionCode === '36.03' ? [null] : [null, t.units.dinkes.path]) {
          const scope: RecapScope = { regionCode, actor, includeUnverified, unitPath };
          const at = `${after}: ${name}${includeUnverified ? ' +unverified' : ''} ${regionCode ?? 'all'} ${unitPath ?? ''}`;
          // Kept for all but an operator's unverified view of a subtree (two paths, not kept).
          const isKept = countable(scope);
          expect(isKept, at).toBe(!(actor?.role === 'operator' && includeUnverified && unitPath));
          if (isKept) kept++;
          await agrees(db, scope, at);
        }
  expect(kept).toBeGreaterThan(50);
  // The dashboard's work queues: how many wait, from the kept counts, and the first ones.
  for (const [name, actor] of readers(t)) {
    if (actor === null) continue;
    const queues = await workQueues(db, actor);
    for (const state of ['submitted', 'returned'] as const) {
      const rows = await readableAwards(db, actor)
        .select('awards.id')
        .where('awards.state', '=', state)
        .execute();
      expect(queues[state].count, `${after}: ${name} ${state} waiting`).toBe(rows.length);
      expect(queues[state].first.length, `${after}: ${name} ${state} shown`).toBe(
        Math.min(rows.length, QUEUE_SHOWN),
      );
    }
  }
}

async function agrees(db: Kysely<Database>, scope: RecapScope, at: string) {
  for (const year of [null, 2019, { through: 2010 }])
    expect(await recapTotal(db, scope, year), `${at} total ${JSON.stringify(year)}`).toBe(
      await truthTotal(db, scope, year),
    );
  const years = await awards(db, scope, { through: 2025 })
    .select(['awards.edition_year as year', sql`count(*)`.as('n')])
    .groupBy('awards.edition_year')
    .execute();
  expect(
    (await recapByYear(db, scope, 2025)).filter((y) => y.count > 0),
    `${at} by year`,
  ).toEqual(years.map((y) => ({ year: n(y.year), count: n(y.n) })).sort((a, b) => a.year - b.year));
  const latest = await awards(db, scope, { through: 2020 })
    .select(sql`max(awards.edition_year)`.as('y'))
    .executeTakeFirst();
  expect(await recapLatestYear(db, scope, 2020), `${at} latest`).toBe(
    latest?.y === null || latest?.y === undefined ? null : n(latest.y),
  );
  const fields = await awards(db, scope, 2019)
    .leftJoin('fields as f', 'f.id', 'awards.field_id')
    .select(['f.code', sql`count(*)`.as('n')])
    .groupBy('f.code')
    .execute();
  expect(
    sorted((await recapByField(db, scope, 2019)).map((f) => [f.code, f.count])),
    `${at} by field`,
  ).toEqual(sorted(fields.map((f) => [f.code, n(f.n)])));
  const units = await awards(db, scope, null)
    .select(['awards.unit_path', sql`count(*)`.as('n')])
    .where('awards.unit_path', 'is not', null)
    .where('awards.id', 'not in', db.selectFrom('award_team_members').select('award_id'))
    .groupBy('awards.unit_path')
    .execute();
  expect(
    sorted(
      (await recapByUnitPath(db, scope, null, await teamAwardIds(db, scope.regionCode))).map((u) => [
        u.path,
        u.count,
      ]),
    ),
    `${at} by unit`,
  ).toEqual(sorted(units.map((u) => [u.unit_path, n(u.n)])));
  if (scope.unitPath) return;
  const levels = await awards(db, scope, null)
    .select(['awards.level', sql`count(*)`.as('n')])
    .groupBy('awards.level')
    .execute();
  expect(
    sorted((await recapByLevel(db, scope, null)).map((l) => [l.level, l.count])),
    `${at} by level`,
  ).toEqual(sorted(levels.map((l) => [l.level, n(l.n)])));
  const givers = await awards(db, scope, 2019)
    .select([
      'awards.awarding_body_id',
      sql`case when awards.awarding_body_id is null then awards.awarding_body_text end`.as('text'),
      sql`count(*)`.as('n'),
    ])
    .groupBy([
      'awards.awarding_body_id',
      sql`case when awards.awarding_body_id is null then awards.awarding_body_text end`,
    ])
    .execute();
  const gotGivers = await recapByGiver(db, scope, 2019);
  expect(sorted(gotGivers.map((g) => g.count)), `${at} by giver`).toEqual(sorted(givers.map((g) => n(g.n))));
  const regions = await awards(db, scope, 2019)
    .select(['awards.region_id', sql`count(*)`.as('n')])
    .groupBy('awards.region_id')
    .execute();
  expect(sorted([...(await recapByRegion(db, scope, 2019))]), `${at} by region`).toEqual(
    sorted(regions.map((r) => [regionCodeOf(n(r.region_id)), n(r.n)])),
  );
  // Since a date: the founding's, and one inside a month that holds receipts on and after it.
  for (const date of ['1993-02-28', '2019-06-15', '2019-06-16']) {
    const since = await awards(db, scope, { through: 2019 })
      .select(sql`count(*)`.as('n'))
      .where((eb) =>
        eb.or([
          eb('awards.received_on', '>=', date),
          eb.and([
            eb('awards.received_on', 'is', null),
            eb('awards.edition_year', '>=', Number(date.slice(0, 4))),
          ]),
        ]),
      )
      .executeTakeFirst();
    expect(await recapCumulative(db, scope, date, 2019), `${at} since ${date}`).toBe(n(since?.n));
  }
  // The same period of a year (the dashboard): received from 1 January through a day.
  for (const [year, until] of [
    [2019, '06-15'],
    [2024, '12-31'],
  ] as const) {
    const period = await awards(db, scope, null)
      .select(sql`count(*)`.as('n'))
      .where('awards.received_on', '>=', `${year}-01-01`)
      .where('awards.received_on', '<=', `${year}-${until}`)
      .executeTakeFirst();
    expect(await recapReceivedUntil(db, scope, year, until), `${at} received until`).toBe(n(period?.n));
  }
}
