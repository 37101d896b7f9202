import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/users.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// API tokens belong to a credential generation of their account: a password reset, a
// deactivation and a reactivation each end the tokens issued before. Each use is recorded
// (at most once a minute) so the owner can see which tokens are alive.

describe('API tokens follow account changes', () => {
  let t: TestApp;
  let viewerId: number;
  beforeAll(async () => {
    t = await createTestApp();
    viewerId = (
      await t.db.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'viewer@example.go.id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const asToken = (token: string) =>
    t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });

  it('ends the tokens issued before a password reset; a token made afterwards works', async () => {
    const old = await createApiToken(t.db.db, viewerId);
    expect((await asToken(old)).status).toBe(200);
    const reset = await t.call('admin', 'PATCH', `/api/v1/users/${viewerId}`, {
      password: 'sandi-baru-yang-panjang',
    });
    expect(reset.status).toBe(200);
    expect((await asToken(old)).status).toBe(401);
    const fresh = await createApiToken(t.db.db, viewerId);
    expect((await asToken(fresh)).status).toBe(200);
  });

  it('does not bring a token back when a deactivated account is reactivated', async () => {
    const old = await createApiToken(t.db.db, viewerId);
    expect((await asToken(old)).status).toBe(200);
    expect((await t.call('admin', 'PATCH', `/api/v1/users/${viewerId}`, { active: false })).status).toBe(200);
    expect((await asToken(old)).status).toBe(401);
    expect((await t.call('admin', 'PATCH', `/api/v1/users/${viewerId}`, { active: true })).status).toBe(200);
    expect((await asToken(old)).status).toBe(401);
    const history = await t.call('admin', 'GET', '/api/v1/users');
    expect(history.status).toBe(200);
  });

  it('leaves tokens alone on a change that is not about credentials (a new name)', async () => {
    const token = await createApiToken(t.db.db, viewerId);
    expect(
      (await t.call('admin', 'PATCH', `/api/v1/users/${viewerId}`, { name: 'Pimpinan Baru' })).status,
    ).toBe(200);
    expect((await asToken(token)).status).toBe(200);
  });

  it('records when a token was last used, at most once a minute', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/users/me/tokens', { name: 'skrip rekap' });
    expect(created.status).toBe(201);
    const token = created.json.token as string;
    const lastUsed = async () =>
      (await t.call('operator', 'GET', '/api/v1/users/me/tokens')).json.items.find(
        (i: { name: string }) => i.name === 'skrip rekap',
      ).lastUsedAt as string | null;
    expect(await lastUsed()).toBeNull();
    expect((await asToken(token)).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await asToken(token)).status).toBe(200);
    expect(await lastUsed()).toBe(first); // within the minute: no second write
  });
});
