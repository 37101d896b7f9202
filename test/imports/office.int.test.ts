import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/auth/users.ts';
import type { Actor } from '../../src/services/actor.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { describeProblem, type ImportReport, importAwards } from '../../src/services/imports/run.ts';
import { createUnit } from '../../src/services/units.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  ORGANISASI_FIRST_ROW,
  ORGANISASI_GOOD_ROWS,
  rekapDinkes,
  rekapOrganisasi,
  rekapSetda,
} from './office-sheets.ts';

// The office spreadsheets of office-sheets.ts, imported as a careful person would check them:
// every good row read right (unit, giver, field, year, grade), every bad one named by row and
// column with a fix, the JUMLAH row skipped as information.

let t: TestApp;
let admin: Actor;
const unit: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  const user = await t.db.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', 'admin@example.go.id')
    .executeTakeFirstOrThrow();
  admin = await actorFor(t.db.db, user);
  // The units these sheets name, besides the Dinkes, its Puskesmas and the BKPSDM of the test app.
  const add = async (
    key: string,
    name: string,
    shortName: string | null,
    unitType: string,
    parent?: string,
  ) => {
    const u = await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.71',
      parentId: parent ? unit[parent] : t.units.root.id,
      name,
      ...(shortName ? { shortName } : {}),
      unitType,
    } as Parameters<typeof createUnit>[2]);
    unit[key] = u.id;
  };
  await add('setda', 'Sekretariat Daerah', 'Setda', 'SEKRETARIAT_DAERAH');
  await add('organisasi', 'Bagian Organisasi', null, 'BAGIAN', 'setda');
  await add('bappeda', 'Badan Perencanaan Pembangunan Daerah', 'Bappeda', 'BADAN');
  await add('bpkad', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD', 'BADAN');
  await add('disnaker', 'Dinas Tenaga Kerja', null, 'DINAS');
  await add('diskominfo', 'Dinas Komunikasi dan Informatika', 'Diskominfo', 'DINAS');
  await add('disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil', 'DINAS');
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.db.deleteFrom('award_team_members').execute();
  await t.db.db.deleteFrom('awards').execute();
  await t.db.db.deleteFrom('import_batches').execute();
});

const dryRun = async (fileName: string, buffer: Buffer) =>
  importAwards(t.db.db, admin, { fileName, buffer, dryRun: true });
const readAt = (r: ImportReport, row: number) => r.readRows.find((x) => x.row === row);
const problemsAt = (r: ImportReport, row: number) =>
  r.problems.filter((p) => p.row === row).map((p) => `${p.column ?? '-'}: ${p.message}`);

