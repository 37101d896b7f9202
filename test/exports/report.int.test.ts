import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { COLOURS } from '../../src/services/exports/report/style.ts';
import { yearlyReportPdf } from '../../src/services/exports/report-pdf.ts';
import { buildRecap } from '../../src/services/recap/recap.ts';
import type { TestApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { pdfPages, pdfText } from './pdf-text.ts';
import { appWithVerifiedSheet } from './support.ts';

// The yearly PDF report: letterhead, the year's numbers from the recap service, the charts,
// the table, and pages that are filled rather than mostly blank.

/** Text of each page separately (pdfkit writes one content stream per page, in order). */
const pageTexts = (pdf: Buffer) =>
  pdf
    .toString('latin1')
    .split(/\/Type \/Page\b(?!s)/)
    .slice(1)
    .map((chunk) => pdfText(Buffer.from(chunk, 'latin1')));

describe('yearly PDF report, small record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithVerifiedSheet();
  });
  afterAll(async () => {
    await t.close();
  });

  it("has the letterhead, the recap's numbers, the charts and the table, on one page when the year is small", async () => {
    const { pdf, count } = await yearlyReportPdf(t.db.db, null, { year: 2025, compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const recap = await buildRecap(t.db.db, { actor: null, year: 2025 });
    expect(count).toBe(recap.total);
    expect(count).toBeGreaterThan(0);
    const text = pdfText(pdf);
    expect(text).toContain('PEMERINTAH KOTA TANGERANG');
    expect(text).toContain('Kode wilayah 36.71');
    expect(text).toContain('LAPORAN PENGHARGAAN TAHUN 2025');
    expect(text).toContain(recap.change.phrase);
    expect(text).toContain(recap.cumulative.phrase);
    expect(text).toContain('Penghargaan per tahun, 1993');
    for (const h of ['Menurut bidang', 'Menurut tingkat', 'Menurut pemberi', 'Daftar penghargaan 2025'])
      expect(text).toContain(h);
    for (const f of recap.byField) expect(text).toContain(f.name);
    expect(text).toContain('Nasional'); // levels in words, not codes
    expect(text).not.toMatch(/\bnasional\b/);
    // A few awards fit under the charts: no page that is mostly blank.
    expect(pdfPages(pdf)).toBe(1);
    expect(text).toContain('halaman 1 dari 1');
  });

  it('reports any year asked for, also one with nothing yet', async () => {
    const { pdf, count } = await yearlyReportPdf(t.db.db, null, { year: 2031, compress: false });
    expect(count).toBe(0);
    const text = pdfText(pdf);
    expect(text).toContain('LAPORAN PENGHARGAAN TAHUN 2031');
    expect(text).toContain('Belum ada penghargaan terverifikasi pada 2031.');
    expect(pdfPages(pdf)).toBe(1);
  });

  it('refuses a region that does not exist with a 422 naming it', async () => {
    const res = await t.call('public', 'GET', '/api/v1/exports/report.pdf?year=2025&region=99.99');
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).toContain('99.99');
  });

  it('is served for any year at /api/v1/exports/report-YYYY.pdf and report.pdf?year=', async () => {
    const res = await t.app.request('/api/v1/exports/report-2024.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    expect((await t.app.request('/api/v1/exports/report.pdf?year=2019')).status).toBe(200);
    const bad = await t.call('public', 'GET', '/api/v1/exports/report.pdf?year=abc');
    expect(bad.status).toBe(422);
  });

  it("uses the site's colours", () => {
    const css = readFileSync(new URL('../../src/http/static/app.css', import.meta.url), 'utf8');
    const cssVar = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`).exec(css)?.[1];
    expect(COLOURS.brand).toBe(cssVar('brand'));
    expect(COLOURS.brandDark).toBe(cssVar('brand-dark'));
    expect(COLOURS.accent).toBe(cssVar('accent'));
    expect(COLOURS.ink).toBe(cssVar('ink'));
    expect(COLOURS.muted).toBe(cssVar('muted'));
  });
});

describe('yearly PDF report, the demo record', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db, { uploadDir: mkdtempSync(join(tmpdir(), 'prestasi-report-')) });
  }, 120_000);
  afterAll(() => t.drop());

  it('fills its pages: charts on the first, then the table page after page with a running head', async () => {
    const { pdf, count } = await yearlyReportPdf(t.db, SYSTEM_ACTOR, { year: 2025, compress: false });
    const recap = await buildRecap(t.db, { actor: SYSTEM_ACTOR, year: 2025 });
    expect(count).toBe(recap.total);
    expect(count).toBeGreaterThanOrEqual(80);
    const pages = pageTexts(pdf);
    expect(pages.length).toBe(pdfPages(pdf));
    // About 20-30 rows a page: never a page holding only a few lines.
    expect(pages.length).toBeLessThanOrEqual(2 + Math.ceil(count / 20));
    const rowsPerPage = pages.slice(1, -1).map((p) => (p.match(/\(data contoh\)/g) ?? []).length);
    for (const rows of rowsPerPage) expect(rows).toBeGreaterThanOrEqual(15);
    for (const p of pages.slice(1)) expect(p).toContain('Laporan Penghargaan Tahun 2025');
    expect(pages[0]).toContain(`${recap.total}`);
    expect(pages[0]).toContain(`${recap.cumulative.total}`);
    expect(pages.at(-1)).toContain(`halaman ${pages.length} dari ${pages.length}`);
  });
});
