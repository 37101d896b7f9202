import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { importAwards } from '../../src/services/imports/run.ts';
import { GOOD_ROWS, xlsxOf } from '../imports/files.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/** A test app whose record is the good spreadsheet's awards (GOOD_ROWS), imported as verified. */
export async function appWithVerifiedSheet(): Promise<TestApp> {
  const t = await createTestApp();
  await importAwards(t.db.db, SYSTEM_ACTOR, {
    fileName: 'rekap.xlsx',
    buffer: await xlsxOf(GOOD_ROWS),
    verified: true,
  });
  return t;
}
