import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../services/errors.ts';

// Login throttling, per email and per client address, kept in the database so that it holds
// across restarts and across processes: 5 failures in 15 minutes lock the key for 15 minutes.
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export async function assertNotLocked(db: Kysely<Database>, keys: string[], now = Date.now()): Promise<void> {
  const rows = await db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
  const locked = rows.find((r) => r.locked_until && Date.parse(r.locked_until) > now);
  if (locked) {
    const minutes = Math.ceil((Date.parse(locked.locked_until!) - now) / 60_000);
    throw new AppError(
      'too_many_requests',
      `Terlalu banyak percobaan masuk yang gagal; coba lagi dalam ${minutes} menit.`,
    );
  }
}

export async function recordFailure(db: Kysely<Database>, keys: string[], now = Date.now()): Promise<void> {
  for (const key of keys) {
    const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || now - Date.parse(row.window_started_at) > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const values = {
      failures,
      window_started_at: fresh ? new Date(now).toISOString() : row.window_started_at,
      locked_until: failures >= MAX_FAILURES ? new Date(now + LOCK_MS).toISOString() : null,
    };
    if (row) await db.updateTable('login_attempts').set(values).where('key', '=', key).execute();
    else
      await db
        .insertInto('login_attempts')
        .values({ key, ...values })
        .execute();
  }
}

export async function clearFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
}
