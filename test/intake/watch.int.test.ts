import type { LookupAddress } from 'node:dns';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lookup } from '../../src/services/intake/watch/address.ts';
import { pollDue } from '../../src/services/intake/watch/poll.ts';
import { pageClient } from '../pages/browser.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { FixtureSite } from './fixture-server.ts';

// Watched sources end to end against a local site: feeds, a sitemap and a "berita" list page
// bring new articles in as findings, a second round brings nothing twice, and every broken
// source or page is reported against itself while the rest go on. Articles written for this test
// in the shape of pemda press releases (headline, dateline, award sentence, closing line).

const story = (headline: string, sentence: string, extra = '') =>
  `${headline}\n\nTANGERANG – ${sentence} Penghargaan itu diterima Wali Kota Tangerang di Jakarta.\n\n${extra}Wali Kota mengatakan capaian itu hasil kerja seluruh warga Kota Tangerang.`;

const SEHAT = story(
  'Pemkot Tangerang Raih Penghargaan Swasti Saba Wistara',
  'Pemerintah Kota Tangerang meraih penghargaan Swasti Saba Wistara dari Kementerian Kesehatan pada Selasa (11/11/2025).',
  'Penilaian meliputi tatanan permukiman, sarana umum, pasar, dan tatanan kehidupan sosial yang sehat di setiap kecamatan. Tim penilai dari pusat dan provinsi melakukan verifikasi lapangan selama tiga hari di sejumlah kelurahan. ',
);
const KLA = story(
  'Kota Tangerang Kembali Jadi Kota Layak Anak',
  'Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak kategori Utama dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak pada Sabtu (23/8/2025).',
);
const OMBUDSMAN = story(
  'Ombudsman Beri Pemkot Tangerang Predikat Kepatuhan Tinggi',
  'Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76.',
);
const ADIPURA = story(
  'Pemkot Tangerang Sabet Penghargaan Adipura – Lagi',
  'Pemerintah Kota Tangerang meraih penghargaan Adipura dari Kementerian Lingkungan Hidup pada Rabu (5/3/2025).',
);

const PPD = story(
  'Pemkot Tangerang Raih Penghargaan Pembangunan Daerah',
  'Pemerintah Kota Tangerang meraih Penghargaan Pembangunan Daerah dari Kementerian PPN/Bappenas pada Senin (12/5/2025).',
);

const PPD_2024 = story(
  'Kota Tangerang Terima Penghargaan Pembangunan Daerah 2024',
  'Pemerintah Kota Tangerang meraih Penghargaan Pembangunan Daerah 2024 kategori kota dari Kementerian PPN/Bappenas pada Selasa (7/5/2024).',
);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const page = (text: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${esc(text.split('\n')[0])}</title>${head}</head><body><article><h1>${esc(text.split('\n')[0])}</h1>${text
    .split('\n\n')
    .slice(1)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}</article></body></html>`;

const rss = (items: { title: string; link: string; html: string }[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Berita</title>${items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${i.link}</link><pubDate>Wed, 12 Nov 2025 08:00:00 +0700</pubDate><description>${esc(i.html)}</description></item>`,
    )
    .join('')}</channel></rss>`;

const sitemap = (urls: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((u, i) => `<url><loc>${u}</loc><lastmod>2025-12-${String(20 - i).padStart(2, '0')}</lastmod></url>`)
    .join('')}</urlset>`;

