import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecapText } from '../../src/cli/commands/recap.ts';
import { COUNT_CAP } from '../../src/services/awards/read.ts';
import { recapXlsx } from '../../src/services/exports/recap.ts';
import { RECAP_SERIES } from '../../src/services/recap/recap.ts';
import { MAX_SERIES, unitPageData } from '../../src/services/showcase/unit.ts';
import type { TestApp } from '../support/app.ts';
import { createTestApp } from '../support/app.ts';
import {
  type BulkAward,
  type BulkOptions,
  bulkAward,
  insertTestAppAwards,
  publicBulkAwards,
} from '../support/bulk-awards.ts';
import { dom } from './support.ts';

// The showcase on a database far larger than the demo: 20,000 awards in one region, 15,200 of
// them public. Every number on the pages must match what the rows say, counted here from the
// generator's formula, not by the code under test.
//
// Why 20,000 is enough (it was 60,000; the bulk insert, which keeps the public counts by
// trigger, was most of the file's 36–41 s a database): the largest bound on these pages is the
// list's count cap (COUNT_CAP, 10,000: the unfiltered list must say "10.000+", and the count of
// a filtered list must be exact), then the unit page's newest 50 and the list's pages of 20;
// 15,200 public awards pass the cap by half, and every year, unit and level has hundreds. Its
// ~640 series, all running, pass the recap's RECAP_SERIES (100) six times over.

const COUNT = 20_000;

