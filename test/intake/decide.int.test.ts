import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Proposal } from '../../src/services/intake/proposal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { hasSeeds, uploadFixture, uploadSeed } from './support.ts';

type Finding = {
  id: number;
  state: string;
  proposal: Proposal;
  matchedAwardId: number | null;
  awardId: number | null;
};

describe.skipIf(!hasSeeds)('curator decisions on findings', () => {
  let t: TestApp;
  let findings: Finding[];
  const find = (re: RegExp) => {
    const f = findings.find((x) => re.test(x.proposal.title));
    if (!f) throw new Error(`no finding ${re}`);
    return f;
  };
  const evidenceOf = (awardId: number) =>
    t.db.db.selectFrom('evidence').selectAll().where('award_id', '=', awardId).orderBy('id').execute();
  const audit = (id: number) =>
    t.db.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_type', '=', 'finding')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    // An award already on record: the SPM news becomes evidence for it, not a second award.
    const spm = await t.call('admin', 'POST', '/api/v1/awards', {
      title: 'SPM Awards 2025 kategori kota',
      programme: 'Standar Pelayanan Minimal Awards',
      editionYear: 2025,
      awardingBodyCode: 'kemendagri',
      level: 'nasional',
      rank: 'Juara 1',
      rankPosition: 1,
    });
    expect(spm.status, spm.text).toBe(201);
    // A verified one: the Ombudsman opinion, entered and verified before the news came in.
    const ombudsman = await t.call('admin', 'POST', '/api/v1/awards', {
      title: 'Opini Kualitas Tertinggi Kepatuhan Penyelenggaraan Pelayanan Publik',
      editionYear: 2024,
      awardingBodyCode: 'ombudsman',
      score: 94.76,
    });
    expect(ombudsman.status, ombudsman.text).toBe(201);
    await t.call('admin', 'POST', `/api/v1/awards/${ombudsman.json.id}/submit`);
    expect(
      (await t.call('verifikator', 'POST', `/api/v1/awards/${ombudsman.json.id}/verify`)).json.state,
    ).toBe('verified');
    for (const file of [
      '001_8e5e36db5053bf8f.txt',
      '002_f4c15687cfb2e0b3.txt',
      '003_3a7d0ca795a8ec06.txt',
      '004_17ff1f40b0f7007c.txt',
    ])
      expect((await uploadSeed(t, file)).status).toBe(201);
    expect((await uploadFixture(t, 'spm-2025-other-outlet.txt')).status).toBe(201);
    findings = (await t.call('kurator', 'GET', '/api/v1/intake/findings?state=pending&limit=500')).json.items;
  });
  afterAll(() => t.close());

  it('offers a finding that matches a recorded award as evidence for it, and merge adds both articles', async () => {
    const spmAward = (
      await t.db.db.selectFrom('awards').select('id').where('title', 'like', 'SPM%').executeTakeFirstOrThrow()
    ).id;
    const spm = find(/SPM/);
    expect(spm.matchedAwardId).toBe(spmAward);
    const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${spm.id}/merge`, {
      awardId: spmAward,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ state: 'merged', awardId: spmAward });
    const evidence = await evidenceOf(spmAward);
    expect(evidence).toHaveLength(2);
    expect(evidence.every((e) => e.kind === 'article' && e.article_id && e.quote)).toBe(true);
    expect(evidence[1].caption).toMatch(/Sabet Juara 1 SPM Awards 2025/);
    // Still one SPM award on record.
    expect(
      await t.db.db.selectFrom('awards').select('id').where('title', 'like', '%SPM%').execute(),
    ).toHaveLength(1);
    expect((await audit(spm.id)).map((e) => e.action)).toEqual(['create', 'add_source', 'merge']);
  });

  it('refuses to merge into a verified award (409, reopen first) and writes nothing', async () => {
    const ombudsman = find(/Opini Kualitas Tertinggi/);
    expect(ombudsman.matchedAwardId).not.toBeNull();
    const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${ombudsman.id}/merge`, {
      awardId: ombudsman.matchedAwardId,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/reopen/);
    expect(await evidenceOf(ombudsman.matchedAwardId!)).toEqual([]);
    expect((await t.call('kurator', 'GET', `/api/v1/intake/findings/${ombudsman.id}`)).json.state).toBe(
      'pending',
    );
  });

  it('accept creates a draft award with the giver, rank, date, year, the unit named and the article as evidence', async () => {
    const bkn = find(/Peringkat II Kategori Pengelola/);
    const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${bkn.id}/accept`);
    expect(res.status, res.text).toBe(200);
    const award = (await t.call('admin', 'GET', `/api/v1/awards/${res.json.awardId}`)).json;
    expect(award).toMatchObject({
      state: 'draft',
      title: 'Peringkat II Kategori Pengelola Kepegawaian Terbaik di Wilayah Banten',
      editionYear: 2025,
      receivedOn: '2025-10-09',
      rank: 'Peringkat II',
      rankPosition: 2,
      level: 'nasional',
      recipientKind: 'unit',
      unit: { id: t.units.bkpsdm.id },
      awardingBody: { abbreviation: 'BKN' },
    });
    const [evidence] = await evidenceOf(award.id);
    const article = await t.db.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', evidence.article_id!)
      .executeTakeFirstOrThrow();
    expect(evidence.kind).toBe('article');
    expect(article.body).toContain(evidence.quote!);
    expect(evidence.quote).toMatch(/Peringkat II/);
    const detail = (await t.call('kurator', 'GET', `/api/v1/intake/findings/${bkn.id}`)).json;
    expect(detail).toMatchObject({ state: 'accepted', awardId: award.id });
    const events = await audit(bkn.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'accept']);
    expect(events[1].actor_label).toBe('kurator@example.go.id');
  });

  it('a decided finding cannot be decided again (409)', async () => {
    const bkn = find(/Peringkat II Kategori Pengelola/);
    for (const [action, body] of [
      ['accept', undefined],
      ['reject', { reason: 'Sudah diterima sebelumnya' }],
      ['merge', { awardId: 1 }],
    ] as const) {
      const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${bkn.id}/${action}`, body);
      expect(res.status, action).toBe(409);
    }
  });

  it('accept with edits overrides the proposal; a region-wide award goes to the region', async () => {
    const kla = find(/Kota Layak Anak/);
    const res = await t.call('admin', 'POST', `/api/v1/intake/findings/${kla.id}/accept`, {
      title: 'Kota Layak Anak (KLA) 2022',
      fieldCode: 'sosial',
      place: 'Jakarta',
    });
    expect(res.status, res.text).toBe(200);
    const award = (await t.call('admin', 'GET', `/api/v1/awards/${res.json.awardId}`)).json;
    expect(award).toMatchObject({
      title: 'Kota Layak Anak (KLA) 2022',
      field: { code: 'sosial' },
      place: 'Jakarta',
      editionYear: 2022,
      recipientKind: 'region',
      awardingBody: { abbreviation: 'KemenPPPA' },
    });
  });

  it('invalid edits are a 422 naming the field, and leave no award and a pending finding', async () => {
    const wtp = find(/Wajar Tanpa Pengecualian/);
    const before = await t.db.db.selectFrom('awards').select('id').execute();
    const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${wtp.id}/accept`, {
      editionYear: 1800,
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].field).toBe('editionYear');
    const unknownField = await t.call('kurator', 'POST', `/api/v1/intake/findings/${wtp.id}/accept`, {
      fieldCode: 'tidak-ada',
    });
    expect(unknownField.status).toBe(422);
    expect(await t.db.db.selectFrom('awards').select('id').execute()).toHaveLength(before.length);
    expect((await t.call('kurator', 'GET', `/api/v1/intake/findings/${wtp.id}`)).json.state).toBe('pending');
  });

  it('reject needs a reason and keeps it in the finding and the audit trail', async () => {
    const porprov = find(/Porprov/);
    expect(
      (await t.call('kurator', 'POST', `/api/v1/intake/findings/${porprov.id}/reject`, { reason: '' }))
        .status,
    ).toBe(422);
    const res = await t.call('kurator', 'POST', `/api/v1/intake/findings/${porprov.id}/reject`, {
      reason: 'Kejuaraan olahraga, bukan penghargaan kinerja',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      state: 'rejected',
      reason: 'Kejuaraan olahraga, bukan penghargaan kinerja',
    });
    const events = await audit(porprov.id);
    expect(events.at(-1)).toMatchObject({
      action: 'reject',
      reason: 'Kejuaraan olahraga, bukan penghargaan kinerja',
    });
    const rejected = (await t.call('kurator', 'GET', '/api/v1/intake/findings?state=rejected')).json.items;
    expect(rejected.map((f: Finding) => f.id)).toEqual([porprov.id]);
  });

  it('lets only curators and admins in: operator, verifikator and viewer 403, the public 401', async () => {
    const someId = find(/Frambusia/).id;
    const requests: [string, string, unknown?][] = [
      ['GET', '/api/v1/intake/findings'],
      ['GET', `/api/v1/intake/findings/${someId}`],
      ['GET', '/api/v1/intake/articles/1'],
      [
        'POST',
        '/api/v1/intake/articles',
        { text: 'Pemkot Tangerang meraih penghargaan dari Kemendagri pada 2025.' },
      ],
      ['POST', `/api/v1/intake/findings/${someId}/accept`, {}],
      ['POST', `/api/v1/intake/findings/${someId}/merge`, { awardId: 1 }],
      ['POST', `/api/v1/intake/findings/${someId}/reject`, { reason: 'bukan penghargaan' }],
    ];
    for (const [method, path, body] of requests) {
      for (const role of ['operator', 'verifikator', 'viewer'] as const)
        expect((await t.call(role, method, path, body)).status, `${role} ${method} ${path}`).toBe(403);
      expect((await t.call('public', method, path, body)).status, `public ${method} ${path}`).toBe(401);
    }
    expect((await t.call('kurator', 'GET', `/api/v1/intake/findings/${someId}`)).json.state).toBe('pending');
  });
});
