import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../src/auth/users.ts';
import type { Role } from '../../src/db/schema.ts';
import { TENANT_TABLES } from '../../src/db/tenancy.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createSource } from '../../src/services/intake/watch/registry.ts';
import { addRegionFromGazetteer } from '../../src/services/regions.ts';
import { createUnit } from '../../src/services/units.ts';
import { pdfBytes, uploadForm } from '../api/helpers.ts';
import { addAward } from '../recap/support.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';

// Issue 13, the role × endpoint matrix now × region: every route the app serves (API and pages,
// read from the router itself, so a new route cannot be missed) is called by every actor of
// region B (Kabupaten Tangerang, 36.03: each role by API token, and the admin by session cookie
// with its CSRF token) and by the province reader of another province (Jawa Barat, 32) against
// the records of region A (Kota Tangerang, 36.71). A route that names an A record must refuse
// (403/404, never 409, which would tell the record exists); no answer of the signed-in area may
// carry anything of A; public pages never show A's unpublished records; afterwards every row
// of A is as it was. The province reader of Banten (36) and the national reader see A and B
// (not Jawa Barat's Kota Bandung) and every write route refuses them with 403.

const KOTA = 3671;
const KAB = 3603;
/** Unpublished things of Kota Tangerang: no answer to anyone else may contain this. */
const SECRET = 'RAHASIA-KOTA';
/** Anything else of Kota Tangerang that signed-in readers of other regions must not see. */
const KOTA_ONLY = ['@example.go.id', 'Unit Khusus Kota', 'TERBUKA-KOTA'];

type BRole = 'admin' | 'verifikator' | 'operator' | 'kurator' | 'viewer';
const B_ROLES: BRole[] = ['admin', 'verifikator', 'operator', 'kurator', 'viewer'];

let t: TestApp;
const tokens = {} as Record<BRole | 'jabar' | 'banten', string>;
/** Kota Tangerang's records, by the route parameter kind that names them. */
const a = {} as Record<
  'award' | 'evidence' | 'unit' | 'user' | 'token' | 'finding' | 'source' | 'article',
  number
>;
let kabUnit = 0;
let bandungAward = 0;
let kabSession = { cookie: '', csrf: '' };
let kotaSession = { cookie: '', csrf: '' };
let kotaArticle = '';

interface Answer {
  status: number;
  text: string;
  type: string;
  /** The one-line message a form left for the next page (303 answers). */
  flash: string;
}

