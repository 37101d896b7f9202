import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { buildRecap } from '../../src/services/recap/recap.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addAward } from './support.ts';

// Hand-made awards with known answers (see the table in each test). Region 36.71 was founded
// on 1993-02-28; units: root ─ Dinkes ─ Puskesmas, root ─ BKPSDM.

describe('recap counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const { dinkes, puskesmas, bkpsdm } = t.units;
    const db = t.db.db;
    const award = (over: Record<string, unknown>) => ({
      title: 'Penghargaan uji',
      editionYear: 2025,
      level: 'nasional',
      recipientKind: 'unit',
      ...over,
    });
    const kemenkes = { awardingBodyCode: 'kemenkes', fieldCode: 'kesehatan' };
    const bkn = { awardingBodyCode: 'bkn', fieldCode: 'kepegawaian' };
    // 2024: A, B, C
    await addAward(db, award({ ...kemenkes, editionYear: 2024, unitId: dinkes.id, title: 'Uji A' }));
    await addAward(
      db,
      award({ ...kemenkes, editionYear: 2024, unitId: puskesmas.id, level: 'provinsi', title: 'Uji B' }),
    );
    await addAward(db, award({ ...bkn, editionYear: 2024, unitId: bkpsdm.id, title: 'Uji C' }));
    // 2025 verified: D1–D3 (BKN, 9 Oct), E, F (region, no unit), G (team), J (not public)
    for (const n of [1, 2, 3])
      await addAward(
        db,
        award({ ...bkn, unitId: bkpsdm.id, receivedOn: '2025-10-09', title: `BKN Award ${n}` }),
      );
    await addAward(db, award({ ...kemenkes, unitId: puskesmas.id, title: 'Uji E' }));
    await addAward(db, {
      title: 'Uji F',
      editionYear: 2025,
      level: 'nasional',
      recipientKind: 'region',
      awardingBodyCode: 'kemendagri',
      fieldCode: 'tata-kelola',
    });
    await addAward(db, {
      title: 'Uji G',
      editionYear: 2025,
      level: 'nasional',
      recipientKind: 'team',
      awardingBodyCode: 'kemenpanrb',
      fieldCode: 'pelayanan-publik',
      team: [{ unitId: dinkes.id }, { unitId: bkpsdm.id }],
    });
    await addAward(
      db,
      award({ ...kemenkes, unitId: dinkes.id, level: 'provinsi', isPublic: false, title: 'Uji J' }),
    );
    // 2025 unverified: H (Dinkes draft), I (BKPSDM submitted)
    await addAward(db, award({ ...kemenkes, unitId: dinkes.id, title: 'Uji H' }), 'draft');
    await addAward(db, award({ ...bkn, unitId: bkpsdm.id, title: 'Uji I' }), 'submitted');
    // Around the founding date (1993-02-28): K dated before it, L undated 1993, M in 1990.
    const region = { recipientKind: 'region', level: 'provinsi' };
    await addAward(db, { ...region, title: 'Uji K', editionYear: 1993, receivedOn: '1993-01-10' });
    await addAward(db, { ...region, title: 'Uji L', editionYear: 1993 });
    await addAward(db, { ...region, title: 'Uji M', editionYear: 1990 });
  });
  afterAll(() => t.close());

  it('counts verified records by field, giver, level and unit (rolled up), with change and cumulative', async () => {
    const res = await t.call('viewer', 'GET', '/api/v1/recap?year=2025');
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r.region).toEqual({ code: '36.71', name: 'Kota Tangerang', foundedOn: '1993-02-28' });
    expect(r.verifiedOnly).toBe(true);
    expect(r.total).toBe(7);
    expect(r.previousYearTotal).toBe(3);
    expect(r.change).toMatchObject({ absolute: 4, percent: 133.33 });
    expect(r.change.phrase).toBe('7 penghargaan pada 2025, naik 4 (133,33%) dari 3 pada 2024');
    // L + A, B, C + the seven of 2025; K came before the founding date, M before its year.
    expect(r.cumulative).toMatchObject({
      since: '1993-02-28',
      total: 11,
      phrase: '11 penghargaan sejak 1993',
    });
    expect(r.byField.map((f: { code: string; count: number }) => [f.code, f.count])).toEqual([
      ['kepegawaian', 3],
      ['kesehatan', 2],
      ['pelayanan-publik', 1],
      ['tata-kelola', 1],
    ]);
    expect(r.byField[1].name).toBe('Kesehatan');
    expect(r.byGiver.map((g: { code: string; count: number }) => [g.code, g.count])).toEqual([
      ['bkn', 3],
      ['kemenkes', 2],
      ['kemendagri', 1],
      ['kemenpanrb', 1],
    ]);
    expect(r.byGiver[0].abbreviation).toBe('BKN');
    expect(r.byLevel).toEqual([
      { level: 'nasional', count: 6 },
      { level: 'provinsi', count: 1 },
    ]);
    const { root, dinkes, puskesmas, bkpsdm } = t.units;
    expect(
      r.byUnit.map((u: { unitId: number; direct: number; total: number }) => [u.unitId, u.direct, u.total]),
    ).toEqual([
      [root.id, 0, 6], // the team award G counts once for the root
      [bkpsdm.id, 4, 4],
      [dinkes.id, 2, 3],
      [puskesmas.id, 1, 1],
    ]);
    expect(r.byYear[0]).toEqual({ year: 1990, count: 1 });
    expect(r.byYear).toHaveLength(36);
    expect(r.byYear.find((y: { year: number }) => y.year === 1993).count).toBe(2);
    expect(r.byYear.find((y: { year: number }) => y.year === 2000).count).toBe(0);
    expect(r.byYear.at(-1)).toEqual({ year: 2025, count: 7 });
  });

  it('the public sees verified public records only and cannot ask for unverified ones', async () => {
    const pub = await t.call('public', 'GET', '/api/v1/recap?region=36.71&year=2025');
    expect(pub.json.total).toBe(6);
    expect(pub.json.byLevel).toEqual([{ level: 'nasional', count: 6 }]);
    expect((await t.call('public', 'GET', '/api/v1/recap?includeUnverified=true')).status).toBe(401);
  });

  it('includeUnverified adds drafts and submissions, an operator only their own unit’s', async () => {
    const admin = await t.call('admin', 'GET', '/api/v1/recap?year=2025&includeUnverified=true');
    expect(admin.json.verifiedOnly).toBe(false);
    expect(admin.json.total).toBe(9);
    const operator = await t.call('operator', 'GET', '/api/v1/recap?year=2025&includeUnverified=true');
    expect(operator.json.total).toBe(8); // H is Dinkes's draft; I belongs to BKPSDM
    expect((await t.call('operator', 'GET', '/api/v1/recap?year=2025')).json.total).toBe(7);
  });

  it('defaults to the latest year; a year after an empty one has no percent', async () => {
    const latest = await t.call('viewer', 'GET', '/api/v1/recap');
    expect(latest.json.year).toBe(2025);
    const y1993 = await t.call('viewer', 'GET', '/api/v1/recap?year=1993');
    expect(y1993.json).toMatchObject({
      total: 2,
      previousYearTotal: 0,
      change: { absolute: 2, percent: null },
    });
    expect(y1993.json.change.phrase).toBe('2 penghargaan pada 1993, naik 2 dari 0 pada 1992');
    expect(y1993.json.cumulative.total).toBe(1);
    const en = await t.call('viewer', 'GET', '/api/v1/recap?year=2025&lang=en');
    expect(en.json.byField[0].name).toBe('Civil Service');
    expect(en.json.cumulative.phrase).toBe('11 awards since 1993');
  });

  it('refuses a bad region or year with 422', async () => {
    expect((await t.call('viewer', 'GET', '/api/v1/recap?region=99.99')).status).toBe(422);
    expect((await t.call('viewer', 'GET', '/api/v1/recap?region=x')).status).toBe(422);
    expect((await t.call('viewer', 'GET', '/api/v1/recap?year=abc')).status).toBe(422);
  });

  it('gives a unit its report card with its sub-units', async () => {
    const { dinkes } = t.units;
    const res = await t.call('viewer', 'GET', `/api/v1/recap/units/${dinkes.id}`);
    expect(res.status).toBe(200);
    const r = res.json;
    expect(r.unit.name).toBe('Dinas Kesehatan');
    // A (2024 Dinkes), B (2024 Puskesmas), E (Puskesmas), J (Dinkes), G (team with Dinkes).
    expect(r.total).toBe(5);
    expect(r.year).toBe(2025);
    expect(r.change).toMatchObject({ count: 3, previous: 2, delta: 1 });
    expect(r.awards.map((a: { title: string }) => a.title).sort()).toEqual([
      'Uji A',
      'Uji B',
      'Uji E',
      'Uji G',
      'Uji J',
    ]);
    const own = await t.call('viewer', `GET`, `/api/v1/recap/units/${dinkes.id}?includeSubunits=false`);
    expect(own.json.awards.map((a: { title: string }) => a.title).sort()).toEqual(['Uji A', 'Uji J']);
    expect((await t.call('public', 'GET', `/api/v1/recap/units/${dinkes.id}`)).json.total).toBe(4);
    expect((await t.call('public', 'GET', '/api/v1/recap/units/999999')).status).toBe(404);
  });

  it("reads the region's team award ids once per recap (its unit counts and its team awards share them)", async () => {
    const sqls: string[] = [];
    const db = t.db.db;
    const logging: KyselyPlugin = {
      transformQuery: (args) => {
        sqls.push(db.getExecutor().compileQuery(args.node, args.queryId).sql);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const recap = await buildRecap(db.withPlugin(logging), {
      actor: SYSTEM_ACTOR,
      region: '36.71',
      year: 2025,
    });
    expect(recap.byUnit.find((u) => u.unitId === t.units.root.id)?.total).toBe(6);
    const teamIds = sqls.filter((q) =>
      /^select distinct "t"\."award_id" from "award_team_members" as "t"/.test(q),
    );
    expect(teamIds).toHaveLength(1);
  });
});
