import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { pageClient } from './browser.ts';

// Workspace pages without a browser, on both databases: sign-in and its CSRF, role checks on
// the routes themselves, forms that keep input and show errors, escaping of user text.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('sign-in', () => {
  it('refuses a login post without the double-submit cookie, and a wrong password keeps the email', async () => {
    const stranger = pageClient(t);
    const forged = await stranger.post('/masuk', {
      _csrf: 'guess',
      email: 'admin@example.go.id',
      password: t.passwords.admin,
    });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('Formulir kedaluwarsa');

    const c = pageClient(t);
    const form = await c.get('/masuk');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    const wrong = await c.post('/masuk', {
      _csrf: token,
      email: 'operator@example.go.id',
      password: 'salah-sekali',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('value="operator@example.go.id"');
    expect(wrong.html).toContain('Email atau kata sandi salah');
  });

  it('signs in, sends only local ?ke= targets, and signs out with the session token', async () => {
    const c = pageClient(t);
    const form = await c.get('/masuk?ke=//evil.example/x');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.html)?.[1] ?? '';
    const ok = await c.post('/masuk', {
      _csrf: token,
      email: 'viewer@example.go.id',
      password: t.passwords.viewer,
      ke: '//evil.example/x',
    });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/kerja');
    const csrf = await c.csrf();
    expect((await c.post('/keluar', { _csrf: 'wrong' })).status).toBe(403);
    expect((await c.post('/keluar', { _csrf: csrf })).location).toBe('/masuk');
    expect((await c.get('/kerja')).status).toBe(401);
  });
});

describe('rights are checked by the routes', () => {
  it('sends the public to sign in and refuses roles with a 403 page', async () => {
    const anon = await pageClient(t).get('/kerja/penghargaan');
    expect(anon.status).toBe(401);
    expect(anon.html).toContain('/masuk?ke=%2Fkerja%2Fpenghargaan');
    const viewer = await pageClient(t).signIn('viewer');
    expect((await viewer.get('/kerja/verifikasi')).status).toBe(403);
    expect((await viewer.get('/kerja/penghargaan/baru')).status).toBe(403);
    const operator = await pageClient(t).signIn('operator');
    for (const path of [
      '/kerja/admin',
      '/kerja/admin/pengguna',
      '/kerja/admin/unit',
      '/kerja/temuan',
      '/kerja/verifikasi',
    ]) {
      const res = await operator.get(path);
      expect(res.status, path).toBe(403);
      expect(res.html).toContain('tidak punya hak');
    }
  });

  it('refuses a form post without the session CSRF token', async () => {
    const operator = await pageClient(t).signIn('operator');
    const res = await operator.post('/kerja/penghargaan/baru', { title: 'Tanpa token', editionYear: '2025' });
    expect(res.status).toBe(403);
  });

  it('refuses an operator filing for another unit, and another unit reading a draft', async () => {
    const operator = await pageClient(t).signIn('operator');
    const csrf = await operator.csrf();
    const res = await operator.post('/kerja/penghargaan/baru', {
      _csrf: csrf,
      title: 'Penghargaan BKPSDM',
      editionYear: '2025',
      recipientKind: 'unit',
      unitId: String(t.units.bkpsdm.id),
    });
    expect(res.status).toBe(403);
    const draft = await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.dinkes.id));
    const other = await pageClient(t).signIn('operatorOther');
    expect((await other.get(`/kerja/penghargaan/${draft.json.id}`)).status).toBe(403);
    expect(
      (await other.post(`/kerja/penghargaan/${draft.json.id}/ajukan`, { _csrf: await other.csrf() })).status,
    ).toBe(403);
  });
});