async function send(
  auth: { token?: string; cookie?: string; csrf?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  let payload: BodyInit | undefined;
  if (body instanceof FormData || body instanceof URLSearchParams) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  if (auth.csrf && path.startsWith('/api/')) headers['x-csrf-token'] = auth.csrf;
  const res = await t.app.request(path, { method, headers, body: payload });
  const flash = /prestasi_flash=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return {
    status: res.status,
    text: await res.text(),
    type: res.headers.get('content-type') ?? '',
    // The cookie value is the encoded message, encoded again by the cookie writer.
    flash: decodeURIComponent(decodeURIComponent(flash)),
  };
}

/**
 * Runs `fn` over `items`, at most `size` at a time. The walks send their requests side by side:
 * one after the other, the walk of ~190 routes × 7 actors was most of this file's time.
 */
async function inPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

/** A route of the app, as the router lists it. */
interface Route {
  method: string;
  path: string;
}

/** The kind of record a route's parameter names, from its path; 'shared' for the catalogues. */
const PARAM_KINDS: [RegExp, keyof typeof a | 'shared' | 'series' | 'report' | 'static' | 'region'][] = [
  [/^\/api\/v1\/users\/me\/tokens\/:id/, 'token'],
  [
    /^\/api\/v1\/(awards)\/:id|^\/kerja\/(penghargaan|verifikasi)\/:id|^(\/wilayah\/:code)?\/penghargaan\/:id/,
    'award',
  ],
  [/^\/api\/v1\/evidence\/:id|^\/kerja\/bukti\/:id/, 'evidence'],
  [/^\/api\/v1\/(recap\/)?units\/:id|^\/kerja\/admin\/unit\/:id|^(\/wilayah\/:code)?\/unit\/:id/, 'unit'],
  [/^\/api\/v1\/users\/:id|^\/kerja\/admin\/pengguna\/:id/, 'user'],
  [/^\/api\/v1\/intake\/findings\/:id|^\/kerja\/temuan\/:id/, 'finding'],
  [/^\/api\/v1\/intake\/sources\/:id|^\/kerja\/sumber\/:id/, 'source'],
  [/^\/api\/v1\/intake\/articles\/:id/, 'article'],
  // The catalogues every region shares (givers, fields, scales): no region's record.
  [/^\/api\/v1\/(awarding-bodies|fields|scales)\/:id|^\/kerja\/admin\/(pemberi|bidang|skala)\/:id/, 'shared'],
  [/^\/api\/v1\/series\/:key/, 'series'],
  [/^\/api\/v1\/exports\/:name/, 'report'],
  [/^\/static\/:name/, 'static'],
  [/^\/wilayah\/:code|^\/perbandingan\/:province/, 'region'],
];

function kindOf(path: string) {
  if (!path.includes(':')) return null;
  const hit = PARAM_KINDS.find(([re]) => re.test(path));
  if (!hit) throw new Error(`route ${path} names a record this walk does not know: add it to PARAM_KINDS`);
  return hit[1];
}

let seriesKey = '';
/** A giver and a field of the shared catalogues. */
const shared = { giver: 0, field: 0 };
/** The URL that points the route at Kota Tangerang's record. */
function urlFor(route: Route): string {
  const kind = kindOf(route.path);
  let url = route.path
    .replace(':code', '36.71')
    .replace(':province', '36')
    .replace(/:name\{report.*\}$/, 'report-2025.pdf')
    .replace(':name', 'app.js')
    .replace(':key', encodeURIComponent(seriesKey));
  if (kind === 'shared') {
    const id = /awarding-bodies|pemberi/.test(url)
      ? shared.giver
      : /fields|bidang/.test(url)
        ? shared.field
        : 'bpk-opini';
    url = url.replace(/:id(\{[^}]*\})?/, String(id));
  }
  if (kind && kind in a) url = url.replace(/:id(\{[^}]*\})?/, String(a[kind as keyof typeof a]));
  return url;
}

const routes = (): Route[] => {
  const seen = new Set<string>();
  return t.app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => {
      const k = `${r.method} ${r.path}`;
      return !seen.has(k) && seen.add(k) !== undefined;
    })
    .map((r) => ({ method: r.method, path: r.path }));
};
const isWrite = (r: Route) => !['GET', 'HEAD'].includes(r.method);
const isSignedInArea = (url: string) => url.startsWith('/kerja') || url.startsWith('/api/v1/');
/** Public open data is the same file for everyone and shows published records of every region. */
const isPublicFile = (url: string) =>
  /^\/api\/v1\/exports\/open-data|^\/api\/v1\/(regions|openapi|scales|fields|awarding-bodies|grade)/.test(
    url,
  );

