import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

describe('award references: givers in their time, retired fields', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a renamed giver after it ceased and names its successor', async () => {
    const body = sampleAward(t.units.dinkes.id, { awardingBodyCode: 'kominfo', receivedOn: '2025-03-01' });
    const res = await t.call('operator', 'POST', '/api/v1/awards', body);
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].field).toBe('awardingBodyCode');
    expect(res.json.error.details[0].message).toContain('Kementerian Komunikasi dan Digital');
    // The same giver before the rename is fine.
    const before = await t.call('operator', 'POST', '/api/v1/awards', {
      ...body,
      editionYear: 2023,
      receivedOn: '2023-11-01',
    });
    expect(before.status).toBe(201);
  });

  it('refuses a retired field for new choices but keeps existing records editable', async () => {
    const created = await t.call(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { fieldCode: 'lingkungan' }),
    );
    expect(created.status).toBe(201);
    await t.db.db.updateTable('fields').set({ active: 0 }).where('code', '=', 'lingkungan').execute();
    const again = await t.call(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(t.units.dinkes.id, { fieldCode: 'lingkungan' }),
    );
    expect(again.status).toBe(422);
    expect(again.json.error.details[0].field).toBe('fieldCode');
    const edit = await t.call('operator', 'PATCH', `/api/v1/awards/${created.json.id}`, { place: 'Serang' });
    expect(edit.status).toBe(200);
    expect(edit.json.field.code).toBe('lingkungan');
  });
});
