import '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_MARK, YEAR_TOTALS } from '../../src/demo/history.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { buildRecap } from '../../src/services/recap/recap.ts';
import { resolveScope } from '../../src/services/recap/scope.ts';
import { loadSeries } from '../../src/services/recap/series.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

// The recap of the Kota Tangerang demo must say what the seed reports say wherever the demo
// holds it: the four BKN awards of 9 October 2025 (report 004) and Ombudsman compliance
// 93.21 (2023) → 94.76 (2024), Kategori A Zona Hijau (report 003).

describe('recap on the demo data', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  it('counts the four BKN awards of 9 October 2025, and 2025 as the demo list holds it', async () => {
    const recap = await buildRecap(t.db, { actor: null, year: 2025 });
    expect(recap.region).toMatchObject({ code: '36.71', foundedOn: '1993-02-28' });
    const bkn = await t.db
      .selectFrom('awards')
      .select(['received_on', 'unit_path'])
      .where('state', '=', 'verified')
      .where('title', 'not like', `%${SAMPLE_MARK}%`)
      .where('awarding_body_id', '=', (eb) =>
        eb.selectFrom('awarding_bodies').select('id').where('code', '=', 'bkn'),
      )
      .execute();
    expect(bkn.map((b) => b.received_on)).toEqual(Array(4).fill('2025-10-09'));
    // BKPSDM filed all four: its row in the unit roll-up has them directly.
    const bkpsdm = recap.byUnit.find((u) => u.path === bkn[0].unit_path);
    expect(bkpsdm?.direct).toBeGreaterThanOrEqual(4);
    expect(recap.byGiver.find((g) => g.code === 'bkn')?.count).toBeGreaterThanOrEqual(4);

    // The totals are the demo's history (real events plus marked samples, by edition year).
    expect(recap.total).toBe(YEAR_TOTALS[2025]);
    expect(recap.previousYearTotal).toBe(YEAR_TOTALS[2024]);
    const upTo2022 = await buildRecap(t.db, { actor: null, year: 2022 });
    expect([upTo2022.total, upTo2022.cumulative.total]).toEqual([48, 239]);
  });

  it('shows Ombudsman compliance 93,21 → 94,76 (Kategori A, Zona Hijau)', async () => {
    const { scope } = await resolveScope(t.db, { actor: null });
    const series = await loadSeries(t.db, scope);
    const ombudsman = series.find(
      (s) => s.giver?.code === 'ombudsman' && s.points.some((p) => p.score === 94.76),
    );
    expect(ombudsman?.points.map((p) => [p.year, p.score, p.grade, p.zone])).toEqual([
      [2023, 93.21, 'A', 'hijau'],
      [2024, 94.76, 'A', 'hijau'],
    ]);
    expect(ombudsman?.trend).toMatchObject({ delta: 1.55, direction: 'up' });
    expect(ombudsman?.phrase).toBe('94,76, naik 1,55 dari 93,21 (2023); 2 tahun berturut-turut Zona Hijau');
    const recap2024 = await buildRecap(t.db, { actor: null, year: 2024 });
    expect(recap2024.series.map((s) => s.key)).toContain(ombudsman?.key);
  });
});