/** A body that passes validation, so that the refusal comes from the record's region, not the input. */
function bodyFor(route: Route, csrf?: string): unknown {
  const p = route.path;
  if (!isWrite(route)) return undefined;
  if (!p.startsWith('/api/')) {
    const fields: Record<string, string> = {
      reason: 'Periksa lagi datanya',
      title: 'Diambil alih',
      name: 'Diambil alih',
      url: 'https://contoh.go.id/berita',
      awardId: String(a.award),
      articleId: String(a.article),
    };
    if (csrf) fields._csrf = csrf;
    if (p.endsWith('/penghargaan/:id{[0-9]+}/bukti')) {
      const form = uploadForm(pdfBytes(), 'piagam.pdf', 'application/pdf');
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return form;
    }
    return new URLSearchParams(fields);
  }
  if (/\/evidence$/.test(p)) return { url: 'https://contoh.go.id/berita', caption: 'Bukti' };
  if (/\/(return|reopen)$/.test(p)) return { reason: 'Periksa lagi datanya' };
  if (/\/(reject)$/.test(p)) return { reason: 'Bukan wilayah kami' };
  if (/\/merge$/.test(p)) return { awardId: a.award };
  if (/\/(dismiss|restore)-evidence$/.test(p)) return { articleId: a.article };
  if (/findings\/:id\/accept$/.test(p)) return {};
  if (p === '/api/v1/awards/:id') return { place: 'Diambil alih' };
  if (p === '/api/v1/units/:id') return { shortName: 'Diambil' };
  if (p === '/api/v1/users/:id') return { name: 'Diambil alih' };
  if (p === '/api/v1/intake/sources/:id') return { active: false };
  if (p === '/api/v1/awards') return sampleAward(t.units.dinkes.id, { title: 'Di unit kota' });
  if (p === '/api/v1/units') return { parentId: t.units.root.id, name: 'Cabang di kota', unitType: 'DINAS' };
  if (p === '/api/v1/users')
    return {
      email: 'susup@tangerangkab.go.id',
      role: 'operator',
      unitId: t.units.dinkes.id,
      password: 'kata-sandi-panjang-1',
    };
  if (p === '/api/v1/intake/articles')
    return { html: kotaArticle, outlet: 'Warta Kota', published: '2025-12-13' };
  return undefined;
}

/** Every row of Kota Tangerang in every tenant table (what a reader cannot change is left out). */
async function kotaRows(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of TENANT_TABLES) {
    const rows = await t.db.db.selectFrom(table).selectAll().where('region_id', '=', KOTA).execute();
    out[table] = rows
      .map((r) => {
        const { last_used_at: _used, ...rest } = r as Record<string, unknown>;
        return JSON.stringify(rest);
      })
      .sort();
  }
  return JSON.stringify(out);
}

