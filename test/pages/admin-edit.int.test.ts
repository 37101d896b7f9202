import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { pageClient } from './browser.ts';

// Editing reference data on the admin pages (givers, fields, units), on both databases: a
// change reaches the record and the audit trail, a refusal names the field and keeps what was
// typed, and nobody but an admin may open or post the edit forms.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const idOf = async (table: 'awarding_bodies' | 'fields', code: string) =>
  (await t.db.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

const auditsOf = (entityType: string, id: number) =>
  t.db.db
    .selectFrom('audit_events')
    .select(['action', 'actor_label'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(id))
    .execute();

describe('editing a giver', () => {
  it('changes names, aliases (lines or commas), validity and successor, audited', async () => {
    const admin = await pageClient(t).signIn('admin');
    const id = await idOf('awarding_bodies', 'kominfo');
    const form = await admin.get(`/kerja/admin/pemberi/${id}/ubah`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`action="/kerja/admin/pemberi/${id}/ubah"`);
    expect((await admin.get('/kerja/admin/pemberi')).html).toContain(
      `href="/kerja/admin/pemberi/${id}/ubah"`,
    );
    const res = await admin.post(`/kerja/admin/pemberi/${id}/ubah`, {
      _csrf: await admin.csrf(),
      abbreviation: 'Kominfo',
      name: 'Kementerian Komunikasi dan Informatika RI',
      aliases: 'Kemkominfo\nKemenkominfo, Depkominfo',
      level: 'nasional',
      validFrom: '2008-01-01',
      validTo: '2024-10-20',
      successorCode: 'komdigi',
    });
    expect(res.status).toBe(303);
    const row = await t.db.db
      .selectFrom('awarding_bodies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Kementerian Komunikasi dan Informatika RI');
    expect(JSON.parse(row.aliases)).toEqual(['Kemkominfo', 'Kemenkominfo', 'Depkominfo']);
    expect([row.valid_from, row.valid_to]).toEqual(['2008-01-01', '2024-10-20']);
    expect(row.successor_id).toBe(await idOf('awarding_bodies', 'komdigi'));
    const audits = await auditsOf('awarding_body', id);
    expect(audits).toContainEqual({ action: 'update', actor_label: 'admin@example.go.id' });
  });

  it('refuses an end before the start next to the field, keeping the typed values', async () => {
    const admin = await pageClient(t).signIn('admin');
    const id = await idOf('awarding_bodies', 'kemenkes');
    const before = await t.db.db
      .selectFrom('awarding_bodies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await admin.post(`/kerja/admin/pemberi/${id}/ubah`, {
      _csrf: await admin.csrf(),
      abbreviation: 'Kemenkes',
      name: 'Kementerian Kesehatan (diubah)',
      aliases: 'Depkes',
      level: 'nasional',
      validFrom: '2020-01-01',
      validTo: '2019-01-01',
      successorCode: '',
    });
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="e-validTo"[^>]*>[^<]*validTo tidak boleh sebelum validFrom/);
    expect(res.html).toContain('value="Kementerian Kesehatan (diubah)"');
    expect(res.html).toContain('value="2019-01-01"');
    const after = await t.db.db
      .selectFrom('awarding_bodies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('refuses a successor that would make a circle', async () => {
    const admin = await pageClient(t).signIn('admin');
    // kominfo → komdigi was set above; komdigi → kominfo would close the loop.
    const id = await idOf('awarding_bodies', 'komdigi');
    const res = await admin.post(`/kerja/admin/pemberi/${id}/ubah`, {
      _csrf: await admin.csrf(),
      abbreviation: 'Komdigi',
      name: 'Kementerian Komunikasi dan Digital',
      aliases: '',
      level: 'nasional',
      validFrom: '',
      validTo: '',
      successorCode: 'kominfo',
    });
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="e-successorCode"[^>]*>[^<]*lingkaran/);
  });
});

