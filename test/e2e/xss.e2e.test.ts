import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/db/now.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { acceptFinding } from '../../src/services/intake/decide.ts';
import { ingest } from '../../src/services/intake/ingest.ts';
import { type E2E, startE2E } from './support.ts';

// Stored XSS from the news: a feed whose links are `javascript:` and `data:` URLs and whose text
// carries markup payloads, taken in, accepted into an award and shown on every page that
// renders it — curator review, award page, public showcase. In a real Chromium nothing may run,
// no link may carry a script URL, and every HTML page carries the Content-Security-Policy.
// One URL is also written straight into the database, as old data might hold it: the pages
// must refuse it at render time too.

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar Kota</title>
<item><title>Kota Tangerang Raih Penghargaan Kota Layak Anak Kategori Utama ${PAYLOAD.replace(/</g, '&lt;')}</title>
<link>javascript:window.__xss=3</link><pubDate>Sat, 09 Aug 2025 10:00:00 +0700</pubDate>
<description><![CDATA[<p>Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak (KLA) kategori Utama dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak (KemenPPPA) di Jakarta, Jumat (8/8/2025). ${PAYLOAD}</p>]]></description></item>
<item><title>Kota Tangerang Raih Penghargaan Adipura 2025</title>
<link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link><pubDate>Mon, 11 Aug 2025 10:00:00 +0700</pubDate>
<description>Pemerintah Kota Tangerang kembali meraih penghargaan Adipura dari Kementerian Lingkungan Hidup di Jakarta, Senin (11/8/2025).</description></item>
</channel></rss>`;

describe('news payloads run nothing in the browser', () => {
  let e: E2E;
  let page: Page;
  let findingId: number;
  let awardId: number;

  beforeAll(async () => {
    e = await startE2E();
    const db = e.server.db.db;
    const results = await ingest(db, SYSTEM_ACTOR, { content: FEED, name: 'kabar.xml', sourceKind: 'feed' });
    const stored = await db.selectFrom('articles').select('url').execute();
    expect(stored.length).toBe(2);
    for (const a of stored) expect(a.url).toBeNull(); // the script URLs were dropped at the door
    findingId = results[0].findings[0].id;
    const second = results[1].findings[0].id;
    const { award } = await acceptFinding(db, SYSTEM_ACTOR, second);
    awardId = award.id;
    // Old data: a link that got in before the allow-list, on an award that is public and verified.
    await db
      .insertInto('evidence')
      .values({
        region_id: award.region_id,
        award_id: awardId,
        kind: 'link',
        url: 'javascript:window.__xss=4',
        caption: `Tautan lama ${PAYLOAD}`,
        created_at: nowIso(),
        created_by: null,
      } as never)
      .execute();
    await db
      .updateTable('awards')
      .set({ state: 'verified', is_public: 1 })
      .where('id', '=', awardId)
      .execute();
    page = await e.newPage();
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
    await e.signIn(page, 'kurator');
  });
  afterAll(async () => {
    await e?.close();
  });

  async function assertInert(path: string) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self'/);
    expect(csp, path).toMatch(/frame-ancestors 'none'/);
    // Click every outside link too: a script URL would run on click, not on load.
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const h of hrefs) expect(h, path).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss), path).toBeUndefined();
    return hrefs;
  }

  it('the curator review page shows the payload as text and links nowhere unsafe', async () => {
    await assertInert(`/kerja/temuan/${findingId}`);
    expect(await page.locator('body').textContent()).not.toContain('window.__xss=3');
  });

  it('the award page lists the old script link as text, not as a link', async () => {
    await assertInert(`/kerja/penghargaan/${awardId}`);
    await expect(page.locator('#bukti').textContent()).resolves.toContain('javascript:window.__xss=4');
    expect(await page.locator('#bukti a[href^="javascript"]').count()).toBe(0);
  });

  it('the public award page and the home page stay inert too', async () => {
    await assertInert(`/penghargaan/${awardId}`);
    await assertInert('/');
  });

  it('the browser itself refuses an injected inline script under the page policy', async () => {
    await page.goto(`/kerja/penghargaan/${awardId}`);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__xss = 5';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return (window as { __xss?: number }).__xss;
    });
    expect(ran).toBeUndefined();
  });
});
