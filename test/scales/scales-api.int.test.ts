import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_IDS } from '../../src/domain/grading/index.ts';
import { listAudit } from '../../src/services/audit.ts';
import { addAward, insertAwardRow } from '../recap/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { band } from '../support/scales.ts';

const ombudsman2025 = {
  version: '3',
  validFromYear: 2025,
  validToYear: null,
  legalBasis: 'Peraturan Ombudsman 61/2025 (uji)',
  source: 'uji',
  bands: [
    band('E', 0, 31.99, { zone: 'merah' }),
    band('D', 32, 53.99, { zone: 'merah' }),
    band('C', 54, 77.99, { zone: 'kuning' }),
    band('B', 78, 87.99, { zone: 'hijau' }),
    band('A', 88, 100, { zone: 'hijau' }),
  ],
};

describe('scales API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists every shipped scale with versions, bands and confidence, to anyone', async () => {
    const res = await t.call('public', 'GET', '/api/v1/scales');
    expect(res.status).toBe(200);
    expect(res.json.items.map((s: { id: string }) => s.id).sort()).toEqual([...SCALE_IDS].sort());
    const omb = res.json.items.find((s: { id: string }) => s.id === 'ombudsman-kepatuhan');
    expect(omb.confidence).toBe('CONFIRMED');
    expect(omb.builtin).toBe(true);
    expect(omb.versions.map((v: { validFromYear: number | null }) => v.validFromYear)).toEqual([null, 2022]);
    const a = omb.versions[1].bands.find((b: { code: string }) => b.code === 'A');
    expect(a).toMatchObject({ lower: 88, upper: 100, zone: 'hijau', color: '#2e7d32' });

    const spbe = await t.call('viewer', 'GET', '/api/v1/scales/spbe');
    expect(spbe.json.confidence).toBe('CORROBORATED');
    expect((await t.call('public', 'GET', '/api/v1/scales/tidak-ada')).status).toBe(404);
  });

  it('grades a score or an opinion for anyone, 422 with an Indonesian message otherwise', async () => {
    const ok = await t.call('public', 'POST', '/api/v1/grade', {
      scaleId: 'ombudsman-kepatuhan',
      year: 2024,
      score: 94.76,
    });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({
      scale: 'ombudsman-kepatuhan',
      version: '2',
      code: 'A',
      label: 'Opini Kualitas Tertinggi',
      zone: 'hijau',
    });
    const old = await t.call('public', 'POST', '/api/v1/grade', {
      scaleId: 'ombudsman-kepatuhan',
      year: 2021,
      score: 80.99,
    });
    expect(old.json.zone).toBe('kuning');
    const wtp = await t.call('operator', 'POST', '/api/v1/grade', {
      scaleId: 'bpk-opini',
      year: 2024,
      opinion: 'Opini WTP',
    });
    expect(wtp.json.code).toBe('WTP');

    const outside = await t.call('public', 'POST', '/api/v1/grade', {
      scaleId: 'kla',
      year: 2024,
      score: 450,
    });
    expect(outside.status).toBe(422);
    expect(outside.json.error.details[0]).toMatchObject({ field: 'score', kind: 'score-outside-bands' });
    expect(outside.json.error.details[0].message).toMatch(/di luar semua pita/);
    const noVersion = await t.call('public', 'POST', '/api/v1/grade', {
      scaleId: 'ombudsman-kepatuhan',
      year: 2025,
      score: 90,
    });
    expect(noVersion.status).toBe(422);
    expect(noVersion.json.error.details[0]).toMatchObject({ field: 'year', kind: 'no-version-for-year' });
    expect(noVersion.json.error.details[0].message).toMatch(/tidak punya versi untuk tahun 2025/);
    const unknown = await t.call('public', 'POST', '/api/v1/grade', { scaleId: 'x', year: 2024, score: 1 });
    expect(unknown.status).toBe(422);
    const missing = await t.call('public', 'POST', '/api/v1/grade', {
      scaleId: 'bpk-opini',
      year: 2024,
      score: 4,
    });
    expect(missing.json.error.details[0].field).toBe('opinion');
  });

  it('refuses a version with a gap or an overlap (422, bands named) and one whose years are taken (409)', async () => {
    expect(
      (await t.call('operator', 'POST', '/api/v1/scales/ombudsman-kepatuhan/versions', ombudsman2025)).status,
    ).toBe(403);

    const gap = structuredClone(ombudsman2025);
    gap.bands[4] = band('A', 88.5, 100, { name: 'Kategori A', zone: 'hijau' });
    gap.bands[3] = band('B', 78, 87.99, { name: 'Kategori B', zone: 'hijau' });
    const g = await t.call('admin', 'POST', '/api/v1/scales/ombudsman-kepatuhan/versions', gap);
    expect(g.status).toBe(422);
    expect(g.json.error.details).toHaveLength(1);
    expect(g.json.error.details[0]).toMatchObject({ code: 'gap', bands: ['B', 'A'], at: [87.99, 88.5] });
    expect(g.json.error.details[0].message).toContain('"Kategori B" dan "Kategori A"');
    expect(g.json.error.details[0].detail).toMatch(/gap/);

    const overlap = structuredClone(ombudsman2025);
    overlap.bands[2] = band('C', 54, 78, { zone: 'kuning' });
    const o = await t.call('admin', 'POST', '/api/v1/scales/ombudsman-kepatuhan/versions', overlap);
    expect(o.status).toBe(422);
    expect(o.json.error.details[0]).toMatchObject({ code: 'overlap', bands: ['C', 'B'] });
    expect(o.json.error.details[0].message).toMatch(/tumpang-tindih di 78/);

    const taken = { ...ombudsman2025, validFromYear: 2024 };
    const c = await t.call('admin', 'POST', '/api/v1/scales/ombudsman-kepatuhan/versions', taken);
    expect(c.status).toBe(409);
    expect(c.json.error.details[0]).toMatchObject({
      code: 'versions-overlap',
      versions: ['2', '3'],
      at: [2024, 2024],
    });

    // Nothing was saved by the refusals.
    expect((await t.call('public', 'GET', '/api/v1/scales/ombudsman-kepatuhan')).json.versions).toHaveLength(
      2,
    );
  });

  it('a new version re-grades the awards of its years, verified ones too, each audited', async () => {
    // A 2025 Ombudsman score could not be graded before version 3 existed (e.g. imported).
    const ungraded = await insertAwardRow(t.db.db, {
      title: 'Penilaian Kepatuhan Ombudsman 2025',
      scale_id: 'ombudsman-kepatuhan',
      score: 94.76,
      edition_year: 2025,
    });
    const older = await insertAwardRow(t.db.db, {
      title: 'Penilaian Kepatuhan Ombudsman 2024',
      scale_id: 'ombudsman-kepatuhan',
      score: 93.21,
      edition_year: 2024,
      scale_version: '2',
      grade_code: 'A',
      grade_label: 'Opini Kualitas Tertinggi',
      grade_zone: 'hijau',
    });
    const res = await t.call('admin', 'POST', '/api/v1/scales/ombudsman-kepatuhan/versions', ombudsman2025);
    expect(res.status).toBe(201);
    expect(res.json.regraded).toEqual([ungraded]);
    expect(res.json.scale.versions).toHaveLength(3);
    const row = await t.db.db
      .selectFrom('awards')
      .selectAll()
      .where('id', '=', ungraded)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      scale_version: '3',
      grade_code: 'A',
      grade_label: 'Kategori A',
      grade_zone: 'hijau',
      version: 2,
    });
    const events = await listAudit(t.db.db, 'award', ungraded);
    expect(events.map((e) => e.action)).toEqual(['regrade']);
    expect(events[0].reason).toMatch(/terverifikasi ikut dinilai ulang/);
    expect((await listAudit(t.db.db, 'award', older)).length).toBe(0);
    expect((await listAudit(t.db.db, 'scale', 'ombudsman-kepatuhan')).map((e) => e.action)).toEqual([
      'add-version',
    ]);
  });

  it('supersede ends the open version; a version that cannot grade a recorded score is refused whole', async () => {
    const id = await addAward(t.db.db, {
      title: 'Evaluasi SAKIP 2025',
      programme: 'Evaluasi SAKIP',
      editionYear: 2025,
      awardingBodyCode: 'kemenpanrb',
      scaleId: 'sakip',
      score: 85,
    });
    const before = await t.db.db
      .selectFrom('awards')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(before).toMatchObject({ state: 'verified', grade_code: 'A' });
    const v2 = {
      version: '2',
      validFromYear: 2025,
      validToYear: null,
      legalBasis: 'uji',
      source: 'uji',
      bands: [band('KURANG', 0, 59.99), band('BAIK', 60, 84.99), band('ISTIMEWA', 85, 100)],
    };
    expect((await t.call('admin', 'POST', '/api/v1/scales/sakip/versions', v2)).status).toBe(409);

    const narrow = { ...v2, bands: [band('KURANG', 0, 59.99), band('BAIK', 60, 80)] };
    const refused = await t.call('admin', 'POST', '/api/v1/scales/sakip/versions', {
      ...narrow,
      supersede: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details[0]).toMatchObject({ code: 'award-outside-bands', awardId: id });
    const sakip = await t.call('public', 'GET', '/api/v1/scales/sakip');
    expect(sakip.json.versions).toHaveLength(1);
    expect(sakip.json.versions[0].validToYear).toBeNull();

    const ok = await t.call('admin', 'POST', '/api/v1/scales/sakip/versions', { ...v2, supersede: true });
    expect(ok.status).toBe(201);
    expect(ok.json.superseded).toEqual([{ version: '1', validToYear: 2024 }]);
    expect(ok.json.regraded).toEqual([id]);
    const after = await t.db.db
      .selectFrom('awards')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ state: 'verified', scale_version: '2', grade_code: 'ISTIMEWA' });
    const history = await t.call('admin', 'GET', `/api/v1/awards/${id}/history`);
    const last = history.json.items.at(-1);
    expect(last.action).toBe('regrade');
    expect(last.before.grade_code).toBe('A');
    expect(last.after.grade_code).toBe('ISTIMEWA');
  });

  it('an admin adds a scale; bad scales are refused', async () => {
    const scale = {
      id: 'uji-indeks',
      name: 'Indeks Uji',
      giverCode: 'kemendagri',
      kind: 'numeric',
      confidence: 'UNCONFIRMED',
      versions: [{ ...ombudsman2025, version: '1', validFromYear: null }],
    };
    expect((await t.call('verifikator', 'POST', '/api/v1/scales', scale)).status).toBe(403);
    const res = await t.call('admin', 'POST', '/api/v1/scales', scale);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ id: 'uji-indeks', builtin: false, confidence: 'UNCONFIRMED' });
    expect((await t.call('admin', 'POST', '/api/v1/scales', scale)).status).toBe(409);
    const graded = await t.call('public', 'POST', '/api/v1/grade', {
      scaleId: 'uji-indeks',
      year: 2030,
      score: 50,
    });
    expect(graded.json.code).toBe('D');
    const badGiver = await t.call('admin', 'POST', '/api/v1/scales', {
      ...scale,
      id: 'uji-2',
      giverCode: 'nope',
    });
    expect(badGiver.status).toBe(422);
    const badBands = await t.call('admin', 'POST', '/api/v1/scales', {
      ...scale,
      id: 'uji-3',
      versions: [{ ...scale.versions[0], bands: [band('X', 0, 10), band('Y', 20, 30)] }],
    });
    expect(badBands.status).toBe(422);
    expect(badBands.json.error.details[0]).toMatchObject({ code: 'gap', bands: ['X', 'Y'] });
  });
});
