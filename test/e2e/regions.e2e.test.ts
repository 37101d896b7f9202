import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAB_ONLY, KOTA_ONLY, seedRegions } from '../showcase/regions.ts';
import { type E2E, startE2E } from './support.ts';

// Many regions in a real Chromium: from the index of regions to the comparison page, choosing
// the period with its form, and on to a region's own showcase.

describe('comparison of regions in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    // A deployment of many regions: SITE_NAME names the whole installation.
    e = await startE2E({ siteName: 'Prestasi Provinsi Banten' });
    await seedRegions(e.server.db.db, e.units.root);
  });
  afterAll(() => e?.close());

  it('leads from the index to the comparison, changes the period, and opens a region', async () => {
    const page = await e.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Perbandingan Daerah' }).first().click();
    await page.waitForURL(/\/perbandingan$/);
    expect(await page.locator('h1').innerText()).toBe('Perbandingan antardaerah');

    const kota = page.locator('section[data-kind="kota"] tbody tr');
    expect(await kota.first().getAttribute('data-region')).toBe('36.71');
    expect(await kota.first().innerText()).toContain('WTP 5 tahun berturut-turut');
    const lebak = page.locator('tr[data-region="36.02"]');
    expect(await lebak.innerText()).toContain('Belum melapor');
    expect(await page.locator('#level-weights').innerText()).toContain('Internasional');
    // SCREENSHOTS=1 refreshes the picture in docs/showcase.md.
    const dir =
      process.env.SCREENSHOTS === '1' ? 'docs/screenshots' : mkdtempSync(join(tmpdir(), 'prestasi-shots-'));
    await page.screenshot({ path: `${dir}/perbandingan.png`, fullPage: true });

    // An earlier period, chosen with the form: the URL says it, the streak ends there.
    await page.getByLabel('Periode sampai tahun').selectOption('2023');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/tahun=2023/);
    expect(await page.locator('.lead').innerText()).toContain('2019–2023');
    expect(await page.locator('tr[data-region="36.71"]').innerText()).toContain('WTP 3 tahun berturut-turut');

    await page.getByRole('link', { name: 'Kabupaten Tangerang' }).click();
    await page.waitForURL(/\/wilayah\/36\.03$/);
    const body = await page.locator('main').innerText();
    expect(body).toContain(KAB_ONLY);
    expect(body).not.toContain(KOTA_ONLY);
  });

  it('fits a phone screen: the wide tables scroll inside their box, not the page', async () => {
    const page = await e.newPage({ width: 390, height: 844 });
    await page.goto('/perbandingan?lang=en');
    expect(await page.locator('h1').innerText()).toBe('Comparing regions');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
