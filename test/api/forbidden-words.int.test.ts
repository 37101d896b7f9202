import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// A refusal says who may do it in words ("Pimpinan", "Verifikator"), one language, no role
// codes ("viewer") and no field names ("unitId").

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CODES = /\bviewer\b|\bunitId\b|\((role|admin|curators)\b[^)]*\)|\bOperators must\b/;

describe('403 messages', () => {
  it('a pimpinan creating an award is told, in words, which roles may', async () => {
    const res = await t.call('viewer', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    expect(res.status).toBe(403);
    const message = res.json.error.message as string;
    expect(message).toContain('Pimpinan');
    expect(message).toContain('Operator OPD');
    expect(message).not.toMatch(CODES);
  });

  it('an operator without a recipient unit, and an operator deciding a finding, get words too', async () => {
    const noUnit = await t.call('operator', 'POST', '/api/v1/awards', {
      ...sampleAward(t.units.dinkes.id),
      recipientKind: 'region',
      unitId: null,
    });
    expect(noUnit.status).toBe(403);
    expect(noUnit.json.error.message).not.toMatch(CODES);
    const admin = await t.call('operator', 'GET', '/api/v1/users');
    expect(admin.status).toBe(403);
    expect(admin.json.error.message).not.toMatch(CODES);
  });
});
