// What every command that reads or writes records needs: the configured database brought up
// to date, and the user it acts as. Shared so that import, export, report, ingest and findings
// open the database and resolve --as the same way (and fail with the same message).
import { actorFor, findUserByEmail } from '../auth/users.ts';
import type { Db } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { type Actor, SYSTEM_ACTOR } from '../services/actor.ts';
import { configuredDatabaseUrl, withDatabase } from './commands/migrate.ts';
import { CliError } from './run.ts';

/** Opens DATABASE_URL, brings it up to date, runs `work` and always closes the database. */
export function withPreparedDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  return withDatabase(configuredDatabaseUrl(), async (db) => {
    await prepareDatabase(db.db);
    return work(db);
  });
}

/** --as EMAIL acts as that user (their role and unit scope); without it, the system (admin). */
export async function actorByEmail(db: Db, email: string | undefined): Promise<Actor> {
  if (!email) return { ...SYSTEM_ACTOR, label: 'cli' };
  const user = await findUserByEmail(db.db, email);
  if (user?.active !== 1)
    throw new CliError(`--as ${email}: tidak ada pengguna aktif dengan email itu (prestasi user add)`);
  return actorFor(db.db, user);
}