describe('the Bagian Organisasi recap (title rows, merged cells, four date forms, JUMLAH, mistakes)', () => {
  const row = (n: number) => ORGANISASI_FIRST_ROW + n - 1; // sheet row of the n-th data row
  const jumlah = row(ORGANISASI_GOOD_ROWS + 1);
  const [badDate, duplicate, nameless, wordScore] = [1, 2, 3, 4].map((i) => jumlah + i);

  it('reads all 26 good rows; names each mistake by row and column with a fix; skips JUMLAH as information', async () => {
    const r = await dryRun('rekap-organisasi-2024.xlsx', await rekapOrganisasi());
    expect(r.ready).toBe(ORGANISASI_GOOD_ROWS);
    expect(r.readRows.map((x) => x.row)).toEqual(
      Array.from({ length: ORGANISASI_GOOD_ROWS }, (_, i) => row(i + 1)),
    );
    expect(r.skippedRows).toEqual([{ row: jumlah, reason: 'baris JUMLAH/TOTAL, bukan penghargaan' }]);
    // Only the four mistakes, each at its cell.
    expect(new Set(r.problems.map((p) => p.row))).toEqual(new Set([badDate, duplicate, nameless, wordScore]));
    expect(problemsAt(r, badDate)).toEqual([
      'G: "31/02/2024" tidak ada di kalender; periksa hari dan bulan (hari/bulan/tahun)',
    ]);
    // The repeat is a duplicate even though it also has the bad date.
    expect(problemsAt(r, duplicate)).toEqual([
      `-: sama dengan baris ${badDate} (duplikat): hapus baris ini, perbaiki baris ${badDate}`,
      'G: "31/02/2024" tidak ada di kalender; periksa hari dan bulan (hari/bulan/tahun)',
    ]);
    expect(problemsAt(r, nameless)).toHaveLength(1);
    expect(problemsAt(r, nameless)[0]).toMatch(/^B: /);
    expect(problemsAt(r, wordScore)).toEqual([
      'H: "Sangat Baik" berupa kata, bukan nilai angka; tulis nilainya (mis. 94,76) di sini, atau pindahkan predikat ini ke kolom Predikat',
    ]);
    expect(describeProblem(r.problems.find((p) => p.row === wordScore)!)).toMatch(
      new RegExp(`^Baris ${wordScore}, kolom H \\(Nilai\\): `),
    );
  });

  it('matches units, givers and fields the way the office wrote them', async () => {
    const r = await dryRun('rekap-organisasi-2024.xlsx', await rekapOrganisasi());
    const read = (n: number) => readAt(r, row(n))!;
    // Givers with their regional office or a bracket.
    expect(read(1).giver).toBe('Ombudsman RI');
    expect(read(2).giver).toBe('BPK');
    expect(read(3).giver).toBe('BKN');
    expect(read(4).giver).toBe('Kemendagri');
    // Units: Setda suffixes, acronyms (a renamed Bapperida is the Bappeda), the region's name.
    expect(read(6).unit).toBe('Bagian Organisasi');
    expect(read(16).unit).toBe('Bagian Organisasi');
    expect(read(4).unit).toBe('Badan Perencanaan Pembangunan Daerah');
    expect(read(11).unit).toBe('Dinas Tenaga Kerja');
    expect(read(12).unit).toBe('Dinas Tenaga Kerja');
    expect(read(10).unit).toBe('Puskesmas Neglasari');
    expect(read(18).unit).toBe('Badan Pengelolaan Keuangan dan Aset Daerah');
    expect(read(1).unit).toBe('Kota Tangerang');
    // The OPD cell merged over three rows applies to all three.
    expect([7, 8, 9].map((n) => read(n).unit)).toEqual([
      'Dinas Kesehatan',
      'Dinas Kesehatan',
      'Dinas Kesehatan',
    ]);
    // Fields as offices name them.
    expect(read(5).field).toBe('Komunikasi, Informatika dan Keterbukaan Informasi');
    expect(read(6).field).toBe('Tata Kelola Pemerintahan');
    expect(read(2).field).toBe('Keuangan dan Aset Daerah');
    expect(read(11).field).toBe('Ekonomi, Investasi dan UMKM');
    expect(read(13).field).toBe('Sosial dan Perlindungan Anak');
    // Unknown givers stay free text, with a hint when a known one shares the words.
    expect(read(11).giver).toBe('BPJS Ketenagakerjaan');
    expect(r.notes.join(' ')).toMatch(/'Yayasan Kota Cerdas Nusantara'/);
  });

  it('infers the scale from giver and title, grades, and takes the edition year from the title', async () => {
    const r = await dryRun('rekap-organisasi-2024.xlsx', await rekapOrganisasi());
    const ombudsman = readAt(r, row(1))!;
    expect(ombudsman).toMatchObject({
      year: 2024,
      yearFrom: 'title',
      scale: 'ombudsman-kepatuhan',
      grade: 'A — Opini Kualitas Tertinggi',
    });
    expect(readAt(r, row(2))).toMatchObject({ year: 2023, yearFrom: 'title', scale: 'bpk-opini' });
    expect(readAt(r, row(6))).toMatchObject({ year: 2024, yearFrom: 'date', scale: 'sakip' });
    // A score from a giver that has several scales, and no words naming one, stays ungraded.
    expect(readAt(r, row(3))).toMatchObject({ scale: null, grade: null });
  });

  it('once the mistakes are removed, all 26 rows import with their dates, units and grades', async () => {
    const r = await importAwards(t.db.db, admin, {
      fileName: 'rekap-organisasi-2024.xlsx',
      buffer: await rekapOrganisasi(false),
    });
    expect(r.problems).toEqual([]);
    expect(r.created).toBe(ORGANISASI_GOOD_ROWS);
    const awards = await t.db.db.selectFrom('awards').selectAll().orderBy('id').execute();
    const byTitle = new Map(awards.map((a) => [a.title, a]));
    const get = (title: string) => byTitle.get(title)!;
    // The four typed date forms, a date cell and an Excel serial.
    expect(get('Penghargaan Penerapan Sistem Merit').received_on).toBe('2024-03-12');
    expect(get('Opini WTP atas LKPD Tahun Anggaran 2023').received_on).toBe('2024-06-12');
    expect(get('Opini Ombudsman atas Penilaian Kepatuhan Standar Pelayanan Publik 2024').received_on).toBe(
      '2025-01-15',
    );
    expect(get('Juara 1 Inovasi Daerah Kategori Kota').received_on).toBe('2024-12-05');
    expect(get('Badan Publik Informatif').received_on).toBe('2024-12-09');
    const ombudsman = get('Opini Ombudsman atas Penilaian Kepatuhan Standar Pelayanan Publik 2024');
    expect(ombudsman).toMatchObject({ edition_year: 2024, grade_code: 'A', grade_zone: 'hijau' });
    expect(ombudsman.score).toBeCloseTo(94.76);
    expect(ombudsman.recipient_kind).toBe('region');
    expect(ombudsman.unit_id).toBeNull(); // the pemda itself, not a word match on the Pemkot unit
    expect(get('Penghargaan Germas').unit_id).toBe(t.units.dinkes.id);
    expect(get('Paritrana Award').unit_id).toBe(unit.disnaker);
    expect(get('Paritrana Award').awarding_body_text).toBe('BPJS Ketenagakerjaan');
    expect(get('Predikat A Evaluasi SAKIP').unit_id).toBe(unit.organisasi);
    // Importing the same file again adds nothing.
    const again = await importAwards(t.db.db, admin, {
      fileName: 'rekap-organisasi-2024.xlsx',
      buffer: await rekapOrganisasi(false),
    });
    expect(again.created).toBe(0);
    expect(again.skippedRows.filter((s) => s.reason === 'sudah ada di database')).toHaveLength(
      ORGANISASI_GOOD_ROWS,
    );
  });
});

