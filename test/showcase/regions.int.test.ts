import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheStats } from '../../src/http/pages/showcase/cache.ts';
import { startServer } from '../../src/http/server.ts';
import type { TestApp } from '../support/app.ts';
import { createTestApp } from '../support/app.ts';
import { HIDDEN, KAB_ONLY, KOTA_ONLY, type RegionsSeed, seedRegions } from './regions.ts';
import { dom } from './support.ts';

// Many regions in one deployment: each region's showcase at /wilayah/{code} shows its own
// verified public awards only; the root is the index of regions; the comparison pages group
// peers, tell "not reported" from zero, count a recurring award as a streak and publish weights.

describe('showcase of many regions', () => {
  let t: TestApp;
  let seed: RegionsSeed;
  beforeAll(async () => {
    t = await createTestApp();
    seed = await seedRegions(t.db.db, t.units.root.id);
  }, 60_000);
  afterAll(() => t.close());

  const get = (path: string) => t.call('public', 'GET', path);
  const text = (html: string) => dom(html).querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? '';

  it('the root is the index of regions, each linking to its showcase', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const links = [...dom(res.text).querySelectorAll('main a[href]')].map((a) => a.getAttribute('href'));
    for (const code of ['36.71', '36.03', '36.02', '36.74', '36', '32.73'])
      expect(links).toContain(`/wilayah/${code}`);
    expect(links).toContain('/perbandingan');
    expect(res.text).not.toContain(KOTA_ONLY);
  });

  it('each /wilayah page shows only its own verified public awards, on every page and download', async () => {
    const pages = [
      '',
      '/penghargaan',

      '/linimasa',
      '/data/penghargaan.csv',
      '/data/penghargaan.json',
      '/unit',
    ];
    for (const [code, own, other] of [
      ['36.71', KOTA_ONLY, KAB_ONLY],
      ['36.03', KAB_ONLY, KOTA_ONLY],
    ]) {
      for (const path of pages) {
        const url = `/wilayah/${code}${path}`;
        const res = await get(url);
        expect(res.status, url).toBe(200);
        expect(res.text, url).not.toContain(other);
        expect(res.text, url).not.toContain(HIDDEN);
        if (path !== '/unit') expect(res.text, url).toContain(own);
      }
    }
    // Links inside a region's pages stay under its base.
    const nav = [...dom((await get('/wilayah/36.03')).text).querySelectorAll('nav a[href]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(nav).toEqual([
      '/wilayah/36.03',
      '/wilayah/36.03/penghargaan',
      '/wilayah/36.03/unit',
      '/wilayah/36.03/linimasa',
      '/wilayah/36.03/data',
    ]);
    // The region's open-data page links the export API for that region, and those answer.
    const dataLinks = [...dom((await get('/wilayah/36.03/data')).text).querySelectorAll('main a[href]')].map(
      (a) => a.getAttribute('href')!,
    );
    expect(dataLinks).toContain('/api/v1/exports/open-data.zip?region=36.03');
    const csv = (await get('/api/v1/exports/open-data/penghargaan.csv?region=36.03')).text;
    expect(csv).toContain(KAB_ONLY);
    expect(csv).not.toContain(KOTA_ONLY);
  });

  it("another region's award or unit is not found on a region's pages", async () => {
    expect((await get(`/wilayah/36.71/penghargaan/${seed.kotaAwardId}`)).status).toBe(200);
    const award = await get(`/wilayah/36.03/penghargaan/${seed.kotaAwardId}`);
    expect(award.status).toBe(404);
    expect(award.text).not.toContain(KOTA_ONLY);
    expect((await get(`/wilayah/36.03/unit/${seed.kotaUnit}`)).status).toBe(404);
    expect((await get(`/wilayah/36.03/unit/${seed.kabUnit}`)).status).toBe(200);
    for (const id of seed.hiddenIds) expect((await get(`/wilayah/36.71/penghargaan/${id}`)).status).toBe(404);
  });

  it('an unknown region code gets a clear 404 page naming it', async () => {
    for (const code of ['99.99', '36.99', 'abc']) {
      const res = await get(`/wilayah/${code}`);
      expect(res.status, code).toBe(404);
      expect(text(res.text)).toContain(`"${code}" tidak ada di sini`);
    }
    const en = await get('/wilayah/99.99?lang=en');
    expect(text(en.text)).toContain('There is no region with code "99.99"');
  });

  it("old root links move to the record's region; region-only pages go to the index", async () => {
    const res = await get(`/penghargaan/${seed.kabAwardId}`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/wilayah/36.03/penghargaan/${seed.kabAwardId}`);
    expect((await get(`/penghargaan/${seed.hiddenIds[0]}`)).status).toBe(404);
    expect((await get('/penghargaan')).headers.get('location')).toBe('/');
  });

  it('the open data of every region holds every region, and links each region’s own', async () => {
    const csv = (await get('/data/penghargaan.csv')).text;
    expect(csv).toContain(KOTA_ONLY);
    expect(csv).toContain(KAB_ONLY);
    expect(csv).not.toContain(HIDDEN);
    const links = [...dom((await get('/data')).text).querySelectorAll('main a[href]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain('/wilayah/36.03/data');
  });

  function rows(html: string, kind: string) {
    return [...dom(html).querySelectorAll(`section[data-kind="${kind}"] tbody tr`)].map((tr) => ({
      code: tr.getAttribute('data-region'),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()),
    }));
  }

  it('the national page compares within peer groups, tells not reported from zero, counts a series once', async () => {
    const res = await get('/perbandingan?tahun=2025');
    expect(res.status).toBe(200);
    const html = res.text;
    expect(text(html)).toContain('2021–2025');
    // Kota: Tangerang 8 awards (3 + BPK five years) = 4 achievements, score 4 + 4 + 2×3 + 4 (the
    // series once) = 18, BPK on record (1 of 10 assessments), WTP five years running.
    expect(rows(html, 'kota')).toEqual([
      {
        code: '36.71',
        cells: ['1', '8', '4', '18', '1/10', 'WTP 5 tahun berturut-turut (Opini BPK atas LKPD)'],
      },
      { code: '36.74', cells: ['2', '1', '1', '6', '0/10', '—'] },
      // Reported before the period, nothing in it: a zero with a rank, not "not reported".
      { code: '32.73', cells: ['3', '0', '0', '0', '0/10', '—'] },
    ]);
    expect(rows(html, 'kabupaten')).toEqual([
      { code: '36.03', cells: ['1', '1', '1', '5', '0/10', '—'] },
      { code: '36.02', cells: ['—', 'Belum melapor'] },
    ]);
    // KLA is held for kabupaten and kota only: a province is measured against nine.
    expect(rows(html, 'provinsi')).toEqual([{ code: '36', cells: ['1', '1', '1', '4', '0/9', '—'] }]);
    // The weights are published: level and rank tables read from the declared constants.
    const d = dom(html);
    const level = [...d.querySelectorAll('#level-weights tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent!.trim()).join(' '),
    );
    expect(level).toContain('Internasional 5');
    expect(level).toContain('Nasional 4');
    expect(
      [...d.querySelectorAll('#rank-weights tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent!.trim()).join(' '),
      ),
    ).toContain('Peringkat 1 3');
    // The filter form of a region's list stays in the region.
    const form = dom((await get('/wilayah/36.03/penghargaan')).text).querySelector('form.filters');
    expect(form?.getAttribute('action')).toBe('/wilayah/36.03/penghargaan');
    expect(text(html)).toContain('Belum melapor: belum ada satu pun penghargaan terverifikasi');
    expect(html).not.toContain(HIDDEN);
  });

  it('an earlier period ends the streak there and counts that window only', async () => {
    const html = (await get('/perbandingan?tahun=2023')).text;
    const kota = rows(html, 'kota');
    // 2019–2023: Juara provinsi 2023 (6) + BPK 2021–2023 once (4); WTP three years running.
    expect(kota[0]).toEqual({
      code: '36.71',
      cells: ['1', '4', '2', '10', '1/10', 'WTP 3 tahun berturut-turut (Opini BPK atas LKPD)'],
    });
  });

  it("a province's page lists its kabupaten and kota, not another province's", async () => {
    const res = await get('/perbandingan/36');
    expect(res.status).toBe(200);
    const codes = [...dom(res.text).querySelectorAll('tbody tr[data-region]')].map((tr) =>
      tr.getAttribute('data-region'),
    );
    expect(codes.sort()).toEqual(['36.02', '36.03', '36.71', '36.74']);
    expect(dom(res.text).querySelector('h1')?.textContent).toBe('Kabupaten dan kota di Provinsi Banten');
    // The province's own showcase leads there.
    const links = [...dom((await get('/wilayah/36')).text).querySelectorAll('main a[href]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain('/perbandingan/36');
    expect((await get('/perbandingan/99')).status).toBe(404);
  });

  it('speaks English when asked', async () => {
    const html = (await get('/perbandingan?tahun=2025&lang=en')).text;
    expect(dom(html).querySelector('h1')?.textContent).toBe('Comparing regions');
    expect(rows(html, 'kabupaten')[1].cells).toEqual(['—', 'Not reported']);
    expect(rows(html, 'kota')[0].cells[5]).toBe('WTP 5 years in a row (Opini BPK atas LKPD)');
  });
  // Last: closing the server closes the database it was given.
  it('the direct path answers each region with its own page, for any query string', async () => {
    const server = await startServer(
      { ...t.config, port: 0, logLevel: 'silent' },
      { db: t.db, host: '127.0.0.1' },
    );
    try {
      const fetchText = async (path: string) => (await fetch(`${server.url}${path}`)).text();
      const pages = new Map<string, string>();
      for (const code of ['36.71', '36.03']) pages.set(code, await fetchText(`/wilayah/${code}`));
      const { directHits } = pageCacheStats(t.db.db);
      // Both are remembered by path; asked again (with a query string) each gets its own.
      for (let i = 0; i < 5 && pageCacheStats(t.db.db).directHits < directHits + 2; i++)
        for (const code of ['36.71', '36.03'])
          expect(await fetchText(`/wilayah/${code}?utm=${i}`)).toBe(pages.get(code));
      expect(pageCacheStats(t.db.db).directHits).toBeGreaterThanOrEqual(directHits + 2);
      expect(pages.get('36.71')).toContain(KOTA_ONLY);
      expect(pages.get('36.03')).toContain(KAB_ONLY);
      expect(pages.get('36.03')).not.toContain(KOTA_ONLY);
    } finally {
      await server.close();
    }
  });
});
