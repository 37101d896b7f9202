import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addAward } from './support.ts';

// Series with known answers: Ombudsman compliance 88.50 → 93.21 → 94.76 (three years in the
// green zone), BPK WDP in 2009 then WTP 2010–2024 (15 in a row), and a series with a missing
// year that breaks its run.

describe('recap series, trends and streaks', () => {
  let t: TestApp;
  let ombudsmanKey: string;
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.db.db;
    const region = { recipientKind: 'region', level: 'nasional' } as const;
    for (const [year, score] of [
      [2022, 88.5],
      [2023, 93.21],
      [2024, 94.76],
    ] as const) {
      await addAward(db, {
        ...region,
        title: `Predikat Kepatuhan Standar Pelayanan Publik ${year}`,
        programme: 'Penilaian Kepatuhan Standar Pelayanan Publik',
        editionYear: year,
        awardingBodyCode: 'ombudsman',
        fieldCode: 'pelayanan-publik',
        scaleId: 'ombudsman-kepatuhan',
        score,
      });
    }
    for (let year = 2009; year <= 2024; year++) {
      await addAward(db, {
        ...region,
        title: `Opini BPK atas LKPD ${year}`,
        programme: 'Opini BPK atas LKPD',
        editionYear: year,
        awardingBodyCode: 'bpk',
        fieldCode: 'keuangan',
        scaleId: 'bpk-opini',
        statusLabel: year === 2009 ? 'WDP' : 'WTP',
      });
    }
    for (const year of [2018, 2019, 2021, 2022]) {
      await addAward(db, {
        ...region,
        title: `Opini uji ${year}`,
        editionYear: year,
        seriesKey: 'uji:celah',
        statusLabel: 'WTP',
      });
    }
    // A single year is not a series.
    await addAward(db, {
      ...region,
      title: 'Sekali saja',
      programme: 'Sekali',
      awardingBodyCode: 'kemenkes',
      editionYear: 2024,
    });
    const list = await t.call('viewer', 'GET', '/api/v1/series');
    ombudsmanKey = list.json.items.find(
      (s: { giver: { code: string } | null }) => s.giver?.code === 'ombudsman',
    ).key;
  });
  afterAll(() => t.close());

  it('shows the score trend 93,21 → 94,76 (+1,55) and three years in the green zone', async () => {
    const res = await t.call('public', 'GET', `/api/v1/series/${encodeURIComponent(ombudsmanKey)}`);
    expect(res.status).toBe(200);
    const s = res.json;
    expect(s.title).toBe('Penilaian Kepatuhan Standar Pelayanan Publik');
    expect(s.giver.abbreviation).toBe('Ombudsman RI');
    expect(
      s.points.map((p: { year: number; score: number; grade: string; zone: string }) => [
        p.year,
        p.score,
        p.grade,
        p.zone,
      ]),
    ).toEqual([
      [2022, 88.5, 'A', 'hijau'],
      [2023, 93.21, 'A', 'hijau'],
      [2024, 94.76, 'A', 'hijau'],
    ]);
    expect(s.trend).toMatchObject({
      year: 2024,
      score: 94.76,
      previousYear: 2023,
      previousScore: 93.21,
      delta: 1.55,
      direction: 'up',
    });
    expect(s.trend.phrase).toBe('94,76, naik 1,55 dari 93,21 (2023)');
    expect(s.streak).toMatchObject({
      dimension: 'zone',
      value: 'hijau',
      length: 3,
      fromYear: 2022,
      toYear: 2024,
    });
    expect(s.streak.phrase).toBe('3 tahun berturut-turut Zona Hijau');
    expect(s.phrase).toBe('94,76, naik 1,55 dari 93,21 (2023); 3 tahun berturut-turut Zona Hijau');
  });

  it('counts WTP 15 times in a row, and a missing year breaks a run', async () => {
    const list = (await t.call('viewer', 'GET', '/api/v1/series')).json.items;
    expect(list).toHaveLength(3); // the one-year programme is not a series
    const bpk = list.find((s: { giver: { code: string } | null }) => s.giver?.code === 'bpk');
    expect(bpk.streak).toMatchObject({
      dimension: 'status',
      value: 'WTP',
      length: 15,
      fromYear: 2010,
      toYear: 2024,
    });
    expect(bpk.streak.phrase).toBe('WTP 15 kali berturut-turut');
    expect(bpk.trend).toBeNull();
    const gap = (await t.call('viewer', 'GET', '/api/v1/series/uji:celah')).json;
    expect(gap.streak).toMatchObject({ value: 'WTP', length: 2, fromYear: 2021, toYear: 2022 });
    expect(gap.longestStreak).toMatchObject({ length: 2, fromYear: 2021 });
    expect((await t.call('viewer', 'GET', '/api/v1/series/tidak-ada')).status).toBe(404);
  });

  it("lists a region's series a page at a time, by key, each once", async () => {
    const whole = (await t.call('viewer', 'GET', '/api/v1/series')).json;
    expect(whole.next).toBeNull();
    const keys: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res = await t.call(
        'viewer',
        'GET',
        `/api/v1/series?limit=2${after === null ? '' : `&after=${encodeURIComponent(after)}`}`,
      );
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(2);
      keys.push(...res.json.items.map((s: { key: string }) => s.key));
      after = res.json.next;
      if (after === null) break;
      // Whole series on every page: every point of the last one.
      expect(res.json.items.at(-1).points.length).toBeGreaterThan(1);
    }
    expect(keys.sort()).toEqual(whole.items.map((s: { key: string }) => s.key).sort());
    expect(new Set(keys).size).toBe(keys.length);
    const bad = await t.call('viewer', 'GET', '/api/v1/series?limit=0');
    expect(bad.status).toBe(422);
  });

  it('the recap lists the series still running, measured up to its year', async () => {
    const r = (await t.call('viewer', 'GET', '/api/v1/recap?year=2025')).json;
    expect(r.series.map((s: { key: string }) => s.key).sort()).toEqual([ombudsmanKey, list_bpk(r)].sort());
    const y2023 = (await t.call('viewer', 'GET', '/api/v1/recap?year=2023')).json;
    const bpk = y2023.series.find((s: { giver: { code: string } | null }) => s.giver?.code === 'bpk');
    expect(bpk.streak.length).toBe(14); // 2010–2023: later years are not counted in a 2023 recap
    const omb = y2023.series.find((s: { key: string }) => s.key === ombudsmanKey);
    expect(omb.trend.phrase).toBe('93,21, naik 4,71 dari 88,5 (2022)');
    const en = (await t.call('viewer', 'GET', '/api/v1/recap?year=2025&lang=en')).json;
    expect(en.series.find((s: { key: string }) => s.key === ombudsmanKey).streak.phrase).toBe(
      'Green Zone 3 years in a row',
    );
  });
});

function list_bpk(r: { series: { key: string; giver: { code: string } | null }[] }): string {
  return r.series.find((s) => s.giver?.code === 'bpk')!.key;
}
