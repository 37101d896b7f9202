import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, seeText, startE2E } from './support.ts';

// A curator takes in a seed report (the Ombudsman press release), sees the found sentence
// highlighted beside the proposed record, accepts it, and gets a draft award with the article
// as evidence. Operators cannot open the intake pages.

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
      const quote = await seeText(curator.locator('.article-text mark'), 'Ombudsman');
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

  it('an operator is refused the intake pages (403)', async () => {
    const operator = await e.newPage();
    await e.signIn(operator, 'operator');
    const res = await operator.goto('/kerja/temuan');
    expect(res?.status()).toBe(403);
  });
});
