import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// Nobody verifies their own entry — the admin included, who has every other right.

describe('an award is verified by someone who did not enter it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses an admin verifying the award they created and submitted, with 403 and the reason', async () => {
    const created = await t.call('admin', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await t.call('admin', 'POST', `/api/v1/awards/${id}/submit`)).status).toBe(200);
    const own = await t.call('admin', 'POST', `/api/v1/awards/${id}/verify`);
    expect(own.status).toBe(403);
    expect(own.json.error.message).toMatch(/tidak boleh memverifikasinya sendiri/);
    expect((await t.call('admin', 'GET', `/api/v1/awards/${id}`)).json.state).toBe('submitted');
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`)).json.state).toBe('verified');
  });

  it('refuses an admin who only edited or submitted an operator’s entry', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    const id = created.json.id;
    expect((await t.call('admin', 'PATCH', `/api/v1/awards/${id}`, { place: 'Tangerang' })).status).toBe(200);
    expect((await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`)).status).toBe(200);
    expect((await t.call('admin', 'POST', `/api/v1/awards/${id}/verify`)).status).toBe(403);

    const other = (await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id))).json
      .id;
    expect((await t.call('admin', 'POST', `/api/v1/awards/${other}/submit`)).status).toBe(200);
    expect((await t.call('admin', 'POST', `/api/v1/awards/${other}/verify`)).status).toBe(403);
  });

  it('lets an admin verify an entry they had no part in', async () => {
    const id = (await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id))).json.id;
    expect((await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`)).status).toBe(200);
    expect((await t.call('admin', 'POST', `/api/v1/awards/${id}/verify`)).json.state).toBe('verified');
  });
});
