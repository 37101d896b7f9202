import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { awardInState, freshUploadDir } from './helpers.ts';

describe('registry API: units, givers, fields, users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ uploadDir: freshUploadDir() });
  });
  afterAll(() => t.close());

  it('shows the unit tree to the public in tree order, and the region', async () => {
    const res = await t.call('public', 'GET', '/api/v1/units');
    expect(res.status).toBe(200);
    expect(res.json.items.map((u: { name: string; depth: number }) => `${u.depth}:${u.name}`)).toEqual([
      '0:Pemerintah Kota Tangerang',
      '1:Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      '1:Dinas Kesehatan',
      '2:Puskesmas Neglasari',
    ]);
    const regions = await t.call('public', 'GET', '/api/v1/regions');
    expect(regions.json).toMatchObject({
      current: '36.71',
      items: [{ code: '36.71', name: 'Kota Tangerang' }],
    });
    expect((await t.call('viewer', 'GET', '/api/v1/regions/current')).json.foundedOn).toBe('1993-02-28');
  });

  it('lets the admin add, rename and deactivate units', async () => {
    const created = await t.call('admin', 'POST', '/api/v1/units', {
      parentId: t.units.dinkes.id,
      name: 'UPTD Laboratorium Kesehatan Daerah',
      shortName: 'Labkesda',
      unitType: 'UPTD',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.path).toBe(`${t.units.dinkes.path}${created.json.id}/`);
    expect(created.json.depth).toBe(2);
    const badType = await t.call('admin', 'POST', '/api/v1/units', {
      name: 'Dinas X',
      unitType: 'KEMENTERIAN',
    });
    expect(badType.status).toBe(422);
    expect(badType.json.error.details[0].field).toBe('unitType');
    expect(badType.json.error.details[0].message).toContain('PUSKESMAS');
    const badParent = await t.call('admin', 'POST', '/api/v1/units', {
      parentId: 99999,
      name: 'Dinas X',
      unitType: 'DINAS',
    });
    expect(badParent.status).toBe(422);
    expect(badParent.json.error.details[0].field).toBe('parentId');

    const renamed = await t.call('admin', 'PATCH', `/api/v1/units/${created.json.id}`, {
      name: 'UPT Laboratorium Kesehatan',
      active: false,
    });
    expect(renamed.json).toMatchObject({
      name: 'UPT Laboratorium Kesehatan',
      active: false,
      shortName: 'Labkesda',
    });
    const visible = (await t.call('public', 'GET', '/api/v1/units')).json.items.map(
      (u: { id: number }) => u.id,
    );
    expect(visible).not.toContain(created.json.id);
    const all = (await t.call('admin', 'GET', '/api/v1/units?includeInactive=1')).json.items;
    expect(all.map((u: { id: number }) => u.id)).toContain(created.json.id);
    expect((await t.call('admin', 'PATCH', '/api/v1/units/99999', { name: 'Tidak ada' })).status).toBe(404);
  });

  it('finds givers by name, abbreviation and alias, whatever the case and punctuation', async () => {
    const find = async (q: string) =>
      (await t.call('public', 'GET', `/api/v1/awarding-bodies?q=${encodeURIComponent(q)}`)).json.items;
    const kominfo = (await find('kominfo'))[0];
    expect(kominfo).toMatchObject({ code: 'kominfo', current: false, validTo: '2024-10-20' });
    expect(kominfo.successor).toMatchObject({ code: 'komdigi', abbreviation: 'Komdigi' });
    expect((await find('MENKOMINFO'))[0].code).toBe('kominfo');
    expect((await find('kemenpan rb'))[0].code).toBe('kemenpanrb');
    expect((await find('Kementerian Dalam Negeri'))[0].code).toBe('kemendagri');
    expect((await find('Kemendagri'))[0].code).toBe('kemendagri');
    expect(await find('zzzz tidak ada')).toEqual([]);
    const in2025 = (await t.call('public', 'GET', '/api/v1/awarding-bodies?validOn=2025-06-01')).json.items;
    const codes = in2025.map((g: { code: string }) => g.code);
    expect(codes).toContain('komdigi');
    expect(codes).not.toContain('kominfo');
  });

  it('lets the admin add and change givers, refusing duplicate codes and successor loops', async () => {
    const created = await t.call('admin', 'POST', '/api/v1/awarding-bodies', {
      code: 'lkpp',
      abbreviation: 'LKPP',
      name: 'Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah',
      aliases: ['Kepala LKPP'],
      level: 'nasional',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      code: 'lkpp',
      aliases: ['Kepala LKPP'],
      successor: null,
      current: true,
    });
    const dup = await t.call('admin', 'POST', '/api/v1/awarding-bodies', {
      code: 'lkpp',
      abbreviation: 'LKPP',
      name: 'Lagi',
      level: 'nasional',
    });
    expect(dup.status).toBe(409);
    const renamed = await t.call('admin', 'POST', '/api/v1/awarding-bodies', {
      code: 'lkpp-baru',
      abbreviation: 'LKPP',
      name: 'LKPP (nama baru)',
      level: 'nasional',
      validFrom: '2026-01-01',
    });
    const patched = await t.call('admin', 'PATCH', `/api/v1/awarding-bodies/${created.json.id}`, {
      aliases: ['Kepala LKPP', 'Lembaga Pengadaan'],
      validTo: '2025-12-31',
      successorCode: 'lkpp-baru',
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.successor.id).toBe(renamed.json.id);
    const loop = await t.call('admin', 'PATCH', `/api/v1/awarding-bodies/${renamed.json.id}`, {
      successorCode: 'lkpp',
    });
    expect(loop.status).toBe(422);
    expect(loop.json.error.details[0].field).toBe('successorCode');
    const backwards = await t.call('admin', 'PATCH', `/api/v1/awarding-bodies/${created.json.id}`, {
      validFrom: '2026-01-01',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.json.error.details[0].field).toBe('validTo');
    const search = await t.call('operator', 'GET', '/api/v1/awarding-bodies?q=lembaga%20pengadaan');
    expect(search.json.items[0].code).toBe('lkpp');
  });

  it('names fields in the request language and retires a field in use instead of deleting it', async () => {
    const en = await t.call('public', 'GET', '/api/v1/fields?lang=en');
    expect(en.json.items.find((f: { code: string }) => f.code === 'kesehatan').name).toBe('Health');
    const id = (await t.call('public', 'GET', '/api/v1/fields')).json.items.find(
      (f: { code: string }) => f.code === 'kesehatan',
    );
    expect(id.name).toBe('Kesehatan');

    const created = await t.call('admin', 'POST', '/api/v1/fields', {
      code: 'pariwisata',
      nameId: 'Pariwisata dan Kebudayaan',
      nameEn: 'Tourism and Culture',
    });
    expect(created.status, created.text).toBe(201);
    expect((await t.call('admin', 'POST', '/api/v1/fields', { ...created.json, id: undefined })).status).toBe(
      422,
    );
    const renamed = await t.call('admin', 'PATCH', `/api/v1/fields/${created.json.id}`, {
      nameId: 'Pariwisata',
    });
    expect(renamed.json.name).toBe('Pariwisata');
    const deleted = await t.call('admin', 'DELETE', `/api/v1/fields/${created.json.id}`);
    expect(deleted.json).toMatchObject({ outcome: 'deleted', awardsUsingIt: 0 });

    await awardInState(t, 'draft'); // sampleAward uses fieldCode 'kesehatan'
    const retired = await t.call('admin', 'DELETE', `/api/v1/fields/${id.id}`);
    expect(retired.json).toMatchObject({ outcome: 'retired', awardsUsingIt: 1 });
    const active = (await t.call('public', 'GET', '/api/v1/fields')).json.items.map(
      (f: { code: string }) => f.code,
    );
    expect(active).not.toContain('kesehatan');
    const every = (await t.call('admin', 'GET', '/api/v1/fields?includeRetired=1')).json.items;
    expect(every.find((f: { code: string }) => f.code === 'kesehatan').active).toBe(false);
    await t.call('admin', 'PATCH', `/api/v1/fields/${id.id}`, { active: true });
  });

  it('lets the admin manage users without ever showing a password hash', async () => {
    const list = await t.call('admin', 'GET', '/api/v1/users');
    expect(list.json.items.length).toBeGreaterThanOrEqual(6);
    expect(list.text).not.toMatch(/scrypt|password_hash|passwordHash/);
    const noUnit = await t.call('admin', 'POST', '/api/v1/users', {
      email: 'baru@example.go.id',
      role: 'operator',
      password: 'sandi-baru-12345',
    });
    expect(noUnit.status).toBe(422);
    expect(noUnit.json.error.details.map((d: { field: string }) => d.field)).toContain('unitId');
    const created = await t.call('admin', 'POST', '/api/v1/users', {
      email: 'Baru@Example.go.id',
      role: 'operator',
      unitId: t.units.puskesmas.id,
      password: 'sandi-baru-12345',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ email: 'baru@example.go.id', role: 'operator', active: true });
    expect(
      (await t.call('admin', 'POST', '/api/v1/users', { email: 'baru@example.go.id', role: 'viewer' }))
        .status,
    ).toBe(409);

    const promoted = await t.call('admin', 'PATCH', `/api/v1/users/${created.json.id}`, {
      role: 'verifikator',
      unitId: null,
    });
    expect(promoted.json).toMatchObject({ role: 'verifikator', unitId: null });
    const toOperator = await t.call('admin', 'PATCH', `/api/v1/users/${created.json.id}`, {
      role: 'operator',
    });
    expect(toOperator.status).toBe(422);

    const reset = await t.call('admin', 'PATCH', `/api/v1/users/${created.json.id}`, {
      password: 'sandi-lain-67890',
    });
    expect(reset.status).toBe(200);
    const login = await t.call('public', 'POST', '/api/v1/auth/login', {
      email: 'baru@example.go.id',
      password: 'sandi-lain-67890',
    });
    expect(login.status).toBe(200);

    const me = (await t.call('admin', 'GET', '/api/v1/auth/me')).json;
    const selfDemote = await t.call('admin', 'PATCH', `/api/v1/users/${me.id}`, { role: 'viewer' });
    expect(selfDemote.status).toBe(409);
  });

  it('locks a deactivated user out at once, tokens included', async () => {
    const viewer = (await t.call('viewer', 'GET', '/api/v1/auth/me')).json;
    expect((await t.call('admin', 'PATCH', `/api/v1/users/${viewer.id}`, { active: false })).status).toBe(
      200,
    );
    expect((await t.call('viewer', 'GET', '/api/v1/awards')).status).toBe(401);
    await t.call('admin', 'PATCH', `/api/v1/users/${viewer.id}`, { active: true });
    // Reactivation is a new credential generation: the old token stays dead (docs/security.md).
    expect((await t.call('viewer', 'GET', '/api/v1/awards')).status).toBe(401);
  });
});
