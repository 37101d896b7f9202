import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { freshUploadDir, pngBytes, uploadForm } from './helpers.ts';

// Every change leaves exactly one audit event with its actor and time, and the trail itself
// cannot be changed or deleted (database triggers on both engines).

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('audit trail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ uploadDir: freshUploadDir() });
  });
  afterAll(() => t.close());

  const events = (entityType: string, entityId: number | string) =>
    t.db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', String(entityId))
      .orderBy('id')
      .execute();

  it('records each step of an award once, with actor, time, and before/after', async () => {
    const created = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    const id = created.json.id;
    await t.call('operator', 'PATCH', `/api/v1/awards/${id}`, { place: 'Balai Kartini' });
    const ev = await t.call(
      'operator',
      'POST',
      `/api/v1/awards/${id}/evidence`,
      uploadForm(pngBytes(21), 'a.png'),
    );
    await t.call('operator', 'POST', `/api/v1/awards/${id}/evidence`, { url: 'https://example.go.id/b' });
    await t.call('operator', 'DELETE', `/api/v1/evidence/${ev.json.id}`);
    await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${id}/return`, { reason: 'Tanggal belum ada' });
    await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`);
    await t.call('admin', 'POST', `/api/v1/awards/${id}/reopen`, { reason: 'Koreksi nama program' });
    // Refused changes leave no trace.
    await t.call('operatorOther', 'PATCH', `/api/v1/awards/${id}`, { place: 'X' });
    await t.call('viewer', 'POST', `/api/v1/awards/${id}/evidence`, { url: 'https://example.go.id/c' });

    const rows = await events('award', id);
    expect(rows.map((r) => `${r.action} by ${r.actor_label}`)).toEqual([
      'create by operator@example.go.id',
      'update by operator@example.go.id',
      'evidence.add by operator@example.go.id',
      'evidence.add by operator@example.go.id',
      'evidence.remove by operator@example.go.id',
      'submit by operator@example.go.id',
      'return by verifikator@example.go.id',
      'submit by operator@example.go.id',
      'verify by verifikator@example.go.id',
      'reopen by admin@example.go.id',
    ]);
    for (const r of rows) {
      expect(r.at).toMatch(ISO);
      expect(r.actor_id).toBeGreaterThan(0);
    }
    const update = rows[1];
    expect(JSON.parse(update.before_json!).place).toBe('Jakarta');
    expect(JSON.parse(update.after_json!).place).toBe('Balai Kartini');
    expect(JSON.parse(rows[2].after_json!)).toMatchObject({ kind: 'file', media_type: 'image/png' });
    expect(JSON.parse(rows[4].before_json!)).toMatchObject({ id: ev.json.id, kind: 'file' });
    expect(rows[6].reason).toBe('Tanggal belum ada');
    expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort());
  });

  it('records unit, giver, field, user and token changes once each, with before and after', async () => {
    const unit = await t.call('admin', 'POST', '/api/v1/units', {
      name: 'Kecamatan Cibodas',
      unitType: 'KECAMATAN',
      parentId: t.units.root.id,
    });
    await t.call('admin', 'PATCH', `/api/v1/units/${unit.json.id}`, { name: 'Kecamatan Cibodas Baru' });
    const giver = await t.call('admin', 'POST', '/api/v1/awarding-bodies', {
      code: 'lan',
      abbreviation: 'LAN',
      name: 'Lembaga Administrasi Negara',
      level: 'nasional',
    });
    await t.call('admin', 'PATCH', `/api/v1/awarding-bodies/${giver.json.id}`, { aliases: ['LAN RI'] });
    const field = await t.call('admin', 'POST', '/api/v1/fields', {
      code: 'pariwisata',
      nameId: 'Pariwisata',
      nameEn: 'Tourism',
    });
    await t.call('admin', 'PATCH', `/api/v1/fields/${field.json.id}`, { nameEn: 'Tourism and Culture' });
    const user = await t.call('admin', 'POST', '/api/v1/users', {
      email: 'staf@example.go.id',
      role: 'viewer',
      password: 'sandi-staf-12345',
    });
    await t.call('admin', 'PATCH', `/api/v1/users/${user.json.id}`, { role: 'verifikator' });
    await t.call('admin', 'PATCH', `/api/v1/users/${user.json.id}`, { password: 'sandi-baru-67890' });
    const token = await t.call('viewer', 'POST', '/api/v1/users/me/tokens', { name: 'skrip' });
    await t.call('viewer', 'DELETE', `/api/v1/users/me/tokens/${token.json.id}`);

    const summary = async (type: string, id: number) =>
      (await events(type, id)).map((r) => `${r.action} by ${r.actor_label}`);
    expect(await summary('org_unit', unit.json.id)).toEqual([
      'create by admin@example.go.id',
      'update by admin@example.go.id',
    ]);
    expect(await summary('awarding_body', giver.json.id)).toEqual([
      'create by admin@example.go.id',
      'update by admin@example.go.id',
    ]);
    expect(await summary('field', field.json.id)).toEqual([
      'create by admin@example.go.id',
      'update by admin@example.go.id',
    ]);
    expect(await summary('user', user.json.id)).toEqual([
      'create by admin@example.go.id',
      'update by admin@example.go.id',
      'password_reset by admin@example.go.id',
    ]);
    expect(await summary('api_token', token.json.id)).toEqual([
      'create by viewer@example.go.id',
      'revoke by viewer@example.go.id',
    ]);

    const [, unitUpdate] = await events('org_unit', unit.json.id);
    expect(JSON.parse(unitUpdate.before_json!).name).toBe('Kecamatan Cibodas');
    expect(JSON.parse(unitUpdate.after_json!).name).toBe('Kecamatan Cibodas Baru');
    const [, giverUpdate] = await events('awarding_body', giver.json.id);
    expect(JSON.parse(giverUpdate.after_json!).aliases).toBe('["LAN RI"]');
    const userEvents = await events('user', user.json.id);
    expect(JSON.parse(userEvents[1].before_json!).role).toBe('viewer');
    expect(JSON.parse(userEvents[1].after_json!).role).toBe('verifikator');
    // Password hashes never enter the trail.
    expect(JSON.stringify(userEvents)).not.toMatch(/scrypt\$/);
  });

  it('cannot be updated or deleted, not even by the application’s own connection', async () => {
    const before = await t.db.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThan(5);
    await expect(
      t.db.db
        .updateTable('audit_events')
        .set({ actor_label: 'someone else' })
        .where('id', '=', before[0].id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.db.deleteFrom('audit_events').where('id', '=', before[0].id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    expect(await t.db.db.selectFrom('audit_events').selectAll().orderBy('id').execute()).toEqual(before);
  });
});
