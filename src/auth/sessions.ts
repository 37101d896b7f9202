import type { Kysely } from 'kysely';
import { nowIso } from '../db/now.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../services/actor.ts';
import { AppError } from '../services/errors.ts';
import { actorFor } from './actor.ts';
import { newSecret, sha256 } from './secrets.ts';

// Who is calling, as stored: API tokens and browser sessions. Only hashes are stored, so a
// copy of the database opens no account. The HTTP layer (src/http/auth/session.ts) reads the
// header and the cookie and calls these.

/** The actor behind a Bearer token; a 401 when the token is unknown, revoked or its user inactive. */
export async function actorForToken(db: Kysely<Database>, token: string): Promise<Actor> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', sha256(token.trim()))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'unauthenticated',
      'Token API tidak dikenal atau sudah dicabut; buat yang baru dengan `prestasi token create`.',
    );
  // Shown in the token list; written at most once a minute so a busy script costs no write per call.
  if (!row.last_used_at || Date.parse(row.last_used_at) < Date.now() - 60_000)
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: nowIso() })
      .where('id', '=', row.token_id)
      .execute();
  const { token_id: _id, last_used_at: _used, ...user } = row;
  return actorFor(db, user);
}

export interface OpenSession {
  /** The stored id (the cookie's hash). */
  id: string;
  csrfToken: string;
  actor: Actor;
}

/** The live session behind a cookie value, or null (unknown, expired, or its user inactive). */
export async function findSession(db: Kysely<Database>, cookie: string): Promise<OpenSession | null> {
  const id = sha256(cookie);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!row || row.expires_at <= nowIso()) return null;
  const { csrf_token, expires_at: _expires, ...user } = row;
  return { id, csrfToken: csrf_token, actor: await actorFor(db, user) };
}

/** Stores a new session; returns the cookie value (shown to the browser only) and its CSRF token. */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
  expires: Date,
): Promise<{ cookie: string; csrfToken: string }> {
  const cookie = newSecret();
  const csrfToken = newSecret();
  const user = await db
    .selectFrom('users')
    .select('region_id')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('sessions')
    .values({
      id: sha256(cookie),
      region_id: user.region_id,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: nowIso(),
      expires_at: expires.toISOString(),
    })
    .execute();
  return { cookie, csrfToken };
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}
