import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWARD_FIELDS, type AwardFieldKey } from '../../src/domain/awards/fields.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import type { Award } from '../../src/services/awards/model.ts';
import { importAwards } from '../../src/services/imports/run.ts';
import { pageClient } from '../pages/browser.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

// Every field of the award catalogue walks every channel: API create and PATCH, the web form
// (create, edit of one field, edit posting the form unchanged), the CSV and XLSX exports
// imported back, the JSON export and the open data. No channel may lose, rename or null a
// field it was not asked to change. A field added to the catalogue without a line in FULL and
// CHANGED below fails the first test, so the walk always covers the whole catalogue.

let t: TestApp;
let other: TestApp;

beforeAll(async () => {
  [t, other] = await Promise.all([createTestApp(), createTestApp()]);
});
afterAll(async () => {
  await t.close();
  await other.close();
});

/** What a field holds on an award, by catalogue key; references by their stable names. */
function fieldOf(a: Award, key: AwardFieldKey): unknown {
  switch (key) {
    case 'awardingBody':
      return a.awardingBody?.code ?? null;
    case 'field':
      return a.field?.code ?? null;
    case 'unit':
      return a.unit?.name ?? null;
    case 'team':
      return a.team.map((m) => [m.unitName ?? m.personName, m.role]);
    case 'grade':
      return a.grade ? [a.scaleVersion, a.grade.code, a.grade.label, a.grade.zone] : null;
    default:
      return a[key];
  }
}

const snapshot = (a: Award) =>
  Object.fromEntries(AWARD_FIELDS.map((f) => [f.key, fieldOf(a, f.key)])) as Record<AwardFieldKey, unknown>;

/** A record with every field filled, none at its default (the API body). */
const full = (t: TestApp) => ({
  title: 'Opini Kualitas Tertinggi Kepatuhan Pelayanan Publik',
  programme: 'Penilaian Kepatuhan Pelayanan Publik',
  editionYear: 2024,
  awardingBodyCode: 'ombudsman',
  awardingBodyText: 'Ombudsman RI Perwakilan Banten',
  level: 'provinsi',
  fieldCode: 'pelayanan-publik',
  category: 'Kategori Kota',
  recipientKind: 'unit',
  unitId: t.units.dinkes.id,
  recipientNote: 'Diterima Kepala Dinas',
  team: [{ unitId: t.units.bkpsdm.id, role: 'Ketua' }, { personName: 'dr. Ani' }],
  receivedOn: '2025-01-20',
  place: 'Serang',
  rank: 'Peringkat II',
  rankPosition: 2,
  scaleId: 'ombudsman-kepatuhan',
  score: 94.76,
  statusLabel: 'Zona Hijau',
  legalBasis: 'SK Ombudsman Nomor 12 Tahun 2025',
  description: 'Diserahkan oleh Ketua Ombudsman; "kualitas tertinggi".',
  seriesKey: 'ombudsman:kepatuhan:dinkes',
});

/** For each field, a PATCH that changes it (and only it, apart from what it computes). */
const changed = (t: TestApp): Record<AwardFieldKey, Record<string, unknown>> => ({
  title: { title: 'Opini Kualitas Tertinggi (diubah)' },
  programme: { programme: 'Program Lain' },
  editionYear: { editionYear: 2023 },
  awardingBody: { awardingBodyCode: 'kemenpanrb' },
  awardingBodyText: { awardingBodyText: 'Tertulis lain' },
  level: { level: 'nasional' },
  field: { fieldCode: 'kesehatan' },
  category: { category: 'Kategori Lain' },
  recipientKind: { recipientKind: 'region' },
  unit: { unitId: t.units.puskesmas.id },
  recipientNote: { recipientNote: 'Catatan lain' },
  team: { team: [{ personName: 'Budi', role: 'Anggota' }] },
  receivedOn: { receivedOn: '2025-02-03' },
  place: { place: 'Jakarta' },
  rank: { rank: 'Juara 1' },
  rankPosition: { rankPosition: 1 },
  scaleId: { scaleId: null },
  score: { score: 80.1 },
  statusLabel: { statusLabel: 'Zona Kuning' },
  grade: { score: 70 },
  legalBasis: { legalBasis: 'SK Lain' },
  description: { description: 'Uraian lain' },
  seriesKey: { seriesKey: 'seri-lain' },
  isPublic: { isPublic: false },
});

