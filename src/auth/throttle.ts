import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { AppError } from '../services/errors.ts';

// Login throttling, per email and per client address, kept in the database so that it holds
// across restarts and across processes: at most 5 attempts in 15 minutes per key, then the key
// is locked for 15 minutes. A success clears the count.
//
// The attempt is counted *before* the password is checked, by one atomic upsert per key: a
// read-then-write count lets 100 parallel guesses all read "0 failures" and all be tried.
const MAX_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

/**
 * Counts one attempt for each key and throws 429 when any key is past its allowance, so the
 * password check only runs for attempts within it.
 */
export async function claimAttempt(db: Kysely<Database>, keys: string[], now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  const windowStart = new Date(now - WINDOW_MS).toISOString();
  const lockUntil = new Date(now + LOCK_MS).toISOString();
  // Every SET expression reads the row as it was, so `fresh` means the same in each of them.
  const fresh = sql`(login_attempts.window_started_at < ${windowStart} and (login_attempts.locked_until is null or login_attempts.locked_until <= ${at}))`;
  let refusedUntil: string | null = null;
  for (const key of keys) {
    const row = await db
      .insertInto('login_attempts')
      .values({ key, failures: 1, window_started_at: at, locked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when ${fresh} then 1 else login_attempts.failures + 1 end`,
          window_started_at: sql`case when ${fresh} then ${at} else login_attempts.window_started_at end`,
          locked_until: sql`case when ${fresh} then null
            when login_attempts.failures + 1 > ${sql.lit(MAX_ATTEMPTS)} and (login_attempts.locked_until is null or login_attempts.locked_until <= ${at}) then ${lockUntil}
            else login_attempts.locked_until end`,
        }),
      )
      .returning(['failures', 'locked_until'])
      .executeTakeFirstOrThrow();
    if (row.failures > MAX_ATTEMPTS && row.locked_until && (!refusedUntil || row.locked_until > refusedUntil))
      refusedUntil = row.locked_until;
  }
  if (refusedUntil) {
    const minutes = Math.max(1, Math.ceil((Date.parse(refusedUntil) - now) / 60_000));
    throw new AppError(
      'too_many_requests',
      `Terlalu banyak percobaan masuk yang gagal; coba lagi dalam ${minutes} menit.`,
    );
  }
}

export async function clearAttempts(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
}
