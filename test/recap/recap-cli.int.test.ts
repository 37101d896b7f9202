import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recapOutput } from '../../src/cli/commands/recap.ts';
import { CliError } from '../../src/cli/run.ts';
import { AppError } from '../../src/services/errors.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addAward } from './support.ts';

// `prestasi recap` in-process (what its action writes to stdout); spawning the CLI costs
// seconds per run under tsx. Exit code 2 for CliError/AppError is runCommand's job.

describe('prestasi recap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const region = { recipientKind: 'region', level: 'nasional', awardingBodyCode: 'ombudsman' } as const;
    const programme = 'Penilaian Kepatuhan Standar Pelayanan Publik';
    const scaleId = 'ombudsman-kepatuhan';
    await addAward(t.db.db, {
      ...region,
      programme,
      title: 'Kepatuhan 2023',
      editionYear: 2023,
      scaleId,
      score: 93.21,
    });
    await addAward(t.db.db, {
      ...region,
      programme,
      title: 'Kepatuhan 2024',
      editionYear: 2024,
      scaleId,
      score: 94.76,
    });
    await addAward(t.db.db, { title: 'Draf 2024', editionYear: 2024, recipientKind: 'region' }, 'draft');
  });
  afterAll(() => t.close());

  it('prints a readable Indonesian recap', async () => {
    const out = await recapOutput(t.db.db, { region: '36.71', year: '2024' });
    expect(out).toContain('Rekap penghargaan Kota Tangerang (36.71) — 2024');
    expect(out).toContain('Hanya data terverifikasi.');
    expect(out).toContain('1 penghargaan pada 2024, sama dengan 2023');
    expect(out).toContain('2 penghargaan sejak 1993');
    expect(out).toMatch(/Ombudsman RI\s+1/);
    expect(out).toContain(
      'Penilaian Kepatuhan Standar Pelayanan Publik (Ombudsman RI): 94,76, naik 1,55 dari 93,21 (2023); 2 tahun berturut-turut Zona Hijau',
    );
    const en = await recapOutput(t.db.db, { year: '2024', lang: 'en' });
    expect(en).toContain('94.76, up 1.55 from 93.21 (2023); Green Zone 2 years in a row');
  });

  it('prints the API JSON, optionally with unverified records', async () => {
    const json = JSON.parse(await recapOutput(t.db.db, { year: '2024', json: true }));
    const api = (await t.call('viewer', 'GET', '/api/v1/recap?year=2024')).json;
    expect(json).toEqual(api);
    const all = JSON.parse(await recapOutput(t.db.db, { year: '2024', json: true, includeUnverified: true }));
    expect(all).toMatchObject({ total: 2, verifiedOnly: false });
  });

  it('refuses bad input with a message that says how to fix it', async () => {
    await expect(recapOutput(t.db.db, { year: '20x4' })).rejects.toThrow(CliError);
    await expect(recapOutput(t.db.db, { year: '20x4' })).rejects.toThrow(/harus tahun empat digit/);
    await expect(recapOutput(t.db.db, { region: 'Tangerang' })).rejects.toThrow(/--region "Tangerang"/);
    await expect(recapOutput(t.db.db, { region: '99.99' })).rejects.toBeInstanceOf(AppError);
  });
});
