import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, seeCount, seeText, startE2E, tinyPng } from './support.ts';

// The whole life of one award in a real browser: an operator enters it with evidence, a
// verifier returns it with a reason, the operator sees the reason, fixes and resubmits, the
// verifier verifies, and it appears on the public showcase. An operator of another unit is
// refused.

describe('award workflow in the browser', () => {
  let e: E2E;
  let operator: Page;
  let verifier: Page;
  let awardId = 0;
  const title = 'Opini Kualitas Tertinggi Kepatuhan Pelayanan Publik';

  beforeAll(async () => {
    e = await startE2E();
    operator = await e.newPage();
    verifier = await e.newPage();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('an operator enters an award: errors keep what was typed, the grade appears as the score is typed', async () => {
    await e.signIn(operator, 'operator');
    await operator.goto('/kerja/penghargaan/baru');
    // A first try with a bad score and no title: the form comes back with both messages and the typed text.
    await operator.getByLabel('Program / ajang').fill('Penilaian Kepatuhan Ombudsman');
    await operator.getByLabel('Skor').fill('sembilan puluh');
    await operator.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await seeText(operator.locator('.error-summary'), 'Judul penghargaan wajib diisi');
    await seeText(operator.locator('#e-score'), 'Skor harus angka');
    expect(await operator.getByLabel('Program / ajang').inputValue()).toBe('Penilaian Kepatuhan Ombudsman');

    await operator.getByLabel('Judul penghargaan').fill(`${title} (draf)`);
    await operator.getByLabel('Tahun edisi').fill('2024');
    await operator.getByLabel('Pemberi penghargaan').fill('Ombudsman');
    await seeText(operator.locator('#giver-hits'), 'Ombudsman Republik Indonesia');
    await operator.getByLabel('Pemberi penghargaan').fill('ORI');
    await operator.getByLabel('Tingkat').selectOption('nasional');
    await operator.getByLabel('Skala penilaian').selectOption('ombudsman-kepatuhan');
    await operator.getByLabel('Skor').fill('94,76');
    await seeText(operator.locator('#grade-preview'), 'Opini Kualitas Tertinggi');
    await operator.getByLabel('Tanggal diterima').fill('2024-12-10');
    await operator.getByLabel('Tempat').fill('Jakarta');
    await operator.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await seeText(operator.locator('.flash'), 'Draf tersimpan');
    awardId = Number(/penghargaan\/(\d+)/.exec(operator.url())?.[1]);
    expect(awardId).toBeGreaterThan(0);
    await seeText(operator.locator('.badge'), /^Draf$/);
    await seeText(operator.locator('dl.facts'), 'Ombudsman');
    await seeText(operator.locator('dl.facts'), '94,76');
  });

  it('the operator uploads evidence: a text file posing as PNG is refused, a real PNG is kept and shown', async () => {
    const fake = join(e.dir, 'sertifikat-palsu.png');
    writeFileSync(fake, 'bukan gambar, hanya teks');
    await operator.getByLabel('Unggah berkas bukti').setInputFiles(fake);
    await operator.getByRole('button', { name: 'Unggah', exact: true }).click();
    await seeText(operator.locator('.flash-error'), 'Unggah PDF, PNG, JPEG atau WEBP');

    const png = join(e.dir, 'sertifikat.png');
    writeFileSync(png, tinyPng());
    await operator.getByLabel('Unggah berkas bukti').setInputFiles(png);
    await seeCount(operator.locator('#file-preview img'), 1);
    await operator.getByLabel('Keterangan').first().fill('Sertifikat');
    await operator.getByRole('button', { name: 'Unggah', exact: true }).click();
    await seeText(operator.locator('.flash'), 'Bukti terunggah');
    const img = operator.locator('.evidence img');
    await seeCount(img, 1);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(2);
    await operator.getByRole('button', { name: 'Ajukan untuk verifikasi' }).click();
    await seeText(operator.locator('.badge'), /^Menunggu verifikasi$/);
  });

  it('an operator of another unit is refused with a 403 page', async () => {
    const other = await e.newPage();
    await e.signIn(other, 'operatorOther');
    const res = await other.goto(`/kerja/penghargaan/${awardId}`);
    expect(res?.status()).toBe(403);
    await seeText(other.locator('h1'), 'tidak punya hak');
    const edit = await other.goto(`/kerja/penghargaan/${awardId}/ubah`);
    expect(edit?.status()).toBe(403);
  });

  it('a verifier returns it with a reason; the operator sees why, fixes and resubmits', async () => {
    await e.signIn(verifier, 'verifikator');
    await verifier.goto('/kerja/verifikasi');
    const card = verifier.locator(`#award-${awardId}`);
    await seeText(card, title);
    // The evidence is previewed in the queue: the PNG the operator uploaded is shown.
    expect(await card.locator('.queue-evidence img').count()).toBe(1);
    // A reason that is too short is refused, and what was typed stays.
    await card.getByLabel('Alasan dikembalikan').fill('ok');
    await card.getByRole('button', { name: 'Kembalikan' }).click();
    await seeText(verifier.locator(`#award-${awardId} .field-error`), 'minimal 5 karakter');
    expect(await verifier.locator(`#award-${awardId} textarea`).inputValue()).toBe('ok');
    await verifier
      .locator(`#award-${awardId} textarea`)
      .fill('Judul tidak boleh memuat "(draf)"; tulis seperti di sertifikat.');
    await verifier.locator(`#award-${awardId}`).getByRole('button', { name: 'Kembalikan' }).click();
    await seeText(verifier.locator('.flash'), 'Dikembalikan');

    await operator.goto(`/kerja/penghargaan/${awardId}`);
    await seeText(operator.locator('.badge'), /^Dikembalikan$/);
    await seeText(operator.locator('.notice'), 'Judul tidak boleh memuat "(draf)"');
    await operator.getByRole('link', { name: 'Ubah' }).click();
    // The reason stays in view on the form while it is fixed.
    await seeText(operator.locator('.notice'), 'Judul tidak boleh memuat "(draf)"');
    await operator.getByLabel('Judul penghargaan').fill(title);
    await operator.getByRole('button', { name: 'Simpan' }).click();
    await seeText(operator.locator('.flash'), 'Perubahan tersimpan');
    await operator.getByRole('button', { name: 'Ajukan ulang' }).click();
    await seeText(operator.locator('.badge'), /^Menunggu verifikasi$/);
    await seeText(operator.locator('.history'), 'Dikembalikan');
  });

  it('the resubmitted record is marked in the queue with the earlier reason and what changed', async () => {
    await verifier.goto('/kerja/verifikasi');
    const note = verifier.locator(`#award-${awardId} .resubmitted`);
    await seeText(note, 'Diajukan ulang');
    await seeText(note, 'Judul tidak boleh memuat "(draf)"');
    const row = note.locator('table.diff tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').innerText()).toBe('judul');
    expect(await row.locator('del').innerText()).toContain('(draf)');
    expect(await row.locator('ins').innerText()).toBe(title);
  });

  it('the verifier verifies from the award page; the award is on the public showcase', async () => {
    await verifier.goto(`/kerja/penghargaan/${awardId}`);
    await seeText(verifier.locator('.resubmitted'), 'Diajukan ulang');
    await verifier.locator('.verify-forms').getByRole('button', { name: 'Verifikasi' }).click();
    await seeText(verifier.locator('.flash'), 'Terverifikasi');
    expect(new URL(verifier.url()).pathname).toBe(`/kerja/penghargaan/${awardId}`);
    await seeText(verifier.locator('.badge'), /^Terverifikasi$/);

    const visitor = await e.newPage();
    const res = await visitor.goto(`/penghargaan/${awardId}`);
    expect(res?.status()).toBe(200);
    await seeText(visitor.locator('h1'), title);
    await visitor.goto('/penghargaan?tahun=2024');
    await seeText(visitor.locator('main'), title);
  });

  it('the dashboard and the list count it', async () => {
    await operator.goto('/kerja?tahun=2024');
    await seeText(operator.locator('.stat').first(), /^1$/);
    await operator.goto('/kerja/penghargaan?state=verified&q=kepatuhan');
    await seeCount(operator.locator('tbody tr'), 1);
    await operator.goto('/kerja/penghargaan?state=draft');
    await seeCount(operator.locator('tbody tr'), 0);
    await operator.goto('/kerja/penghargaan');
  });
});
