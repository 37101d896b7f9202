import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Award, hydrateAwards } from '../../src/services/awards/model.ts';
import { awardCells, exportHeaders } from '../../src/services/exports/awards.ts';
import { defuseRow } from '../../src/services/exports/cells.ts';
import { writeFileAt } from '../../src/services/exports/file-writer.ts';
import { awardInState } from '../api/helpers.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertBulkAwards } from '../support/bulk-awards.ts';
import { expectUsageError, prestasi, REPO_ROOT } from './run-cli.ts';

// `prestasi export` as a user runs it, on a record that crosses several batch boundaries
// (1,000 awards a batch): the CLI writes a batch at a time now, and its files must be what the
// whole list written at once gave — the same CSV and JSON bytes, the same XLSX cells. The
// reference is built here from one read of every award (no batches) with csv-stringify and
// JSON.stringify, as the CLI did before. A few hand-made awards carry what a CSV must quote or
// defuse (comma, quote, line break, a formula) and a team.

const BULK = 2_345;

describe('prestasi export, a batch at a time', { timeout: 240_000 }, () => {
  let t: TestApp;
  let dir: string;
  /** Every award, in export order, read at once. */
  let all: Award[];
  const run = (...args: string[]) => prestasi(args, { databaseUrl: t.db.url });

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'prestasi-cli-export-'));
    const fieldIds = (await t.db.db.selectFrom('fields').select('id').orderBy('id').limit(4).execute()).map(
      (f) => f.id,
    );
    await insertBulkAwards(t.db.db, {
      count: BULK,
      regionCode: '36.71',
      units: [t.units.root, t.units.dinkes, t.units.puskesmas].map((u) => ({ id: u.id, path: u.path })),
      fieldIds,
      fromYear: 2001,
      years: 7,
    });
    await awardInState(t, 'verified', t.units.dinkes.id, {
      title: 'Juara "Satu", Inovasi\nPelayanan',
      editionYear: 2003,
      receivedOn: '2003-05-02',
      team: [{ unitId: t.units.puskesmas.id, role: 'pelaksana' }, { personName: 'dr. Sari, M.Kes' }],
    });
    await awardInState(t, 'draft', t.units.bkpsdm.id, {
      title: '=HYPERLINK("http://jahat.example","Klik")',
      editionYear: 2004,
      receivedOn: null,
      awardingBodyCode: null,
      awardingBodyText: 'Lembaga Lain',
    });
    const rows = await t.db.db
      .selectFrom('awards')
      .selectAll()
      .orderBy('edition_year')
      .orderBy(sql`coalesce(received_on, cast(edition_year as text) || '-12-31')`)
      .orderBy('id')
      .execute();
    all = await hydrateAwards(t.db.db, rows);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const referenceCsv = (awards: Award[]) =>
    `\uFEFF${stringify([exportHeaders(), ...awards.map((a) => defuseRow(awardCells(a, 'Kota Tangerang', 'text')))])}`;
  /** What is left in the folder besides the files the test put there: no .part, no scratch. */
  const leftovers = (...expected: string[]) => readdirSync(dir).filter((n) => !expected.includes(n));

  it('CSV to --out and to stdout: the bytes of every award written at once', async () => {
    expect(all.length).toBe(BULK + 2);
    const out = join(dir, 'semua.csv');
    const r = await run('export', '--format', 'csv', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${BULK + 2} penghargaan diekspor`);
    expect(readFileSync(out, 'utf8')).toBe(referenceCsv(all));
    const year = await run('export', '--format', 'csv', '--year', '2003');
    expect(year.code, year.stderr).toBe(0);
    expect(year.stdout).toBe(referenceCsv(all.filter((a) => a.editionYear === 2003)));
    expect(leftovers('semua.csv')).toEqual([]);
    rmSync(out);
  });

  it('JSON to --out and to stdout: the text of every award written at once', async () => {
    const reference = (awards: Award[], filters: object, exportedAt: string) =>
      JSON.stringify({ exportedAt, filters, count: awards.length, items: awards });
    const out = join(dir, 'semua.json');
    const r = await run('export', '--format', 'json', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toBe(reference(all, {}, JSON.parse(text).exportedAt));
    const year = await run('export', '--format', 'json', '--year', '2004');
    expect(year.code, year.stderr).toBe(0);
    expect(year.stdout).toBe(
      reference(
        all.filter((a) => a.editionYear === 2004),
        { year: 2004 },
        JSON.parse(year.stdout).exportedAt,
      ),
    );
    expect(leftovers('semua.json')).toEqual([]);
    rmSync(out);
  });

  it('XLSX: the cells of every award, dates as dates', async () => {
    const out = join(dir, 'semua.xlsx');
    const r = await run('export', '--format', 'xlsx', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const header = exportHeaders();
    const cellsOf = (n: number) =>
      header.map((_, c) => {
        const v = ws.getRow(n).getCell(c + 1).value;
        return v instanceof Date ? v.toISOString() : (v ?? null);
      });
    expect(cellsOf(1)).toEqual(header);
    expect(ws.rowCount).toBe(all.length + 1);
    const want = all.map((a) =>
      defuseRow(awardCells(a, 'Kota Tangerang', 'date')).map((v) =>
        v instanceof Date ? v.toISOString() : v,
      ),
    );
    expect(all.map((_, k) => cellsOf(k + 2))).toEqual(want);
    expect(leftovers('semua.xlsx')).toEqual([]);
    rmSync(out);
  });

  it('stdout closed by its reader after the first bytes (| head): ends quietly, exit 0', async () => {
    const child = spawn(process.execPath, ['bin/prestasi.js', 'export', '--format', 'json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: t.db.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('the open-data folder: every public award and the metadata that counts them', async () => {
    const od = join(dir, 'data-terbuka');
    const r = await run('export', '--open-data', od);
    expect(r.code, r.stderr).toBe(0);
    const publicCount = all.filter((a) => a.state === 'verified' && a.isPublic).length;
    const lines = readFileSync(join(od, 'penghargaan.csv'), 'utf8').trimEnd().split('\n');
    // One title holds a line break inside its quotes: one record, two lines.
    expect(lines.length).toBe(1 + publicCount + 1);
    expect(JSON.parse(readFileSync(join(od, 'metadata.json'), 'utf8')).records).toBe(publicCount);
    expect(readdirSync(od).sort()).toEqual([
      'datapackage.json',
      'dcat.jsonld',
      'metadata.json',
      'penghargaan.csv',
    ]);
    rmSync(od, { recursive: true });
  });

  it('bad input: a message in Indonesian (English with --lang en), exit 2, nothing at --out', async () => {
    const out = join(dir, 'x.csv');
    expectUsageError(
      await run('export', '--format', 'docx', '--out', out),
      /--format docx: salah satu dari csv/,
    );
    expectUsageError(
      await run('export', '--format', 'docx', '--lang', 'en', '--out', out),
      /--format docx: one of csv, xlsx, json/,
    );
    expectUsageError(
      await run('export', '--region', '99.99', '--out', out),
      /--region 99\.99: wilayah itu tidak ada/,
    );
    expectUsageError(
      await run('export', '--region', '99.99', '--lang', 'en', '--out', out),
      /--region 99\.99: no such region/,
    );
    expectUsageError(
      await run('export', '--out', join(dir, 'tidak-ada', 'x.csv')),
      /folder .*tidak-ada tidak ada/,
    );
    expectUsageError(await run('export', '--out', dir, '--lang', 'en'), /is a folder; give a file name/);
    // A path under a file: the checks see its folder is not one.
    writeFileSync(join(dir, 'berkas'), 'lama');
    expectUsageError(await run('export', '--out', join(dir, 'berkas', 'x.csv')), /tidak ada/);
    expect(leftovers('berkas')).toEqual([]);
    // An earlier file at --out stays as it was when the export is refused.
    writeFileSync(out, 'lama');
    expectUsageError(await run('export', '--region', '99.99', '--out', out), /wilayah itu tidak ada/);
    expect(readFileSync(out, 'utf8')).toBe('lama');
    expect(leftovers('berkas', 'x.csv')).toEqual([]);
    rmSync(out);
    rmSync(join(dir, 'berkas'));
  });

  it('a write that fails half-way leaves nothing at the path, not even the part written', async () => {
    const out = join(dir, 'gagal.csv');
    writeFileSync(out, 'lama');
    await expect(
      writeFileAt(out, async ({ out: sink, scratch }) => {
        await sink('baris 1\n');
        await scratch('sementara');
        throw new Error('disk penuh');
      }),
    ).rejects.toThrow('disk penuh');
    expect(readFileSync(out, 'utf8')).toBe('lama');
    expect(leftovers('gagal.csv')).toEqual([]);
    rmSync(out);
    expect(existsSync(out)).toBe(false);
  });
});
