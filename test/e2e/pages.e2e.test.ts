import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, seeText, startE2E } from './support.ts';

// The workspace with the Kota Tangerang demo data: what a newcomer sees after `prestasi demo`.
// Checks that the pages hold real numbers, fit a phone without sideways scrolling, switch to
// English, and start with the skip link for keyboard users. With SCREENSHOTS=1 it also
// refreshes docs/screenshots/*.png, the pictures in the README.

const SHOTS = process.env.SCREENSHOTS === '1';
const shot = async (page: Page, name: string, fullPage = true) => {
  if (SHOTS)
    await page.screenshot({
      path: join(import.meta.dirname, '../../docs/screenshots', `${name}.png`),
      fullPage,
    });
};
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('workspace pages with the demo data', () => {
  let e: E2E;
  let admin: Page;
  beforeAll(async () => {
    e = await startE2E({ demo: true });
    admin = await e.newPage();
    await e.signIn(admin, 'admin@prestasi.demo', 'demo-admin-2025');
  });
  afterAll(async () => {
    await e?.close();
  });

  it("the pimpinan's dashboard opens on the last year with data: its count, the trend since 1993, the splits", async () => {
    const pimpinan = await e.newPage();
    await e.signIn(pimpinan, 'pimpinan@prestasi.demo', 'demo-pimpinan-2025');
    await pimpinan.goto('/kerja');
    // The demo's record runs to 2025; opened later than that, the page shows 2025, not an empty year.
    await seeText(pimpinan.locator('#s-year'), 'Penghargaan terverifikasi 2025');
    expect(await pimpinan.locator('.stat').first().innerText()).toBe('87');
    await seeText(pimpinan.locator('#s-year + .stat + .stat-label'), 'naik 15 (20,83%) dari 72 pada 2024');
    await seeText(pimpinan.locator('#h-trend'), 'sejak 1993');
    // One column per year since the founding, drawn on the server.
    expect(await pimpinan.locator('.trend svg path[ecmeta_data_index]').count()).toBeGreaterThanOrEqual(30);
    for (const id of ['#h-field', '#h-level', '#h-giver', '#h-unit'])
      expect(await pimpinan.locator(`${id} + .bars li`).count(), id).toBeGreaterThan(0);
    expect(await pimpinan.locator('main').innerText()).not.toContain('Belum ada.');
    // The picture, not the work queues.
    expect(await pimpinan.locator('#h-work').count()).toBe(0);
    await shot(pimpinan, 'dashboard-pimpinan');
  });

  it('the dashboard counts the 2025 awards by field, giver and unit', async () => {
    await admin.goto('/kerja?tahun=2025');
    const count = Number(await seeText(admin.locator('.stat').first(), /^\d+$/));
    expect(count).toBeGreaterThan(3);
    await seeText(admin.locator('#h-giver + .bars'), 'BKN');
    await shot(admin, 'dashboard');
  });

  it('the list filters by URL and the detail shows evidence and history', async () => {
    await admin.goto('/kerja/penghargaan?year=2025&giver=bkn&state=verified');
    const rows = await admin.locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(4);
    for (const cell of await admin.locator('tbody tr td:nth-child(3)').allInnerTexts())
      expect(cell).toBe('BKN');
    await admin.goto('/kerja/penghargaan?year=2025');
    await shot(admin, 'list');
    await admin.goto('/kerja/penghargaan?year=2025&giver=bkn&state=verified');
    await admin.locator('tbody tr a').first().click();
    await seeText(admin.locator('.history'), 'Diverifikasi');
    await shot(admin, 'detail');
  });

  it('the verification queue and the award form', async () => {
    await admin.goto('/kerja/verifikasi');
    await seeText(admin.locator('h1'), 'Antrean verifikasi');
    await shot(admin, 'verification-queue');
    await admin.goto('/kerja/penghargaan/baru');
    await admin.getByLabel('Judul penghargaan').fill('Penghargaan Kota Layak Anak');
    await admin.getByLabel('Pemberi penghargaan').fill('KemenPPPA');
    await admin.getByLabel('Skala penilaian').selectOption('kla');
    await admin.getByLabel('Tahun edisi').fill('2025');
    await admin.getByLabel('Skor').fill('805');
    await seeText(admin.locator('#grade-preview'), /Utama|Nindya|Madya|Pratama|Paripurna/);
    await shot(admin, 'form');
  });

  it('fits a phone without sideways scrolling', async () => {
    const phone = await e.newPage({ width: 390, height: 844 });
    await e.signIn(phone, 'dinkes@prestasi.demo', 'demo-dinkes-2025');
    for (const path of ['/kerja?tahun=2025', '/kerja/penghargaan', '/kerja/penghargaan/baru']) {
      await phone.goto(path);
      expect(await overflow(phone), path).toBeLessThanOrEqual(0);
    }
    await phone.goto('/kerja/penghargaan');
    await shot(phone, 'phone-list', false);
  });

  it('no main page scrolls sideways at 390 px or 1366 px, signed in or not', {
    timeout: 180_000,
  }, async () => {
    const db = e.server.db.db;
    const award = await db
      .selectFrom('awards')
      .select('id')
      .where('state', '=', 'verified')
      .where('is_public', '=', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const unit = await db
      .selectFrom('org_units')
      .select('id')
      .where('short_name', '=', 'DLH')
      .executeTakeFirstOrThrow();
    const publicPages = [
      '/',
      '/penghargaan',
      '/penghargaan?tahun=2025',
      `/penghargaan/${award.id}`,
      '/unit',
      `/unit/${unit.id}`,
      '/linimasa',
      '/data',
    ];
    const workPages = [
      '/kerja',
      '/kerja/penghargaan',
      `/kerja/penghargaan/${award.id}`,
      '/kerja/penghargaan/baru',
      '/kerja/verifikasi',
      '/kerja/temuan',
      '/kerja/impor',
      '/kerja/ekspor',
      '/kerja/admin',
      '/kerja/admin/skala',
      '/kerja/admin/unit',
    ];
    // The two widths side by side, each in its own browser context (they only read).
    const walk = async (width: number) => {
      const wide: string[] = [];
      const page = await e.newPage({ width, height: 900 });
      for (const path of publicPages) {
        await page.goto(path);
        if ((await overflow(page)) > 0) wide.push(`${width}px ${path} (public)`);
      }
      await e.signIn(page, 'admin@prestasi.demo', 'demo-admin-2025');
      for (const path of workPages) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(400);
        if ((await overflow(page)) > 0) wide.push(`${width}px ${path}`);
      }
      await page.context().close();
      return wide;
    };
    expect((await Promise.all([390, 1366].map(walk))).flat()).toEqual([]);
  });

  it('units from the public menu, the rapor, the report and the scale form (pictures for the docs)', async () => {
    const visitor = await e.newPage({ width: 1280, height: 900 });
    await visitor.goto('/');
    await visitor.getByRole('link', { name: 'Unit Kerja' }).click();
    await seeText(visitor.locator('h1'), 'Unit kerja');
    await shot(visitor, 'units');
    await visitor.getByRole('link', { name: 'Dinas Lingkungan Hidup' }).click();
    await seeText(visitor.locator('#repeated'), 'Diraih berulang kali');
    await shot(visitor, 'unit-rapor');
    await admin.goto('/kerja/ekspor');
    // The export page offers the latest year with verified awards, and its report.
    await seeText(admin.locator('#h-report + p a'), 'Laporan Penghargaan Tahun 2025');
    const pdf = await admin.request.get('/api/v1/exports/report-2025.pdf');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString()).toBe('%PDF');
    await admin.goto('/kerja/admin/skala');
    await admin.locator('details.card summary').first().click();
    await seeText(admin.locator('details.card[open] .band-table caption'), 'Pita nilai');
    await shot(admin, 'scale-form');
  });

  it('switches to English and starts with the skip link', async () => {
    await admin.goto('/kerja?lang=en');
    await seeText(admin.locator('h1'), 'Workspace');
    await admin.goto('/kerja/penghargaan');
    await seeText(admin.locator('h1'), 'Awards');
    await admin.goto('/kerja?lang=id');
    await admin.keyboard.press('Tab');
    expect(await admin.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke isi');
  });
});