describe('award form', () => {
  it('shows every error next to its input and keeps what was typed', async () => {
    const operator = await pageClient(t).signIn('operator');
    const res = await operator.post('/kerja/penghargaan/baru', {
      _csrf: await operator.csrf(),
      title: 'X',
      programme: 'SPM Awards',
      editionYear: 'dua ribu',
      giver: 'Kementerian Entah',
      score: '9o',
      receivedOn: '2025-02-30',
      unitId: String(t.units.dinkes.id),
      recipientKind: 'unit',
    });
    expect(res.status).toBe(422);
    for (const field of ['title', 'editionYear', 'giver', 'score', 'receivedOn'])
      expect(res.html, field).toMatch(new RegExp(`id="e-${field}"`));
    expect(res.html).toContain('value="SPM Awards"');
    expect(res.html).toContain('value="Kementerian Entah"');
    expect(res.html).toContain('value="9o"');
  });

  it('resolves the giver through an alias, saves, and escapes user text on the detail page', async () => {
    const operator = await pageClient(t).signIn('operator');
    const res = await operator.post('/kerja/penghargaan/baru', {
      _csrf: await operator.csrf(),
      title: 'Kota Sehat <script>alert(1)</script>',
      editionYear: '2025',
      giver: 'Kementerian Kesehatan',
      recipientKind: 'unit',
      unitId: String(t.units.puskesmas.id),
      score: '94,76',
      isPublic: '1',
    });
    expect(res.status).toBe(303);
    const id = Number(/\/(\d+)$/.exec(res.location ?? '')?.[1]);
    const stored = await t.call('admin', 'GET', `/api/v1/awards/${id}`);
    expect(stored.json.awardingBody.code).toBe('kemenkes');
    expect(stored.json.score).toBe(94.76);
    const detail = await operator.get(`/kerja/penghargaan/${id}`);
    expect(detail.html).not.toContain('<script>alert(1)</script>');
    expect(detail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(detail.html).toContain('Draf tersimpan');
  });

  it('computes the grade for the htmx preview, and says when the score is outside the scale', async () => {
    const operator = await pageClient(t).signIn('operator');
    const ok = await operator.get('/kerja/nilai?scaleId=ombudsman-kepatuhan&editionYear=2024&score=94,76');
    expect(ok.html).toContain('Opini Kualitas Tertinggi');
    const out = await operator.get('/kerja/nilai?scaleId=ombudsman-kepatuhan&editionYear=2024&score=120');
    expect(out.html).toContain('field-error');
  });

  it('finds givers by former names and aliases', async () => {
    const operator = await pageClient(t).signIn('operator');
    const res = await operator.get('/kerja/pemberi/cari?giver=kominfo');
    expect(res.html).toContain('Komdigi');
  });
});

describe('language', () => {
  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const c = pageClient(t);
    const first = await c.get('/masuk?lang=en');
    expect(first.html).toContain('Sign in to the workspace');
    expect(c.jar.get('lang')).toBe('en');
    expect((await c.get('/masuk')).html).toContain('<html lang="en">');
  });
});

describe('dashboard', () => {
  it('counts verified awards only, against the year before, with sub-units rolled up to the top-level unit', async () => {
    const make = async (over: Record<string, unknown>, verify: boolean) => {
      const id = (await t.call('operator', 'POST', '/api/v1/awards', sampleAward(t.units.puskesmas.id, over)))
        .json.id as number;
      if (verify) {
        await t.call('operator', 'POST', `/api/v1/awards/${id}/submit`);
        expect((await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`)).status).toBe(200);
      }
    };
    await make({ editionYear: 2019, receivedOn: '2019-05-02' }, true);
    await make({ editionYear: 2019, receivedOn: '2019-06-02', title: 'Kota Sehat kedua' }, true);
    await make({ editionYear: 2019, receivedOn: '2019-07-02', title: 'Masih draf' }, false);
    await make({ editionYear: 2018, receivedOn: '2018-07-02' }, true);

    const admin = await pageClient(t).signIn('admin');
    const { html } = await admin.get('/kerja?tahun=2019');
    const stat = /<p class="stat">([^<]*)<\/p>/.exec(html)?.[1];
    expect(stat).toBe('2');
    expect(html).toContain('naik 1 (100%) dari 1 pada 2018');
    expect(html).toContain('Menurut tingkat 2019');
    const bars = (id: string) =>
      [
        ...(html.split(`id="${id}"`)[1] ?? '')
          .split('</ul>')[0]
          .matchAll(/<li><span>([^<]*)<\/span><span class="num">(\d+)/g),
      ].map((m) => [m[1], m[2]]);
    expect(bars('h-field')).toEqual([['Kesehatan', '2']]);
    expect(bars('h-giver')).toEqual([['Kemenkes', '2']]);
    const units = bars('h-unit');
    expect(units).toHaveLength(1);
    expect(units[0][0]).toBe('Dinkes');
    expect(units[0][1]).toBe('2');
  });

  it('opens on the latest year with data, shows the trend since the founding, and gives the pimpinan no work queues', async () => {
    // The awards of the test above (2018, 2019) are the only verified ones: no year typed,
    // the dashboard shows 2019, not an empty current year.
    const viewer = await pageClient(t).signIn('viewer');
    const { html } = await viewer.get('/kerja');
    expect(/<p class="stat">([^<]*)<\/p>/.exec(html)?.[1]).toBe('2');
    expect(html).toContain('Penghargaan terverifikasi 2019');
    expect(html).toContain('per tahun sejak 1993');
    expect(html).toContain('3 penghargaan sejak 1993');
    expect(html).not.toContain('Menunggu verifikasi');
    expect(html).not.toContain('/kerja/temuan');
    const operator = await pageClient(t).signIn('operator');
    const own = (await operator.get('/kerja')).html;
    expect(own).toContain('Menunggu verifikasi');
    expect(own).not.toContain('href="/kerja/temuan"');
    const kurator = await pageClient(t).signIn('kurator');
    expect((await kurator.get('/kerja')).html).toContain('href="/kerja/temuan"');
  });
});