describe('the Dinkes list (Tahun = year received, merged date, TOTAL, near misses)', () => {
  // Header on sheet row 4; data rows 5–10.
  it('reads the assessment year from the title, fills the merged date, suggests the near misses', async () => {
    const r = await dryRun('penghargaan-dinkes.xlsx', await rekapDinkes());
    expect(r.ready).toBe(3);
    expect(readAt(r, 5)).toMatchObject({
      year: 2023,
      yearFrom: 'title',
      scale: 'ombudsman-kepatuhan',
      grade: 'A — Opini Kualitas Tertinggi',
    });
    expect(readAt(r, 7)).toMatchObject({ unit: 'Puskesmas Neglasari', year: 2024 });
    expect(r.skippedRows).toEqual([{ row: 10, reason: 'baris JUMLAH/TOTAL, bukan penghargaan' }]);
    expect(problemsAt(r, 8)).toEqual([
      "D: 'Kementrian Keshatan' tidak dikenal — maksud Anda 'Kementerian Kesehatan'?",
      expect.stringMatching(/^E: unit 'RSUD' tidak ada/),
    ]);
    expect(problemsAt(r, 9)).toEqual([
      "E: unit 'Puskesmas Neglasar' tidak ada — maksud Anda 'Puskesmas Neglasari'?",
    ]);
    expect(new Set(r.problems.map((p) => p.row))).toEqual(new Set([8, 9]));
  });

  it('the date merged over two rows is read for both', async () => {
    const r = await dryRun('penghargaan-dinkes.xlsx', await rekapDinkes());
    expect(readAt(r, 6)).toMatchObject({ unit: 'Puskesmas Neglasari', date: '2024-07-23' });
    expect(readAt(r, 7)).toMatchObject({ unit: 'Puskesmas Neglasari', date: '2024-07-23' });
  });
});

describe('the Setda sheet (urusan names, givers with offices, grades)', () => {
  it('matches "Bidang …"/"Urusan …" fields, grades the RB index and the Ombudsman score, blocks the unknown', async () => {
    const r = await dryRun('rekap-setda.xlsx', await rekapSetda());
    // Header on sheet rows 3–4 (Penilaian over Nilai | Predikat); data rows 5–9.
    expect(r.notes.join(' ')).not.toMatch(/tidak dikenal diabaikan/);
    expect(readAt(r, 5)).toMatchObject({
      unit: 'Bagian Organisasi',
      giver: 'KemenPANRB',
      field: 'Tata Kelola Pemerintahan',
      year: 2024,
      yearFrom: 'title',
      scale: 'indeks-rb',
    });
    expect(readAt(r, 5)?.grade).toMatch(/^BB — /);
    expect(readAt(r, 6)).toMatchObject({
      unit: 'Kota Tangerang',
      giver: 'Ombudsman RI',
      field: 'Pelayanan Publik',
      grade: 'A — Opini Kualitas Tertinggi',
    });
    expect(readAt(r, 7)).toMatchObject({
      giver: 'BPS',
      field: 'Komunikasi, Informatika dan Keterbukaan Informasi',
      unit: 'Dinas Komunikasi dan Informatika',
    });
    expect(readAt(r, 9)).toMatchObject({ unit: 'Bagian Organisasi', field: 'Tata Kelola Pemerintahan' });
    expect(r.readRows.map((x) => x.row)).toEqual([5, 6, 7, 9, 10]);
    expect(readAt(r, 10)).toMatchObject({
      year: 2024,
      yearFrom: 'date',
      field: 'Kependudukan dan Pencatatan Sipil',
    });
    // "Arsip Nasional" is not a listed name, but the words point to ANRI.
    expect(r.notes.join(' ')).toMatch(/'Arsip Nasional' \(mirip 'Arsip Nasional Republik Indonesia'\?/);
    expect(problemsAt(r, 8)).toEqual([
      expect.stringMatching(/^C: bidang 'Kebudayaan' tidak dikenal/),
      expect.stringMatching(/^D: unit 'Disbudpar' tidak ada/),
    ]);
    expect(new Set(r.problems.map((p) => p.row))).toEqual(new Set([8]));
  });
});
