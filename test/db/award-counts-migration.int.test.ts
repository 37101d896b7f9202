import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m017 from '../../src/db/migrations/017_award_counts.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertTestAppAwards } from '../support/bulk-awards.ts';
import { testDatabaseKind } from '../support/db.ts';

// Migration 017 replaces the public counts (012) by counts of every visibility; its down()
// puts 012's table back. Both directions must leave counts that match the awards already there.
describe(`migration 017 down and up on ${testDatabaseKind()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertTestAppAwards(t, 400);
  });
  afterAll(() => t.close());

  const rows = async (q: ReturnType<typeof sql<{ k: string; n: number }>>) =>
    (await q.execute(t.db.db)).rows.map((r) => [r.k, Number(r.n)]);
  /** Awards per level key (every award has one), counted from the awards. */
  const counted = (where: ReturnType<typeof sql>) =>
    rows(
      sql`select coalesce(level, '') as k, count(*) as n from awards where ${where} group by 1 order by 1`,
    );
  /** The same, as a kept table holds it. */
  const kept = (table: string) =>
    rows(
      sql`select key as k, sum(n) as n from ${sql.table(table)} where dim = 'level' group by 1 having sum(n) > 0 order by 1`,
    );

  it('down restores the public counts of the awards there; up counts every award again', async () => {
    const everyAward = await counted(sql`1 = 1`);
    const publicAwards = await counted(sql`state = 'verified' and is_public = 1`);
    expect(publicAwards.length).toBeGreaterThan(0);
    expect(publicAwards).not.toEqual(everyAward);
    await m017.down(t.db.db);
    expect(await kept('public_award_counts')).toEqual(publicAwards);
    await m017.up(t.db.db);
    expect(await kept('award_counts')).toEqual(everyAward);
    await expect(sql`select count(*) from public_award_counts`.execute(t.db.db)).rejects.toThrow();
  });
});
