import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/auth/secrets.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { freshUploadDir, pngBytes, uploadForm } from './helpers.ts';

// Signing in: session cookies with CSRF, throttling, API tokens stored hashed and revocable.

describe('sign-in, CSRF, throttling and API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ uploadDir: freshUploadDir() });
  });
  afterAll(() => t.close());

  /** Signs in through the API; returns the cookie to send back and the CSRF token. */
  async function signIn(who: 'operator' | 'admin') {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `${who}@example.go.id`, password: t.passwords[who] }),
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const body = (await res.json()) as { csrfToken: string };
    return { setCookie, cookie: setCookie.split(';')[0], csrf: body.csrfToken };
  }

  const withCookie = (cookie: string, method: string, path: string, body?: unknown, headers = {}) =>
    t.app.request(path, {
      method,
      headers: {
        cookie,
        ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });

  it('sets an HttpOnly, SameSite session cookie', async () => {
    const { setCookie, csrf } = await signIn('operator');
    expect(setCookie).toMatch(/^prestasi_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(csrf.length).toBeGreaterThan(20);
  });

  it('refuses a cookie-authenticated change without the CSRF token, accepts it with the token', async () => {
    const { cookie, csrf } = await signIn('operator');
    const body = sampleAward(t.units.dinkes.id);
    const without = await withCookie(cookie, 'POST', '/api/v1/awards', body);
    expect(without.status).toBe(403);
    expect(((await without.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
    const wrong = await withCookie(cookie, 'POST', '/api/v1/awards', body, { 'x-csrf-token': 'tebakan' });
    expect(wrong.status).toBe(403);
    const ok = await withCookie(cookie, 'POST', '/api/v1/awards', body, { 'x-csrf-token': csrf });
    expect(ok.status).toBe(201);
    const awardId = ((await ok.json()) as { id: number }).id;
    // A multipart form carries it as the _csrf field, the way a plain HTML form does.
    const form = uploadForm(pngBytes(11), 'piagam.png');
    form.append('_csrf', csrf);
    expect((await withCookie(cookie, 'POST', `/api/v1/awards/${awardId}/evidence`, form)).status).toBe(201);
    const noCsrfForm = uploadForm(pngBytes(12), 'piagam.png');
    expect((await withCookie(cookie, 'POST', `/api/v1/awards/${awardId}/evidence`, noCsrfForm)).status).toBe(
      403,
    );
    // Reading needs no token.
    expect((await withCookie(cookie, 'GET', `/api/v1/awards/${awardId}`)).status).toBe(200);
    // After logout the cookie is worthless.
    expect(
      (await withCookie(cookie, 'POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': csrf })).status,
    ).toBe(204);
    expect((await withCookie(cookie, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('locks sign-in after 5 wrong passwords with 429 and a clear message, even for the right one', async () => {
    const attempt = (password: string) =>
      t.call('public', 'POST', '/api/v1/auth/login', { email: 'viewer@example.go.id', password });
    for (let i = 0; i < 5; i++) expect((await attempt(`salah-${i}-xxxxx`)).status).toBe(401);
    const locked = await attempt('salah-lagi-xxxxx');
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('too_many_requests');
    expect(locked.json.error.message).toMatch(/coba lagi dalam \d+ menit/);
    expect((await attempt(t.passwords.viewer)).status).toBe(429);
    await t.db.db.deleteFrom('login_attempts').execute(); // let later tests sign in from "local"
  });

  it('stores API tokens hashed, shows them once, and refuses them once revoked', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/users/me/tokens', { name: 'skrip rekap' });
    expect(created.status).toBe(201);
    const token: string = created.json.token;
    expect(token).toMatch(/^prs_[\w-]{40,}$/);

    const stored = await t.db.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.json.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    // The clear token is nowhere in the database: not in tokens, not in the audit trail.
    for (const table of ['api_tokens', 'audit_events', 'users', 'sessions']) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db.db);
      expect(JSON.stringify(rows.rows)).not.toContain(token);
    }
    const list = await t.call('operator', 'GET', '/api/v1/users/me/tokens');
    expect(list.text).not.toContain(token);
    expect(list.text).not.toContain(stored.token_hash);
    expect(list.json.items.map((x: { name: string }) => x.name)).toContain('skrip rekap');

    const useIt = () => t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect((await useIt()).status).toBe(200);
    // Someone else cannot revoke it, and does not learn that it exists.
    expect(
      (await t.call('operatorOther', 'DELETE', `/api/v1/users/me/tokens/${created.json.id}`)).status,
    ).toBe(404);
    expect((await t.call('operator', 'DELETE', `/api/v1/users/me/tokens/${created.json.id}`)).status).toBe(
      204,
    );
    const revoked = await useIt();
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await t.call('operator', 'DELETE', `/api/v1/users/me/tokens/${created.json.id}`)).status).toBe(
      409,
    );
    expect((await t.call('operator', 'GET', '/api/v1/auth/me')).status).toBe(200); // the other token still works
  });
});
