import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorForToken, createSession, deleteSession, findSession } from '../../auth/sessions.ts';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';

export const SESSION_COOKIE = 'prestasi_session';

/**
 * Finds who is calling: a Bearer API token, or a session cookie. Sets `actor` (null for the
 * public). A bad token is a 401 rather than silently public, so scripts notice. `asPublic`: a
 * request every visitor gets the public's answer to (a showcase page), which never reads the
 * actor: its session cookie is not looked up (a token still is, for that 401).
 */
export const identify =
  (asPublic: (c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { db } = c.get('deps').db;
    c.set('actor', null);
    c.set('authVia', null);
    c.set('sessionId', null);
    c.set('csrfToken', null);
    const header = c.req.header('authorization');
    if (header?.startsWith('Bearer ')) {
      c.set('actor', await actorForToken(db, header.slice(7)));
      c.set('authVia', 'token');
      return next();
    }
    const cookie = asPublic(c) ? undefined : getCookie(c, SESSION_COOKIE);
    const session = cookie ? await findSession(db, cookie) : null;
    if (session) {
      c.set('actor', session.actor);
      c.set('authVia', 'session');
      c.set('sessionId', session.id);
      c.set('csrfToken', session.csrfToken);
    }
    return next();
  };

/** Starts a session for a user; returns the CSRF token forms must echo back. */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<string> {
  const { db, config } = c.get('deps');
  const expires = new Date(Date.now() + config.sessionHours * 3600_000);
  const { cookie, csrfToken } = await createSession(db.db, userId, expires);
  setCookie(c, SESSION_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    path: '/',
    expires,
  });
  return csrfToken;
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const id = c.get('sessionId');
  if (id) await deleteSession(c.get('deps').db.db, id);
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
