import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAward } from '../recap/support.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { expectUsageError, prestasi } from './run-cli.ts';

// `prestasi report --lang id|en`, read as `prestasi export` reads it: the messages in
// Indonesian by default, in English with --lang en; any other value is a usage error (exit 2),
// for report and export alike.

describe('prestasi report --lang', { timeout: 180_000 }, () => {
  let t: TestApp;
  let dir: string;
  const run = (...args: string[]) => prestasi(args, { databaseUrl: t.db.url });

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'prestasi-cli-report-'));
    await addAward(t.db.db, sampleAward(t.units.dinkes.id, { editionYear: 2025 }));
  }, 60_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('says what it wrote in Indonesian, or in English with --lang en', async () => {
    const pdf = join(dir, 'laporan.pdf');
    const id = await run('report', '--year', '2025', '--out', pdf);
    expect(id.code).toBe(0);
    expect(id.stderr).toContain(`ditulis: ${pdf}`);
    expect(id.stderr).toContain('Laporan Penghargaan Tahun 2025: 1 penghargaan');
    const en = await run('report', '--year', '2025', '--out', pdf, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`written: ${pdf}`);
    expect(en.stderr).toContain('Award report 2025: 1 awards');
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF');
  });

  it('bad input: the message in the language asked, exit 2, nothing written', async () => {
    const out = join(dir, 'tidak.pdf');
    expectUsageError(await run('report', '--year', '25', '--out', out), /--year wajib/);
    expectUsageError(await run('report', '--year', '25', '--out', out, '--lang', 'en'), /--year is required/);
    expectUsageError(
      await run('report', '--year', '2025', '--out', join(dir, 'tidak-ada', 'x.pdf'), '--lang', 'en'),
      /folder .*tidak-ada does not exist/,
    );
    for (const command of ['report', 'export'])
      expectUsageError(
        await run(command, '--year', '2025', '--out', out, '--lang', 'fr'),
        /--lang "fr": pilih id atau en/,
      );
    expect(existsSync(out)).toBe(false);
  });
});
