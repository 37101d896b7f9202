import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECAP_SERIES } from '../../src/services/recap/recap.ts';
import type { TestApp } from '../support/app.ts';
import { createTestApp } from '../support/app.ts';
import { type BulkAward, type BulkOptions, bulkAward, insertBulkAwards } from '../support/bulk-awards.ts';

// A unit's report card lists at most RECAP_SERIES series, the most recently active (latest
// year, then key), like a region's recap, and says when there are more. Two bulk batches make
// recency matter: the older one's series run 1995–2010, the newer one's 2015–2025, so in 2025
// the newer series come first whatever their keys. Dinas Kesehatan with Puskesmas has ~136
// series (more than RECAP_SERIES), Dinas Kesehatan alone ~68 (fewer). The expected answer is
// worked out here from the generator's formula, not by the code under test.

describe("a unit's report card: its series bounded like a region's recap", () => {
  let t: TestApp;
  let batches: BulkOptions[];
  let rows: (BulkAward & { unitId: number })[];

  beforeAll(async () => {
    t = await createTestApp();
    const { root, dinkes, puskesmas, bkpsdm } = t.units;
    const units = [root, dinkes, puskesmas, bkpsdm].map((u) => ({ id: u.id, path: u.path }));
    const fields = await t.db.db.selectFrom('fields').select('id').orderBy('id').limit(5).execute();
    const base = { regionCode: '36.71', units, fieldIds: fields.map((f) => f.id) };
    // 220 series of 16 years, then 80 of 11 years numbered after them (3,520 = 320 × 11).
    batches = [
      { ...base, count: 3_520, fromYear: 1995, years: 16 },
      { ...base, count: 880, fromYear: 2015, years: 11, offset: 3_520 },
    ];
    for (const o of batches) await insertBulkAwards(t.db.db, o);
    rows = batches.flatMap((o) =>
      Array.from({ length: o.count }, (_, k) => {
        const r = bulkAward(k + 1, o);
        return { ...r, unitId: units[r.unitIndex].id };
      }),
    );
  }, 60_000);
  afterAll(() => t.close());

  /** Series of at least two years up to `year`: the RECAP_SERIES latest (then by key), listed by key. */
  const expected = (of: typeof rows, year: number) => {
    const years = new Map<string, Set<number>>();
    for (const r of of) {
      if (!r.seriesKey || r.year > year) continue;
      years.set(r.seriesKey, (years.get(r.seriesKey) ?? new Set()).add(r.year));
    }
    const last = (k: string) => Math.max(...(years.get(k) ?? []));
    const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const all = [...years.keys()].filter((k) => (years.get(k)?.size ?? 0) >= 2);
    const latest = [...all].sort((a, b) => last(b) - last(a) || byKey(a, b));
    const listed = (keys: string[]) =>
      keys
        .slice(0, RECAP_SERIES)
        // Listed as groupSeries lists them (localeCompare); picked in SQL's byte order.
        .sort((a, b) => a.localeCompare(b))
        .map((k) => ({ key: k, years: [...(years.get(k) ?? [])].sort((a, b) => a - b) }));
    return { picked: listed(latest), firstByKey: listed(all.sort(byKey)), count: all.length };
  };
  const seen = (r: { series: { key: string; points: { year: number }[] }[] }) =>
    r.series.map((s) => ({ key: s.key, years: s.points.map((p) => p.year) }));

  it('more series than RECAP_SERIES: exactly RECAP_SERIES, the most recently active, seriesMore true', async () => {
    const { dinkes, puskesmas } = t.units;
    const subtree = new Set([dinkes.id, puskesmas.id]);
    const inSubtree = rows.filter((r) => subtree.has(r.unitId));
    const verified = inSubtree.filter((r) => r.state === 'verified');
    for (const [who, of, query] of [
      ['public', verified.filter((r) => r.isPublic), ''],
      ['admin', verified, ''],
      ['admin', inSubtree, '&includeUnverified=true'],
    ] as const) {
      const want = expected([...of], 2025);
      expect(want.count).toBeGreaterThan(RECAP_SERIES);
      // Recency decides, not key order: the newer batch's series push older ones with smaller keys out.
      expect(want.picked).not.toEqual(want.firstByKey);
      const res = await t.call(who, 'GET', `/api/v1/recap/units/${dinkes.id}?year=2025${query}`);
      expect(res.status).toBe(200);
      expect(res.json.seriesMore).toBe(true);
      expect(res.json.series).toHaveLength(RECAP_SERIES);
      expect(seen(res.json)).toEqual(want.picked);
    }
  });

  it('fewer series than RECAP_SERIES: all of them, seriesMore false', async () => {
    const { dinkes } = t.units;
    const own = rows.filter((r) => r.unitId === dinkes.id && r.state === 'verified');
    for (const [who, of] of [
      ['public', own.filter((r) => r.isPublic)],
      ['admin', own],
    ] as const) {
      const want = expected([...of], 2025);
      expect(want.count).toBeLessThan(RECAP_SERIES);
      expect(want.count).toBeGreaterThan(0);
      const res = await t.call(
        who,
        'GET',
        `/api/v1/recap/units/${dinkes.id}?year=2025&includeSubunits=false`,
      );
      expect(res.status).toBe(200);
      expect(res.json.seriesMore).toBe(false);
      expect(res.json.series).toHaveLength(want.count);
      expect(seen(res.json)).toEqual(want.picked);
    }
  });

  /** Every series key of the series API for `query`, followed page by page. */
  async function allSeries(who: 'public' | 'admin', query: string) {
    const keys: string[] = [];
    let after: string | null = '';
    while (after !== null) {
      const from: string = after ? `&after=${encodeURIComponent(after)}` : '';
      const res = await t.call(who, 'GET', `/api/v1/series?limit=200${query}${from}`);
      expect(res.status, query).toBe(200);
      keys.push(...res.json.items.map((s: { key: string }) => s.key));
      after = res.json.next;
    }
    return keys;
  }
  /** Series keys of at least two years among `of`, by key. */
  const seriesOf = (of: typeof rows) => {
    const years = new Map<string, Set<number>>();
    for (const r of of)
      if (r.seriesKey) years.set(r.seriesKey, (years.get(r.seriesKey) ?? new Set()).add(r.year));
    return [...years]
      .filter(([, y]) => y.size >= 2)
      .map(([k]) => k)
      .sort();
  };

  it("seriesMore's pointer, the series API with the unit, lists that unit's series and no other", async () => {
    const { dinkes, puskesmas } = t.units;
    const subtree = rows.filter((r) => r.unitId === dinkes.id || r.unitId === puskesmas.id);
    const own = rows.filter((r) => r.unitId === dinkes.id);
    const verified = (of: typeof rows) => of.filter((r) => r.state === 'verified');
    for (const [who, of, query] of [
      ['public', (o: typeof rows) => verified(o).filter((r) => r.isPublic), ''],
      ['admin', verified, ''],
      ['admin', (o: typeof rows) => o, '&includeUnverified=true'],
    ] as const) {
      const card = await t.call(who, 'GET', `/api/v1/recap/units/${dinkes.id}?year=2025${query}`);
      expect(card.json.seriesMore).toBe(true);
      const listed = await allSeries(who, `&unit=${dinkes.id}${query}`);
      expect([...listed].sort(), `${who}${query}`).toEqual(seriesOf(of(subtree)));
      // The region has more (BKPSDM's, the root's): the unit filter is what keeps them out.
      expect((await allSeries(who, query)).length).toBeGreaterThan(listed.length);
      // Without sub-units: its own series, as its own card lists them (fewer than RECAP_SERIES).
      const ownCard = await t.call(
        who,
        'GET',
        `/api/v1/recap/units/${dinkes.id}?includeSubunits=false${query}`,
      );
      const ownListed = await allSeries(who, `&unit=${dinkes.id}&includeSubunits=false${query}`);
      expect([...ownListed].sort()).toEqual(seriesOf(of(own)));
      expect(ownListed).toEqual(ownCard.json.series.map((s: { key: string }) => s.key));
    }
    // Bad input: a clear 4xx.
    expect((await t.call('public', 'GET', '/api/v1/series?unit=abc')).status).toBe(422);
    expect((await t.call('public', 'GET', '/api/v1/series?unit=999999')).status).toBe(404);
    expect((await t.call('public', 'GET', `/api/v1/series?unit=${dinkes.id}&region=36.03`)).status).toBe(422);
    expect((await t.call('public', 'GET', `/api/v1/series?unit=${dinkes.id}&region=36.71`)).status).toBe(200);
  });
});
