import type { Kysely } from 'kysely';
import type { Database, UserRow } from '../db/schema.ts';
import { AppError } from '../services/errors.ts';
import { verifyPassword } from './passwords.ts';
import { claimAttempt, clearAttempts } from './throttle.ts';

/** Checks a password with throttling by email and by client address. */
export async function checkLogin(
  db: Kysely<Database>,
  email: string,
  password: string,
  client: string,
): Promise<UserRow> {
  const normalised = email.trim().toLowerCase();
  const keys = [`email:${normalised}`, `ip:${client}`];
  // Counted before the (slow) password check, so parallel guesses cannot all slip in.
  await claimAttempt(db, keys);
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalised)
    .where('active', '=', 1)
    .executeTakeFirst();
  // Hash even when the user is unknown so that timing does not reveal which emails exist.
  const ok = await verifyPassword(
    password,
    user?.password_hash ??
      'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (!user || !ok) {
    throw new AppError('unauthenticated', 'Email atau kata sandi salah.');
  }
  await clearAttempts(db, keys);
  return user;
}
