import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';

/** Server used to create a throw-away database per test file (CI: the machine's PostgreSQL). */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testDatabaseKind = (): 'sqlite' | 'postgres' =>
  process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDb extends Db {
  url: string;
  /** Closes and deletes the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database with reference data, on the engine the vitest project selects
 * (TEST_DATABASE). SQLite: a file in a temp folder. PostgreSQL: a new database on the server.
 */
export async function createTestDb(): Promise<TestDb> {
  const url = await createEmptyDatabaseUrl();
  const opened = openDatabase(url);
  await prepareDatabase(opened.db);
  return withDrop(opened, url);
}

/** An empty database (no migrations run), for migration tests and restarts. */
export async function createEmptyDatabaseUrl(): Promise<string> {
  if (testDatabaseKind() === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'prestasi-test-'));
    return `sqlite:${join(dir, 'test.db')}`;
  }
  const name = `prestasi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL tests need a server at ${PG_ADMIN_URL} (set TEST_PG_ADMIN_URL, or run \`bash .ci/run\` which starts it): ${(err as Error).message}`,
    );
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabaseUrl(url: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    rmSync(join(url.slice('sqlite:'.length), '..'), { recursive: true, force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function withDrop(opened: Db, url: string): TestDb {
  return {
    ...opened,
    url,
    async drop() {
      await opened.close();
      await dropDatabaseUrl(url);
    },
  };
}