/** What PATCHing a field may change besides the field itself: what is computed from it. */
const COMPUTED_FROM: Partial<Record<AwardFieldKey, AwardFieldKey[]>> = {
  editionYear: ['grade'],
  scaleId: ['grade'],
  score: ['grade'],
  grade: ['score'],
};

async function getAward(app: TestApp, id: number): Promise<Award> {
  const res = await app.call('admin', 'GET', `/api/v1/awards/${id}`);
  expect(res.status).toBe(200);
  return res.json;
}

async function createFull(app: TestApp, over: Record<string, unknown> = {}): Promise<Award> {
  const res = await app.call('admin', 'POST', '/api/v1/awards', { ...full(app), ...over });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return getAward(app, res.json.id);
}

it('the walk covers every field of the catalogue, and the full record fills every one', async () => {
  const keys = AWARD_FIELDS.map((f) => f.key).sort();
  expect(Object.keys(changed(t)).sort()).toEqual(keys);
  const a = snapshot(await createFull(t));
  for (const key of keys) {
    const v = a[key as AwardFieldKey];
    expect(v === null || v === '' || (Array.isArray(v) && v.length === 0), `${key} is empty`).toBe(false);
  }
  expect(a.grade).toEqual(['2', 'A', 'Opini Kualitas Tertinggi', 'hijau']);
  expect(a.isPublic).toBe(true);
});

describe('API', () => {
  it('create keeps every field as sent', async () => {
    const a = await createFull(t);
    const body = full(t);
    expect(snapshot(a)).toMatchObject({
      title: body.title,
      programme: body.programme,
      editionYear: 2024,
      awardingBody: 'ombudsman',
      awardingBodyText: body.awardingBodyText,
      level: 'provinsi',
      field: 'pelayanan-publik',
      unit: 'Dinas Kesehatan',
      team: [
        [t.units.bkpsdm.name, 'Ketua'],
        ['dr. Ani', null],
      ],
      receivedOn: '2025-01-20',
      rankPosition: 2,
      score: 94.76,
      seriesKey: body.seriesKey,
    });
  });

  for (const f of AWARD_FIELDS) {
    it(`PATCH of ${f.key} changes ${f.key} and nothing else`, async () => {
      const before = snapshot(await createFull(t));
      const id = (await t.call('admin', 'GET', '/api/v1/awards?pageSize=1&sort=createdAt&order=desc')).json
        .items[0].id;
      const patch = changed(t)[f.key];
      const res = await t.call('admin', 'PATCH', `/api/v1/awards/${id}`, patch);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      const after = snapshot(await getAward(t, id));
      expect(after[f.key]).not.toEqual(before[f.key]);
      const mayChange = new Set<string>([f.key, ...(COMPUTED_FROM[f.key] ?? [])]);
      for (const key of Object.keys(before) as AwardFieldKey[])
        if (!mayChange.has(key)) expect(after[key], `${key} after PATCH of ${f.key}`).toEqual(before[key]);
    });
  }
});

