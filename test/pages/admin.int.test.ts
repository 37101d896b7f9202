import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { pageClient } from './browser.ts';

// Administration and curator pages without a browser, on both databases: changes go through
// the services (and are audited), refusals come back on the form with the input kept.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** One row of the band table as form fields. */
function bandRow(
  i: number,
  code: string,
  label: string,
  lower: string,
  upper: string,
  lowIn: boolean,
  upIn: boolean,
) {
  return {
    [`b${i}_code`]: code,
    [`b${i}_label`]: label,
    [`b${i}_lower`]: lower,
    [`b${i}_upper`]: upper,
    ...(lowIn ? { [`b${i}_lowerInclusive`]: '1' } : {}),
    ...(upIn ? { [`b${i}_upperInclusive`]: '1' } : {}),
  };
}

const storedVersion = (version: string) =>
  t.db.db.selectFrom('scale_versions').select('id').where('version', '=', version).executeTakeFirst();

describe('admin pages', () => {
  it('adds a unit under a parent, and shows a missing name on the form', async () => {
    const admin = await pageClient(t).signIn('admin');
    const csrf = await admin.csrf();
    const bad = await admin.post('/kerja/admin/unit', {
      _csrf: csrf,
      parentId: String(t.units.root.id),
      name: ' ',
      shortName: 'X',
      unitType: 'DINAS',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Nama unit wajib diisi');
    expect(bad.html).toContain('value="X"');
    const ok = await admin.post('/kerja/admin/unit', {
      _csrf: csrf,
      parentId: String(t.units.root.id),
      name: 'Dinas Sosial',
      shortName: 'Dinsos',
      unitType: 'DINAS',
    });
    expect(ok.status).toBe(303);
    const unit = await t.db.db
      .selectFrom('org_units')
      .selectAll()
      .where('name', '=', 'Dinas Sosial')
      .executeTakeFirstOrThrow();
    expect(unit.path).toBe(`${t.units.root.path}${unit.id}/`);
    const audit = await t.db.db
      .selectFrom('audit_events')
      .select('actor_label')
      .where('entity_type', '=', 'org_unit')
      .where('entity_id', '=', String(unit.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe('admin@example.go.id');
    expect((await admin.get('/kerja/admin/unit')).html).toContain('Dinas Sosial (Dinsos)');
  });

  it('refuses a giver with a bad code next to the field, then adds a good one with aliases', async () => {
    const admin = await pageClient(t).signIn('admin');
    const csrf = await admin.csrf();
    const bad = await admin.post('/kerja/admin/pemberi', {
      _csrf: csrf,
      code: 'Bukan Kode!',
      abbreviation: 'BK',
      name: 'Badan Contoh',
      level: 'nasional',
      aliases: '',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="e-code"/);
    expect(bad.html).toContain('value="Badan Contoh"');
    const ok = await admin.post('/kerja/admin/pemberi', {
      _csrf: csrf,
      code: 'badan-contoh',
      abbreviation: 'BC',
      name: 'Badan Contoh',
      level: 'nasional',
      aliases: 'Bdn Contoh, B. Contoh',
    });
    expect(ok.status).toBe(303);
    const search = await admin.get('/kerja/pemberi/cari?giver=bdn contoh');
    expect(search.html).toContain('Badan Contoh');
  });

  it('offers the latest version as a band table, not JSON to type', async () => {
    const admin = await pageClient(t).signIn('admin');
    const page = await admin.get('/kerja/admin/skala');
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/<textarea[^>]*name="version"/);
    expect(page.html).toContain('name="b0_lower"');
    expect(page.html).toContain('name="b0_upperInclusive"');
  });

  it('refuses a scale version with a gap, naming the bands and keeping what was typed', async () => {
    const admin = await pageClient(t).signIn('admin');
    const res = await admin.post('/kerja/admin/skala/ikm/versi', {
      _csrf: await admin.csrf(),
      version: 'uji-celah',
      validFromYear: '2030',
      legalBasis: 'uji',
      source: 'uji',
      ...bandRow(0, 'C', 'Rendah', '0', '50', true, false),
      ...bandRow(1, 'A', 'Tinggi', '60', '100', true, true),
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('Ada celah antara pita &quot;C&quot; dan &quot;A&quot; (50–60)');
    expect(res.html).toContain('value="uji-celah"');
    expect(res.html).toContain('value="Tinggi"');
    expect(await storedVersion('uji-celah')).toBeUndefined();
  });

  it('names the row and column of a band cell that is not a number', async () => {
    const admin = await pageClient(t).signIn('admin');
    const res = await admin.post('/kerja/admin/skala/ikm/versi', {
      _csrf: await admin.csrf(),
      version: 'uji-huruf',
      validFromYear: '2031',
      legalBasis: 'uji',
      source: 'uji',
      ...bandRow(0, 'C', 'Rendah', '0', 'lima puluh', true, false),
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('Baris 1, batas atas');
    expect(res.html).not.toContain('bands.0');
    expect(await storedVersion('uji-huruf')).toBeUndefined();
  });

  it('saves a version typed in the band table, decimal commas included', async () => {
    const admin = await pageClient(t).signIn('admin');
    const res = await admin.post('/kerja/admin/skala/ikm/versi', {
      _csrf: await admin.csrf(),
      version: 'uji-tabel',
      validFromYear: '2040',
      supersede: '1',
      legalBasis: 'Peraturan uji',
      source: 'uji',
      ...bandRow(0, 'D', 'Kurang', '0', '60,5', true, false),
      ...bandRow(1, 'B', 'Baik', '60,5', '100', true, true),
      // An empty offered row is skipped.
      b2_code: '',
      b2_label: '',
    });
    expect(res.status, /role="alert"[^>]*>([^<]*)/.exec(res.html)?.[1]).toBe(303);
    const stored = await t.db.db
      .selectFrom('scale_versions')
      .select('bands_json')
      .where('version', '=', 'uji-tabel')
      .executeTakeFirstOrThrow();
    const { bands } = JSON.parse(stored.bands_json);
    expect(bands).toHaveLength(2);
    expect(bands[0]).toMatchObject({ code: 'D', upper: 60.5, upperInclusive: false, lowerInclusive: true });
    expect(bands[1]).toMatchObject({ code: 'B', lower: 60.5, upper: 100, upperInclusive: true });
  });

  it('adds a user and refuses an operator without a unit', async () => {
    const admin = await pageClient(t).signIn('admin');
    const csrf = await admin.csrf();
    const bad = await admin.post('/kerja/admin/pengguna', {
      _csrf: csrf,
      email: 'baru@example.go.id',
      name: 'Baru',
      role: 'operator',
      unitId: '',
      password: 'sandi-yang-panjang-1',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('value="baru@example.go.id"');
    expect(bad.html).not.toContain('sandi-yang-panjang-1');
    const ok = await admin.post('/kerja/admin/pengguna', {
      _csrf: csrf,
      email: 'baru@example.go.id',
      name: 'Baru',
      role: 'operator',
      unitId: String(t.units.dinkes.id),
      password: 'sandi-yang-panjang-1',
    });
    expect(ok.status).toBe(303);
    const user = await t.db.db
      .selectFrom('users')
      .select(['role', 'unit_id'])
      .where('email', '=', 'baru@example.go.id')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ role: 'operator', unit_id: t.units.dinkes.id });
  });
});

describe('curator pages', () => {
  it('takes in a pasted article, and a reject needs a reason', async () => {
    const curator = await pageClient(t).signIn('kurator');
    const csrf = await curator.csrf();
    const text =
      'Tangerang - Pemerintah Kota Tangerang meraih penghargaan Standar Pelayanan Minimal (SPM) Awards 2025 kategori kota dari Kementerian Dalam Negeri (Kemendagri) di Jakarta, Jumat (23/5/2025). Penghargaan diterima langsung oleh Wali Kota.';
    const res = await curator.post('/kerja/temuan', {
      _csrf: csrf,
      title: 'SPM Awards',
      outlet: 'Contoh',
      published: '2025-05-24',
      url: '',
      text,
    });
    expect(res.status).toBe(303);
    const list = await curator.get('/kerja/temuan');
    const id = /href="\/kerja\/temuan\/(\d+)"/.exec(list.html)?.[1];
    expect(id).toBeDefined();
    const review = await curator.get(`/kerja/temuan/${id}`);
    // The award sentence is framed; the pieces read inside it are marked one by one.
    expect(review.html).toMatch(/<span class="quote" id="quote-0">(?:(?!<\/span>)[\s\S])*SPM/);
    expect(review.html).toMatch(/<mark class="slot slot-giver"[^>]*>[^<]*Kemendagri/);
    const short = await curator.post(`/kerja/temuan/${id}/tolak`, { _csrf: csrf, reason: 'no' });
    expect(short.status).toBe(303);
    const finding = await t.db.db
      .selectFrom('findings')
      .select('state')
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(finding.state).toBe('pending');
    expect((await curator.get(`/kerja/temuan/${id}`)).html).toContain('minimal 5 karakter');
  });
});
