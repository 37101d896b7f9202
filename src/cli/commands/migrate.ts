// prestasi migrate — brings DATABASE_URL up to date: migrations, reference data, built-in scales.
import type { Command } from 'commander';
import { type Db, DEFAULT_DATABASE_URL, describeDatabaseUrl, openDatabase } from '../../db/database.ts';
import { prepareDatabase } from '../../db/prepare.ts';
import { COMMAND_DESCRIPTIONS } from '../descriptions.ts';
import { CliError } from '../run.ts';

/** DATABASE_URL (or the default) for commands that work on the configured database. */
export const configuredDatabaseUrl = (): string => process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

/** The URL without its password, for messages. */
export function displayUrl(url: string): string {
  const { kind, target } = describeDatabaseUrl(url);
  if (kind === 'sqlite') return `sqlite:${target}`;
  const u = new URL(target);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Opens a database for a command, turning a malformed URL into a usage error, and always
 * closes it afterwards (an open PostgreSQL pool would keep the process alive).
 */
export async function withDatabase<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  let db: Db;
  try {
    db = openDatabase(url);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  try {
    return await work(db);
  } catch (err) {
    throw asCliError(err, url);
  } finally {
    await db.close();
  }
}

/** A database that cannot be reached is the user's to fix, not a bug: say so without a stack. */
function asCliError(err: unknown, url: string): unknown {
  const code = (err as { code?: string })?.code;
  const unreachable = ['ECONNREFUSED', 'ENOTFOUND', '3D000', '28P01', '28000', 'SQLITE_CANTOPEN'];
  if (code && unreachable.includes(code))
    return new CliError(
      `cannot open the database ${displayUrl(url)}: ${(err as Error).message}. Check DATABASE_URL.`,
    );
  return err;
}

/** Commander's usage errors exit 2 like ours; --help exits 0. */
export const exitTwoOnUsageError = (err: { exitCode: number }) => process.exit(err.exitCode === 0 ? 0 : 2);

export function register(program: Command): void {
  program
    .command('migrate')
    .description(COMMAND_DESCRIPTIONS.migrate)
    .exitOverride(exitTwoOnUsageError)
    .action(async () => {
      const url = configuredDatabaseUrl();
      const applied = await withDatabase(url, (db) => prepareDatabase(db.db));
      const out = process.stdout;
      out.write(`Database: ${displayUrl(url)}\n`);
      if (applied.length === 0) out.write('Skema sudah terbaru; tidak ada migrasi baru.\n');
      else out.write(`Migrasi diterapkan (${applied.length}): ${applied.join(', ')}\n`);
      out.write('Data rujukan (pemberi, bidang, skala penilaian) diperbarui.\n');
    });
}