async function login(email: string, password: string) {
  const res = await t.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

beforeAll(async () => {
  t = await createTestApp({ intakeWatchAllowPrivate: true });
  for (const code of ['36.03', '36', '32', '32.73'])
    await addRegionFromGazetteer(t.db.db, SYSTEM_ACTOR, code);
  // Kota Tangerang (A): an unpublished draft and a submitted award with evidence, a published
  // one, a unit, a watched source, a news finding and the users of the test app.
  await createUnit(t.db.db, SYSTEM_ACTOR, {
    regionCode: '36.71',
    parentId: t.units.root.id,
    name: 'Unit Khusus Kota',
    unitType: 'DINAS',
  });
  a.unit = t.units.dinkes.id;
  await addAward(t.db.db, sampleAward(t.units.dinkes.id, { title: `${SECRET} draf` }), 'draft');
  a.award = await addAward(t.db.db, sampleAward(t.units.dinkes.id, { title: `${SECRET} diajukan` }), 'draft');
  await addAward(t.db.db, sampleAward(t.units.dinkes.id, { title: 'TERBUKA-KOTA terverifikasi' }));
  await addAward(
    t.db.db,
    sampleAward(t.units.dinkes.id, { title: `${SECRET} tidak dipublikasikan`, isPublic: false }),
  );
  const file = await t.call(
    'admin',
    'POST',
    `/api/v1/awards/${a.award}/evidence`,
    uploadForm(pdfBytes(), 'piagam.pdf', 'application/pdf'),
  );
  expect(file.status, file.text).toBe(201);
  a.evidence = file.json.id;
  await t.call('admin', 'POST', `/api/v1/awards/${a.award}/evidence`, {
    url: 'https://tangerangkota.go.id/rahasia',
    caption: `${SECRET} bukti`,
  });
  expect((await t.call('operator', 'POST', `/api/v1/awards/${a.award}/submit`)).status).toBe(200);
  a.user = (
    await t.db.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@example.go.id')
      .executeTakeFirstOrThrow()
  ).id;
  a.token = (await t.call('viewer', 'POST', '/api/v1/users/me/tokens', { name: `${SECRET} token` })).json.id;
  a.source = (
    await createSource(
      t.db.db,
      SYSTEM_ACTOR,
      { url: 'http://127.0.0.1:9/rss-kota', kind: 'feed', name: `${SECRET} sumber`, intervalMinutes: 60 },
      { allowPrivate: true },
    )
  ).id;
  kotaArticle = `<html><head><title>Kota Tangerang Raih Predikat Kepatuhan Tinggi</title></head><body><article><p>Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76.</p><p>Wali Kota mengatakan capaian itu hasil kerja seluruh pegawai.</p></article></body></html>`;
  const found = await t.call('kurator', 'POST', '/api/v1/intake/articles', {
    html: kotaArticle,
    outlet: 'Warta Kota',
    published: '2025-12-13',
  });
  expect(found.status, found.text).toBe(201);
  a.finding = found.json.articles[0].findings[0].id;
  a.article = found.json.articles[0].articleId;
  seriesKey = (await t.call('admin', 'GET', '/api/v1/series')).json.items?.[0]?.key ?? 'tidak-ada';
  shared.giver = (await t.call('public', 'GET', '/api/v1/awarding-bodies?q=bkn')).json.items[0].id;
  shared.field = (await t.call('public', 'GET', '/api/v1/fields')).json.items[0].id;

  // Kabupaten Tangerang (B): a unit, one user per role, a published award of its own.
  const root = await createUnit(t.db.db, SYSTEM_ACTOR, {
    regionCode: '36.03',
    name: 'Pemerintah Kabupaten Tangerang',
    unitType: 'PEMDA',
  });
  kabUnit = (
    await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      parentId: root.id,
      name: 'Dinas Kesehatan Kabupaten',
      unitType: 'DINAS',
    })
  ).id;
  await addAward(t.db.db, sampleAward(kabUnit, { title: 'Milik kabupaten' }));
  const people: [BRole | 'jabar' | 'banten', Role, number, number | null][] = [
    ...B_ROLES.map((r): [BRole, Role, number, number | null] => [
      r,
      r,
      KAB,
      r === 'operator' ? kabUnit : null,
    ]),
    ['banten', 'provinsi', 36, null],
    ['jabar', 'provinsi', 32, null],
  ];
  for (const [name, role, regionId, unitId] of people) {
    const u = await createUser(t.db.db, {
      email: `${name}@tangerangkab.go.id`,
      role,
      regionId,
      unitId,
      password: 'kata-sandi-panjang-1',
    });
    tokens[name] = await createApiToken(t.db.db, u.id);
  }
  // Kota Bandung (Jawa Barat): what Banten's reader must not see.
  const bandung = await createUnit(t.db.db, SYSTEM_ACTOR, {
    regionCode: '32.73',
    name: 'Pemerintah Kota Bandung',
    unitType: 'PEMDA',
  });
  bandungAward = await addAward(t.db.db, sampleAward(bandung.id, { title: 'Milik Kota Bandung' }));
  kabSession = await login('admin@tangerangkab.go.id', 'kata-sandi-panjang-1');
  kotaSession = await login('admin@example.go.id', t.passwords.admin);
}, 120_000);
afterAll(() => t?.close());