describe('watched news sources', () => {
  let t: TestApp;
  let site: FixtureSite;
  const ids: Record<string, number> = {};
  let firstRoundEnd = 0;
  const opts = { hostDelayMs: 100, timeoutMs: 600, retries: 1, backoffMs: 20, allowPrivate: true };
  const health = async (name: string) =>
    (await t.call('kurator', 'GET', `/api/v1/intake/sources/${ids[name]}`)).json;
  const queue = async () => (await t.call('kurator', 'GET', '/api/v1/intake/findings?limit=500')).json;

  beforeAll(async () => {
    t = await createTestApp({ intakeWatchAllowPrivate: true });
    site = await new FixtureSite().start();
    const u = site.url;
    const pages: Record<string, string> = {
      '/berita/kota-layak-anak-utama-2025': page(KLA),
      '/berita/predikat-kepatuhan-tinggi-ombudsman': page(OMBUDSMAN),
      '/berita/pemkot-sabet-adipura-lagi': page(
        ADIPURA,
        '<script>var x = "meraih penghargaan palsu";</script>',
      ),
    };
    for (const [path, body] of Object.entries(pages)) site.routes.set(path, { body });
    site.routes.set('/feed.xml', {
      type: 'application/rss+xml',
      etag: true,
      body: rss([
        { title: SEHAT.split('\n')[0], link: u('/berita/swasti-saba-wistara-2025'), html: page(SEHAT) },
        // A teaser: the watcher fetches the page behind it.
        {
          title: KLA.split('\n')[0],
          link: u('/berita/kota-layak-anak-utama-2025'),
          html: 'Baca selengkapnya…',
        },
      ]),
    });
    // Windows-1252, declared: the en dash in the headline is byte 0x96.
    const cp1252 = Buffer.from(
      page(ADIPURA).replace('utf-8', 'windows-1252').replace(/–/g, '\u0096'),
      'latin1',
    );
    site.routes.set('/berita/adipura-dari-arsip-lama', {
      body: cp1252,
      type: 'text/html; charset=windows-1252',
    });
    site.routes.set('/berita/berkas-biner-rusak', {
      body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    });
    site.routes.set('/berita/halaman-raksasa-sekali', { body: `<p>${'kata '.repeat(700_000)}</p>` });
    site.routes.set('/berita/ukuran-bohong-sekali', { body: 'x'.repeat(10), lieLength: 50_000_000 });
    site.routes.set('/berita/pengodean-tak-dikenal', {
      body: page(KLA),
      type: 'text/html; charset=x-klingon',
    });
    site.routes.set('/berita/bersarang-sangat-dalam', {
      body: `<html><body>${'<div>'.repeat(60_000)}Pemerintah Kota Tangerang${'</div>'.repeat(60_000)}</body></html>`,
    });
    site.routes.set('/sitemap.xml', {
      type: 'application/xml',
      body: sitemap([
        u('/berita/predikat-kepatuhan-tinggi-ombudsman'),
        u('/berita/adipura-dari-arsip-lama'),
        u('/berita/berkas-biner-rusak'),
        u('/berita/halaman-raksasa-sekali'),
        u('/berita/ukuran-bohong-sekali'),
        u('/berita/pengodean-tak-dikenal'),
        u('/berita/bersarang-sangat-dalam'),
        'javascript:alert(1)',
      ]),
    });
    site.routes.set('/berita', {
      body: `<html><body><nav><a href="/tag/penghargaan/">Tag</a></nav><main>
        <a href="/berita/pemkot-sabet-adipura-lagi">Adipura</a>
        <a href="javascript:alert(document.cookie)">klik</a><a href="mailto:humas@example.go.id">surel</a>
        <a href="/foto/adipura-2025-besar.jpg">foto</a><a href="https://elsewhere.example/berita/lain-situs-juga-ada">luar</a>
        </main><script>document.write('<a href="/berita/dari-skrip-tidak-dihitung">x</a>')</script></body></html>`,
    });
    site.routes.set('/rusak-500.xml', { status: 500, body: 'Internal error' });
    site.routes.set('/lambat.xml', { hang: true });
    site.routes.set('/tidak-valid.xml', {
      type: 'application/rss+xml',
      body: '<?xml version="1.0"?><rss><channel><item><title>A</title></channel></item></rss>',
    });
    site.routes.set('/sibuk.xml', { type: 'application/rss+xml', failFirst: 1, body: rss([]) });

    const sources: [string, string, string][] = [
      ['feed', '/feed.xml', 'feed'],
      ['sitemap', '/sitemap.xml', 'sitemap'],
      ['list', '/berita', 'html'],
      ['500', '/rusak-500.xml', 'feed'],
      ['slow', '/lambat.xml', 'feed'],
      ['invalid', '/tidak-valid.xml', 'feed'],
      ['busy', '/sibuk.xml', 'feed'],
    ];
    for (const [name, path, kind] of sources) {
      const res = await t.call('kurator', 'POST', '/api/v1/intake/sources', {
        url: u(path),
        kind,
        name: `Sumber ${name}`,
        outlet: 'Portal Uji',
        intervalMinutes: 30,
      });
      expect(res.status, res.text).toBe(201);
      ids[name] = res.json.id;
    }
  });
  afterAll(async () => {
    await site?.close();
    await t?.close();
  });

  it('takes in new articles from feeds, sitemaps and list pages as findings; broken ones are reported per source and per link', async () => {
    const reports = await pollDue(t.db.db, opts);
    firstRoundEnd = Date.now();
    const by = (name: string) => reports.find((r) => r.sourceId === ids[name]);
    expect(reports).toHaveLength(7);

    expect(by('feed')).toMatchObject({ status: 'ok', listed: 2, articles: 2 });
    expect(by('feed')?.findings).toBe(2);
    expect(by('sitemap')).toMatchObject({ status: 'ok', listed: 7 });
    // Four articles: Kota Sehat, KLA (feed), Ombudsman (sitemap), Adipura (sitemap in
    // Windows-1252 and list page in UTF-8: the same text, stored once, whichever came first).
    expect(reports.reduce((n, r) => n + r.articles, 0)).toBe(4);
    // The list page yields its one article link on its own site: not the tag page, the photo,
    // the javascript:/mailto: links, another site or a link written by a script.
    expect(by('list')).toMatchObject({ status: 'ok', listed: 1, newLinks: 1 });

    const errors = Object.fromEntries(
      (by('sitemap')?.itemErrors ?? []).map((e) => [new URL(e.url).pathname, e.error]),
    );
    expect(errors['/berita/berkas-biner-rusak']).toMatch(/biner/);
    expect(errors['/berita/halaman-raksasa-sekali']).toMatch(/KB/);
    expect(errors['/berita/ukuran-bohong-sekali']).toMatch(/KB/);
    expect(errors['/berita/pengodean-tak-dikenal']).toMatch(/x-klingon/);

    expect(by('500')).toMatchObject({ status: 'error', error: 'Server menjawab HTTP 500' });
    expect(by('slow')?.error).toMatch(/Tidak ada jawaban/);
    expect(by('invalid')?.error).toMatch(/XML feed rusak/);
    // One 503, then an answer: a retry, not a failure.
    expect(by('busy')?.status).toBe('ok');
    expect(site.hits.filter((h) => h.path === '/sibuk.xml').map((h) => h.status)).toEqual([503, 200]);

    // The findings are the four awards, once each, credited to the city.
    const { items } = await queue();
    const titles = items.map((f: { proposal: { title: string } }) => f.proposal.title).join(' | ');
    for (const award of ['Swasti Saba Wistara', 'Kota Layak Anak', 'Kepatuhan Tinggi', 'Adipura'])
      expect(titles).toContain(award);

    // Scripts never reach an article; only http(s) links were ever stored.
    const bodies = await t.db.db.selectFrom('articles').select('body').execute();
    expect(bodies.some((b) => b.body.includes('penghargaan palsu'))).toBe(false);
    const adipura = bodies.filter((b) => b.body.includes('Adipura'));
    // The Windows-1252 copy reads exactly as the UTF-8 one (0x96 is an en dash): stored once.
    expect(adipura).toHaveLength(1);
    expect(adipura[0].body).toContain('TANGERANG – Pemerintah'); // 0x96 read as an en dash
    const links = await t.db.db.selectFrom('source_items').select('url').execute();
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/berita\//);
  });

  it('shows each source’s health: last fetch, last error, articles and findings', async () => {
    const feed = await health('feed');
    expect(feed).toMatchObject({ lastStatus: 'ok', lastError: null, articles: 2, findings: 2, failures: 0 });
    expect(feed.lastFetchAt).toBeTruthy();
    const broken = await health('500');
    expect(broken).toMatchObject({ lastStatus: 'error', lastError: 'Server menjawab HTTP 500', failures: 1 });
    // Backed off: not due again before twice its interval.
    expect(Date.parse(broken.nextFetchAt) - Date.parse(broken.lastFetchAt)).toBeGreaterThanOrEqual(
      2 * 30 * 60_000,
    );
    const sitemapHealth = await health('sitemap');
    expect(sitemapHealth.itemErrors).toBeGreaterThanOrEqual(4);
    expect(sitemapHealth.errors.map((e: { error: string }) => e.error).join(' ')).toMatch(/biner/);

    const curator = await pageClient(t).signIn('kurator');
    const html = await curator.get('/kerja/sumber');
    expect(html.status).toBe(200);
    expect(html.html).toContain('Sumber feed');
    expect(html.html).toContain('Server menjawab HTTP 500');
    expect((await curator.get('/kerja/sumber?lang=en')).html).toContain('Watched news sources');
    const operator = await pageClient(t).signIn('operator');
    expect((await operator.get('/kerja/sumber')).status).toBe(403);
  });

  it('brings nothing twice: a second round asks conditionally and skips links it has seen', async () => {
    const before = (await queue()).total;
    const articles = (await t.db.db.selectFrom('articles').select('id').execute()).length;
    const all = await t.db.db.selectFrom('news_sources').selectAll().execute();
    const reports = await pollDue(
      t.db.db,
      opts,
      all.filter((s) => ['feed', 'sitemap', 'list'].some((n) => ids[n] === s.id)),
    );
    expect(reports.find((r) => r.sourceId === ids.feed)?.status).toBe('not_modified');
    const feedHits = site.hits.filter((h) => h.path === '/feed.xml');
    expect(feedHits.at(-1)).toMatchObject({ status: 304 });
    expect(feedHits.at(-1)?.ifNoneMatch).toBeTruthy();
    for (const r of reports) expect(r.newLinks, r.name).toBe(0);
    expect((await queue()).total).toBe(before);
    expect((await t.db.db.selectFrom('articles').select('id').execute()).length).toBe(articles);

    // A new item in the feed: one more article and finding, nothing else.
    site.routes.set('/feed.xml', {
      type: 'application/rss+xml',
      etag: true,
      body: rss([
        { title: 'Baru', link: site.url('/berita/predikat-kepatuhan-tinggi-ombudsman'), html: 'teaser' },
        {
          title: SEHAT.split('\n')[0],
          link: site.url('/berita/swasti-saba-wistara-2025'),
          html: page(SEHAT),
        },
      ]),
    });
    const [again] = await pollDue(
      t.db.db,
      opts,
      all.filter((s) => s.id === ids.feed),
    );
    // The new link's page is the Ombudsman release the sitemap brought: stored once, no new finding.
    expect(again).toMatchObject({ status: 'ok', newLinks: 1, articles: 0, findings: 0 });
    expect((await queue()).total).toBe(before);
  });

  it('spaces requests to one host: a round of n requests to it lasts at least (n - 1) delays', () => {
    // Checked over the round, not pair by pair: where the server receives them, a request held
    // up by the client's own work can arrive close to the next one (the gate is checked exactly
    // in watch.test.ts).
    const round = site.hits.filter((h) => h.at <= firstRoundEnd);
    expect(round.length).toBeGreaterThan(10);
    expect(round.at(-1)!.at - round[0].at).toBeGreaterThanOrEqual(
      (round.length - 1) * opts.hostDelayMs * 0.95,
    );
  });

  it('accepts only http(s) sources, once, from curators and admins', async () => {
    const post = (who: Parameters<TestApp['call']>[0], body: unknown) =>
      t.call(who, 'POST', '/api/v1/intake/sources', body);
    const bad = await post('kurator', { url: 'javascript:alert(1)', kind: 'feed', name: 'Jahat' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].field).toBe('url');
    expect((await post('kurator', { url: 'file:///etc/passwd', kind: 'feed', name: 'Berkas' })).status).toBe(
      422,
    );
    expect(
      (await post('kurator', { url: 'https://x.example/rss', kind: 'podcast', name: 'Contoh' })).status,
    ).toBe(422);
    const again = await post('admin', { url: site.url('/feed.xml'), kind: 'feed', name: 'Lagi' });
    expect(again.status).toBe(409);
    expect(
      (await post('operator', { url: 'https://x.example/rss', kind: 'feed', name: 'Contoh' })).status,
    ).toBe(403);
    expect(
      (await post('public', { url: 'https://x.example/rss', kind: 'feed', name: 'Contoh' })).status,
    ).toBe(401);
    const paused = await t.call('kurator', 'PATCH', `/api/v1/intake/sources/${ids.slow}`, { active: false });
    expect(paused.json.active).toBe(false);
    const audit = await t.db.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'news_source')
      .where('entity_id', '=', String(ids.slow))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('tries a link that failed for a passing reason again in later rounds, with back-off, and gives up after the last attempt', async () => {
    const u = site.url;
    site.routes.set('/berita/sempat-gagal-dua-kali', { body: page(PPD), failFirst: 2 });
    site.routes.set('/berita/selalu-gagal-500', { status: 500, body: 'rusak' });
    site.routes.set('/feed-kedua.xml', {
      type: 'application/rss+xml',
      etag: true,
      body: rss([
        // The feed's own headline and date (12 Nov) differ from the page's (no date but "(12/5/2025)").
        {
          title: 'Bappenas Beri Kota Tangerang Penghargaan Pembangunan Daerah',
          link: u('/berita/sempat-gagal-dua-kali'),
          html: 'teaser',
        },
        { title: 'Selalu gagal', link: u('/berita/selalu-gagal-500'), html: 'teaser' },
        { title: 'Hilang', link: u('/berita/sudah-dihapus-404'), html: 'teaser' },
      ]),
    });
    const created = await t.call('kurator', 'POST', '/api/v1/intake/sources', {
      url: u('/feed-kedua.xml'),
      kind: 'feed',
      name: 'Sumber kedua',
      intervalMinutes: 30,
    });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as number;
    const row = () => t.db.db.selectFrom('news_sources').selectAll().where('id', '=', id).execute();
    const items = async () =>
      Object.fromEntries(
        (await t.db.db.selectFrom('source_items').selectAll().where('source_id', '=', id).execute()).map(
          (i) => [new URL(i.url).pathname, i],
        ),
      );
    const hits = (path: string) => site.hits.filter((h) => h.path === path).length;
    const retry = { ...opts, itemRetryMs: 60_000, itemAttempts: 3 };

    // Round 1: two fetches each (one in-round retry), all three fail.
    const [one] = await pollDue(t.db.db, retry, await row());
    expect(one).toMatchObject({ status: 'ok', newLinks: 3, articles: 0, retried: 0 });
    expect(one.itemErrors).toHaveLength(3);
    let byPath = await items();
    expect(byPath['/berita/sempat-gagal-dua-kali']).toMatchObject({
      attempts: 1,
      error: 'Server menjawab HTTP 503',
    });
    const wait = Date.parse(byPath['/berita/sempat-gagal-dua-kali'].retry_at ?? '') - Date.now();
    expect(wait).toBeGreaterThan(50_000); // backed off by itemRetryMs, not tried in a hurry
    expect(byPath['/berita/sudah-dihapus-404']).toMatchObject({
      retry_at: null,
      error: 'Server menjawab HTTP 404',
    });
    expect((await health('feed')).itemRetries ?? 0).toBe(0);
    const h = (await t.call('kurator', 'GET', `/api/v1/intake/sources/${id}`)).json;
    expect(h).toMatchObject({ itemErrors: 3, itemRetries: 2 });

    // Not due yet: the next round (the feed answers 304) leaves them alone.
    const [early] = await pollDue(t.db.db, retry, await row());
    expect(early).toMatchObject({ status: 'not_modified', retried: 0 });
    expect(hits('/berita/sempat-gagal-dua-kali')).toBe(2);

    // Due (back-off over): retried although the listing did not change; the first now answers.
    await t.db.db
      .updateTable('source_items')
      .set({ retry_at: new Date(Date.now() - 1000).toISOString() })
      .where('source_id', '=', id)
      .where('retry_at', 'is not', null)
      .execute();
    const [two] = await pollDue(t.db.db, retry, await row());
    expect(two).toMatchObject({ status: 'not_modified', retried: 2, articles: 1, findings: 1 });
    byPath = await items();
    expect(byPath['/berita/sempat-gagal-dua-kali']).toMatchObject({
      attempts: 2,
      error: null,
      retry_at: null,
    });
    expect(byPath['/berita/sempat-gagal-dua-kali'].article_id).toBeTruthy();
    // Taken in two rounds later, with what the feed said of it, as on the first try.
    const retried = await t.db.db
      .selectFrom('articles')
      .select(['title', 'published_on'])
      .where('id', '=', byPath['/berita/sempat-gagal-dua-kali'].article_id)
      .executeTakeFirstOrThrow();
    expect(retried).toEqual({
      title: 'Bappenas Beri Kota Tangerang Penghargaan Pembangunan Daerah',
      published_on: '2025-11-12',
    });
    expect(byPath['/berita/selalu-gagal-500']).toMatchObject({ attempts: 2 });
    expect(byPath['/berita/selalu-gagal-500'].retry_at).toBeTruthy();
    // The doubled back-off: two minutes after the second failure.
    expect(Date.parse(byPath['/berita/selalu-gagal-500'].retry_at ?? '') - Date.now()).toBeGreaterThan(
      110_000,
    );
    expect(hits('/berita/sudah-dihapus-404')).toBe(1); // a 404 is final: never asked again

    // The third and last attempt fails too: given up, its error kept for the health page.
    await t.db.db
      .updateTable('source_items')
      .set({ retry_at: new Date(Date.now() - 1000).toISOString() })
      .where('source_id', '=', id)
      .where('retry_at', 'is not', null)
      .execute();
    const [three] = await pollDue(t.db.db, retry, await row());
    expect(three.retried).toBe(1);
    byPath = await items();
    expect(byPath['/berita/selalu-gagal-500']).toMatchObject({ attempts: 3, retry_at: null });
    expect(byPath['/berita/selalu-gagal-500'].error).toMatch(/HTTP 500/);
    const after = (await t.call('kurator', 'GET', `/api/v1/intake/sources/${id}`)).json;
    expect(after).toMatchObject({ itemErrors: 2, itemRetries: 0, articles: 1 });
  });

  it('reads compressed pages, and refuses a gzip bomb or broken compression for that link only', async () => {
    const u = site.url;
    const gz = { 'content-encoding': 'gzip' };
    site.routes.set('/berita/ppd-terkompresi', { body: gzipSync(page(PPD_2024)), headers: gz });
    // 40 MB of text in a few dozen KB: the cap counts what comes out, not what was sent.
    site.routes.set('/berita/bom-gzip', {
      body: gzipSync(Buffer.alloc(40 * 1024 * 1024, 'kata ')),
      headers: gz,
    });
    site.routes.set('/berita/gzip-rusak', { body: 'bukan gzip sama sekali', headers: gz });
    site.routes.set('/berita/pengodean-isi-aneh', {
      body: page(PPD_2024),
      headers: { 'content-encoding': 'x-zip9' },
    });
    site.routes.set('/sitemap-terkompresi.xml', {
      type: 'application/xml',
      body: gzipSync(
        sitemap([
          u('/berita/bom-gzip'),
          u('/berita/gzip-rusak'),
          u('/berita/pengodean-isi-aneh'),
          u('/berita/ppd-terkompresi'),
        ]),
      ),
      headers: gz,
    });
    const created = await t.call('kurator', 'POST', '/api/v1/intake/sources', {
      url: u('/sitemap-terkompresi.xml'),
      kind: 'sitemap',
      name: 'Sitemap terkompresi',
      intervalMinutes: 30,
    });
    expect(created.status, created.text).toBe(201);
    const rows = await t.db.db
      .selectFrom('news_sources')
      .selectAll()
      .where('id', '=', created.json.id)
      .execute();
    const [r] = await pollDue(t.db.db, opts, rows);
    expect(r).toMatchObject({ status: 'ok', listed: 4, articles: 1, findings: 1 });
    const errors = Object.fromEntries(r.itemErrors.map((e) => [new URL(e.url).pathname, e.error]));
    expect(Object.keys(errors).sort()).toEqual([
      '/berita/bom-gzip',
      '/berita/gzip-rusak',
      '/berita/pengodean-isi-aneh',
    ]);
    expect(errors['/berita/bom-gzip']).toMatch(/Lebih dari 2048 KB/);
    expect(errors['/berita/gzip-rusak']).toMatch(/terkompresi rusak/);
    expect(errors['/berita/pengodean-isi-aneh']).toMatch(/x-zip9/);
  });

  it('follows a redirect within bounds, and reports a redirect loop against its source', async () => {
    site.routes.set('/lama/feed.xml', { status: 301, headers: { location: '/baru/feed.xml' } });
    site.routes.set('/baru/feed.xml', { type: 'application/rss+xml', body: rss([]) });
    site.routes.set('/putar-a.xml', { status: 302, headers: { location: '/putar-b.xml' } });
    site.routes.set('/putar-b.xml', { status: 302, headers: { location: site.url('/putar-a.xml') } });
    const ids2: number[] = [];
    for (const [path, name] of [
      ['/lama/feed.xml', 'Pindah alamat'],
      ['/putar-a.xml', 'Berputar'],
    ]) {
      const res = await t.call('kurator', 'POST', '/api/v1/intake/sources', {
        url: site.url(path),
        kind: 'feed',
        name,
        intervalMinutes: 30,
      });
      expect(res.status, res.text).toBe(201);
      ids2.push(res.json.id);
    }
    const rows = await t.db.db.selectFrom('news_sources').selectAll().where('id', 'in', ids2).execute();
    const reports = await pollDue(t.db.db, opts, rows);
    expect(reports[0]).toMatchObject({ status: 'ok', listed: 0 });
    expect(reports[1]).toMatchObject({ status: 'error', error: 'Lebih dari 5 pengalihan (redirect)' });
    expect(site.hits.filter((h) => h.path.startsWith('/putar-')).length).toBe(6);
  });

  it('refuses a source whose name resolves to a private address unless allowed, and the others go on', async () => {
    // A DNS answer pointing inside (what a hostile or rebinding name would give): here a fixed
    // answer, the way /etc/hosts would; the connection itself goes to the local fixture site.
    const lookup = ((
      host: string,
      options: unknown,
      callback: (e: Error | null, a: LookupAddress[]) => void,
    ) => {
      void options;
      if (host === 'berita-pemda.test') return callback(null, [{ address: '127.0.0.1', family: 4 }]);
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    }) as unknown as Lookup;
    const port = new URL(site.base).port;
    const created = await t.call('kurator', 'POST', '/api/v1/intake/sources', {
      url: `http://berita-pemda.test:${port}/feed.xml`,
      kind: 'feed',
      name: 'Nama yang menunjuk ke dalam',
      intervalMinutes: 30,
    });
    expect(created.status, created.text).toBe(201);
    const all = await t.db.db.selectFrom('news_sources').selectAll().execute();
    const inside = all.filter((s) => s.id === created.json.id);
    const before = site.hits.length;

    const [refused] = await pollDue(t.db.db, { ...opts, allowPrivate: false, lookup }, inside);
    expect(refused.status).toBe('error');
    expect(refused.error).toMatch(
      /berita-pemda\.test mengarah ke alamat jaringan lokal\/privat \(127\.0\.0\.1\)/,
    );
    expect(site.hits.length).toBe(before); // no request reached the address
    const health = (await t.call('kurator', 'GET', `/api/v1/intake/sources/${created.json.id}`)).json;
    expect(health).toMatchObject({ lastStatus: 'error', failures: 1 });
    const curator = await pageClient(t).signIn('kurator');
    expect((await curator.get('/kerja/sumber')).html).toContain('mengarah ke alamat jaringan lokal/privat');

    // The same name, allowed (tests, a pemda's intranet portal by choice): fetched as any other;
    // in the same round as a literal private address that is not allowed, which fails alone.
    const literal = all.filter((s) => s.id === ids.feed);
    const reports = await pollDue(t.db.db, { ...opts, allowPrivate: true, lookup }, [...inside, ...literal]);
    expect(reports.map((r) => r.status)).toEqual(['not_modified', 'ok']);
    const mixed = await pollDue(t.db.db, { ...opts, allowPrivate: false, lookup }, [...literal]);
    expect(mixed[0].error).toMatch(/lokal\/privat/);
  });
});
