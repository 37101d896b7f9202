import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createRegion, createUnit } from '../../src/services/units.ts';
import { expectUsageError, prestasi } from '../cli/run-cli.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { csvOf, GOOD_ROWS } from './files.ts';

// prestasi import / export / report as a user runs them. Each spawn starts tsx from cold, so
// the timeout is generous (not a speed check).
describe('import, export and report on the command line', { timeout: 240_000 }, () => {
  let db: TestDb;
  let dir: string;
  const run = (...args: string[]) => prestasi(args, { databaseUrl: db.url });

  beforeAll(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'prestasi-cli-import-'));
    await createRegion(db.db, SYSTEM_ACTOR, {
      code: '36.71',
      name: 'Kota Tangerang',
      kind: 'kota',
      foundedOn: null,
    });
    const root = await createUnit(db.db, SYSTEM_ACTOR, {
      regionCode: '36.71',
      name: 'Pemerintah Kota Tangerang',
      unitType: 'PEMDA',
    });
    const dinkes = await createUnit(db.db, SYSTEM_ACTOR, {
      regionCode: '36.71',
      parentId: root.id,
      name: 'Dinas Kesehatan',
      shortName: 'Dinkes',
      unitType: 'DINAS',
    });
    await createUnit(db.db, SYSTEM_ACTOR, {
      regionCode: '36.71',
      parentId: dinkes.id,
      name: 'Puskesmas Neglasari',
      unitType: 'PUSKESMAS',
    });
    writeFileSync(join(dir, 'rekap.csv'), csvOf(GOOD_ROWS, ';'));
    writeFileSync(join(dir, 'salah.csv'), 'Judul;Tahun;Pemberi;Penerima\nUji;2025;Kemendagr;Dinkes\n');
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a file with problems: every problem by row and column, exit 2, nothing written', async () => {
    const r = await run('import', join(dir, 'salah.csv'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      "Baris 2, kolom C (Pemberi): 'Kemendagr' tidak dikenal — maksud Anda 'Kemendagri'?",
    );
    expect(await db.db.selectFrom('awards').selectAll().execute()).toEqual([]);
  });

  it('dry run, import, re-import; then export, open data and the PDF report', async () => {
    const dry = await run('import', join(dir, 'rekap.csv'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('4 baris siap dibuat sebagai draf');
    expect(dry.stderr).toMatch(/memeriksa 4\/4 baris/); // plain progress lines off a terminal

    const real = await run('import', join(dir, 'rekap.csv'), '--verified');
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('4 penghargaan dibuat sebagai terverifikasi');
    const again = await run('import', join(dir, 'rekap.csv'), '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, skipped: 4 });

    const xlsx = join(dir, 'semua.xlsx');
    expect((await run('export', '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const csv = await run('export', '--format', 'csv', '--year', '2025');
    expect(csv.stdout.split('\n').filter(Boolean)).toHaveLength(1 + 3);

    const od = join(dir, 'data-terbuka');
    expect((await run('export', '--open-data', od)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(od, 'metadata.json'), 'utf8')).records).toBe(3); // one is not public

    const pdf = join(dir, 'laporan.pdf');
    const report = await run('report', '--year', '2025', '--out', pdf);
    expect(report.code).toBe(0);
    expect(existsSync(pdf) && readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('usage errors exit 2 without a stack trace', async () => {
    expectUsageError(await run('import', join(dir, 'tidak-ada.csv')), /tidak ada/);
    expectUsageError(await run('export', '--format', 'docx'), /--format/);
    expectUsageError(await run('export', '--year', 'abc'), /--year/);
    expectUsageError(await run('report', '--year', '25'), /--year/);
    expectUsageError(await run('import', join(dir, 'rekap.csv'), '--as', 'siapa@contoh.id'), /--as/);
  });
});
