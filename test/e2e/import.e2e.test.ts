import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, seeCount, seeText, startE2E } from './support.ts';

// The import wizard in the browser: a file with a bad date gets a report naming the row and
// column (nothing saved); a good file gets a dry run, then the confirmation saves its rows.

const HEADER =
  'Judul,Program,Tahun,Pemberi,Tingkat,Bidang,Kategori,Penerima,Jenis Penerima,Tim,Tanggal,Tempat,Peringkat,Nilai,Skala,Predikat,Dasar Hukum,Keterangan,Publik';
const row = (title: string, date: string) =>
  `${title},Kabupaten/Kota Sehat,2025,Kemenkes,Nasional,Kesehatan,,Dinas Kesehatan,Unit,,${date},Jakarta,,,,,,,Ya`;

describe('import wizard in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('reports problems by row and column, then imports a good file after the dry run', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'operator');
    const bad = join(e.dir, 'salah.csv');
    writeFileSync(bad, `${HEADER}\n${row('Penghargaan Kota Sehat', '31/2/2025')}\n`);
    await page.goto('/kerja/impor');
    await page.getByLabel('Berkas .xlsx atau .csv').setInputFiles(bad);
    await page.getByRole('button', { name: 'Uji coba impor' }).click();
    await seeText(page.locator('.notice'), 'Tidak ada yang disimpan');
    const problem = await seeText(page.locator('tbody tr').first(), /Tanggal/);
    expect(problem).toMatch(/^2\s/);

    const good = join(e.dir, 'benar.csv');
    writeFileSync(
      good,
      `${HEADER}\n${row('Penghargaan Kota Sehat', '12/11/2025')}\n${row('Puskesmas Terbaik', '1/10/2025')}\n`,
    );
    await page.getByLabel('Berkas .xlsx atau .csv').first().setInputFiles(good);
    await page.getByRole('button', { name: 'Uji coba impor' }).first().click();
    // Before saving, the dry run shows how each row was read: open already for a file this small.
    await expect
      .poll(() => page.locator('details:has-text("Cara 2 baris dibaca")').getAttribute('open'))
      .not.toBeNull();
    const reading = await seeText(page.locator('details tbody tr').first(), /Puskesmas|Penghargaan/);
    expect(reading).toMatch(/Dinas Kesehatan.*Kemenkes.*Kesehatan.*2025 \(dari kolom Tahun\)/s);
    await page.getByRole('button', { name: 'Simpan 2 penghargaan' }).click();
    await seeText(page.locator('.flash'), '2 penghargaan diimpor');
    await seeCount(page.locator('tbody tr'), 2);
  });
});
