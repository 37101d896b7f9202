import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import { lazyRequire } from '../lazy.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Db {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The DATABASE_URL it was opened with (a worker thread opens its own connection from it). */
  url: string;
  /** File path of the SQLite database (null for PostgreSQL or in-memory). */
  sqlitePath: string | null;
  /** The raw better-sqlite3 handle, for online backup. */
  sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/prestasi.db';

// Only the driver in use is loaded (a process talks to one database).
const sqliteDriver = lazyRequire<typeof SqliteDatabase>('better-sqlite3');
const pgModule = lazyRequire<typeof pg>('pg');
let pgReady = false;
function pgDriver(): typeof pg {
  const driver = pgModule();
  if (!pgReady) {
    // PostgreSQL returns int8 (count(*)) and numeric as strings; our numbers fit in a double,
    // and both databases must give the same JSON.
    driver.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    driver.types.setTypeParser(1700, (v) => Number.parseFloat(v));
    pgReady = true;
  }
  return driver;
}

export function describeDatabaseUrl(url: string): { kind: DatabaseKind; target: string } {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', target: url };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', target: url.slice('sqlite:'.length) };
  throw new Error(
    `DATABASE_URL "${url}" is not understood: use sqlite:PATH (e.g. sqlite:./data/prestasi.db) or postgres://user@host:5432/db`,
  );
}

export function openDatabase(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Db {
  const { kind, target } = describeDatabaseUrl(url);
  if (kind === 'postgres') {
    const pool = new (pgDriver().Pool)({ connectionString: target, max: 10 });
    // An idle client can lose its server (restart, database dropped); pg then emits 'error' on the
    // pool, which would crash the process if nobody listened. The pool replaces the client.
    // The logger loads only then, so a command that never meets this pays nothing for it.
    pool.on('error', (err) => {
      const level = process.env.VITEST ? 'silent' : (process.env.LOG_LEVEL ?? 'info');
      void import('../log.ts').then(({ createLogger }) =>
        createLogger(level).warn({ err }, 'postgres: idle client lost'),
      );
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namingStatements(pool) }) });
    return { db, kind, url, sqlitePath: null, sqlite: null, close: () => db.destroy() };
  }
  const memory = target === ':memory:' || target === '';
  const path = memory ? ':memory:' : resolve(target);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new (sqliteDriver())(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
  return { db, kind, url, sqlitePath: memory ? null : path, sqlite, close: () => db.destroy() };
}

/** Prepared statements kept per connection, the most recently used first out of this many. */
const KEPT_STATEMENTS = 300;

/** Named statements per PostgreSQL connection: the first this many distinct queries (then unnamed). */
const NAMED_STATEMENTS = 300;
/** `select *`, `"users".*`, `returning *`: every column, whatever they are when it runs (not count(*)). */
const ALL_COLUMNS = /(?<!\()\*(?!\))/;

/**
 * The pool as Kysely sees it, naming each query after a hash of its text: PostgreSQL parses and
 * plans a named statement once per connection and reuses it, where Kysely's unnamed queries are
 * parsed and planned on every call (a page repeats the same few dozen). Row-level security stays
 * exact: the policies read current_setting() when the statement runs, and PostgreSQL plans a
 * cached statement again when the role it runs as changes (test/db/row-security). Only queries
 * with parameters are named, and a connection names its first NAMED_STATEMENTS distinct
 * texts, the rest run unnamed (bounded: a statement kept costs server memory per connection).
 */
function namingStatements(pool: pg.Pool) {
  const clients = new WeakMap<pg.PoolClient, { query: pg.PoolClient['query']; release: () => void }>();
  const wrap = (client: pg.PoolClient) => {
    const named = new Set<string>();
    // biome-ignore lint/suspicious/noExplicitAny: Kysely calls query(text, values) or query(cursor)
    const query = ((text: any, values?: unknown[]) => {
      // Without parameters: DDL and one-off statements (migrations), not what a page repeats.
      // With a `*` of columns: a column added later (a migration while this server runs) would
      // change a named statement's result type, which PostgreSQL refuses ("cached plan must not
      // change result type") until the connection ends.
      if (typeof text !== 'string' || !values?.length || ALL_COLUMNS.test(text))
        return client.query(text, values);
      if (!named.has(text)) {
        if (named.size >= NAMED_STATEMENTS) return client.query(text, values);
        named.add(text);
      }
      return client.query({ name: createHash('sha1').update(text).digest('base64'), text, values });
    }) as pg.PoolClient['query'];
    return { query, release: () => client.release() };
  };
  return {
    async connect() {
      const client = await pool.connect();
      const wrapped = clients.get(client) ?? wrap(client);
      clients.set(client, wrapped);
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/**
 * The connection as Kysely sees it, keeping the statements it prepares: Kysely prepares every
 * query anew, and a page repeats the same few dozen statements; an import's batch insert (22,500
 * placeholders) cost a fifth of its writing time in preparing alone. Reuse is safe because
 * Kysely runs one query at a time on SQLite's single connection (its own mutex, held for a
 * whole stream too), and SQLite re-prepares a kept statement itself after a schema change.
 */
function keepingStatements(sqlite: SqliteDatabase.Database) {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string): SqliteDatabase.Statement {
      let statement = kept.get(sql);
      if (statement)
        kept.delete(sql); // re-inserted below: most recently used last
      else statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      return statement;
    },
    close: () => sqlite.close(),
  };
}