describe('web form', () => {
  /** The award form's values for the full record, as a person would type them. */
  const formOf = (t: TestApp) => ({
    title: full(t).title,
    programme: full(t).programme,
    editionYear: '2024',
    giver: 'Ombudsman RI',
    awardingBodyText: full(t).awardingBodyText,
    level: 'provinsi',
    fieldCode: 'pelayanan-publik',
    category: full(t).category,
    recipientKind: 'unit',
    unitId: String(t.units.dinkes.id),
    recipientNote: full(t).recipientNote,
    team_unit_0: String(t.units.bkpsdm.id),
    team_person_0: '',
    team_role_0: 'Ketua',
    team_unit_1: '',
    team_person_1: 'dr. Ani',
    team_role_1: '',
    receivedOn: '2025-01-20',
    place: 'Serang',
    rank: 'Peringkat II',
    rankPosition: '2',
    scaleId: 'ombudsman-kepatuhan',
    score: '94,76',
    statusLabel: 'Zona Hijau',
    legalBasis: full(t).legalBasis,
    description: full(t).description,
    isPublic: '1',
  });

  it('creates the same record as the API, and an edit posting the form unchanged changes nothing', async () => {
    const admin = await pageClient(t).signIn('admin');
    const res = await admin.post('/kerja/penghargaan/baru', { _csrf: await admin.csrf(), ...formOf(t) });
    expect(res.status, res.html.slice(0, 2000)).toBe(303);
    const id = Number(/\/kerja\/penghargaan\/(\d+)/.exec(res.location ?? '')?.[1]);
    const viaForm = snapshot(await getAward(t, id));
    const viaApi = snapshot(await createFull(t));
    // The form has no series key input: the service derives one, as it does for the API without it.
    expect({ ...viaForm, seriesKey: null }).toEqual({ ...viaApi, seriesKey: null });

    // Edit: the page's own form values posted back unchanged.
    const page = await admin.get(`/kerja/penghargaan/${id}/ubah`);
    expect(page.status).toBe(200);
    const posted = formValues(page.html);
    const saved = await admin.post(`/kerja/penghargaan/${id}/ubah`, posted);
    expect(saved.status, saved.html.slice(0, 2000)).toBe(303);
    expect(snapshot(await getAward(t, id))).toEqual(viaForm);
  });

  it('a required text left empty is named with its own message, on create and on edit', async () => {
    const admin = await pageClient(t).signIn('admin');
    const res = await admin.post('/kerja/penghargaan/baru', {
      _csrf: await admin.csrf(),
      ...formOf(t),
      title: '',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('Judul penghargaan wajib diisi');
    const a = await createFull(t);
    const edit = await admin.post(`/kerja/penghargaan/${a.id}/ubah`, {
      _csrf: await admin.csrf(),
      title: ' ',
    });
    expect(edit.status).toBe(422);
    expect(edit.html).toContain('Judul penghargaan wajib diisi');
    expect(snapshot(await getAward(t, a.id))).toEqual(snapshot(a));
  });

  it('an edit that posts one field changes that field only; unticking "public" is kept', async () => {
    const admin = await pageClient(t).signIn('admin');
    const a = await createFull(t);
    const before = snapshot(a);
    const res = await admin.post(`/kerja/penghargaan/${a.id}/ubah`, {
      _csrf: await admin.csrf(),
      place: 'Tangerang',
    });
    expect(res.status, res.html.slice(0, 2000)).toBe(303);
    expect(snapshot(await getAward(t, a.id))).toEqual({ ...before, place: 'Tangerang' });
    // The form posts a hidden "0" before the box: unticked means false, not "not sent".
    const off = await admin.post(`/kerja/penghargaan/${a.id}/ubah`, {
      _csrf: await admin.csrf(),
      isPublic: '0',
    });
    expect(off.status).toBe(303);
    expect(snapshot(await getAward(t, a.id))).toEqual({ ...before, place: 'Tangerang', isPublic: false });
  });
});

/** The name → value pairs a browser would post from the page's award form (last one wins). */
function formValues(html: string): Record<string, string> {
  const form = html.slice(html.indexOf('<form method="post"'), html.indexOf('</form>'));
  const out: Record<string, string> = {};
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}="([^"]*)"`)
      .exec(tag)?.[1]
      ?.replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<input[^>]*>/g)) {
    const name = attr(m[0], 'name');
    if (!name) continue;
    if (/type="checkbox"/.test(m[0]) && !/\schecked/.test(m[0])) continue;
    out[name] = attr(m[0], 'value') ?? '';
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[m[1]!] = m[2]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return out;
}

