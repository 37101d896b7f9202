import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prestasi } from '../cli/run-cli.ts';
import type { TestDb } from '../support/db.ts';
import { FixtureSite } from './fixture-server.ts';
import { curatorDb } from './support.ts';

// `prestasi intake sources add` and `prestasi intake watch --once` as a user (or cron) runs them:
// real processes against a local news site. New articles become findings, a second run adds
// none, a broken source is reported (exit 2) while the good one is taken in. The watcher may
// reach 127.0.0.1 only because the test says so (INTAKE_WATCH_ALLOW_PRIVATE=1).
// Articles written for this test in the shape of pemda press releases.

const release = (headline: string, sentence: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${headline}</title></head><body>
  <nav><a href="/">Beranda</a> | <a href="/berita">Berita</a></nav>
  <article><h1>${headline}</h1>
  <p>TANGERANG – ${sentence} Penghargaan itu diterima Wali Kota Tangerang di Jakarta.</p>
  <p>Wali Kota mengatakan capaian itu hasil kerja seluruh perangkat daerah dan warga Kota Tangerang.</p>
  </article><footer>Hak cipta Pemerintah Kota Tangerang</footer></body></html>`;

const feed = (items: { title: string; link: string }[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Berita Pemkot</title>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><pubDate>Mon, 10 Nov 2025 09:00:00 +0700</pubDate><description>Baca selengkapnya</description></item>`,
    )
    .join('')}</channel></rss>`;

describe('prestasi intake watch (CLI, local fixture site)', { timeout: 240_000 }, () => {
  let db: TestDb;
  let site: FixtureSite;
  const allow = { INTAKE_WATCH_ALLOW_PRIVATE: '1' };
  const run = (args: string[], env: Record<string, string> = allow) =>
    prestasi(args, { databaseUrl: db.url, env });
  const findings = async () => (await db.db.selectFrom('findings').select('id').execute()).length;
  const makeDue = () =>
    db.db
      .updateTable('news_sources')
      .set({ next_fetch_at: new Date(Date.now() - 1000).toISOString() })
      .execute();

  beforeAll(async () => {
    db = await curatorDb();
    site = await new FixtureSite().start();
    site.routes.set('/berita/kla-nindya-2025', {
      body: release(
        'Kota Tangerang Raih Kota Layak Anak Nindya',
        'Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak kategori Nindya dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak pada Sabtu (23/8/2025).',
      ),
    });
    site.routes.set('/berita/top-inovasi-2025', {
      body: release(
        'Pemkot Tangerang Masuk Top 45 Inovasi Pelayanan Publik',
        'Pemerintah Kota Tangerang meraih penghargaan Top 45 Inovasi Pelayanan Publik dari Kementerian PANRB pada Rabu (8/10/2025).',
      ),
    });
    site.routes.set('/feed.xml', {
      type: 'application/rss+xml',
      etag: true,
      body: feed([
        { title: 'Kota Layak Anak Nindya', link: site.url('/berita/kla-nindya-2025') },
        { title: 'Top 45 Inovasi', link: site.url('/berita/top-inovasi-2025') },
      ]),
    });
    site.routes.set('/rusak.xml', {
      type: 'application/rss+xml',
      body: '<?xml version="1.0"?><rss><channel><item><title>Rusak</channel></rss>',
    });
  });
  afterAll(async () => {
    await site?.close();
    await db?.drop();
  });

  it('refuses a source on this machine unless allowed, and registers sources as a curator', async () => {
    const refused = await run(
      ['intake', 'sources', 'add', site.url('/feed.xml'), '--kind', 'feed', '--name', 'Lokal'],
      {},
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/lokal\/privat/);
    expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);

    const good = await run([
      'intake',
      'sources',
      'add',
      site.url('/feed.xml'),
      '--kind',
      'feed',
      '--name',
      'Berita Pemkot',
      '--every',
      '30',
      '--as',
      'kurator@example.go.id',
    ]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Sumber #\d+ didaftarkan: Berita Pemkot/);
    const broken = await run([
      'intake',
      'sources',
      'add',
      site.url('/rusak.xml'),
      '--kind',
      'feed',
      '--name',
      'Feed rusak',
    ]);
    expect(broken.code, broken.stderr).toBe(0);
  });

  it('takes new articles in as findings, reports the broken source and exits 2; a second run adds none', async () => {
    const first = await run(['intake', 'watch', '--once', '--host-delay', '50', '--timeout', '5']);
    expect(first.code, first.stderr).toBe(2); // a source failed: cron sees it
    expect(first.stdout).toMatch(/\+ #\d+ Berita Pemkot: 2 tautan, 2 baru, 2 artikel baru, 2 temuan baru/);
    expect(first.stdout).toMatch(/! #\d+ Feed rusak: .*XML feed rusak/);
    expect(first.stdout).toMatch(/Selesai: 2 sumber diambil/);
    expect(await findings()).toBe(2);
    const titles = (await db.db.selectFrom('findings').select('proposal_json').execute())
      .map((f) => JSON.parse(f.proposal_json).title)
      .join(' | ');
    expect(titles).toMatch(/Kota Layak Anak/);
    expect(titles).toMatch(/Inovasi Pelayanan Publik/);
    // Site chrome never reaches the stored article.
    const bodies = await db.db.selectFrom('articles').select('body').execute();
    expect(bodies.some((b) => b.body.includes('Hak cipta'))).toBe(false);

    const list = await run(['intake', 'sources', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/Berita Pemkot .*\n\s+terakhir .*: ok; 2 artikel, 2 temuan/);
    expect(list.stdout).toMatch(/Feed rusak .*\n\s+terakhir .*: GAGAL: .*XML feed rusak/);

    // Nothing is due right after a round: nothing is fetched.
    const hitsBefore = site.hits.length;
    const idle = await run(['intake', 'watch', '--once', '--json']);
    expect(idle.code, idle.stderr).toBe(0);
    expect(JSON.parse(idle.stdout)).toEqual([]);
    expect(site.hits.length).toBe(hitsBefore);

    // Due again (time passed): the feed answers 304 to the conditional request, nothing is new.
    await makeDue();
    site.routes.set('/rusak.xml', { type: 'application/rss+xml', body: feed([]) }); // mended meanwhile
    const second = await run(['intake', 'watch', '--once', '--host-delay', '50', '--json']);
    expect(second.code, second.stderr).toBe(0);
    const reports = JSON.parse(second.stdout) as {
      name: string;
      status: string;
      articles: number;
      findings: number;
    }[];
    expect(reports.find((r) => r.name === 'Berita Pemkot')).toMatchObject({
      status: 'not_modified',
      findings: 0,
    });
    expect(reports.find((r) => r.name === 'Feed rusak')).toMatchObject({ status: 'ok', articles: 0 });
    expect(site.hits.filter((h) => h.path === '/feed.xml').at(-1)).toMatchObject({ status: 304 });
    expect(await findings()).toBe(2);
    expect((await db.db.selectFrom('articles').select('id').execute()).length).toBe(2);
  });
});
