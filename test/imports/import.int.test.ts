import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/auth/users.ts';
import type { Actor } from '../../src/services/actor.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { describeProblem, importAwards } from '../../src/services/imports/run.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csvOf, GOOD_ROWS, type Row, xlsxOf } from './files.ts';

let t: TestApp;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['admin', 'verifikator', 'operator', 'viewer']) {
    const user = await t.db.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', `${name}@example.go.id`)
      .executeTakeFirstOrThrow();
    actors[name] = await actorFor(t.db.db, user);
  }
});
afterAll(() => t.close());

async function clearAwards() {
  await t.db.db.deleteFrom('award_team_members').execute();
  await t.db.db.deleteFrom('awards').execute();
  await t.db.db.deleteFrom('import_batches').execute();
}
beforeEach(clearAwards);

const countAwards = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('awards')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a good file', () => {
  it('imports every row of an office xlsx: variants of headers, dates, decimals, aliases', async () => {
    const report = await importAwards(t.db.db, actors.admin, {
      fileName: 'rekap.xlsx',
      buffer: await xlsxOf(GOOD_ROWS),
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ format: 'xlsx', rows: 4, created: 4, skipped: 0, state: 'draft' });
    const rows = await t.db.db.selectFrom('awards').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.received_on)).toEqual(['2025-05-23', '2025-12-30', '2024-10-09', '2025-10-09']);
    expect(rows.every((r) => r.state === 'draft' && r.import_key)).toBe(true);
    const [kota, puskesmas, ombudsman, bkn] = rows;
    expect(kota.unit_id).toBe(t.units.dinkes.id);
    expect(kota.level).toBe('nasional');
    expect(kota.awarding_body_id).not.toBeNull();
    expect(puskesmas.unit_id).toBe(t.units.puskesmas.id);
    expect(puskesmas.awarding_body_text).toBe('Dinkes Provinsi Banten');
    expect(puskesmas.is_public).toBe(0);
    expect(ombudsman.score).toBeCloseTo(94.76);
    expect(ombudsman.scale_id).toBe('ombudsman-kepatuhan');
    expect(ombudsman.grade_zone).toBe('hijau');
    expect(bkn.level).toBe('nasional');

    const audits = await t.db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'import')
      .where('entity_type', '=', 'award')
      .where(
        'entity_id',
        'in',
        rows.map((r) => String(r.id)),
      )
      .execute();
    expect(audits).toHaveLength(4);
    const batch = await t.db.db.selectFrom('import_batches').selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ file_name: 'rekap.xlsx', rows_total: 4, rows_created: 4, rows_skipped: 0 });
  });

  it('imports the same rows from a semicolon CSV (Excel, Indonesian locale)', async () => {
    const report = await importAwards(t.db.db, actors.admin, {
      fileName: 'rekap.csv',
      buffer: csvOf(GOOD_ROWS, ';'),
    });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ format: 'csv', rows: 4, created: 4 });
    const dates = (await t.db.db.selectFrom('awards').select('received_on').orderBy('id').execute()).map(
      (r) => r.received_on,
    );
    expect(dates).toEqual(['2025-05-23', '2025-12-30', '2024-10-09', '2025-10-09']);
  });

  it('enters the rows as verified when a verifikator asks', async () => {
    const report = await importAwards(t.db.db, actors.verifikator, {
      fileName: 'rekap.xlsx',
      buffer: await xlsxOf(GOOD_ROWS),
      verified: true,
    });
    expect(report.created).toBe(4);
    const states = await t.db.db.selectFrom('awards').select(['state', 'verified_by']).execute();
    expect(states.every((s) => s.state === 'verified' && s.verified_by === actors.verifikator.id)).toBe(true);
  });
});

describe('a re-import', () => {
  it('creates nothing new and reports the rows as skipped', async () => {
    const file = await xlsxOf(GOOD_ROWS);
    await importAwards(t.db.db, actors.admin, { fileName: 'a.xlsx', buffer: file });
    // The same awards spelled differently still match: case, spaces, giver by abbreviation.
    const respelled = GOOD_ROWS.map((r, i) =>
      i === 3
        ? [1, '  penghargaan kota sehat  swasti saba wistara', ...r.slice(2, 4), 'Kemenkes', ...r.slice(5)]
        : r,
    );
    const again = await importAwards(t.db.db, actors.admin, { fileName: 'b.csv', buffer: csvOf(respelled) });
    expect(again).toMatchObject({ created: 0, skipped: 4, ready: 0 });
    expect(again.skippedRows[0]).toEqual({ row: 4, reason: 'sudah ada di database' });
    expect(await countAwards()).toBe(4);
  });

  it('skips a record entered by hand with the same title, year, giver, unit and date', async () => {
    await t.call('admin', 'POST', '/api/v1/awards', {
      title: 'Anugerah ASN',
      editionYear: 2025,
      awardingBodyCode: 'bkn',
      recipientKind: 'unit',
      unitId: t.units.dinkes.id,
      receivedOn: '2025-10-09',
    });
    const report = await importAwards(t.db.db, actors.admin, {
      fileName: 'a.xlsx',
      buffer: await xlsxOf(GOOD_ROWS),
    });
    expect(report).toMatchObject({ created: 3, skipped: 1 });
    expect(await countAwards()).toBe(4);
  });

  it('ignores numbered rows left empty below the data', async () => {
    const rows = [...GOOD_ROWS, [5], [6, null, null, null], [7]];
    const report = await importAwards(t.db.db, actors.admin, {
      fileName: 'a.xlsx',
      buffer: await xlsxOf(rows),
    });
    expect(report).toMatchObject({ rows: 4, created: 4, problems: [] });
  });

  it('skips a row repeated inside the same file', async () => {
    const rows = [...GOOD_ROWS, GOOD_ROWS[3]];
    const report = await importAwards(t.db.db, actors.admin, {
      fileName: 'a.xlsx',
      buffer: await xlsxOf(rows),
    });
    expect(report.skippedRows).toEqual([{ row: 8, reason: 'sama dengan baris 4' }]);
    expect(report.created).toBe(4);
  });
});

