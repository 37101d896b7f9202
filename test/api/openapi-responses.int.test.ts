import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureSite } from '../intake/fixture-server.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { band } from '../support/scales.ts';
import { pdfBytes, uploadForm } from './helpers.ts';

// The OpenAPI document cannot drift from the API: every route is called for real and each answer
// is validated against the schema the document gives for that route, method and status (a JSON
// Schema validator, not a second reading of the zod schemas). Response objects are strict, so a
// property the document does not name fails too; a status the document does not list fails;
// and every documented success of every route must be met by at least one call here.

type Who = Parameters<TestApp['call']>[0];
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

let t: TestApp;
let doc: Doc;
let site: FixtureSite;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
/** `METHOD /template status` of every call made, to check that each documented success was met. */
const met = new Set<string>();

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Calls `url` (the documented `template` with its values) and checks the answer against the document. */
async function call(
  who: Who,
  method: string,
  template: string,
  url: string,
  expected: number,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await t.call(who, method, `/api/v1${url}`, body, headers);
  const name = `${method} ${template}`;
  expect(res.status, `${name}: ${res.text.slice(0, 500)}`).toBe(expected);
  const op = doc.paths[template]?.[method.toLowerCase()];
  expect(op, `${name} is not in the document`).toBeDefined();
  const documented = op!.responses[String(res.status)];
  expect(documented, `${name} answered ${res.status}, which the document does not list`).toBeDefined();
  const content = documented!.content ?? {};
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (Object.keys(content).length === 0) expect(res.text, `${name} ${res.status} has a body`).toBe('');
  else expect(Object.keys(content), `${name} ${res.status} answered ${type}`).toContain(type);
  if (/json/.test(type)) {
    const ref = `openapi#/${pointer('paths', template, method.toLowerCase(), 'responses', String(res.status), 'content', type, 'schema')}`;
    const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    const ok = validate(res.json);
    const why = (validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
    );
    expect(ok, `${name} ${res.status}: ${why.join('; ')}`).toBe(true);
  }
  met.add(`${method} ${template} ${res.status}`);
  return res;
}

const para = (s: string) => `<p>${s}</p>`;
const release = (headline: string, sentence: string, closing: string) =>
  `<article><h1>${headline}</h1>${para(`TANGERANG – ${sentence} Penghargaan itu diterima Wali Kota Tangerang di Jakarta.`)}${para(closing)}</article>`;
const KLA =
  'Pemerintah Kota Tangerang meraih penghargaan Kota Layak Anak kategori Nindya dari Kementerian Pemberdayaan Perempuan dan Perlindungan Anak pada Sabtu (23/8/2025).';
const articles = {
  ombudsman: release(
    'Ombudsman Beri Pemkot Tangerang Predikat Kepatuhan Tinggi',
    'Pemerintah Kota Tangerang meraih Predikat Kepatuhan Tinggi dari Ombudsman RI pada Kamis (12/12/2025) dengan nilai 94,76.',
    'Wali Kota mengatakan capaian itu hasil kerja seluruh pegawai di setiap unit layanan.',
  ),
  kla: release('Kota Tangerang Kembali Jadi Kota Layak Anak', KLA, 'Capaian itu hasil kerja seluruh warga.'),
  klaLate: release('Tangerang Pertahankan Predikat KLA Nindya', KLA, 'Forum anak ikut menentukan penilaian.'),
  klaLater: release(
    'KLA Nindya untuk Kota Tangerang',
    KLA,
    'Predikat berikutnya diharapkan naik menjadi Utama.',
  ),
  adipura: release(
    'Pemkot Tangerang Sabet Penghargaan Adipura',
    'Pemerintah Kota Tangerang meraih penghargaan Adipura dari Kementerian Lingkungan Hidup pada Rabu (5/3/2025).',
    'Kebersihan pasar dan taman menjadi penilaian utama.',
  ),
  otherRegion: release(
    'Kabupaten Lebak Raih Penghargaan Kabupaten Sehat',
    'Pemerintah Kabupaten Lebak meraih penghargaan Swasti Saba Wiwerda dari Kementerian Kesehatan pada Selasa (11/11/2025).',
    'Bupati Lebak berterima kasih kepada warga.',
  ),
};

