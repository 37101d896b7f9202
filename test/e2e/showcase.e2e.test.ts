import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_TITLE, seedShowcase } from '../showcase/seed.ts';
import { type E2E, seeText, startE2E } from './support.ts';

// The public showcase in a real Chromium: the list filters by URL and by its form, the form is
// reachable with the keyboard, and the home and list pages are photographed for the docs.

describe('public showcase in the browser', () => {
  let e: E2E;
  let ombudsman2024: number;
  beforeAll(async () => {
    e = await startE2E();
    const seeded = await seedShowcase(e.server.db.db, {
      regionCode: '36.71',
      unitIds: [e.units.root, e.units.dinkes, e.units.puskesmas, e.units.bkpsdm],
    });
    ombudsman2024 = seeded.seriesIds[2];
  });
  afterAll(() => e?.close());

  it('filters the public list by URL, and the form writes the same shareable URL', async () => {
    const page = await e.newPage();
    const res = await page.goto('/penghargaan?tahun=2025&bidang=kesehatan');
    expect(res?.status()).toBe(200);
    const count = await seeText(page.locator('.count strong'), /penghargaan/);
    const shown = Number(count.split(' ')[0]);
    expect(shown).toBeGreaterThan(0);
    const metas = await page.locator('li.award').allInnerTexts();
    expect(metas.length).toBe(Math.min(shown, 20));
    for (const text of metas) {
      expect(text).toContain('Kesehatan');
      expect(text).toContain('2025');
      expect(text).not.toContain(HIDDEN_TITLE);
    }
    expect(await page.locator('#f-tahun').inputValue()).toBe('2025');
    expect(await page.locator('#f-bidang').inputValue()).toBe('kesehatan');

    // Narrow by level with the form; the result is a URL someone can share.
    await page.locator('#f-tingkat').selectOption('provinsi');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/tingkat=provinsi/);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/penghargaan');
    expect(url.searchParams.get('tahun')).toBe('2025');
    expect(url.searchParams.get('bidang')).toBe('kesehatan');
    const again = await (await e.newPage()).goto(page.url());
    expect(await again?.text()).toContain('<option value="provinsi" selected');
  });

  it('reaches the filter form with the keyboard, starting at the skip link', async () => {
    const page = await e.newPage();
    await page.goto('/penghargaan');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('isi');
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'f-tahun'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('f-tahun');
    // The focus ring is visible (an outline, not removed by the stylesheet).
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    // Type a search and submit with Enter: no mouse needed.
    await page.locator('#f-q').focus();
    await page.keyboard.type('kepatuhan');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=kepatuhan/);
    await seeText(page.locator('.count strong'), '3 penghargaan');
  });

  it('renders home, list and award on desktop and phone (SCREENSHOTS=1 refreshes the docs)', async () => {
    // Pictures go to docs/ only when asked, so a test run leaves the working tree as it was.
    const dir =
      process.env.SCREENSHOTS === '1' ? 'docs/screenshots' : mkdtempSync(join(tmpdir(), 'prestasi-shots-'));
    mkdirSync(dir, { recursive: true });
    const page = await e.newPage({ width: 1280, height: 900 });
    await page.goto('/');
    await seeText(page.locator('.stat-main'), '2025');
    expect(await page.locator('figure.chart svg').count()).toBe(2);
    await page.screenshot({ path: `${dir}/showcase-home.png`, fullPage: true });
    await page.goto('/penghargaan?tahun=2025&bidang=kesehatan');
    await page.screenshot({ path: `${dir}/showcase-list.png`, fullPage: true });
    await page.goto(`/penghargaan/${ombudsman2024}`);
    await page.screenshot({ path: `${dir}/showcase-award.png`, fullPage: true });
    const phone = await e.newPage({ width: 390, height: 844 });
    await phone.goto('/');
    await phone.screenshot({ path: `${dir}/showcase-home-phone.png`, fullPage: false });
    // Nothing overflows sideways on a phone.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
