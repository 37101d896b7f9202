import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/services/imports/columns.ts';
import type { TestApp } from '../support/app.ts';
import { appWithVerifiedSheet } from './support.ts';

// Excel files worth opening: read back with exceljs, the header is frozen with a filter on
// every column, columns are as wide as their content, dates are dates, years and IDs carry
// no thousands separator, scores have two decimals.

let t: TestApp;
beforeAll(async () => {
  t = await appWithVerifiedSheet();
});
afterAll(async () => {
  await t.close();
});

async function sheets(path: string) {
  const res = await t.app.request(path);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb;
}

/** The export's header of an import column (the one place headers are declared). */
const headerOf = (key: string) => COLUMNS.find((c) => c.key === key)!.header;

const columnOf = (ws: ExcelJS.Worksheet, header: string) => {
  const row = ws.getRow(1).values as unknown[];
  const i = row.indexOf(header);
  expect(i, `column "${header}"`).toBeGreaterThan(0);
  return i;
};

function expectTableLook(ws: ExcelJS.Worksheet) {
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const columns = ws.getRow(1).cellCount;
  expect(ws.autoFilter).toBeTruthy();
  // exceljs reads the filter back as its range, "A1:W7".
  const range = String(ws.autoFilter);
  expect(range).toMatch(/^A1:[A-Z]+\d+$/);
  expect(range.split(':')[1]!.replace(/\d+/, '')).toBe(ws.getColumn(columns).letter);
  expect(ws.getRow(1).font?.bold).toBe(true);
  for (let c = 1; c <= columns; c++) {
    const width = ws.getColumn(c).width ?? 0;
    const header = String(ws.getRow(1).getCell(c).value);
    // Wide enough for the header (plus the filter button), bounded for long text.
    expect(width, header).toBeGreaterThanOrEqual(Math.min(60, header.length + 2));
    expect(width, header).toBeLessThanOrEqual(60);
  }
}

describe('awards.xlsx', () => {
  it('has a frozen header, a filter, fitted widths and typed formats', async () => {
    const wb = await sheets('/api/v1/exports/awards.xlsx?state=verified');
    const ws = wb.worksheets[0]!;
    expectTableLook(ws);
    expect(ws.rowCount).toBeGreaterThan(3);
    const title = ws.getColumn(columnOf(ws, headerOf('title')));
    const longest = Math.max(
      ...ws
        .getColumn(title.number)
        .values.slice(2)
        .map((v) => String(v ?? '').length),
    );
    expect(title.width).toBeGreaterThanOrEqual(Math.min(60, longest));
    const rows = ws.getRows(2, ws.rowCount - 1)!;
    const date = columnOf(ws, headerOf('receivedOn'));
    const dated = rows.map((r) => r.getCell(date)).filter((c) => c.value instanceof Date);
    expect(dated.length).toBeGreaterThan(0);
    for (const c of dated) expect(c.numFmt).toBe('dd/mm/yyyy');
    const year = columnOf(ws, headerOf('editionYear'));
    for (const r of rows) {
      expect(typeof r.getCell(year).value).toBe('number');
      expect(r.getCell(year).numFmt).toBe('0');
    }
    const score = columnOf(ws, headerOf('score'));
    const scored = rows.map((r) => r.getCell(score)).filter((c) => typeof c.value === 'number');
    expect(scored.length).toBeGreaterThan(0);
    for (const c of scored) expect(c.numFmt).toBe('0.00');
  });
});

describe('recap.xlsx', () => {
  it('styles every table sheet the same way', async () => {
    const wb = await sheets('/api/v1/exports/recap.xlsx?year=2025');
    const tables = wb.worksheets.filter((ws) => ws.name !== 'Ringkasan');
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const ws of tables) expectTableLook(ws);
    const byYear = wb.getWorksheet('Per Tahun')!;
    expect(byYear.getRow(2).getCell(1).numFmt).toBe('0');
  });
});