beforeAll(async () => {
  t = await createTestApp({ intakeWatchAllowPrivate: true });
  site = await new FixtureSite().start();
  const res = await t.call('public', 'GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = res.json;
  ajv.addSchema(res.json, 'openapi');
});
afterAll(async () => {
  await site?.close();
  await t?.close();
});

describe('every answer matches its documented schema', () => {
  const ids: Record<string, number> = {};

  it('auth', async () => {
    await call('public', 'POST', '/auth/login', '/auth/login', 200, {
      email: 'admin@example.go.id',
      password: t.passwords.admin,
    });
    await call('admin', 'GET', '/auth/me', '/auth/me', 200);
    await call('public', 'POST', '/auth/logout', '/auth/logout', 204);
  });

  it('awards, their workflow, history and evidence', async () => {
    const unit = t.units.dinkes.id;
    const created = await call('admin', 'POST', '/awards', '/awards', 201, {
      ...sampleAward(unit),
      team: [{ unitId: t.units.bkpsdm.id, role: 'ketua' }, { personName: 'dr. Ani' }],
      scaleId: 'ombudsman-kepatuhan',
      score: 94.76,
      editionYear: 2024,
    });
    const id = created.json.id as number;
    ids.award = id;
    await call('admin', 'GET', '/awards', '/awards?year=2024', 200);
    await call('public', 'GET', '/awards', '/awards', 200);
    await call('admin', 'GET', '/awards/{id}', `/awards/${id}`, 200);
    await call('admin', 'PATCH', '/awards/{id}', `/awards/${id}`, 200, { place: 'Serang' });
    const file = await call(
      'admin',
      'POST',
      '/awards/{id}/evidence',
      `/awards/${id}/evidence`,
      201,
      uploadForm(pdfBytes(), 'piagam.pdf', 'application/pdf'),
    );
    await call('admin', 'POST', '/awards/{id}/evidence', `/awards/${id}/evidence`, 201, {
      url: 'https://tangerangkota.go.id/berita/1',
      caption: 'Berita',
    });
    await call('admin', 'GET', '/awards/{id}/evidence', `/awards/${id}/evidence`, 200);
    await call('admin', 'GET', '/evidence/{id}/file', `/evidence/${file.json.id}/file`, 200);
    const link = await t.call('admin', 'GET', `/api/v1/awards/${id}/evidence`);
    await call('admin', 'DELETE', '/evidence/{id}', `/evidence/${link.json.items[1].id}`, 204);
    await call('admin', 'POST', '/awards/{id}/submit', `/awards/${id}/submit`, 200);
    await call('verifikator', 'POST', '/awards/{id}/return', `/awards/${id}/return`, 200, {
      reason: 'Lengkapi buktinya',
    });
    await call('admin', 'POST', '/awards/{id}/submit', `/awards/${id}/submit`, 200);
    await call('verifikator', 'POST', '/awards/{id}/verify', `/awards/${id}/verify`, 200);
    await call('verifikator', 'POST', '/awards/{id}/reopen', `/awards/${id}/reopen`, 200, {
      reason: 'Nilainya salah ketik',
    });
    await call('admin', 'POST', '/awards/{id}/submit', `/awards/${id}/submit`, 200);
    await call('verifikator', 'POST', '/awards/{id}/verify', `/awards/${id}/verify`, 200);
    await call('admin', 'GET', '/awards/{id}/history', `/awards/${id}/history`, 200);
    // A second year of the same programme, so the recap has a series.
    const next = await call('admin', 'POST', '/awards', '/awards', 201, {
      ...sampleAward(unit),
      scaleId: 'ombudsman-kepatuhan',
      score: 80.5,
      editionYear: 2023,
      receivedOn: '2023-12-01',
    });
    await t.call('admin', 'POST', `/api/v1/awards/${next.json.id}/submit`);
    await t.call('verifikator', 'POST', `/api/v1/awards/${next.json.id}/verify`);
    const draft = await call('operator', 'POST', '/awards', '/awards', 201, sampleAward(unit));
    await call('operator', 'DELETE', '/awards/{id}', `/awards/${draft.json.id}`, 204);
  });

  it('errors', async () => {
    await call('public', 'GET', '/auth/me', '/auth/me', 401);
    await call('operator', 'POST', '/units', '/units', 403, { name: 'Unit Baru', unitType: 'DINAS' });
    await call('public', 'GET', '/awards/{id}', '/awards/999999', 404);
    await call('admin', 'POST', '/awards', '/awards', 422, { title: 'x' });
    await call('admin', 'POST', '/awards/{id}/verify', `/awards/${ids.award}/verify`, 409);
    await call('admin', 'POST', '/awards', '/awards', 400, '{"title":', {
      'content-type': 'application/json',
    });
  });

  it('regions and units', async () => {
    await call('public', 'GET', '/regions', '/regions', 200);
    await call('public', 'GET', '/regions/current', '/regions/current', 200);
    await call('public', 'GET', '/units', '/units?includeInactive=1', 200);
    await call('public', 'GET', '/units/{id}', `/units/${t.units.dinkes.id}`, 200);
    const unit = await call('admin', 'POST', '/units', '/units', 201, {
      parentId: t.units.root.id,
      name: 'Dinas Perhubungan',
      shortName: 'Dishub',
      unitType: 'DINAS',
    });
    await call('admin', 'PATCH', '/units/{id}', `/units/${unit.json.id}`, 200, { active: false });
  });

  it('givers and fields', async () => {
    const list = await call('public', 'GET', '/awarding-bodies', '/awarding-bodies?q=kominfo', 200);
    expect(list.json.items.some((g: { successor: unknown }) => g.successor !== null)).toBe(true);
    await call('public', 'GET', '/awarding-bodies/{id}', `/awarding-bodies/${list.json.items[0].id}`, 200);
    const giver = await call('admin', 'POST', '/awarding-bodies', '/awarding-bodies', 201, {
      code: 'uji-pemberi',
      abbreviation: 'UJI',
      name: 'Lembaga Uji',
      level: 'nasional',
    });
    await call('admin', 'PATCH', '/awarding-bodies/{id}', `/awarding-bodies/${giver.json.id}`, 200, {
      aliases: ['Lembaga Pengujian'],
    });
    await call('public', 'GET', '/fields', '/fields?includeRetired=1', 200);
    const field = await call('admin', 'POST', '/fields', '/fields', 201, {
      code: 'uji-bidang',
      nameId: 'Bidang Uji',
      nameEn: 'Test field',
    });
    await call('admin', 'PATCH', '/fields/{id}', `/fields/${field.json.id}`, 200, { sortOrder: 5 });
    await call('admin', 'DELETE', '/fields/{id}', `/fields/${field.json.id}`, 200);
  });

  it('users and tokens', async () => {
    await call('admin', 'GET', '/users', '/users', 200);
    const user = await call('admin', 'POST', '/users', '/users', 201, {
      email: 'baru@example.go.id',
      role: 'operator',
      unitId: t.units.bkpsdm.id,
      password: 'sandi-baru-12345',
    });
    await call('admin', 'PATCH', '/users/{id}', `/users/${user.json.id}`, 200, { name: 'Operator Baru' });
    const token = await call('viewer', 'POST', '/users/me/tokens', '/users/me/tokens', 201, {
      name: 'skrip',
    });
    await call('viewer', 'GET', '/users/me/tokens', '/users/me/tokens', 200);
    await call('viewer', 'DELETE', '/users/me/tokens/{id}', `/users/me/tokens/${token.json.id}`, 204);
  });

  it('scales and grading', async () => {
    await call('public', 'GET', '/scales', '/scales', 200);
    await call('public', 'GET', '/scales/{id}', '/scales/bpk-opini', 200);
    const version = (v: string, from: number, to: number | null) => ({
      version: v,
      validFromYear: from,
      validToYear: to,
      legalBasis: 'Keputusan uji',
      source: 'uji',
      bands: [band('KURANG', 0, 49.99), band('BAIK', 50, 100)],
    });
    await call('admin', 'POST', '/scales', '/scales', 201, {
      id: 'skala-uji',
      name: 'Skala Uji',
      giverCode: 'kemendagri',
      kind: 'numeric',
      confidence: 'UNCONFIRMED',
      versions: [version('1', 2020, null)],
    });
    await call('admin', 'POST', '/scales/{id}/versions', '/scales/skala-uji/versions', 201, {
      ...version('2', 2026, null),
      supersede: true,
    });
    await call('public', 'POST', '/grade', '/grade', 200, { scaleId: 'skala-uji', year: 2021, score: 70 });
  });

  it('recap and series', async () => {
    const recap = await call('public', 'GET', '/recap', '/recap?year=2024', 200);
    expect(recap.json.total).toBeGreaterThan(0);
    await call('admin', 'GET', '/recap', '/recap?includeUnverified=true', 200);
    await call('public', 'GET', '/recap/units/{id}', `/recap/units/${t.units.dinkes.id}`, 200);
    await call('public', 'GET', '/recap/units/{id}', `/recap/units/${t.units.bkpsdm.id}`, 200);
    const series = await call('public', 'GET', '/series', '/series', 200);
    expect(series.json.items.length).toBeGreaterThan(0);
    const key = series.json.items[0].key as string;
    await call('public', 'GET', '/series/{key}', `/series/${encodeURIComponent(key)}`, 200);
  });

  it('imports and their templates', async () => {
    const template = await call('admin', 'GET', '/imports/template.csv', '/imports/template.csv', 200);
    await call('admin', 'GET', '/imports/template.xlsx', '/imports/template.xlsx', 200);
    const form = (text: string) => uploadForm(new TextEncoder().encode(text), 'rekap.csv', 'text/csv');
    const dry = await call('admin', 'POST', '/imports', '/imports?dryRun=true', 200, form(template.text));
    expect(dry.json.readRows.length).toBeGreaterThan(0);
    const refused = await call('admin', 'POST', '/imports', '/imports', 422, form('Judul;Tahun\nx;1800\n'));
    expect(refused.json.problems.length).toBeGreaterThan(0);
  });

  it('exports', async () => {
    for (const format of ['csv', 'xlsx', 'json'])
      for (const what of ['awards', 'recap'])
        await call(
          'public',
          'GET',
          `/exports/${what}.${format}`,
          `/exports/${what}.${format}?year=2025`,
          200,
        );
    await call('public', 'GET', '/exports/open-data.zip', '/exports/open-data.zip', 200);
    for (const name of ['penghargaan.csv', 'metadata.json', 'datapackage.json', 'dcat.jsonld'])
      await call('public', 'GET', `/exports/open-data/${name}`, `/exports/open-data/${name}`, 200);
    await call('public', 'GET', '/exports/report.pdf', '/exports/report.pdf?year=2025', 200);
  });

  it('news intake: articles, findings and the curator decisions', async () => {
    const ingest = (html: string, status: number) =>
      call('kurator', 'POST', '/intake/articles', '/intake/articles', status, {
        html,
        outlet: 'Portal Uji',
        published: '2025-12-13',
      });
    const recorded = await t.call('admin', 'POST', '/api/v1/awards', {
      title: 'Predikat Kepatuhan Tinggi Ombudsman',
      editionYear: 2025,
      awardingBodyCode: 'ombudsman',
      score: 94.76,
    });
    const omb = (await ingest(articles.ombudsman, 201)).json.articles[0];
    await ingest(articles.ombudsman, 200);
    const kla = (await ingest(articles.kla, 201)).json.articles[0];
    const adipura = (await ingest(articles.adipura, 201)).json.articles[0];
    await ingest(articles.otherRegion, 201);
    await call('kurator', 'GET', '/intake/findings', '/intake/findings', 200);
    const set = await call('kurator', 'GET', '/intake/other-regions', '/intake/other-regions', 200);
    expect(set.json.items.length).toBeGreaterThan(0);
    await call('kurator', 'GET', '/intake/articles/{id}', `/intake/articles/${omb.articleId}`, 200);
    const ombId = omb.findings[0].id as number;
    await call('kurator', 'GET', '/intake/findings/{id}', `/intake/findings/${ombId}`, 200);
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/dismiss-match',
      `/intake/findings/${ombId}/dismiss-match`,
      200,
    );
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/restore-match',
      `/intake/findings/${ombId}/restore-match`,
      200,
    );
    await call('kurator', 'POST', '/intake/findings/{id}/merge', `/intake/findings/${ombId}/merge`, 200, {
      awardId: recorded.json.id,
    });
    const klaId = kla.findings[0].id as number;
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/accept',
      `/intake/findings/${klaId}/accept`,
      200,
      {},
    );
    const late = (await ingest(articles.klaLate, 201)).json.articles[0];
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/dismiss-evidence',
      `/intake/findings/${klaId}/dismiss-evidence`,
      200,
      { articleId: late.articleId },
    );
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/restore-evidence',
      `/intake/findings/${klaId}/restore-evidence`,
      200,
      { articleId: late.articleId },
    );
    await ingest(articles.klaLater, 201);
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/attach-sources',
      `/intake/findings/${klaId}/attach-sources`,
      200,
    );
    await call('kurator', 'GET', '/intake/findings/{id}', `/intake/findings/${klaId}`, 200);
    await call(
      'kurator',
      'POST',
      '/intake/findings/{id}/reject',
      `/intake/findings/${adipura.findings[0].id}/reject`,
      200,
      {
        reason: 'Sudah tercatat dari sumber lain',
      },
    );
  });

  it('news intake: watched sources, their health and a poll', async () => {
    site.routes.set('/feed.xml', {
      type: 'application/rss+xml',
      body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Berita</title><item><title>Hilang</title><link>${site.url('/berita/hilang')}</link></item></channel></rss>`,
    });
    const source = await call('kurator', 'POST', '/intake/sources', '/intake/sources', 201, {
      name: 'Portal Uji',
      url: site.url('/feed.xml'),
      kind: 'feed',
    });
    const id = source.json.id as number;
    const poll = await call(
      'kurator',
      'POST',
      '/intake/sources/{id}/poll',
      `/intake/sources/${id}/poll`,
      200,
    );
    expect(poll.json.itemErrors.length).toBe(1);
    const detail = await call('kurator', 'GET', '/intake/sources/{id}', `/intake/sources/${id}`, 200);
    expect(detail.json.errors.length).toBe(1);
    await call('kurator', 'GET', '/intake/sources', '/intake/sources', 200);
    await call('kurator', 'PATCH', '/intake/sources/{id}', `/intake/sources/${id}`, 200, { active: false });
  });

  it('every documented success of every route was met by a real answer', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        Object.keys(op.responses)
          .filter((s) => s.startsWith('2'))
          .map((s) => `${method.toUpperCase()} ${path} ${s}`),
      ),
    );
    expect(documented.filter((d) => !met.has(d))).toEqual([]);
  });
});
