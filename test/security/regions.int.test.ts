import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import type { Role } from '../../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { addRegionFromGazetteer } from '../../src/services/regions.ts';
import { createUnit } from '../../src/services/units.ts';
import { addAward } from '../recap/support.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// Issue 13: two regions side by side — Kota Tangerang (36.71, the test app's) and Kabupaten
// Tangerang (36.03) — plus a province reader for Banten (36) and a national reader. No
// operator, verifier, curator, admin, token, page or export of one region reaches the other's
// records; the province and national readers see both and change neither.

type Kab = 'admin' | 'verifikator' | 'operator' | 'kurator' | 'viewer';

describe('two regions in one deployment', () => {
  let t: TestApp;
  const kabTokens = {} as Record<Kab | 'provinsi', string>;
  const kota: Record<string, number> = {};
  const kab: Record<string, number> = {};
  let kabUnit = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await addRegionFromGazetteer(t.db.db, SYSTEM_ACTOR, '36.03');
    await addRegionFromGazetteer(t.db.db, SYSTEM_ACTOR, '36');
    const root = await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      name: 'Pemerintah Kabupaten Tangerang',
      unitType: 'PEMDA',
    });
    const dinkes = await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      parentId: root.id,
      name: 'Dinas Kesehatan Kabupaten',
      unitType: 'DINAS',
    });
    kabUnit = dinkes.id;
    const people: [Kab | 'provinsi', Role, number, number | null][] = [
      ['admin', 'admin', 3603, null],
      ['verifikator', 'verifikator', 3603, null],
      ['operator', 'operator', 3603, dinkes.id],
      ['kurator', 'kurator', 3603, null],
      ['viewer', 'viewer', 3603, null],
      ['provinsi', 'provinsi', 36, null],
    ];
    for (const [name, role, regionId, unitId] of people) {
      const u = await createUser(t.db.db, { email: `${name}@tangerangkab.go.id`, role, regionId, unitId });
      kabTokens[name] = await createApiToken(t.db.db, u.id);
    }
    const award = (unitId: number, title: string) => sampleAward(unitId, { title });
    kota.draft = await addAward(t.db.db, award(t.units.dinkes.id, 'Draf kota'), 'draft');
    kota.submitted = await addAward(t.db.db, award(t.units.dinkes.id, 'Diajukan kota'), 'submitted');
    kota.verified = await addAward(t.db.db, award(t.units.dinkes.id, 'Terverifikasi kota'));
    kab.draft = await addAward(t.db.db, award(dinkes.id, 'Draf kabupaten'), 'draft');
    kab.verified = await addAward(t.db.db, award(dinkes.id, 'Terverifikasi kabupaten'));
  }, 90_000);
  afterAll(() => t.close());

  /** A request with one of the Kabupaten (or province) tokens. */
  async function asKab(who: Kab | 'provinsi', method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${kabTokens[who]}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await t.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: { items?: { id: number }[]; [k: string]: unknown } | null = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, json, text };
  }
  const idsOf = (json: { items?: { id: number }[] } | null) => (json?.items ?? []).map((a) => a.id).sort();

  it('every Kabupaten role lists, exports and counts only the Kabupaten records', async () => {
    for (const who of ['admin', 'verifikator', 'operator', 'kurator', 'viewer'] as const) {
      const list = await asKab(who, 'GET', '/api/v1/awards?pageSize=100');
      expect(list.status, who).toBe(200);
      expect(idsOf(list.json), `${who} list`).toEqual([kab.draft, kab.verified].sort());
      const exported = await asKab(who, 'GET', '/api/v1/exports/awards.json');
      expect(idsOf(exported.json), `${who} export`).toEqual([kab.draft, kab.verified].sort());
      const recap = await asKab(who, 'GET', '/api/v1/recap?year=2025&includeUnverified=true');
      expect(recap.json?.total, `${who} recap`).toBe(2);
      // Asking for the other region by name gives nothing of it either.
      const other = await asKab(who, 'GET', '/api/v1/awards?pageSize=100&region=36.71');
      expect(idsOf(other.json), `${who} ?region=36.71`).toEqual([]);
    }
    // And the other way round: Kota roles never see the Kabupaten.
    for (const who of ['admin', 'verifikator', 'operator', 'kurator', 'viewer'] as const) {
      const list = await t.call(who, 'GET', '/api/v1/awards?pageSize=100');
      expect(idsOf(list.json), `kota ${who}`).toEqual([kota.draft, kota.submitted, kota.verified].sort());
    }
  });

  it("another region's record is not found: read, edit, workflow, evidence, history, page", async () => {
    for (const id of Object.values(kota)) {
      expect((await asKab('admin', 'GET', `/api/v1/awards/${id}`)).status).toBe(404);
      expect((await asKab('admin', 'GET', `/api/v1/awards/${id}/history`)).status).toBe(404);
      expect((await asKab('admin', 'PATCH', `/api/v1/awards/${id}`, { title: 'Diambil alih' })).status).toBe(
        404,
      );
      const link = { url: 'https://contoh.go.id/berita', caption: 'Bukti' };
      expect((await asKab('admin', 'POST', `/api/v1/awards/${id}/evidence`, link)).status).toBe(404);
      expect((await asKab('admin', 'GET', `/kerja/penghargaan/${id}`)).status).toBe(404);
    }
    expect((await asKab('verifikator', 'POST', `/api/v1/awards/${kota.submitted}/verify`)).status).toBe(404);
    expect((await asKab('operator', 'POST', `/api/v1/awards/${kota.draft}/submit`)).status).toBe(404);
    expect((await asKab('admin', 'DELETE', `/api/v1/awards/${kota.draft}`)).status).toBe(404);
    // Nor are its units' series (the series API's unit filter is read in the reader's regions).
    expect((await asKab('viewer', 'GET', `/api/v1/series?unit=${t.units.dinkes.id}`)).status).toBe(404);
    expect((await asKab('viewer', 'GET', `/api/v1/series?unit=${kabUnit}`)).status).toBe(200);
    // Nothing of Kota Tangerang changed.
    const still = await t.call('admin', 'GET', `/api/v1/awards/${kota.submitted}`);
    expect(still.json.state).toBe('submitted');
    const draft = await t.call('admin', 'GET', `/api/v1/awards/${kota.draft}`);
    expect(draft.json.title).toBe('Draf kota');
  });

  it("an award cannot be filed for another region's unit", async () => {
    const res = await asKab('admin', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    expect([403, 404, 422]).toContain(res.status);
    const created = await asKab(
      'operator',
      'POST',
      '/api/v1/awards',
      sampleAward(kabUnit, { title: 'Baru' }),
    );
    expect(created.status).toBe(201);
    expect(created.json?.regionCode).toBe('36.03');
    const own = await t.call('operator', 'GET', `/api/v1/awards/${created.json?.id}`);
    expect(own.status).toBe(404);
  });

  it('units and users are per region; an admin cannot reach the other region', async () => {
    const units = await asKab('admin', 'GET', '/api/v1/units');
    const names = (units.json as unknown as { items?: { name: string }[] })?.items?.map((u) => u.name) ?? [];
    expect(names).toContain('Dinas Kesehatan Kabupaten');
    expect(names).not.toContain('Dinas Kesehatan');
    expect((await asKab('admin', 'GET', `/api/v1/units/${t.units.dinkes.id}`)).status).toBe(404);
    const rename = await asKab('admin', 'PATCH', `/api/v1/units/${t.units.dinkes.id}`, { name: 'Diambil' });
    expect(rename.status).toBe(404);
    const users = await asKab('admin', 'GET', '/api/v1/users');
    const emails = ((users.json?.items ?? []) as unknown as { email: string }[]).map((u) => u.email);
    expect(emails).toHaveLength(5);
    expect(emails.every((e) => e.endsWith('@tangerangkab.go.id'))).toBe(true);
    const kotaAdmin = (await t.call('admin', 'GET', '/api/v1/users')).json.items.find(
      (u: { email: string }) => u.email === 'admin@example.go.id',
    );
    const edit = await asKab('admin', 'PATCH', `/api/v1/users/${kotaAdmin.id}`, { active: false });
    expect(edit.status).toBe(404);
    // An e-mail signs in alone, so it is taken across regions; and a region's admin cannot make
    // a reader of other regions.
    const twin = await asKab('admin', 'POST', '/api/v1/users', {
      email: 'admin@example.go.id',
      role: 'viewer',
      password: 'kata-sandi-panjang-1',
    });
    expect(twin.status).toBe(409);
    for (const role of ['nasional', 'provinsi']) {
      const wider = await asKab('admin', 'POST', '/api/v1/users', {
        email: `${role}.baru@tangerangkab.go.id`,
        role,
        password: 'kata-sandi-panjang-1',
      });
      expect(wider.status, role).toBe(403);
    }
    const promote = (await asKab('admin', 'GET', '/api/v1/users')).json?.items as unknown as {
      id: number;
      email: string;
    }[];
    const viewer = promote.find((u) => u.email === 'viewer@tangerangkab.go.id')!;
    expect((await asKab('admin', 'PATCH', `/api/v1/users/${viewer.id}`, { role: 'nasional' })).status).toBe(
      403,
    );
    expect((await t.call('admin', 'GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('the province and national readers see both regions and change neither', async () => {
    const all = [kota.draft, kota.submitted, kota.verified, kab.draft, kab.verified];
    const province = await asKab('provinsi', 'GET', '/api/v1/awards?pageSize=100');
    expect(idsOf(province.json).filter((id) => all.includes(id))).toEqual([...all].sort());
    const nation = await t.call('nasional', 'GET', '/api/v1/awards?pageSize=100');
    expect(idsOf(nation.json).filter((id) => all.includes(id))).toEqual([...all].sort());
    expect((await asKab('provinsi', 'PATCH', `/api/v1/awards/${kab.draft}`, { title: 'x' })).status).toBe(
      403,
    );
    expect((await t.call('nasional', 'POST', `/api/v1/awards/${kota.submitted}/verify`)).status).toBe(403);
    expect((await t.call('nasional', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id))).status).toBe(
      403,
    );
  });

  it("a news finding stays in its region's queue", async () => {
    const html = `<html><head><title>Kota Tangerang Raih Predikat Kepatuhan Tinggi</title></head><body><article><p>Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76.</p><p>Wali Kota mengatakan capaian itu hasil kerja seluruh pegawai.</p></article></body></html>`;
    const res = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
      html,
      outlet: 'Warta Kota',
      published: '2025-12-13',
    });
    expect(res.status, res.text).toBe(201);
    const findingId = res.json.articles[0].findings[0].id as number;
    const kotaQueue = await t.call('kurator', 'GET', '/api/v1/intake/findings');
    expect(idsOf(kotaQueue.json)).toContain(findingId);
    const kabQueue = await asKab('kurator', 'GET', '/api/v1/intake/findings');
    expect(kabQueue.status).toBe(200);
    expect(idsOf(kabQueue.json)).not.toContain(findingId);
    expect((await asKab('kurator', 'GET', `/api/v1/intake/findings/${findingId}`)).status).toBe(404);
    const reject = await asKab('kurator', 'POST', `/api/v1/intake/findings/${findingId}/reject`, {
      reason: 'bukan wilayah kami',
    });
    expect(reject.status).toBe(404);
    expect((await t.call('kurator', 'GET', `/api/v1/intake/findings/${findingId}`)).json.state).toBe(
      'pending',
    );
  });

  it('the public still sees every verified, public record', async () => {
    const list = await t.call('public', 'GET', '/api/v1/awards?pageSize=100');
    expect(idsOf(list.json)).toEqual([kota.verified, kab.verified].sort());
  });
});
