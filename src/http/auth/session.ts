import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { newSecret, sha256 } from '../../auth/secrets.ts';
import { actorFor } from '../../auth/users.ts';
import { nowIso } from '../../db/now.ts';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';

export const SESSION_COOKIE = 'prestasi_session';

/**
 * Finds who is calling: a Bearer API token, or a session cookie. Sets `actor` (null for the
 * public). A bad token is a 401 rather than silently public, so scripts notice.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get('deps').db;
  c.set('actor', null);
  c.set('authVia', null);
  c.set('sessionId', null);
  c.set('csrfToken', null);
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) {
    const token = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', sha256(header.slice(7).trim()))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const user =
      token &&
      (await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', token.user_id)
        .where('active', '=', 1)
        .executeTakeFirst());
    if (!user)
      throw new AppError(
        'unauthenticated',
        'Token API tidak dikenal atau sudah dicabut; buat yang baru dengan `prestasi token create`.',
      );
    // Shown in the token list; written at most once a minute so a busy script costs no write per call.
    if (!token.last_used_at || Date.parse(token.last_used_at) < Date.now() - 60_000)
      await db.updateTable('api_tokens').set({ last_used_at: nowIso() }).where('id', '=', token.id).execute();
    c.set('actor', await actorFor(db, user));
    c.set('authVia', 'token');
    return next();
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) {
    const id = sha256(cookie);
    const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (session && session.expires_at > nowIso()) {
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', session.user_id)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (user) {
        c.set('actor', await actorFor(db, user));
        c.set('authVia', 'session');
        c.set('sessionId', id);
        c.set('csrfToken', session.csrf_token);
      }
    }
  }
  return next();
};

/** Starts a session for a user; returns the CSRF token forms must echo back. */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<string> {
  const { db, config } = c.get('deps');
  const cookie = newSecret();
  const csrf = newSecret();
  const expires = new Date(Date.now() + config.sessionHours * 3600_000);
  await db.db
    .insertInto('sessions')
    .values({
      id: sha256(cookie),
      user_id: userId,
      csrf_token: csrf,
      created_at: nowIso(),
      expires_at: expires.toISOString(),
    })
    .execute();
  setCookie(c, SESSION_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    expires,
  });
  return csrf;
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const id = c.get('sessionId');
  if (id) await c.get('deps').db.db.deleteFrom('sessions').where('id', '=', id).execute();
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A cookie-authenticated change must carry the session's CSRF token, in the `X-CSRF-Token`
 * header (htmx, fetch) or the `_csrf` form field. Token-authenticated calls need none:
 * a browser never sends a Bearer token on its own.
 */
export const requireCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.has(c.req.method) || c.get('authVia') !== 'session') return next();
  let sent = c.req.header('x-csrf-token');
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody();
      sent = typeof form._csrf === 'string' ? form._csrf : undefined;
    }
  }
  if (!sent || sent !== c.get('csrfToken'))
    throw new AppError('forbidden', 'Token CSRF hilang atau salah: muat ulang halaman lalu kirim lagi.');
  return next();
};

export function requireActor(c: Context<AppEnv>) {
  const actor = c.get('actor');
  if (!actor)
    throw new AppError(
      'unauthenticated',
      'Masuk dulu (sign in) atau kirim header Authorization: Bearer <token>.',
    );
  return actor;
}
