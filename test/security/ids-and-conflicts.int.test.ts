import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// Ids beyond PostgreSQL's int4 and racing duplicate creates: both used to be 500s on PostgreSQL.
// Every answer here must be a 4xx that says what was wrong, on both databases.

const HUGE = '2147483648'; // 2^31: one past PostgreSQL's INTEGER

describe('ids out of the database range, and duplicates created in parallel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers an id ≥ 2^31 in a path with 422 (or 401 to the public), never 500', async () => {
    for (const path of [
      `/api/v1/awards/${HUGE}`,
      `/api/v1/units/${HUGE}`,
      `/api/v1/awards/${HUGE}/evidence`,
      `/api/v1/intake/findings/${HUGE}`,
    ]) {
      const admin = await t.call('admin', 'GET', path);
      expect(admin.status, path).toBe(422);
      expect(admin.json.error.details[0].message).toMatch(/2147483647/);
      const anonymous = await t.call('public', 'GET', path);
      expect([401, 422], path).toContain(anonymous.status);
    }
  });

  it('refuses an id ≥ 2^31 in a query string and in a JSON body with 422 naming the field', async () => {
    const list = await t.call('admin', 'GET', `/api/v1/awards?unit=${HUGE}`);
    expect(list.status).toBe(422);
    expect(list.json.error.details[0].field).toBe('unit');
    const created = await t.call('admin', 'POST', '/api/v1/awards', sampleAward(2 ** 31));
    expect(created.status).toBe(422);
    expect(created.json.error.details.map((d: { field: string }) => d.field)).toContain('unitId');
    const user = await t.call('admin', 'POST', '/api/v1/users', {
      email: 'besar@example.go.id',
      role: 'operator',
      unitId: 2 ** 40,
      password: 'sandi-panjang-sekali',
    });
    expect(user.status).toBe(422);
  });

  it('answers the largest valid id with a plain 404', async () => {
    expect((await t.call('admin', 'GET', '/api/v1/awards/2147483647')).status).toBe(404);
    expect((await t.call('admin', 'GET', '/kerja/penghargaan/2147483648')).status).toBe(404);
  });

  async function race(path: string, body: unknown) {
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.call('admin', 'POST', path, body)));
    const statuses = answers.map((a) => a.status).sort();
    return { statuses, conflicts: answers.filter((a) => a.status === 409) };
  }

  it('lets exactly one of 8 parallel creates of one user, giver or field win; the rest get 409', async () => {
    const users = await race('/api/v1/users', {
      email: 'kembar@example.go.id',
      name: 'Kembar',
      role: 'viewer',
      password: 'sandi-kembar-panjang',
    });
    expect(users.statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(users.conflicts[0].json.error.code).toBe('conflict');
    const givers = await race('/api/v1/awarding-bodies', {
      code: 'kembar-giver',
      abbreviation: 'KG',
      name: 'Kementerian Kembar',
      level: 'nasional',
    });
    expect(givers.statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const fields = await race('/api/v1/fields', { code: 'kembar', nameId: 'Kembar', nameEn: 'Twin' });
    expect(fields.statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(
      (await t.call('admin', 'GET', '/api/v1/users')).json.items.filter(
        (u: { email: string }) => u.email === 'kembar@example.go.id',
      ),
    ).toHaveLength(1);
  });
});
