// prestasi backup FILE [--force] — a consistent online copy of the SQLite database.
// `VACUUM INTO` writes the copy inside one read transaction: in WAL mode writers carry on, and
// the copy is the database as of the moment it began (a plain `cp` of a WAL database is not
// consistent). SQLite's page-by-page backup API was used before; it restarts whenever another
// connection writes, so under steady writes (≥ ~18/s) it never finished.

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Command } from 'commander';
import { describeDatabaseUrl } from '../../db/database.ts';
import { formatNumber } from '../../domain/format.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';
import { configuredDatabaseUrl, exitTwoOnUsageError, withDatabase } from './migrate.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  awards: number | null;
}

export async function backupDatabase(url: string, file: string, force = false): Promise<BackupResult> {
  let kind: string;
  let target: string;
  try {
    ({ kind, target } = describeDatabaseUrl(url));
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  if (kind === 'postgres')
    throw new CliError(
      'backup copies SQLite databases only. For PostgreSQL use pg_dump, e.g.\n' +
        '  pg_dump --format=custom --file=prestasi.dump "$DATABASE_URL"\n' +
        'and restore with: pg_restore --clean --dbname="$DATABASE_URL" prestasi.dump',
    );
  const source = resolve(target);
  if (target === '' || target === ':memory:')
    throw new CliError('an in-memory database cannot be backed up: set DATABASE_URL=sqlite:PATH');
  if (!existsSync(source))
    throw new CliError(`no database at ${source}: check DATABASE_URL (nothing to back up)`);
  const dest = resolve(file);
  if (dest === source) throw new CliError('the backup file must not be the database itself');
  if (existsSync(dest)) {
    if (statSync(dest).isDirectory()) throw new CliError(`${dest} is a folder: give a file name`);
    if (!force) throw new CliError(`${dest} already exists: choose another name or add --force`);
    rmSync(dest);
  }
  mkdirSync(dirname(dest), { recursive: true });

  await withDatabase(`sqlite:${source}`, async (db) => {
    if (!db.sqlite) throw new CliError('not a SQLite database');
    db.sqlite.prepare('VACUUM INTO ?').run(dest);
  });
  // Open the copy read-only to prove it is a database, and report what it holds.
  const copy = new SqliteDatabase(dest, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup ${dest} failed its integrity check: ${String(check)}`);
    const hasAwards = copy
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'awards'")
      .get();
    const awards = hasAwards
      ? (copy.prepare('SELECT count(*) AS n FROM awards').get() as { n: number }).n
      : null;
    return { file: dest, bytes: statSync(dest).size, awards };
  } finally {
    copy.close();
  }
}

export function register(program: Command): void {
  program
    .command('backup')
    .description(COMMAND_DESCRIPTIONS.backup)
    .argument('<file>', 'file tujuan, mis. backups/prestasi-2025-12-30.db')
    .option('--force', 'timpa file tujuan bila sudah ada')
    .exitOverride(exitTwoOnUsageError)
    .action(async (file: string, o: { force?: boolean }) => {
      const r = await backupDatabase(configuredDatabaseUrl(), file, o.force === true);
      const kb = formatNumber(Math.max(1, Math.round(r.bytes / 1024)));
      const awards = r.awards === null ? '' : `, ${formatNumber(r.awards)} penghargaan`;
      process.stdout.write(`Cadangan dibuat: ${r.file} (${kb} KB${awards}).\n`);
    });
}
