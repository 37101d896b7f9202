import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m019 from '../../src/db/migrations/019_unit_unverified_counts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertTestAppAwards } from '../support/bulk-awards.ts';
import { testDatabaseKind } from '../support/db.ts';

// Migration 019 keeps the givers, levels and months of each unit's unverified records. Its up()
// counts the awards already there, its triggers every later write; its down() takes the groups
// away and its triggers stop writing them. (The counts of every write path, both directions
// included, are checked against the awards in test/recap/counters.int.test.ts.)
describe(`migration 019 down and up on ${testDatabaseKind()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertTestAppAwards(t, 300);
  });
  afterAll(() => t.close());

  /** Unverified awards with a unit per (path, level), counted from the awards. */
  const counted = async () =>
    (
      await sql<{ k: string; n: number }>`select unit_path || '|' || coalesce(level, '') as k, count(*) as n
      from awards where state <> 'verified' and unit_path is not null group by 1 order by 1`.execute(t.db.db)
    ).rows.map((r) => [r.k, Number(r.n)]);
  /** The same from the kept 'unit_level' groups. */
  const kept = async () =>
    (
      await sql<{ k: string; n: number }>`select key || '|' || sub as k, sum(n) as n from award_counts
      where dim = 'unit_level' group by 1 having sum(n) > 0 order by 1`.execute(t.db.db)
    ).rows.map((r) => [r.k, Number(r.n)]);
  const moveSomeToDraft = () =>
    sql`update awards set state = 'draft' where state = 'verified' and id % 7 = 0`.execute(t.db.db);

  it('down drops the unit groups and stops keeping them; up counts the awards there again', async () => {
    const before = await counted();
    expect(before.length).toBeGreaterThan(1);
    expect(await kept()).toEqual(before);

    await m019.down(t.db.db);
    expect(await kept()).toEqual([]);
    await moveSomeToDraft();
    expect(await kept(), 'down: the triggers no longer keep the unit groups').toEqual([]);

    await m019.up(t.db.db);
    const now = await counted();
    expect(now).not.toEqual(before);
    expect(await kept()).toEqual(now);
    await moveSomeToDraft();
    await sql`update awards set state = 'verified' where state = 'draft' and id % 3 = 0`.execute(t.db.db);
    expect(await kept(), 'up: the triggers keep them again').toEqual(await counted());
  });
});