describe('no actor of one region reaches another region through any route', () => {
  it('every route with a record parameter is known to this walk', () => {
    for (const r of routes()) expect(() => kindOf(r.path), `${r.method} ${r.path}`).not.toThrow();
    expect(routes().length).toBeGreaterThan(150);
  });

  it("Kabupaten roles, a session with its CSRF token and Jawa Barat's reader get nothing of Kota Tangerang", async () => {
    const before = await kotaRows();
    const actors: [string, { token?: string; cookie?: string; csrf?: string }][] = [
      ...B_ROLES.map((r): [string, { token: string }] => [r, { token: tokens[r] }]),
      ['session', kabSession],
      ['jabar', { token: tokens.jabar }],
    ];
    const problems: string[] = [];
    // The actors side by side, each walking the routes in order (its own writes stay in order).
    await inPool(actors, actors.length, async ([who, auth]) => {
      for (const route of routes()) {
        const kind = kindOf(route.path);
        if (kind === 'static' || (isWrite(route) && kind === 'shared')) continue;
        const url = urlFor(route);
        // Writes that name no record act in the actor's own region; those whose body points
        // at Kota Tangerang's units or news are sent, the rest are the other matrices' job.
        const body = bodyFor(route, auth.csrf);
        if (isWrite(route) && !kind && body === undefined) continue;
        if (/^\/(masuk|keluar)$|\/auth\/log(in|out)$/.test(route.path)) continue;
        const res = await send(auth, route.method, url, body);
        const tag = `${who} ${route.method} ${url} → ${res.status}`;
        if (res.status >= 500) problems.push(`${tag}: server error`);
        if (res.text.includes(SECRET)) problems.push(`${tag}: shows an unpublished record of Kota Tangerang`);
        if (isSignedInArea(url) && !isPublicFile(url)) {
          const leaked = KOTA_ONLY.filter((m) => res.text.includes(m));
          if (leaked.length) problems.push(`${tag}: shows ${leaked.join(', ')}`);
        }
        const namesKota = kind !== null && kind in a && kind !== 'article';
        // A form may answer a refusal with a redirect and a message; the message must be the
        // refusal (not found, not allowed), never a state or input complaint about the record.
        const refusedByForm =
          res.status === 303 && /tidak ditemukan|wilayah lain|tidak boleh/i.test(res.flash);
        if (namesKota && isSignedInArea(url) && ![403, 404].includes(res.status) && !refusedByForm)
          problems.push(`${tag}: expected 403 or 404 (${res.flash})`);
        if (
          !namesKota &&
          isWrite(route) &&
          res.status >= 200 &&
          res.status < 300 &&
          route.path === '/api/v1/users'
        )
          problems.push(`${tag}: created a user in a Kota Tangerang unit`);
      }
    });
    expect(problems).toEqual([]);
    expect(await kotaRows()).toBe(before);
    // Nothing of Kabupaten Tangerang points into Kota Tangerang either.
    const pointing = await t.db.db
      .selectFrom('awards')
      .select('id')
      .where('region_id', '=', KAB)
      .where(
        'unit_id',
        'in',
        Object.values(t.units).map((u) => u.id),
      )
      .execute();
    expect(pointing).toEqual([]);
  }, 300_000);

  it('the public sees no unpublished record of Kota Tangerang anywhere and changes nothing', async () => {
    const before = await kotaRows();
    const problems: string[] = [];
    // Six at a time: the public changes nothing, so the order of its requests does not matter.
    await inPool(routes(), 6, async (route) => {
      const kind = kindOf(route.path);
      if (kind === 'static' || /^\/(masuk|keluar)$|\/auth\/log(in|out)$|^\/api\/v1\/grade$/.test(route.path))
        return;
      const url = urlFor(route);
      const res = await send({}, route.method, url, bodyFor(route));
      const tag = `public ${route.method} ${url} → ${res.status}`;
      if (res.status >= 500) problems.push(`${tag}: server error`);
      if (res.text.includes(SECRET)) problems.push(`${tag}: shows an unpublished record of Kota Tangerang`);
      if (isWrite(route) && res.status < 400) problems.push(`${tag}: a write was not refused`);
    });
    expect(problems).toEqual([]);
    expect(await kotaRows()).toBe(before);
  }, 120_000);

  it("a session cookie works only with its own CSRF token: Kabupaten's cookie with Kota's token is refused", async () => {
    const res = await send(
      { cookie: kabSession.cookie, csrf: kotaSession.csrf },
      'PATCH',
      `/api/v1/units/${kabUnit}`,
      { shortName: 'Dinkes Kab' },
    );
    expect(res.status).toBe(403);
    const form = await send(
      { cookie: kabSession.cookie },
      'POST',
      `/kerja/admin/unit/${kabUnit}/ubah`,
      new URLSearchParams({ _csrf: kotaSession.csrf, name: 'Diambil' }),
    );
    expect(form.status).toBe(403);
  });

  it("exports of Kabupaten Tangerang never hold Kota Tangerang's rows (CSV, XLSX, JSON, PDF report)", async () => {
    for (const who of B_ROLES) {
      for (const file of ['awards.csv', 'awards.json', 'recap.csv', 'recap.json']) {
        const res = await send({ token: tokens[who] }, 'GET', `/api/v1/exports/${file}?year=2025`);
        expect(res.status, `${who} ${file}`).toBe(200);
        for (const m of [SECRET, 'TERBUKA-KOTA'])
          expect(res.text.includes(m), `${who} ${file} ${m}`).toBe(false);
      }
      const csv = await send({ token: tokens[who] }, 'GET', '/api/v1/exports/awards.csv');
      expect(csv.text).toContain('Milik kabupaten');
      // Asking for Kota Tangerang by name gives nothing of it.
      const named = await send({ token: tokens[who] }, 'GET', '/api/v1/exports/awards.json?region=36.71');
      expect(named.text.includes(SECRET) || named.text.includes('TERBUKA-KOTA')).toBe(false);
    }
    const xlsx = await t.app.request('/api/v1/exports/awards.xlsx', {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const cells = book.worksheets.flatMap((s) =>
      s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((v) => String(v ?? '')) : [])),
    );
    expect(cells).toContain('Milik kabupaten');
    expect(cells.some((c) => c.includes(SECRET) || c.includes('TERBUKA-KOTA'))).toBe(false);
    const pdf = await t.app.request('/api/v1/exports/report.pdf?year=2025', {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
  });

  it("a Kabupaten curator's article about Kota Tangerang never lands in Kota's queue", async () => {
    const before = await kotaRows();
    const res = await send({ token: tokens.kurator }, 'POST', '/api/v1/intake/articles', {
      html: kotaArticle.replace('94,76', '95,10'),
      outlet: 'Warta Kabupaten',
      published: '2025-12-14',
    });
    // Read and kept with its article as another region's event (the curator's tenants are its own).
    expect([200, 201], res.text).toContain(res.status);
    expect(await kotaRows()).toBe(before);
  });
});

describe('the province and national readers', () => {
  const readers = () =>
    [
      ['banten', { token: tokens.banten }],
      ['nasional', { token: t.tokens.nasional }],
    ] as const;

  it("Banten's reader sees Kota and Kabupaten Tangerang, not Kota Bandung; the national reader sees all", async () => {
    const ids = async (auth: { token: string }) =>
      (
        JSON.parse((await send(auth, 'GET', '/api/v1/awards?pageSize=100')).text).items as {
          title: string;
          id: number;
        }[]
      ).map((x) => x.id);
    const banten = await ids({ token: tokens.banten });
    expect(banten).toContain(a.award);
    expect(banten.length).toBeGreaterThanOrEqual(5);
    expect(banten).not.toContain(bandungAward);
    expect((await send({ token: tokens.banten }, 'GET', `/api/v1/awards/${bandungAward}`)).status).toBe(404);
    expect((await send({ token: tokens.banten }, 'GET', `/api/v1/awards/${a.award}`)).status).toBe(200);
    const nation = await ids({ token: t.tokens.nasional });
    expect(nation).toEqual(expect.arrayContaining([a.award, bandungAward]));
    const jabar = await ids({ token: tokens.jabar });
    expect(jabar).toEqual([bandungAward]);
  });

  it('every write route refuses them with 403 and a message, on the API and the forms', async () => {
    const before = await kotaRows();
    const problems: string[] = [];
    // Their own account (sign in and out, their own API tokens) and the public grading
    // calculator are theirs to use; everything else changes records.
    const ownAccount = /^\/(masuk|keluar)$|\/auth\/log(in|out)$|\/users\/me\/tokens|^\/api\/v1\/grade$/;
    for (const [who, auth] of readers()) {
      for (const route of routes().filter(isWrite)) {
        if (ownAccount.test(route.path)) continue;
        const res = await send(auth, route.method, urlFor(route), bodyFor(route));
        const tag = `${who} ${route.method} ${route.path} → ${res.status}`;
        if (res.status !== 403) problems.push(`${tag}: expected 403`);
        else if (route.path.startsWith('/api/')) {
          const error = JSON.parse(res.text).error;
          if (error?.code !== 'forbidden' || !error.message) problems.push(`${tag}: no clear message`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await kotaRows()).toBe(before);
  }, 300_000);
});
