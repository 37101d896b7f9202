import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csvOf, GOOD_ROWS, xlsxOf } from './files.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 256 * 1024 });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.db.deleteFrom('award_team_members').execute();
  await t.db.db.deleteFrom('awards').execute();
});

const upload = (name: string, bytes: Uint8Array | string, type = 'application/octet-stream') => {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name, { type }));
  return form;
};
const count = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('awards')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/imports', () => {
  it('dry run reports, the real import writes, the re-import skips', async () => {
    const file = await xlsxOf(GOOD_ROWS);
    const dry = await t.call('admin', 'POST', '/api/v1/imports?dryRun=true', upload('rekap.xlsx', file));
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ rows: 4, created: 0, ready: 4, skipped: 0, problems: [], dryRun: true });
    expect(await count()).toBe(0);
    const real = await t.call('operator', 'POST', '/api/v1/imports', upload('rekap.xlsx', file));
    expect(real.status).toBe(200);
    expect(real.json).toMatchObject({ created: 4, state: 'draft' });
    const again = await t.call('admin', 'POST', '/api/v1/imports', upload('rekap.xlsx', file));
    expect(again.json).toMatchObject({ created: 0, skipped: 4 });
    expect(await count()).toBe(4);
  });

  it('a file with problems answers 422 with the report and writes nothing', async () => {
    const rows = [
      ['Judul', 'Tahun', 'Pemberi', 'Penerima'],
      ['Baik', 2025, 'BKN', 'Dinkes'],
      ['Salah', 2025, 'Kemendagr', 'Dinkes'],
    ];
    const res = await t.call('admin', 'POST', '/api/v1/imports', upload('x.csv', csvOf(rows)));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.problems).toEqual([
      {
        row: 3,
        column: 'C',
        header: 'Pemberi',
        value: 'Kemendagr',
        message: "'Kemendagr' tidak dikenal — maksud Anda 'Kemendagri'?",
      },
    ]);
    expect(res.json.error.details[0].message).toBe(
      "Baris 3, kolom C (Pemberi): 'Kemendagr' tidak dikenal — maksud Anda 'Kemendagri'?",
    );
    expect(await count()).toBe(0);
  });

  it('checks roles: public 401, viewer 403, operator may not ask for verified', async () => {
    const file = csvOf(GOOD_ROWS);
    expect((await t.call('public', 'POST', '/api/v1/imports', upload('a.csv', file))).status).toBe(401);
    expect((await t.call('viewer', 'POST', '/api/v1/imports', upload('a.csv', file))).status).toBe(403);
    expect(
      (await t.call('operator', 'POST', '/api/v1/imports?verified=true', upload('a.csv', file))).status,
    ).toBe(403);
    const ok = await t.call('verifikator', 'POST', '/api/v1/imports?verified=true', upload('a.csv', file));
    expect(ok.json).toMatchObject({ created: 4, state: 'verified' });
  });
});

describe('hostile and wrong files', () => {
  it('refuses binaries, fake .xlsx, other zips and old .xls with 415', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
      'hex',
    );
    const cases: [string, Uint8Array | string][] = [
      ['foto.csv', png],
      ['bukan.xlsx', 'Judul,Tahun\nA,2025\n'],
      ['nol.csv', new Uint8Array([0x4a, 0x75, 0x00, 0x64, 0x75, 0x6c])],
    ];
    const zip = new JSZip();
    zip.file('hello.txt', 'bukan buku kerja');
    cases.push(['arsip.xlsx', await zip.generateAsync({ type: 'uint8array' })]);
    // An OLE2 compound file header (.xls, .doc).
    cases.push([
      'lama.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]),
    ]);
    for (const [name, bytes] of cases) {
      const res = await t.call('admin', 'POST', '/api/v1/imports', upload(name, bytes));
      expect(res.status, name).toBe(415);
      expect(res.json.error.message.length, name).toBeGreaterThan(20);
    }
    expect(await count()).toBe(0);
  });

  it('refuses a zip bomb posing as .xlsx before inflating it (413)', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(16 * 1024 * 1024)); // 16 MB of zeros, ~16 KB zipped
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(256 * 1024);
    const res = await t.call('admin', 'POST', '/api/v1/imports', upload('bom.xlsx', bytes));
    expect(res.status).toBe(413);
  });

  it('refuses files over the size limit (413) and without a header row (422)', async () => {
    const big = `Judul,Tahun\n${'Penghargaan Besar,2025\n'.repeat(20000)}`;
    const res = await t.call('admin', 'POST', '/api/v1/imports', upload('besar.csv', big));
    expect(res.status).toBe(413);
    const noHeader = await t.call('admin', 'POST', '/api/v1/imports', upload('x.csv', 'a,b\n1,2\n'));
    expect(noHeader.status).toBe(422);
    expect(noHeader.json.error.message).toMatch(/Baris judul kolom tidak ditemukan/);
    const empty = await t.call('admin', 'POST', '/api/v1/imports', upload('x.csv', ''));
    expect(empty.status).toBe(400);
    const noFile = new FormData();
    noFile.append('other', 'x');
    const missing = await t.call('admin', 'POST', '/api/v1/imports', noFile);
    expect(missing.status).toBe(422);
    expect(missing.json.error.details[0].field).toBe('file');
  });
});

describe('templates', () => {
  it('the xlsx template explains each column and imports as its example row', async () => {
    const res = await t.app.request('/api/v1/imports/template.xlsx');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Penghargaan', 'Petunjuk']);
    const help = wb.getWorksheet('Petunjuk')!;
    const text: string[] = [];
    help.eachRow((r) => text.push((r.values as unknown[]).slice(1).join(' | ')));
    const all = text.join('\n');
    expect(all).toContain('Judul (wajib)');
    expect(all).toContain('Kabupaten/Kota');
    expect(all).toMatch(/kesehatan \| Kesehatan/);
    expect(all).toMatch(/kemendagri \| Kemendagri \| Kementerian Dalam Negeri/);
    expect(all).toContain('Dinas Kesehatan | Dinkes');
    expect(all).toContain('ombudsman-kepatuhan');
    const imported = await t.call('admin', 'POST', '/api/v1/imports', upload('templat.xlsx', bytes));
    expect(imported.json).toMatchObject({ created: 1, problems: [] });
  });

  it('the csv template has the headers and the example row', async () => {
    const res = await t.call('public', 'GET', '/api/v1/imports/template.csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const [head, example] = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(head.split(',').slice(0, 4)).toEqual(['Judul', 'Program', 'Tahun', 'Pemberi']);
    expect(example).toContain('Kemenkes');
  });
});
