import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, seeText, startE2E } from './support.ts';

// A curator takes in a seed report (the Ombudsman press release), sees the found sentence
// highlighted beside the proposed record, accepts it, and gets a draft award with the article
// as evidence. Every piece read (recipient, giver, date, score) is marked in the article, and
// markup written in an article is shown as text, never run. Operators cannot open the intake pages.

// Written for this test in the shape of a pemda release; the comment line carries markup as text.
const HOSTILE_RELEASE = `<article><h1>Ombudsman Beri Pemkot Tangerang Predikat Kepatuhan Tinggi</h1>
<p>TANGERANG – Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76. Penghargaan itu diterima Wali Kota Tangerang di Jakarta.</p>
<p>Seorang warga menulis &lt;script&gt;window.__pwned = 1&lt;/script&gt; dan &lt;img src=x onerror="window.__pwned = 2"&gt; di kolom komentar portal.</p>
<p>Wali Kota mengatakan capaian itu hasil kerja seluruh pegawai di setiap unit layanan.</p></article>`;

const SEED = new URL('../../../shared/seeds/003_3a7d0ca795a8ec06.txt', import.meta.url);

describe('news intake in the browser', () => {
  let e: E2E;
  let curator: Page;

  beforeAll(async () => {
    e = await startE2E();
    curator = await e.newPage();
  });
  afterAll(async () => {
    await e?.close();
  });

  it.skipIf(!existsSync(SEED))(
    'a curator accepts a finding from a seed report and it becomes a draft award',
    async () => {
      await e.signIn(curator, 'kurator');
      await curator.goto('/kerja/temuan');
      await curator.getByLabel('Judul berita').fill('Pemkot Tangerang Raih Opini Kualitas Tertinggi');
      await curator.getByLabel('Media', { exact: true }).fill('tangerangkota.go.id');
      await curator.getByLabel('Tanggal terbit').fill('2025-01-22');
      await curator.getByLabel('Teks berita').fill(readFileSync(SEED, 'utf8'));
      await curator.getByRole('button', { name: 'Cari penghargaan' }).click();
      await seeText(curator.locator('.flash'), /[1-9]\d* temuan/);
      await curator.locator('tbody a').first().click();
      const quote = await seeText(curator.locator('.article-text .quote'), 'Ombudsman');
      expect(quote.length).toBeGreaterThan(20);
      expect(await curator.getByLabel('Judul penghargaan').inputValue()).toMatch(/Opini Kualitas Tertinggi/);
      if (process.env.SCREENSHOTS === '1')
        await curator.screenshot({
          path: new URL('../../docs/screenshots/intake-review.png', import.meta.url).pathname,
          fullPage: false,
        });
      await curator.getByRole('button', { name: 'Terima sebagai draf' }).click();
      await seeText(curator.locator('.flash'), 'Temuan diterima');
      expect(curator.url()).toMatch(/\/kerja\/penghargaan\/\d+$/);
      await seeText(curator.locator('.badge'), /^Draf$/);
      await seeText(curator.locator('#bukti'), 'Ombudsman');
      await seeText(curator.locator('.history'), 'Dibuat');
    },
  );

  it('marks every piece the extractor read, says how sure in words, and never runs markup from the article', async () => {
    const page = await e.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await e.signIn(page, 'kurator');
    await page.goto('/kerja/temuan');
    await page.getByLabel('Teks berita').fill(HOSTILE_RELEASE);
    await page.getByRole('button', { name: 'Cari penghargaan' }).click();
    await seeText(page.locator('.flash'), /[1-9]\d* temuan/);
    await page.locator('tbody a', { hasText: 'Kepatuhan Tinggi' }).first().click();

    const text = page.locator('.article-text').first();
    await seeText(text.locator('.quote'), 'Ombudsman RI');
    for (const [slot, words] of [
      ['giver', 'Ombudsman RI'],
      ['score', '94,76'],
      ['recipient', 'Pemerintah Kota Tangerang'],
      ['date', '12/12/2025'],
    ]) {
      const mark = text.locator(`mark[data-slot~="${slot}"]`).first();
      expect(await mark.isVisible(), slot).toBe(true);
      expect(await mark.innerText(), slot).toContain(words);
    }
    // Highlighted, not just tagged: the mark has a background the plain text does not.
    const bg = await text
      .locator('mark[data-slot~="giver"]')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await seeText(
      page.locator('table.slots tr[data-slot="giver"]'),
      'yakin — tertulis di kalimat penghargaan',
    );

    // The markup is on the page as words; nothing of it ran or became an element.
    await seeText(text, '<script>window.__pwned = 1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await text.locator('script, img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    if (process.env.SCREENSHOTS === '1')
      await page
        .locator('article.card')
        .first()
        .screenshot({
          path: new URL('../../docs/screenshots/intake-provenance.png', import.meta.url).pathname,
        });
  });

  it('an operator is refused the intake pages (403)', async () => {
    const operator = await e.newPage();
    await e.signIn(operator, 'operator');
    const res = await operator.goto('/kerja/temuan');
    expect(res?.status()).toBe(403);
  });
});