describe('editing a field', () => {
  it('renames and retires a field, audited; an empty name is refused next to the field', async () => {
    const admin = await pageClient(t).signIn('admin');
    const id = await idOf('fields', 'kesehatan');
    const csrf = await admin.csrf();
    const bad = await admin.post(`/kerja/admin/bidang/${id}/ubah`, {
      _csrf: csrf,
      nameId: '',
      nameEn: 'Public health',
      active: '1',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="e-nameId"[^>]*>[^<]*Nama \(Bahasa Indonesia\) wajib diisi/);
    expect(bad.html).toContain('value="Public health"');
    const ok = await admin.post(`/kerja/admin/bidang/${id}/ubah`, {
      _csrf: csrf,
      nameId: 'Kesehatan Masyarakat',
      nameEn: 'Public health',
    });
    expect(ok.status).toBe(303);
    const row = await t.db.db.selectFrom('fields').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.name_id, row.name_en, row.active]).toEqual(['Kesehatan Masyarakat', 'Public health', 0]);
    expect(await auditsOf('field', id)).toContainEqual({
      action: 'update',
      actor_label: 'admin@example.go.id',
    });
    const form = await admin.get(`/kerja/admin/bidang/${id}/ubah`);
    expect(form.html).toMatch(/name="active" value="1"(?! checked)/);
  });
});

describe('renaming a unit', () => {
  it('renames a unit and its short name, audited; a one-letter name is refused', async () => {
    const admin = await pageClient(t).signIn('admin');
    const id = t.units.bkpsdm.id;
    const csrf = await admin.csrf();
    const bad = await admin.post(`/kerja/admin/unit/${id}/ubah`, {
      _csrf: csrf,
      name: 'B',
      shortName: 'BKD',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="e-name"[^>]*>[^<]*Nama unit wajib diisi/);
    expect(bad.html).toContain('value="BKD"');
    const ok = await admin.post(`/kerja/admin/unit/${id}/ubah`, {
      _csrf: csrf,
      name: 'Badan Kepegawaian Daerah',
      shortName: 'BKD',
    });
    expect(ok.status).toBe(303);
    const row = await t.db.db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([row.name, row.short_name, row.active]).toEqual(['Badan Kepegawaian Daerah', 'BKD', 1]);
    expect(await auditsOf('org_unit', id)).toContainEqual({
      action: 'update',
      actor_label: 'admin@example.go.id',
    });
    expect((await admin.get('/kerja/admin/unit')).html).toContain('Badan Kepegawaian Daerah (BKD)');
  });
});

describe('only admins edit reference data', () => {
  it('answers 403 to an operator and a verifier on every edit page and post, changing nothing', async () => {
    const giverId = await idOf('awarding_bodies', 'kemenkes');
    const fieldId = await idOf('fields', 'kesehatan');
    const unitId = t.units.dinkes.id;
    const posts: [string, Record<string, string>][] = [
      [`/kerja/admin/pemberi/${giverId}/ubah`, { abbreviation: 'X', name: 'Dibajak', level: 'nasional' }],
      [`/kerja/admin/bidang/${fieldId}/ubah`, { nameId: 'Dibajak', nameEn: 'Hijacked' }],
      [`/kerja/admin/unit/${unitId}/ubah`, { name: 'Dibajak', shortName: '' }],
    ];
    for (const who of ['operator', 'verifikator']) {
      const user = await pageClient(t).signIn(who);
      const csrf = await user.csrf();
      for (const [path, form] of posts) {
        expect((await user.get(path)).status).toBe(403);
        expect((await user.post(path, { _csrf: csrf, ...form })).status).toBe(403);
      }
    }
    const names = await Promise.all([
      t.db.db
        .selectFrom('awarding_bodies')
        .select('name')
        .where('id', '=', giverId)
        .executeTakeFirstOrThrow(),
      t.db.db
        .selectFrom('fields')
        .select('name_id as name')
        .where('id', '=', fieldId)
        .executeTakeFirstOrThrow(),
      t.db.db.selectFrom('org_units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow(),
    ]);
    expect(names.map((n) => n.name)).not.toContain('Dibajak');
  });

  it('refuses an edit without the CSRF token', async () => {
    const admin = await pageClient(t).signIn('admin');
    const res = await admin.post(`/kerja/admin/unit/${t.units.dinkes.id}/ubah`, {
      name: 'Tanpa Token',
      shortName: '',
    });
    expect(res.status).toBe(403);
    const row = await t.db.db
      .selectFrom('org_units')
      .select('name')
      .where('id', '=', t.units.dinkes.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Dinas Kesehatan');
  });
});
