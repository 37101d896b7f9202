import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

describe('award workflow through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('draft → submitted → returned → resubmitted → verified → reopened, all audited', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.puskesmas.id));
    expect(created.status).toBe(201);
    expect(created.json.state).toBe('draft');
    expect(created.json.awardingBody.abbreviation).toBe('Kemenkes');
    const id = created.json.id;

    expect((await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`)).json.state).toBe('submitted');
    // The operator cannot verify their own work.
    expect((await t.call('operator', 'POST', `/api/v1/awards/${id}/verify`)).status).toBe(403);
    // Returning needs a reason.
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${id}/return`, { reason: '' })).status).toBe(
      422,
    );
    const returned = await t.call('verifikator', 'POST', `/api/v1/awards/${id}/return`, {
      reason: 'Lampirkan sertifikatnya',
    });
    expect(returned.json.state).toBe('returned');
    expect(returned.json.returnReason).toBe('Lampirkan sertifikatnya');

    const fixed = await t.call('operator', 'PATCH', `/api/v1/awards/${id}`, {
      place: 'Balai Kartini, Jakarta',
      version: returned.json.version,
    });
    expect(fixed.status).toBe(200);
    expect(fixed.json.place).toBe('Balai Kartini, Jakarta');
    await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
    const verified = await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`);
    expect(verified.json.state).toBe('verified');

    // Verified records change only by reopening.
    expect((await t.call('operator', 'PATCH', `/api/v1/awards/${id}`, { place: 'X' })).status).toBe(409);
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${id}/submit`)).status).toBe(403);
    const reopened = await t.call('verifikator', 'POST', `/api/v1/awards/${id}/reopen`, {
      reason: 'Tanggal salah ketik',
    });
    expect(reopened.json.state).toBe('returned');

    const history = await t.call('admin', 'GET', `/api/v1/awards/${id}/history`);
    expect(history.json.items.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'update',
      'submit',
      'verify',
      'reopen',
    ]);
    const update = history.json.items[3];
    expect(update.before.place).toBe('Jakarta');
    expect(update.after.place).toBe('Balai Kartini, Jakarta');
    expect(history.json.items[6].reason).toBe('Tanggal salah ketik');
  });

  it('refuses a stale version with 409', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    await t.call('operator', 'PATCH', `/api/v1/awards/${created.json.id}`, { place: 'Serang' });
    const stale = await t.call('operator', 'PATCH', `/api/v1/awards/${created.json.id}`, {
      place: 'Cilegon',
      version: created.json.version,
    });
    expect(stale.status).toBe(409);
  });

  it('keeps drafts of one unit away from operators of another', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    const id = created.json.id;
    expect((await t.call('operatorOther', 'GET', `/api/v1/awards/${id}`)).status).toBe(403);
    expect((await t.call('operatorOther', 'PATCH', `/api/v1/awards/${id}`, { place: 'X' })).status).toBe(403);
    expect(
      (await t.call('operatorOther', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id))).status,
    ).toBe(403);
    const list = await t.call('operatorOther', 'GET', '/api/v1/awards?state=draft');
    expect(list.json.items.map((a: { id: number }) => a.id)).not.toContain(id);
    expect((await t.call('public', 'GET', `/api/v1/awards/${id}`)).status).toBe(404);
  });
});
