import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropCachedPages } from '../../src/http/pages/showcase/cache.ts';
import type { TestApp } from '../support/app.ts';
import { HIDDEN_TITLE, type SeedResult } from './seed.ts';
import { CSS_PATH, createShowcaseApp, dom } from './support.ts';

// The public showcase shows verified, public records only — on every page and download.

describe('public showcase: what the public may see', () => {
  let t: TestApp;
  let seed: SeedResult;
  let hostileId: number;
  beforeAll(async () => {
    ({ t, seed, hostileId } = await createShowcaseApp());
  }, 60_000);
  afterAll(() => t.close());

  const get = (path: string) => t.call('public', 'GET', path);

  it('never shows a draft, submitted, returned or non-public record on any page or download', async () => {
    const { dinkes, puskesmas, root } = t.units;
    const pages = [
      '/',
      '/?lang=en',
      '/penghargaan',
      '/penghargaan?tahun=2025',
      '/penghargaan?tahun=2025&bidang=kesehatan',
      `/penghargaan?unit=${puskesmas.id}&tahun=2025`,
      '/penghargaan?q=rahasia',
      `/unit/${root.id}`,
      `/unit/${dinkes.id}`,
      `/unit/${puskesmas.id}`,
      '/linimasa',
      '/data',
      '/data/penghargaan.csv',
      '/data/penghargaan.json',
    ];
    for (const path of pages) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.text, path).not.toContain(HIDDEN_TITLE);
    }
    // Every download the open-data page links to (ours and the export API's) is public-only.
    const links = [...dom((await get('/data')).text).querySelectorAll('main a[href]')].map(
      (a) => a.getAttribute('href')!,
    );
    expect(links).toContain('/api/v1/exports/open-data.zip');
    for (const href of links) {
      const res = await get(href);
      expect(res.status, href).toBe(200);
      expect(res.text, href).not.toContain(HIDDEN_TITLE);
    }
    // The compressed ones (xlsx, zip, pdf) cannot be searched as text: their readable twins can.
    const exported = (await get('/api/v1/exports/awards.json')).json;
    expect(JSON.stringify(exported)).not.toContain(HIDDEN_TITLE);
    expect(JSON.stringify(exported)).toContain('Penilaian Kepatuhan Pelayanan Publik 2024');
    expect((await get('/api/v1/exports/open-data/penghargaan.csv')).text).not.toContain(HIDDEN_TITLE);
    for (const id of seed.hiddenIds) {
      const res = await get(`/penghargaan/${id}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(HIDDEN_TITLE);
    }
    // The text search that would find them finds nothing.
    expect(dom((await get('/penghargaan?q=rahasia')).text).querySelectorAll('li.award')).toHaveLength(0);
  });

  it('counts only public records: the headline, the downloads and the unit rapor agree', async () => {
    const publicTotal = seed.publicCount + 1; // + the award with hostile text
    const json = (await get('/data/penghargaan.json')).json;
    expect(json.data).toHaveLength(publicTotal);
    expect(json.metadata.columns.map((c: { name: string }) => c.name)).toContain('tahun');
    const csv = (await get('/data/penghargaan.csv')).text;
    expect(csv.trim().split('\n')).toHaveLength(publicTotal + 1);
    // 87 seeded for 2025 plus the hostile one; the 4 hidden ones are 2025 too and must not count.
    const home = dom((await get('/')).text);
    expect(home.querySelector('.stat-main .stat-value')?.textContent).toBe('88');
    expect(home.querySelector('.stat-main .stat-label')?.textContent).toContain('2025');
    const rootUnit = dom((await get(`/unit/${t.units.root.id}`)).text);
    expect(rootUnit.querySelector('.stat-main .stat-value')?.textContent).toBe(
      new Intl.NumberFormat('id-ID').format(publicTotal),
    );
  });

  it('filters the list by URL: year, field, level, unit with its subtree, and text', async () => {
    const { db } = t.db;
    const base = () =>
      db
        .selectFrom('awards')
        .leftJoin('fields', 'fields.id', 'awards.field_id')
        .where('state', '=', 'verified')
        .where('is_public', '=', 1);
    const countWhere = async (f: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
      Number(
        (
          await f(base())
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const byYearField = await get('/penghargaan?tahun=2025&bidang=kesehatan');
    const expected = await countWhere((q) =>
      q.where('edition_year', '=', 2025).where('fields.code', '=', 'kesehatan'),
    );
    expect(expected).toBeGreaterThan(0);
    expect(totalOf(byYearField.text)).toBe(expected);
    const page = dom(byYearField.text);
    for (const item of page.querySelectorAll('li.award')) {
      expect(item.textContent).toContain('Kesehatan');
      expect(item.textContent).toContain('2025');
    }
    // The form shows the filters it applied, so the URL and the form agree.
    expect(page.querySelector('#f-tahun option[selected]')?.getAttribute('value')).toBe('2025');
    expect(page.querySelector('#f-bidang option[selected]')?.getAttribute('value')).toBe('kesehatan');

    const provinsi = await get('/penghargaan?tingkat=provinsi');
    expect(totalOf(provinsi.text)).toBe(await countWhere((q) => q.where('level', '=', 'provinsi')));

    // Dinas Kesehatan's list includes its Puskesmas (subtree).
    const dinkes = totalOf((await get(`/penghargaan?unit=${t.units.dinkes.id}`)).text);
    const own = await countWhere((q) => q.where('unit_id', '=', t.units.dinkes.id));
    const below = await countWhere((q) => q.where('unit_id', '=', t.units.puskesmas.id));
    expect(dinkes).toBe(own + below);

    const bknId = (
      await db.selectFrom('awarding_bodies').select('id').where('code', '=', 'bkn').executeTakeFirstOrThrow()
    ).id;
    const byGiver = await get('/penghargaan?pemberi=bkn');
    expect(totalOf(byGiver.text)).toBe(await countWhere((q) => q.where('awarding_body_id', '=', bknId)));
    expect(dom(byGiver.text).querySelector('#f-pemberi option[selected]')?.textContent).toBe('BKN');

    // Text search looks in title, programme and description, not in the giver's name.
    expect(totalOf((await get('/penghargaan?q=ombudsman')).text)).toBe(0);
    const kepatuhan = dom((await get('/penghargaan?q=kepatuhan')).text);
    expect(kepatuhan.querySelectorAll('li.award')).toHaveLength(seed.seriesIds.length);

    // Paging keeps the filters in the links.
    const all = dom((await get('/penghargaan?tahun=2025')).text);
    const next = all.querySelector('a[rel="next"]')?.getAttribute('href');
    expect(next).toBe('/penghargaan?tahun=2025&hal=2');
    const second = dom((await get(next!)).text);
    const firstIds = [...all.querySelectorAll('.award-title a')].map((a) => a.getAttribute('href'));
    const secondIds = [...second.querySelectorAll('.award-title a')].map((a) => a.getAttribute('href'));
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.filter((h) => firstIds.includes(h))).toEqual([]);
  });

  it('explains a bad filter on the page instead of failing', async () => {
    const res = await get('/penghargaan?tahun=duaribu&tingkat=galaksi&unit=999999&hal=-1');
    expect(res.status).toBe(200);
    const page = dom(res.text);
    const notice = page.querySelector('.notice')?.textContent ?? '';
    for (const name of ['tahun', 'tingkat', 'unit', 'hal']) expect(notice).toContain(`"${name}"`);
    expect(totalOf(res.text)).toBe(seed.publicCount + 1);
  });

  it('answers If-None-Match with 304 and marks pages as publicly cacheable', async () => {
    for (const path of [
      '/',
      '/penghargaan?tahun=2024',
      `/penghargaan/${seed.seriesIds[2]}`,
      '/data/penghargaan.csv',
    ]) {
      const first = await get(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const again = await t.call('public', 'GET', path, undefined, { 'if-none-match': etag! });
      expect(again.status, path).toBe(304);
      expect(again.text).toBe('');
      const other = await t.call('public', 'GET', path, undefined, { 'if-none-match': '"stale"' });
      expect(other.status).toBe(200);
    }
    // The two languages are different pages with different validators.
    expect((await get('/?lang=en')).headers.get('etag')).not.toBe(
      (await get('/?lang=id')).headers.get('etag'),
    );
  });

  it('serves the stylesheets and scripts with an ETag and answers 304 to it', async () => {
    for (const path of ['/aset/showcase.css', '/static/app.css', '/static/htmx.min.js']) {
      const first = await t.call('public', 'GET', path);
      expect(first.status, path).toBe(200);
      expect(first.text.length, path).toBeGreaterThan(1000);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
      const again = await t.call('public', 'GET', path, undefined, { 'if-none-match': etag! });
      expect([again.status, again.text, again.headers.get('etag')], path).toEqual([304, '', etag]);
      expect(again.headers.get('cache-control'), path).toBe('public, max-age=3600');
      const stale = await t.call('public', 'GET', path, undefined, { 'if-none-match': '"stale"' });
      expect(stale.status, path).toBe(200);
    }
  });

  it('speaks Indonesian unless ?lang= or the lang cookie asks for English, in that order; never by Accept-Language', async () => {
    const lang = async (path: string, headers: Record<string, string> = {}) =>
      /<html lang="(\w+)"/.exec((await t.call('public', 'GET', path, undefined, headers)).text)?.[1];
    expect(await lang('/')).toBe('id');
    expect(await lang('/', { 'accept-language': 'en-GB,en;q=0.9' })).toBe('id');
    expect(await lang('/', { 'accept-language': 'fr,en;q=0.5' })).toBe('id');
    expect(await lang('/?lang=en')).toBe('en');
    expect(await lang('/?lang=EN')).toBe('en');
    expect(await lang('/', { cookie: 'lang=en' })).toBe('en');
    expect(await lang('/', { cookie: 'lang=id', 'accept-language': 'en' })).toBe('id');
    expect(await lang('/?lang=id', { cookie: 'lang=en' })).toBe('id');
    expect(await lang('/?lang=id', { 'accept-language': 'en' })).toBe('id');
    expect(await lang('/?lang=xx')).toBe('id');
    expect(await lang('/?lang=xx', { cookie: 'lang=en' })).toBe('en');
  });

  it('shows a newly verified award within a second, and hides it again when reopened', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/awards', {
      title: 'Penghargaan Baru Terverifikasi',
      editionYear: 2025,
      fieldCode: 'kesehatan',
      recipientKind: 'unit',
      unitId: t.units.dinkes.id,
    });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const before = await get('/penghargaan?q=baru+terverifikasi');
    expect(before.text).not.toContain('Penghargaan Baru Terverifikasi');
    await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`)).json.state).toBe('verified');
    await new Promise((r) => setTimeout(r, 1100)); // the data version is checked at most once a second
    const after = await get('/penghargaan?q=baru+terverifikasi');
    expect(after.text).toContain('Penghargaan Baru Terverifikasi');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect((await get(`/penghargaan/${id}`)).status).toBe(200);

    await t.call('verifikator', 'POST', `/api/v1/awards/${id}/reopen`, {
      reason: 'Periksa kembali tanggalnya',
    });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await get(`/penghargaan/${id}`)).status).toBe(404);
    expect((await get('/penghargaan?q=baru+terverifikasi')).text).not.toContain(
      'Penghargaan Baru Terverifikasi',
    );
  });

  it('escapes text that came from outside and never links a javascript: URL', async () => {
    const pages = [
      '/',
      '/penghargaan?tahun=2025',
      `/penghargaan/${hostileId}`,
      `/unit/${t.units.puskesmas.id}`,
      '/linimasa',
    ];
    for (const path of pages) {
      const html = (await get(path)).text;
      expect(html, path).not.toMatch(/<script>alert/);
      expect(html, path).not.toMatch(/<img src=x/);
      expect(html, path).not.toContain('<b>Serang</b>');
    }
    const page = dom((await get(`/penghargaan/${hostileId}`)).text);
    expect(page.querySelector('h1')?.textContent).toBe('<script>alert("judul")</script> Lomba & "Inovasi"');
    expect(page.querySelector('title')?.textContent).toContain('<script>alert("judul")</script>');
    expect(page.querySelectorAll('script')).toHaveLength(0);
    const hrefs = [...page.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((h) => h.startsWith('javascript:'))).toBe(false);
    expect(hrefs).toContain('https://news.example.id/berita');
    expect(page.querySelector('blockquote')?.textContent).toContain('<script>alert("kutipan")</script>');
    // CSV cells that a spreadsheet would run as formulas are defused.
    const csv = (await get('/data/penghargaan.csv')).text;
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain("'=HYPERLINK");
  });

  it('serves the open data whole to parallel readers while its data moves on', async () => {
    // Each drop starts a new generation, so writes of several files overlap and finish in any
    // order; a reader must never be handed a file another request has just removed.
    const expected = (await get('/data/penghargaan.csv')).text;
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        if (i % 3 === 0) dropCachedPages(t.db.db);
        return get('/data/penghargaan.csv');
      }),
    );
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.text).toBe(expected);
    }
  });

  it('shows numbers and dates the Indonesian way, English when asked', async () => {
    const id = seed.seriesIds[2];
    const idPage = (await get(`/penghargaan/${id}`)).text;
    expect(idPage).toContain('94,76');
    expect(idPage).toContain('30 Januari 2025');
    expect(idPage).toContain('93,21'); // the series context
    const enPage = (await get(`/penghargaan/${id}?lang=en`)).text;
    expect(enPage).toContain('94.76');
    expect(enPage).toContain('30 January 2025');
    expect(dom(enPage).documentElement.getAttribute('lang')).toBe('en');
  });

  it('has a language, landmarks, sharing tags and chart text alternatives', async () => {
    const page = dom((await get('/')).text);
    expect(page.documentElement.getAttribute('lang')).toBe('id');
    for (const sel of ['header', 'nav', 'main', 'footer', 'a.skip[href="#isi"]'])
      expect(page.querySelector(sel), sel).not.toBeNull();
    for (const prop of ['og:title', 'og:description', 'og:url', 'og:type'])
      expect(page.querySelector(`meta[property="${prop}"]`)?.getAttribute('content'), prop).toBeTruthy();
    expect(page.querySelector('meta[property="og:url"]')?.getAttribute('content')).toMatch(
      /^https?:\/\/[^/]+\/$/,
    );
    expect(page.querySelector('meta[name="twitter:card"]')).not.toBeNull();
    // A shared link carries a picture (the emblem), and the browser's icon request is answered.
    expect(page.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(
      /^https?:\/\/[^/]+\/static\/emblem\.svg$/,
    );
    const icon = await get('/favicon.ico');
    expect([icon.status, icon.headers.get('location')]).toEqual([301, '/static/emblem.svg']);
    const charts = page.querySelectorAll('figure.chart');
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart.querySelector('svg')).not.toBeNull();
      expect(chart.querySelector('.chart-svg')?.getAttribute('aria-hidden')).toBe('true');
      expect(chart.querySelectorAll('table tbody tr').length).toBeGreaterThan(0);
    }
    expect(charts[0].querySelector('table')?.textContent).toContain('Kesehatan');
    // Every form control has a label.
    const list = dom((await get('/penghargaan')).text);
    for (const control of list.querySelectorAll('form select, form input:not([type="hidden"])')) {
      expect(
        list.querySelector(`label[for="${control.getAttribute('id')}"]`),
        control.getAttribute('name') ?? '',
      ).not.toBeNull();
    }
  });

  it('keeps every page under 100 KB of HTML and CSS', async () => {
    const css = await get(CSS_PATH);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    const pages = [
      '/',
      '/penghargaan',
      '/penghargaan?tahun=2025&hal=2',
      `/penghargaan/${seed.seriesIds[2]}`,
      `/unit/${t.units.root.id}`,
      `/unit/${t.units.dinkes.id}`,
      '/linimasa',
      '/data',
    ];
    for (const path of pages) {
      const html = await get(path);
      const bytes = Buffer.byteLength(html.text) + Buffer.byteLength(css.text);
      expect(bytes, path).toBeLessThan(100 * 1024);
    }
  });

  it('says "not found" with a page for unknown awards and units', async () => {
    for (const path of ['/penghargaan/999999', '/penghargaan/abc', '/unit/999999']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });

  it('a single-region install keeps its showcase at the root and also answers under /wilayah/{code}', async () => {
    const root = await get('/penghargaan');
    const under = await get('/wilayah/36.71/penghargaan');
    expect(under.status).toBe(200);
    expect(totalOf(under.text)).toBe(totalOf(root.text));
    // The root's links stay at the root; the region's under its base.
    expect(dom(root.text).querySelector('nav a[href*="penghargaan"]')?.getAttribute('href')).toBe(
      '/penghargaan',
    );
    expect(dom(under.text).querySelector('nav a[href*="penghargaan"]')?.getAttribute('href')).toBe(
      '/wilayah/36.71/penghargaan',
    );
    expect((await get('/perbandingan')).status).toBe(200);
    expect((await get('/wilayah/36.03')).status).toBe(404);
  });
});

function totalOf(html: string): number {
  return Number(dom(html).querySelector('.count strong')?.textContent?.split(' ')[0]?.replace(/\./g, ''));
}