describe('exports and back', () => {
  let id: number;
  beforeAll(async () => {
    await t.db.db.deleteFrom('award_team_members').execute();
    await t.db.db.deleteFrom('evidence').execute();
    await t.db.db.updateTable('findings').set({ award_id: null, matched_award_id: null }).execute();
    await t.db.db.deleteFrom('awards').execute();
    id = (await createFull(t)).id;
    expect((await t.call('admin', 'POST', `/api/v1/awards/${id}/submit`)).status).toBe(200);
    expect((await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`)).status).toBe(200);
  });

  for (const format of ['csv', 'xlsx'] as const)
    it(`${format} export imported into another database gives every field back`, async () => {
      await other.db.db.deleteFrom('award_team_members').execute();
      await other.db.db.deleteFrom('awards').execute();
      const res = await t.app.request(`/api/v1/exports/awards.${format}`, {
        headers: { authorization: `Bearer ${t.tokens.admin}` },
      });
      expect(res.status).toBe(200);
      const report = await importAwards(other.db.db, SYSTEM_ACTOR, {
        fileName: `ekspor.${format}`,
        buffer: new Uint8Array(await res.arrayBuffer()),
        verified: true,
      });
      expect(report.problems).toEqual([]);
      expect(report.created).toBe(1);
      const back = (await other.call('admin', 'GET', '/api/v1/awards')).json.items[0];
      expect(snapshot(await getAward(other, back.id))).toEqual(snapshot(await getAward(t, id)));
    });

  it('the JSON export carries every field as the API shows it', async () => {
    const res = await t.call('public', 'GET', '/api/v1/exports/awards.json');
    expect(res.json.count).toBe(1);
    expect(snapshot(res.json.items[0])).toEqual(snapshot(await getAward(t, id)));
  });

  it('open data (/data CSV and JSON, the package CSV) holds every public field in its dictionary column', async () => {
    const a = await getAward(t, id);
    const expected: Record<string, unknown> = {
      judul: a.title,
      program: a.programme,
      tahun: a.editionYear,
      kode_pemberi: 'ombudsman',
      pemberi: a.awardingBody?.name,
      pemberi_tertulis: a.awardingBodyText,
      tingkat: 'provinsi',
      kode_bidang: 'pelayanan-publik',
      bidang: a.field?.name,
      kategori: a.category,
      jenis_penerima: 'unit',
      kode_unit: t.units.dinkes.id,
      unit: 'Dinas Kesehatan',
      catatan_penerima: a.recipientNote,
      tim: `${t.units.bkpsdm.name} (Ketua); dr. Ani`,
      tanggal_diterima: '2025-01-20',
      tempat: 'Serang',
      peringkat: 'Peringkat II',
      urutan_peringkat: 2,
      kode_skala: 'ombudsman-kepatuhan',
      nilai: 94.76,
      status: 'Zona Hijau',
      versi_skala: '2',
      predikat: 'Opini Kualitas Tertinggi',
      zona: 'hijau',
      dasar_hukum: a.legalBasis,
      uraian: a.description,
      seri: a.seriesKey,
    };
    // Every public catalogue field has its columns checked here.
    const openNames = AWARD_FIELDS.filter((f) => f.public).flatMap((f) => f.open.map((c) => c.name));
    expect(Object.keys(expected).sort()).toEqual([...openNames].sort());

    const data = await (await t.app.request('/data/penghargaan.json')).json();
    expect(data.data[0]).toMatchObject(expected);
    for (const path of ['/data/penghargaan.csv', '/api/v1/exports/open-data/penghargaan.csv']) {
      const text = await (await t.app.request(path)).text();
      const [row] = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      for (const [name, value] of Object.entries(expected))
        expect(row![name], `${path} ${name}`).toBe(String(value));
    }
  });
});
