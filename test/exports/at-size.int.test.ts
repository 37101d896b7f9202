import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_MAX_AWARDS } from '../../src/services/exports/report-cap.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type BulkOptions, bulkAward, insertBulkAwards } from '../support/bulk-awards.ts';

// Exports are read in keyset batches of 1,000 and written a batch at a time (issue 11); the
// XLSX sizes its columns from the first 2,000 rows and styles the rest as they come. At 2,345
// awards every boundary is crossed: each export must hold every award once, in edition order
// (year, date received — a missing date at the end of its year — then id), which the formula
// of bulk-awards.ts says without asking the code under test.

const COUNT = 2_345;

describe('exports beyond every batch boundary', () => {
  let t: TestApp;
  let o: BulkOptions;
  /** The bulk titles in export order. */
  let ordered: string[];
  const get = async (path: string) => {
    const res = await t.app.request(path, { headers: { authorization: `Bearer ${t.tokens.admin}` } });
    expect(res.status, path).toBe(200);
    return res;
  };
  beforeAll(async () => {
    t = await createTestApp();
    const fieldIds = (await t.db.db.selectFrom('fields').select('id').orderBy('id').limit(4).execute()).map(
      (f) => f.id,
    );
    o = {
      count: COUNT,
      regionCode: '36.71',
      units: [t.units.root, t.units.dinkes].map((u) => ({ id: u.id, path: u.path })),
      fieldIds,
      fromYear: 2001,
      years: 7,
    };
    await insertBulkAwards(t.db.db, o);
    const rows = Array.from({ length: COUNT }, (_, k) => ({ i: k + 1, ...bulkAward(k + 1, o) }));
    const received = (a: (typeof rows)[number]) => a.receivedOn ?? `${a.year}-12-31`;
    rows.sort((a, b) => a.year - b.year || received(a).localeCompare(received(b)) || a.i - b.i);
    ordered = rows.map((r) => r.title);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('CSV: every award once, in edition order', async () => {
    const text = await (await get('/api/v1/exports/awards.csv?q=massal')).text();
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(COUNT + 1);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ordered);
  });

  it('JSON: the count ahead of the items, every award once, in edition order', async () => {
    const body = await (await get('/api/v1/exports/awards.json?q=massal')).json();
    expect(body.count).toBe(COUNT);
    expect(body.filters).toEqual({ q: 'massal' });
    expect((body.items as { title: string }[]).map((a) => a.title)).toEqual(ordered);
  });

  it('XLSX: every row, the filter over all of them, formats beyond the rows sampled', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await (await get('/api/v1/exports/awards.xlsx?q=massal')).arrayBuffer()) as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(COUNT + 1);
    const titles = ws.getColumn(1).values.slice(2);
    expect(titles).toEqual(ordered);
    expect(String(ws.autoFilter)).toMatch(new RegExp(`^A1:[A-Z]+${COUNT + 1}$`));
    const year = (ws.getRow(1).values as unknown[]).indexOf('Tahun');
    const last = ws.getRow(COUNT + 1).getCell(year);
    expect(typeof last.value).toBe('number');
    expect(last.numFmt).toBe('0');
  });

  it('open-data zip: every verified public award once, and the metadata counts them', async () => {
    const zip = await JSZip.loadAsync(await (await get('/api/v1/exports/open-data.zip')).arrayBuffer());
    const csv = await zip.file('penghargaan.csv')!.async('string');
    const meta = JSON.parse(await zip.file('metadata.json')!.async('string'));
    const lines = csv.trimEnd().split('\n').slice(1);
    expect(meta.records).toBe(lines.length);
    const shown = new Set(
      Array.from({ length: COUNT }, (_, k) => bulkAward(k + 1, o))
        .filter((a) => a.state === 'verified' && a.isPublic)
        .map((a) => a.title),
    );
    const bulkLines = lines.filter((l) => l.includes('Penghargaan massal '));
    expect(bulkLines).toHaveLength(shown.size);
    for (const l of bulkLines) expect(shown.has(/Penghargaan massal \d+/.exec(l)![0])).toBe(true);
  });

  it('makes the PDF report of a year under its cap', async () => {
    const pdf = await get('/api/v1/exports/report-2001.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('the PDF report over its cap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // One year of 7,000 awards, 80% verified and 96% of those public: 5,376 the public sees.
    await insertBulkAwards(t.db.db, {
      count: 7_000,
      regionCode: '36.71',
      units: [t.units.root].map((u) => ({ id: u.id, path: u.path })),
      fieldIds: [(await t.db.db.selectFrom('fields').select('id').executeTakeFirstOrThrow()).id],
      fromYear: 1999,
      years: 1,
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('is refused with a 422 that says what to do instead, in Indonesian and English', async () => {
    expect(REPORT_MAX_AWARDS).toBe(5000);
    const res = await t.app.request('/api/v1/exports/report-1999.pdf');
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.message).toMatch(/paling banyak 5\.000 penghargaan/);
    expect(error.message).toMatch(/awards\.xlsx\?year=1999&state=verified/);
    expect(error.message).toMatch(/at most 5,000 awards/);
    expect(error.details[0]).toMatchObject({ field: 'year', limit: 5000 });
  });
});
