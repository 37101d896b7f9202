import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { createTestDb, type TestDb, testDatabaseKind } from '../support/db.ts';
import { expectUsageError, prestasi } from './run-cli.ts';

const onSqlite = testDatabaseKind() === 'sqlite';

describe('prestasi backup', { timeout: 120_000 }, () => {
  let t: TestDb;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDb();
    await seedDemo(t.db);
    dir = mkdtempSync(join(tmpdir(), 'prestasi-backup-'));
  }, 60_000);
  afterAll(() => t.drop());

  it.runIf(onSqlite)('copies the database while it is in use, holding only committed data', async () => {
    const awards = (await t.db.selectFrom('awards').select('id').execute()).length;
    expect(awards).toBeGreaterThan(10);
    // Another connection is in the middle of a write when the backup runs.
    const writer = new SqliteDatabase(t.sqlitePath!);
    writer.exec('BEGIN IMMEDIATE');
    writer.exec("UPDATE awards SET title = 'uncommitted' WHERE id = 1");
    const file = join(dir, 'copy.db');
    const r = await prestasi(['backup', file], { databaseUrl: t.url });
    writer.exec('ROLLBACK');
    writer.close();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(file);

    const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      expect((copy.prepare('SELECT count(*) AS n FROM awards').get() as { n: number }).n).toBe(awards);
      const titles = copy.prepare('SELECT title FROM awards').all() as { title: string }[];
      expect(titles.map((x) => x.title)).not.toContain('uncommitted');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    // The source is still usable after the copy.
    const more = await t.db.selectFrom('users').select('id').execute();
    expect(more.length).toBeGreaterThan(0);
  });

  it.runIf(onSqlite)('refuses to overwrite a file unless --force', async () => {
    const file = join(dir, 'twice.db');
    expect((await prestasi(['backup', file], { databaseUrl: t.url })).code).toBe(0);
    expectUsageError(await prestasi(['backup', file], { databaseUrl: t.url }), /already exists: .*--force/);
    expect((await prestasi(['backup', file, '--force'], { databaseUrl: t.url })).code).toBe(0);
  });

  it.runIf(onSqlite)('refuses a missing source, a folder as target, and a missing FILE', async () => {
    expectUsageError(
      await prestasi(['backup', join(dir, 'x.db')], {
        databaseUrl: `sqlite:${join(dir, 'nope', 'none.db')}`,
      }),
      /no database at/,
    );
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    expectUsageError(await prestasi(['backup', dir], { databaseUrl: t.url }), /is a folder/);
    expectUsageError(await prestasi(['backup'], { databaseUrl: t.url }), /missing required argument 'file'/);
  });

  it.runIf(!onSqlite)('tells PostgreSQL users to use pg_dump, with an example', async () => {
    const file = join(dir, 'pg.db');
    const r = await prestasi(['backup', file], { databaseUrl: t.url });
    expectUsageError(r, /pg_dump --format=custom/);
    expect(existsSync(file)).toBe(false);
  });
});