const HEADER: Row = [
  'Judul',
  'Tahun',
  'Pemberi',
  'Tingkat',
  'Bidang',
  'Penerima',
  'Tanggal',
  'Nilai',
  'Skala',
];

describe('a file with errors', () => {
  const bad: Row[] = [
    HEADER,
    [
      'Penghargaan Baik',
      2025,
      'Kemendagri',
      'Nasional',
      'Tata Kelola',
      'Dinas Kesehatan',
      '23/5/2025',
      null,
      null,
    ],
    ['Salah Pemberi', 2025, 'Kemendagr', 'Nasional', null, 'Dinas Kesehatan', '2025-05-23', null, null],
    ['Salah Tanggal', 2025, 'BKN', 'Nasional', null, 'Dinas Kesehatan', '31/2/2025', null, null],
    [
      'Salah Tingkat dan Unit',
      2025,
      'BKN',
      'Antar Galaksi',
      'Kesehatn',
      'Dinas Kesehatann',
      null,
      null,
      null,
    ],
    ['Nilai di luar skala', 2024, 'ORI', 'Nasional', null, 'Dinkes', null, '101,5', 'ombudsman-kepatuhan'],
    [null, 'dua ribu', null, null, null, 'Dinkes', null, 'abc', 'skala-x'],
  ];

  it('reports every problem with its row, column letter, header and a fix, and writes nothing', async () => {
    const report = await importAwards(t.db.db, actors.admin, {
      fileName: 'salah.xlsx',
      buffer: await xlsxOf(bad),
    });
    expect(report.created).toBe(0);
    expect(await countAwards()).toBe(0);
    expect(await t.db.db.selectFrom('import_batches').selectAll().execute()).toEqual([]);
    const at = (row: number, column: string) =>
      report.problems.filter((p) => p.row === row && p.column === column);
    expect(describeProblem(at(3, 'C')[0])).toBe(
      "Baris 3, kolom C (Pemberi): 'Kemendagr' tidak dikenal — maksud Anda 'Kemendagri'?",
    );
    expect(at(4, 'G')[0].message).toMatch(/tidak ada di kalender/);
    expect(at(5, 'D')[0].message).toMatch(/Internasional, Nasional/);
    expect(at(5, 'E')[0].message).toMatch(/maksud Anda 'Kesehatan'/);
    expect(at(5, 'F')[0].message).toMatch(/maksud Anda 'Dinas Kesehatan'/);
    expect(at(6, 'H')[0]).toMatchObject({ header: 'Nilai', value: '101,5' });
    expect(at(7, 'A')[0].message).toMatch(/Judul penghargaan wajib/);
    expect(at(7, 'B')[0].message).toMatch(/bukan tahun/);
    expect(at(7, 'H')[0].message).toMatch(/berupa kata, bukan nilai angka.*kolom Predikat/);
    expect(at(7, 'I')[0].message).toMatch(/skala 'skala-x' tidak dikenal/);
    expect(report.problems.filter((p) => p.row === 2)).toEqual([]);
  });

  it('refuses a file over the row limit with a clear 413', async () => {
    for (const [name, buffer] of [
      ['a.xlsx', await xlsxOf(GOOD_ROWS)],
      ['a.csv', csvOf(GOOD_ROWS)],
    ] as const)
      await expect(
        importAwards(t.db.db, actors.admin, {
          fileName: name,
          buffer,
          limits: { maxBytes: 1e6, maxRows: 2 },
        }),
      ).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/lebih dari 2 baris/) });
    expect(await countAwards()).toBe(0);
  });

  it('a dry run reports the same and the rows it would create', async () => {
    const good = await importAwards(t.db.db, actors.admin, {
      fileName: 'a.xlsx',
      buffer: await xlsxOf(GOOD_ROWS),
      dryRun: true,
    });
    expect(good).toMatchObject({ dryRun: true, created: 0, ready: 4, problems: [] });
    expect(await countAwards()).toBe(0);
  });
});

describe('who may import what', () => {
  const rows = (unit: string): Row[] => [
    HEADER,
    ['Penghargaan Unit', 2025, 'BKN', 'Nasional', null, unit, null, null, null],
  ];

  it('an operator imports for their subtree only; rows outside are errors', async () => {
    const inside = await importAwards(t.db.db, actors.operator, {
      fileName: 'a.csv',
      buffer: csvOf(rows('Puskesmas Neglasari')),
    });
    expect(inside.created).toBe(1);
    const outside = await importAwards(t.db.db, actors.operator, {
      fileName: 'b.csv',
      buffer: csvOf(rows('BKPSDM')),
    });
    expect(outside.created).toBe(0);
    expect(outside.problems[0]).toMatchObject({ row: 2, column: 'F', header: 'Penerima' });
    expect(outside.problems[0].message).toMatch(/di luar wewenang/);
  });

  it('an operator may not import as verified; a viewer may not import at all', async () => {
    const buffer = csvOf(rows('Dinkes'));
    await expect(
      importAwards(t.db.db, actors.operator, { fileName: 'a.csv', buffer, verified: true }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(importAwards(t.db.db, actors.viewer, { fileName: 'a.csv', buffer })).rejects.toMatchObject({
      status: 403,
    });
    await expect(importAwards(t.db.db, SYSTEM_ACTOR, { fileName: 'a.csv', buffer })).resolves.toMatchObject({
      created: 1,
    });
  });
});