describe('public pages on a large database', () => {
  let t: TestApp;
  let o: BulkOptions;
  /** What the public may see, from the generator's formula (built once). */
  let shown: BulkAward[];
  let every: BulkAward[] | undefined;
  /** Every row as the generator's formula says, worked out once (the signed-in recap's). */
  const rows = () => (every ??= Array.from({ length: COUNT }, (_, k) => bulkAward(k + 1, o)));
  const get = (path: string) => t.call('public', 'GET', path);
  const num = (s: string | null | undefined) => Number((s ?? '').trim().split(' ')[0].replace(/\./g, ''));

  beforeAll(async () => {
    t = await createTestApp();
    o = await insertTestAppAwards(t, COUNT);
    shown = publicBulkAwards(o);
  }, 120_000);
  afterAll(() => t.close());

  it('home: the headline year, its count, the change and the count since founding', async () => {
    const res = await get('/?utm_source=test');
    expect(res.status).toBe(200);
    const doc = dom(res.text);
    const inYear = (y: number) => shown.filter((r) => r.year === y).length;
    expect(doc.querySelector('#stat-year')?.textContent).toContain('2025');
    expect(num(doc.querySelector('.stat-main .stat-value')?.textContent)).toBe(inYear(2025));
    expect(doc.querySelectorAll('.stat-note')[0]?.textContent).toContain(
      `2024: ${inYear(2024).toLocaleString('id-ID')}`,
    );
    // Every award is dated after the founding (1993) or has an edition year after it.
    expect(num(doc.querySelectorAll('.stat .stat-value')[2]?.textContent)).toBe(shown.length);
    // The field table: one row per field with that year's count.
    const fieldTable = doc.querySelector('#chart-field-t')?.parentNode as unknown as ParentNode;
    const fieldCells = [...fieldTable.querySelectorAll('tbody td')].map((td) => num(td.textContent));
    expect(fieldCells).toHaveLength(o.fieldIds.length);
    expect(fieldCells.reduce((a, b) => a + b, 0)).toBe(inYear(2025));
    expect(res.text.length).toBeLessThan(100_000);
  });

  it('timeline: every year from the founding with its count, highlights from the top level', async () => {
    const res = await get('/linimasa');
    expect(res.status).toBe(200);
    const doc = dom(res.text);
    const years = [...doc.querySelectorAll('.tl-year')].map((li) => ({
      year: Number(li.querySelector('.tl-head a')?.textContent),
      count: num(li.querySelector('.tl-head .pill')?.textContent),
      highlights: [...li.querySelectorAll('ul li:not(.more)')].map((x) => x.textContent ?? ''),
    }));
    const expected = new Map<number, number>();
    for (const r of shown) expected.set(r.year, (expected.get(r.year) ?? 0) + 1);
    expect(years.map((y) => [y.year, y.count])).toEqual(
      [...expected].sort((a, b) => b[0] - a[0]).map(([y, n]) => [y, n]),
    );
    for (const y of years) {
      expect(y.highlights).toHaveLength(3);
      for (const h of y.highlights) expect(h).toContain('Internasional');
      // Read in order from an index (migration 011): with no rank or score on these rows, the
      // first three international awards of the year by title, then id.
      const expectedTitles = shown
        .filter((r) => r.year === y.year && r.level === 'internasional')
        .map((r) => r.title)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, 3);
      expect(y.highlights.map((h) => h.match(/Penghargaan massal \d+/)?.[0])).toEqual(expectedTitles);
    }
    expect(res.text).toContain('1993');
  });

  it('unit page: the subtree total, sub-unit totals, the newest 50 and how many more', async () => {
    const { dinkes, puskesmas } = t.units;
    const res = await get(`/unit/${dinkes.id}`);
    expect(res.status).toBe(200);
    const doc = dom(res.text);
    const inDinkes = shown.filter((r) => r.unitIndex === 1 || r.unitIndex === 2);
    expect(num(doc.querySelector('.stat-main .stat-value')?.textContent)).toBe(inDinkes.length);
    const sub = [...doc.querySelectorAll('.unit-list li')].find((li) =>
      li.textContent?.includes('Puskesmas'),
    );
    expect(num(sub?.querySelector('.pill')?.textContent)).toBe(
      inDinkes.filter((r) => r.unitIndex === 2).length,
    );
    expect(sub?.querySelector('a')?.getAttribute('href')).toBe(`/unit/${puskesmas.id}`);
    const listed = [...doc.querySelectorAll('#unit-awards + ul li')];
    expect(listed).toHaveLength(50);
    // Newest first: the latest year, then the latest date.
    const newest = [...inDinkes].sort(
      (a, b) => b.year - a.year || (b.receivedOn ?? '').localeCompare(a.receivedOn ?? ''),
    )[0];
    expect(listed[0].querySelector('.award-meta')?.textContent).toContain(String(newest.year));
    expect(res.text).toContain(`dan ${(inDinkes.length - 50).toLocaleString('id-ID')} lainnya`);
  });

  it("unit page: the subtree's most recently active series, as the rows say", async () => {
    // Walked newest first and stopped at MAX_SERIES (src/services/recap/series-walk.ts); here grouped
    // from every row of the subtree, the way the page picked them before.
    const { dinkes } = t.units;
    const inDinkes = shown.filter((r) => r.unitIndex === 1 || r.unitIndex === 2);
    const latest = Math.max(...inDinkes.map((r) => r.year));
    const years = new Map<string, { title: string; years: Set<number> }>();
    for (const r of inDinkes) {
      if (!r.seriesKey) continue;
      const s = years.get(r.seriesKey) ?? { title: r.programme as string, years: new Set() };
      s.years.add(r.year);
      years.set(r.seriesKey, s);
    }
    const last = (k: string) => Math.max(...(years.get(k)?.years ?? []));
    const picked = [...years.keys()]
      .filter((k) => (years.get(k)?.years.size ?? 0) >= 2)
      .sort((a, b) => last(b) - last(a) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_SERIES);
    // Shown by key, as groupSeries orders them.
    const expected = [...picked]
      .sort((a, b) => a.localeCompare(b))
      .map((k) => ({
        key: k,
        title: years.get(k)?.title,
        years: [...(years.get(k)?.years ?? [])].sort((a, b) => a - b),
      }));
    expect(expected).toHaveLength(MAX_SERIES);
    expect(expected.every((e) => e.years.at(-1) === latest)).toBe(true);
    const page = await unitPageData(t.db.db, dinkes.id, '36.71', 'id');
    expect(
      page.series.map((s) => ({ key: s.key, title: s.title, years: s.points.map((p) => p.year) })),
    ).toEqual(expected);
    // The page lists them, each with its years.
    const doc = dom((await get(`/unit/${dinkes.id}`)).text);
    const items = [...doc.querySelectorAll('#repeated ~ ul li')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(MAX_SERIES);
    expected.forEach((e, k) => {
      expect(items[k]).toContain(e.title as string);
      expect(items[k]).toContain(e.years.join(', '));
    });
  });

  it('recap API: every count of a year, since the founding and by unit, from the kept counts', async () => {
    // Migration 012: the public recap reads counts the database keeps, not the awards.
    const res = await get('/api/v1/recap?year=2020');
    expect(res.status).toBe(200);
    const r = res.json;
    const inYear = shown.filter((x) => x.year === 2020);
    expect(r.total).toBe(inYear.length);
    expect(r.previousYearTotal).toBe(shown.filter((x) => x.year === 2019).length);
    // Founded 1993-02-28, every award from 1995 on: since the founding is every year through 2020.
    expect(r.cumulative.total).toBe(shown.filter((x) => x.year <= 2020).length);
    const tally = <K extends string | number>(key: (x: BulkAward) => K) => {
      const m = new Map<K, number>();
      for (const x of inYear) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
      return m;
    };
    const levels = tally((x) => x.level);
    expect(
      Object.fromEntries(r.byLevel.map((l: { level: string; count: number }) => [l.level, l.count])),
    ).toEqual(Object.fromEntries(levels));
    const fields = tally((x) => o.fieldIds[x.fieldIndex]);
    const codeOf = new Map(
      (await t.db.db.selectFrom('fields').select(['id', 'code']).execute()).map((f) => [f.code, f.id]),
    );
    expect(
      Object.fromEntries(
        r.byField.map((f: { code: string; count: number }) => [codeOf.get(f.code), f.count]),
      ),
    ).toEqual(Object.fromEntries(fields));
    const { root, dinkes, puskesmas, bkpsdm } = t.units;
    const units = tally((x) => x.unitIndex);
    const totals = Object.fromEntries(
      r.byUnit.map((u: { unitId: number; total: number; direct: number }) => [u.unitId, [u.total, u.direct]]),
    );
    const of = (i: number) => units.get(i) ?? 0;
    expect(totals[root.id]).toEqual([inYear.length, of(0)]);
    expect(totals[dinkes.id]).toEqual([of(1) + of(2), of(1)]);
    expect(totals[puskesmas.id]).toEqual([of(2), of(2)]);
    expect(totals[bkpsdm.id]).toEqual([of(3), of(3)]);
    expect(r.byYear.find((y: { year: number }) => y.year === 1995).count).toBe(
      shown.filter((x) => x.year === 1995).length,
    );
  });

  it('recap API: the RECAP_SERIES most recently active running series, more flagged, as the rows say', async () => {
    // Walked newest year first and stopped at RECAP_SERIES + 1 (src/services/recap/series-walk.ts);
    // here grouped from every row, the way the recap listed all of them before.
    const expected = (of: BulkAward[], year: number) => {
      const years = new Map<string, Set<number>>();
      for (const r of of) {
        if (!r.seriesKey || r.year > year) continue;
        years.set(r.seriesKey, (years.get(r.seriesKey) ?? new Set()).add(r.year));
      }
      const last = (k: string) => Math.max(...(years.get(k) ?? []));
      const running = [...years.keys()]
        .filter((k) => (years.get(k)?.size ?? 0) >= 2 && last(k) >= year - 1)
        .sort((a, b) => last(b) - last(a) || (a < b ? -1 : a > b ? 1 : 0));
      const picked = running
        .slice(0, RECAP_SERIES)
        .sort((a, b) => a.localeCompare(b))
        .map((k) => ({ key: k, years: [...(years.get(k) ?? [])].sort((a, b) => a - b) }));
      return { picked, running: running.length };
    };
    const seen = (r: { series: { key: string; points: { year: number }[] }[] }) =>
      r.series.map((s) => ({ key: s.key, years: s.points.map((p) => p.year) }));
    const verified = rows().filter((r) => r.state === 'verified');
    for (const [who, of, year] of [
      ['public', shown, 2025],
      ['public', shown, 2010],
      ['admin', verified, 2025],
      ['admin', verified, 2010],
    ] as const) {
      const want = expected(of, year);
      expect(want.running).toBeGreaterThan(RECAP_SERIES);
      const res = await t.call(who, 'GET', `/api/v1/recap?year=${year}`);
      expect(res.status).toBe(200);
      expect(res.json.seriesMore).toBe(true);
      expect(res.json.series).toHaveLength(RECAP_SERIES);
      expect(seen(res.json)).toEqual(want.picked);
    }
    // The terminal and the spreadsheet say that more run and where they are.
    const publicRecap = (await get('/api/v1/recap?year=2025')).json;
    expect(formatRecapText(publicRecap, 'id')).toContain(
      'dan seri lain yang masih berjalan (semua: GET /api/v1/series)',
    );
    expect(formatRecapText(publicRecap, 'en')).toContain('and more running series');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await recapXlsx(publicRecap)) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Ringkasan')?.getSheetValues().flat().join(' ');
    expect(summary).toContain(`${RECAP_SERIES} yang terakhir aktif di lembar Seri; masih ada seri lain`);
    expect(wb.getWorksheet('Seri')?.rowCount).toBe(RECAP_SERIES + 1);
    // Drafts too (signed in): still bounded, still the rows' answer.
    const all = expected(rows(), 2025);
    const res = await t.call('admin', 'GET', '/api/v1/recap?year=2025&includeUnverified=true');
    expect(res.json.seriesMore).toBe(all.running > RECAP_SERIES);
    expect(seen(res.json)).toEqual(all.picked);
  });

  it('list and data pages: totals and pages of 20, never the whole table', async () => {
    const list = await get('/penghargaan?tahun=2025&hal=3');
    expect(list.status).toBe(200);
    const doc = dom(list.text);
    expect(num(doc.querySelector('.count strong')?.textContent)).toBe(
      shown.filter((r) => r.year === 2025).length,
    );
    expect(doc.querySelectorAll('ul.awards > li')).toHaveLength(20);
    // Unfiltered, the count stops at the cap and says so; pages past it are refused with a fix.
    expect(shown.length, 'the database must be larger than the cap').toBeGreaterThan(COUNT_CAP);
    const all = await get('/penghargaan');
    expect(dom(all.text).querySelector('.count strong')?.textContent).toContain('10.000+');
    const api = await get('/api/v1/awards?pageSize=5');
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ total: 10_000, totalExact: false, pageSize: 5 });
    expect(api.json.items).toHaveLength(5);
    const narrow = await get('/api/v1/awards?year=2025&pageSize=5');
    expect(narrow.json).toMatchObject({
      total: shown.filter((r) => r.year === 2025).length,
      totalExact: true,
    });
    const deep = await get('/api/v1/awards?page=3000&pageSize=5');
    expect(deep.status).toBe(422);
    expect(deep.json.error.details[0].field).toBe('page');
    const data = await get('/data');
    expect(data.status).toBe(200);
    expect(data.text).toContain(shown.length.toLocaleString('id-ID'));
    expect(data.text).toContain('report-2025.pdf');
  });
});
