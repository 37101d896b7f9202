import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../../src/auth/users.ts';
import { MAX_CELL_CHARS } from '../../src/services/imports/read-file.ts';
import { importAwards, MAX_CONCURRENT_IMPORTS } from '../../src/services/imports/run.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csvOf, GOOD_ROWS, type Row, xlsxOf } from './files.ts';
import { deflatedZeros, zipOf } from './zip-bytes.ts';

// Spreadsheets built to hurt the server: zips whose headers lie, cells of megabytes, many
// uploads at once. Each must end in a clear 4xx, with memory and the response kept small.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // the real limit: 10 MB uploads
});
afterAll(() => t.close());

const upload = (name: string, bytes: Uint8Array | string) => {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name));
  return form;
};

/** Runs `work` while sampling the process's resident memory; returns the largest growth. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

describe('zip bombs with lying headers', { timeout: 60_000 }, () => {
  it('a sheet that claims 1 KB but inflates to 400 MB stops at the cap: 413, memory flat', async () => {
    const bomb = await deflatedZeros(400 * 1024 * 1024);
    const file = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), method: 0, claimedSize: 8 },
      { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, claimedSize: 1024 },
    ]);
    expect(file.length).toBeLessThan(1024 * 1024);
    const { result: res, growthMb } = await peakGrowth(() =>
      t.call('operator', 'POST', '/api/v1/imports?dryRun=true', upload('rekap.xlsx', file)),
    );
    expect(res.status).toBe(413);
    expect(res.json.error.message).toMatch(/terlalu besar setelah dibuka.*sheet1\.xml/);
    // Inflating it would take 400 MB; the guard counts chunks and keeps none.
    expect(growthMb).toBeLessThan(100);
  });

  it('one small entry listed a thousand times (overlapping entries) is refused without inflating it', async () => {
    const data = await deflatedZeros(3 * 1024 * 1024);
    const file = zipOf([{ name: 'xl/worksheets/sheet1.xml', data, method: 8, claimedSize: 100 }], {
      repeatEntry: { index: 0, times: 999 },
    });
    const res = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload('rekap.xlsx', file));
    expect(res.status).toBe(415);
    expect(res.json.error.message).toMatch(/tumpang-tindih.*simpan ulang/);
  });

  it('a local header that disagrees with the directory is refused', async () => {
    const data = await deflatedZeros(1024);
    const file = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, claimedSize: 1024, localCompressedSize: 3 },
    ]);
    const res = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload('rekap.xlsx', file));
    expect(res.status).toBe(415);
    expect(res.json.error.message).toMatch(/header lokal dan direktori/);
  });

  it('many honest entries that add up past the total cap: 413 naming the total', async () => {
    const part = await deflatedZeros(60 * 1024 * 1024);
    const file = zipOf(
      [0, 1, 2, 3].map((n) => ({
        name: `xl/worksheets/sheet${n + 1}.xml`,
        data: part,
        method: 8 as const,
        claimedSize: 60 * 1024 * 1024,
      })),
    );
    const res = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload('rekap.xlsx', file));
    expect(res.status).toBe(413);
    expect(res.json.error.message).toMatch(/lebih dari 160 MB/);
  });

  it('a real workbook still reads after the check', async () => {
    const res = await t.call(
      'admin',
      'POST',
      '/api/v1/imports?dryRun=true',
      upload('rekap.xlsx', await xlsxOf(GOOD_ROWS)),
    );
    expect(res.status).toBe(200);
    expect(res.json.ready).toBe(4);
  });
});

describe('huge cells are bounded and never echoed', { timeout: 60_000 }, () => {
  it('a cell longer than Excel allows stops the read with its row and column', async () => {
    const rows: Row[] = [
      ['Judul', 'Tahun', 'Pemberi'],
      ['Penghargaan', 2025, 'x'.repeat(3_000_000)],
    ];
    for (const [name, file] of [
      ['besar.xlsx', await xlsxOf(rows)],
      ['besar.csv', csvOf(rows)],
    ] as const) {
      const res = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload(name, file));
      expect(res.status, name).toBe(413);
      expect(res.json.error.message, name).toMatch(/^Baris 2, kolom C: isi sel 3\.000\.000 karakter/);
      expect(res.text.length, name).toBeLessThan(1000);
    }
  });

  it('a long bad value in thousands of rows: each quoted short, the list capped', async () => {
    const long = `12 ${'Maret'.repeat(Math.floor((MAX_CELL_CHARS - 10) / 5))} 2024`;
    const rows: Row[] = [['Judul', 'Tahun', 'Tanggal']];
    for (let i = 0; i < 3000; i++) rows.push([`Penghargaan ${i}`, 2024, long]);
    const file = await xlsxOf(rows); // one shared string, 3,000 references: ~100 MB if echoed
    const res = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload('r.xlsx', file));
    expect(res.status).toBe(200);
    expect(res.json.problems).toHaveLength(1000);
    expect(res.json.problemsNotListed).toBe(2000);
    expect(res.json.problems[0].value.length).toBeLessThanOrEqual(200);
    expect(res.json.problems[0].message.length).toBeLessThan(300);
    expect(res.text.length).toBeLessThan(1024 * 1024);
  });
});

describe('many imports at once', { timeout: 120_000 }, () => {
  const bigFile = async () => {
    const rows: Row[] = [['Judul', 'Tahun', 'Pemberi', 'Tanggal', 'Keterangan']];
    for (let i = 0; i < 8_000; i++)
      rows.push([`Penghargaan nomor ${i}`, 2024, 'Kemendagri', '12/03/2024', `catatan ${i}`.repeat(5)]);
    return xlsxOf(rows);
  };

  it(`runs at most ${MAX_CONCURRENT_IMPORTS} at once; the rest get 429 and a retry hint; the server lives`, async () => {
    const user = await t.db.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'admin@example.go.id')
      .executeTakeFirstOrThrow();
    const admin = await actorFor(t.db.db, user);
    const file = await bigFile();
    const calls = [0, 1, 2, 3, 4].map(() =>
      importAwards(t.db.db, admin, { fileName: 'r.xlsx', buffer: file, dryRun: true }).then(
        () => 200,
        (err) => (err as { status?: number }).status ?? 500,
      ),
    );
    // The first ones take a slot before their first await; the others are turned away at once.
    expect(await Promise.all(calls)).toEqual([200, 200, 429, 429, 429]);

    // Over HTTP, five uploads at once: every answer 200 or 429, never a 5xx, and afterwards
    // the server answers normally.
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map(() =>
        t.call('operator', 'POST', '/api/v1/imports?dryRun=true', upload('r.xlsx', file)),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(statuses).toContain(429);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.json.error.message).toMatch(/impor berjalan.*unggah lagi/);
    const after = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload('r.xlsx', file));
    expect(after.status).toBe(200);
    expect(after.json.rows).toBe(8_000);
  });
});
