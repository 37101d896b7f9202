import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { importAwards } from '../../src/services/imports/run.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csvOf, type Row } from './files.ts';

// One path for writes: every record the API refuses to create, the import refuses too, and
// names the row and the column to fix. Each case is one award sent both ways.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const nextYear = new Date().getUTCFullYear() + 1;

interface Case {
  what: string;
  /** The API body (on top of a valid one). */
  api: Record<string, unknown>;
  /** The API's error names this field. */
  field: string;
  /** The same record as a spreadsheet row: header → cell. */
  sheet: Record<string, string | number>;
  /** The import's problem names this header. */
  header: string;
  message: RegExp;
}

const base = {
  title: 'Penghargaan Uji Aturan',
  editionYear: 2025,
  recipientKind: 'region',
  receivedOn: '2025-05-23',
};
const baseRow = { Judul: 'Penghargaan Uji Aturan', Tahun: 2025, Tanggal: '2025-05-23' };

const CASES: Case[] = [
  {
    what: 'a date in the future',
    api: { receivedOn: `${nextYear}-01-02`, editionYear: nextYear },
    field: 'receivedOn',
    sheet: { Tanggal: `${nextYear}-01-02`, Tahun: nextYear },
    header: 'Tanggal',
    message: /masa depan/,
  },
  {
    what: 'a date more than two years from the edition',
    api: { editionYear: 2019 },
    field: 'receivedOn',
    sheet: { Tahun: 2019 },
    header: 'Tanggal',
    message: /terlalu jauh dari tahun edisi/,
  },
  {
    what: 'a giver after its rename (Kominfo after 20 October 2024)',
    api: { awardingBodyCode: 'kominfo' },
    field: 'awardingBodyCode',
    sheet: { Pemberi: 'Kominfo' },
    header: 'Pemberi',
    message:
      /Komunikasi dan Informatika berlaku .* tidak pada 2025-05-23; pilih penerusnya: Kementerian Komunikasi dan Digital/,
  },
  {
    what: 'a score outside every band of the named scale',
    api: { scaleId: 'ombudsman-kepatuhan', score: 140, editionYear: 2024 },
    field: 'score',
    sheet: { Skala: 'ombudsman-kepatuhan', Nilai: 140, Tahun: 2024 },
    header: 'Nilai',
    message: /140/,
  },
  {
    what: 'an edition year the named scale has no version for',
    api: { scaleId: 'ombudsman-kepatuhan', score: 90 },
    field: 'editionYear',
    sheet: { Skala: 'ombudsman-kepatuhan', Nilai: 90 },
    header: 'Tahun',
    message: /tidak punya versi untuk tahun 2025/,
  },
  {
    what: 'an unknown scale',
    api: { scaleId: 'skala-entah', score: 80 },
    field: 'scaleId',
    sheet: { Skala: 'skala-entah', Nilai: 80 },
    header: 'Skala',
    message: /skala-entah/,
  },
  {
    what: 'a title too short',
    api: { title: 'X' },
    field: 'title',
    sheet: { Judul: 'XY' },
    header: 'Judul',
    message: /minimal 3 karakter/,
  },
  {
    what: 'a team award without members',
    api: { recipientKind: 'team' },
    field: 'team',
    sheet: { 'Jenis Penerima': 'Tim' },
    header: 'Tim',
    message: /minimal satu anggota tim/,
  },
  {
    what: 'a rank position that is not a positive number',
    api: { rankPosition: 0 },
    field: 'rankPosition',
    sheet: { 'Urutan Peringkat': 0 },
    header: 'Urutan Peringkat',
    message: /Peringkat \(angka\) terlalu kecil/,
  },
  {
    what: "a team member's role longer than a role may be",
    api: { recipientKind: 'team', team: [{ personName: 'dr. Ani', role: 'R'.repeat(101) }] },
    field: 'team.0.role',
    sheet: { 'Jenis Penerima': 'Tim', Tim: `dr. Ani (${'R'.repeat(101)})` },
    header: 'Tim',
    message: /Paling banyak 100 karakter/,
  },
  {
    what: 'text longer than the field allows',
    api: { legalBasis: 'S'.repeat(301) },
    field: 'legalBasis',
    sheet: { 'Dasar Hukum': 'S'.repeat(301) },
    header: 'Dasar Hukum',
    message: /Paling banyak 300 karakter/,
  },
];

describe('import refuses what create refuses, with row and column', () => {
  it('the API accepts the valid record the cases start from, and so does the import', async () => {
    const res = await t.call('admin', 'POST', '/api/v1/awards', base);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const report = await importAwards(t.db.db, SYSTEM_ACTOR, {
      fileName: 'ok.csv',
      buffer: csvOf([Object.keys(baseRow), Object.values(baseRow)]),
      dryRun: true,
    });
    expect(report.problems).toEqual([]);
  });

  for (const c of CASES)
    it(c.what, async () => {
      const res = await t.call('admin', 'POST', '/api/v1/awards', { ...base, ...c.api });
      expect(res.status).toBe(422);
      const detail = res.json.error.details.find((d: { field?: string }) => d.field === c.field);
      expect(detail, JSON.stringify(res.json.error.details)).toBeTruthy();
      expect(detail.message).toMatch(c.message);

      const row = { ...baseRow, ...c.sheet } as Record<string, string | number>;
      const headers = Object.keys(row);
      const rows: Row[] = [headers, headers.map((h) => row[h] ?? null)];
      const report = await importAwards(t.db.db, SYSTEM_ACTOR, {
        fileName: 'aturan.csv',
        buffer: csvOf(rows),
        dryRun: true,
      });
      const letter = String.fromCharCode(65 + headers.indexOf(c.header));
      const problem = report.problems.find((p) => p.row === 2 && p.header === c.header);
      expect(problem, JSON.stringify(report.problems)).toBeTruthy();
      if (headers.includes(c.header)) expect(problem!.column).toBe(letter);
      expect(problem!.message).toMatch(c.message);
      expect(report.created).toBe(0);
    });
});
