import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardCountTable } from '../../src/db/schema.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { importAwards } from '../../src/services/imports/run.ts';
import { buildRecap } from '../../src/services/recap/recap.ts';
import { PUBLIC_SCOPE } from '../../src/services/recap/scope.ts';
import { homeData } from '../../src/services/showcase/home.ts';
import { timelineData } from '../../src/services/showcase/timeline.ts';
import { MAX_SERIES, unitPageData } from '../../src/services/showcase/unit.ts';
import { createRegion, createUnit } from '../../src/services/units.ts';
import { csvOf, GOOD_ROWS, type Row, xlsxOf } from '../imports/files.ts';
import { createTestApp, sampleAward, type TestApp } from '../support/app.ts';
import { insertBulkAwards } from '../support/bulk-awards.ts';
import { testDatabaseKind } from '../support/db.ts';
import { everyReaderAgrees } from './readers-agree.ts';

// The counts the database keeps (award_counts, migrations 017 and 019) must never drift from the
// awards: after every kind of write — through the API (create, edit, submit, verify, return,
// reopen, publish, unpublish, delete), an import, a bulk INSERT … SELECT, a raw UPDATE and a
// DELETE (state, public flag, year, unit, region), an import that fails half-way — each kept
// group equals a count(*) over the awards of its visibility, on both databases. The expected
// groups are counted here in SQL from the awards, not by the code under test; every reader's
// recap counts (each role, a province over several regions, the public; with and without
// unverified records; a region, every region, a unit's subtree with team awards) equal a count
// of what `visible(scope)` selects; and the pages say what a count over the awards says.

/** A kept group, as the table holds it (the schema's type, declared once). */
type Group = AwardCountTable;

describe('kept counts of every visibility', () => {
  let t: TestApp;
  const ids: number[] = [];

  /** What award_counts must hold, counted from the awards. */
  async function expected(): Promise<Group[]> {
    const { rows } = await sql<Group>`
      with v as (select a.*, case when state <> 'verified' then state when is_public = 1 then 'public'
        else 'hidden' end as vis from awards a)
      select region_id, 'field' as dim, vis, coalesce(cast(field_id as text), '') as key, '' as sub, edition_year, count(*) as n
        from v group by region_id, vis, field_id, edition_year
      union all
      select region_id, 'giver', vis, case when awarding_body_id is not null then cast(awarding_body_id as text)
          when awarding_body_text is not null then '~' || awarding_body_text else '' end, '', edition_year, count(*)
        from v group by region_id, vis, awarding_body_id, awarding_body_text, edition_year
      union all
      select region_id, 'level', vis, coalesce(level, ''), '', edition_year, count(*)
        from v group by region_id, vis, level, edition_year
      union all
      select region_id, 'received', vis, coalesce(substr(received_on, 1, 7), ''), '', edition_year, count(*)
        from v group by region_id, vis, substr(received_on, 1, 7), edition_year
      union all
      select region_id, 'unit', vis, unit_path, coalesce(cast(field_id as text), ''), edition_year, count(*)
        from v where unit_path is not null group by region_id, vis, unit_path, field_id, edition_year
      union all
      select region_id, 'unit_giver', vis, unit_path, case when awarding_body_id is not null then cast(awarding_body_id as text)
          when awarding_body_text is not null then '~' || awarding_body_text else '' end, edition_year, count(*)
        from v where unit_path is not null and state <> 'verified'
        group by region_id, vis, unit_path, awarding_body_id, awarding_body_text, edition_year
      union all
      select region_id, 'unit_level', vis, unit_path, coalesce(level, ''), edition_year, count(*)
        from v where unit_path is not null and state <> 'verified' group by region_id, vis, unit_path, level, edition_year
      union all
      select region_id, 'unit_received', vis, unit_path, coalesce(substr(received_on, 1, 7), ''), edition_year, count(*)
        from v where unit_path is not null and state <> 'verified'
        group by region_id, vis, unit_path, substr(received_on, 1, 7), edition_year`.execute(t.db.db);
    return normalise(rows);
  }
  async function kept(): Promise<Group[]> {
    const { rows } = await sql<Group>`select region_id, dim, vis, key, sub, edition_year, n
      from award_counts where n <> 0`.execute(t.db.db);
    return normalise(rows);
  }
  const normalise = (rows: Group[]) =>
    rows
      .map((r) => ({
        ...r,
        region_id: Number(r.region_id),
        edition_year: Number(r.edition_year),
        n: Number(r.n),
      }))
      .sort((a, b) =>
        `${a.region_id}|${a.dim}|${a.vis}|${a.key}|${a.sub}|${a.edition_year}`.localeCompare(
          `${b.region_id}|${b.dim}|${b.vis}|${b.key}|${b.sub}|${b.edition_year}`,
        ),
      );
  const noDrift = async (after: string) => {
    const want = await expected();
    expect(want.length, after).toBeGreaterThan(0);
    expect(await kept(), after).toEqual(want);
  };
  const readersAgree = (after: string) => everyReaderAgrees(t, after);
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, checked by the assertions
  const ok = <R extends { status: number; text: string; json: any }>(res: R, status = 200): R => {
    expect(res.status, res.text).toBe(status);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp();
    // A second region with its own counts, so a count can never leak across regions.
    await createRegion(t.db.db, SYSTEM_ACTOR, {
      code: '36.03',
      name: 'Kabupaten Tangerang',
      kind: 'kabupaten',
      foundedOn: null,
    });
    const pemkab = await createUnit(t.db.db, SYSTEM_ACTOR, {
      regionCode: '36.03',
      name: 'Pemerintah Kabupaten Tangerang',
      unitType: 'PEMDA',
    });
    await insertBulkAwards(t.db.db, {
      count: 500,
      regionCode: '36.03',
      units: [{ id: pemkab.id, path: pemkab.path }],
      fieldIds: [1, 2],
      fromYear: 2015,
      years: 10,
    });
  }, 60_000);
  afterAll(() => t.close());

  it('holds the groups of awards already there, and of a bulk INSERT … SELECT', async () => {
    const { root, dinkes, puskesmas, bkpsdm } = t.units;
    await insertBulkAwards(t.db.db, {
      count: 3_000,
      regionCode: '36.71',
      units: [root, dinkes, puskesmas, bkpsdm].map((u) => ({ id: u.id, path: u.path })),
      fieldIds: [1, 2, 3],
      fromYear: 1990,
      years: 36,
      offset: 1_000_000,
    });
    await noDrift('bulk insert');
    await readersAgree('bulk insert');
  });

  it('follows every write through the API: create, edit, workflow, publish, unpublish, delete', async () => {
    const { dinkes, puskesmas, bkpsdm } = t.units;
    const create = async (over: Record<string, unknown>) => {
      const res = ok(await t.call('admin', 'POST', '/api/v1/awards', sampleAward(puskesmas.id, over)), 201);
      ids.push(res.json.id);
      return res.json.id as number;
    };
    const a = await create({ title: 'Kota Sehat A' });
    const b = await create({
      title: 'Kota Sehat B',
      awardingBodyCode: null,
      awardingBodyText: 'Yayasan Setempat',
      receivedOn: null,
      level: null,
    });
    const team = await create({
      title: 'Tim Gabungan',
      unitId: bkpsdm.id,
      team: [{ unitId: puskesmas.id }, { unitId: dinkes.id }],
    });
    await noDrift('drafts are not public');
    for (const id of [a, b, team]) {
      ok(await t.call('admin', 'POST', `/api/v1/awards/${id}/submit`));
      ok(await t.call('verifikator', 'POST', `/api/v1/awards/${id}/verify`));
    }
    await noDrift('verified');
    // Reopen, edit every counted column, verify again.
    ok(
      await t.call('verifikator', 'POST', `/api/v1/awards/${a}/reopen`, { reason: 'Salah tahun dan bidang' }),
    );
    await noDrift('reopened');
    const current = ok(await t.call('admin', 'GET', `/api/v1/awards/${a}`)).json;
    ok(
      await t.call('admin', 'PATCH', `/api/v1/awards/${a}`, {
        version: current.version,
        editionYear: 2019,
        receivedOn: '2019-02-01',
        fieldCode: 'pendidikan',
        level: 'provinsi',
        awardingBodyCode: 'kemendagri',
        unitId: bkpsdm.id,
      }),
    );
    ok(await t.call('admin', 'POST', `/api/v1/awards/${a}/submit`));
    ok(await t.call('verifikator', 'POST', `/api/v1/awards/${a}/verify`));
    await noDrift('edited and verified again');
    // Unpublish and publish: the public flag moves the award out of the counts and back.
    for (const isPublic of [false, true]) {
      ok(await t.call('verifikator', 'POST', `/api/v1/awards/${b}/reopen`, { reason: 'Ubah status publik' }));
      const v = ok(await t.call('admin', 'GET', `/api/v1/awards/${b}`)).json.version;
      ok(await t.call('admin', 'PATCH', `/api/v1/awards/${b}`, { version: v, isPublic }));
      ok(await t.call('admin', 'POST', `/api/v1/awards/${b}/submit`));
      ok(await t.call('verifikator', 'POST', `/api/v1/awards/${b}/verify`));
      await noDrift(`public: ${isPublic}`);
    }
    // Returned to the operator: out of the counts.
    const c = await create({ title: 'Dikembalikan' });
    ok(await t.call('admin', 'POST', `/api/v1/awards/${c}/submit`));
    ok(await t.call('verifikator', 'POST', `/api/v1/awards/${c}/return`, { reason: 'Lampirkan bukti' }));
    await noDrift('returned');
    // Verified records cannot be deleted: reopened (out of the counts), then deleted.
    ok(await t.call('verifikator', 'POST', `/api/v1/awards/${b}/reopen`, { reason: 'Dihapus' }));
    ok(await t.call('admin', 'DELETE', `/api/v1/awards/${b}`), 204);
    ok(await t.call('admin', 'DELETE', `/api/v1/awards/${c}`), 204);
    await noDrift('deleted');
    await readersAgree('API writes');
  });

  it('follows an import, raw updates and deletes, and a rolled-back write', async () => {
    const form = new FormData();
    form.append('file', new File([csvOf(GOOD_ROWS) as BlobPart], 'rekap.csv'));
    const imported = ok(await t.call('admin', 'POST', '/api/v1/imports?verified=true', form));
    expect(imported.json).toMatchObject({ created: 4, state: 'verified' });
    await noDrift('import');
    // Writes that no service makes, as an operator's SQL console or a later migration might.
    await t.db.db.updateTable('awards').set({ is_public: 0 }).where('edition_year', '=', 2000).execute();
    await t.db.db
      .updateTable('awards')
      .set({ edition_year: 2001 })
      .where('edition_year', '=', 2002)
      .execute();
    await t.db.db.updateTable('awards').set({ state: 'verified' }).where('state', '=', 'submitted').execute();
    await t.db.db
      .updateTable('awards')
      .set({ title: 'judul saja' })
      .where('edition_year', '=', 2003)
      .execute();
    await noDrift('raw updates');
    // An award moved to the other region, with a unit there (no team members: those are the
    // region's own rows).
    const pemkab = await t.db.db
      .selectFrom('org_units')
      .select(['id', 'path'])
      .where('region_id', '=', 3603)
      .executeTakeFirstOrThrow();
    await t.db.db
      .updateTable('awards')
      .set({ region_id: 3603, unit_id: pemkab.id, unit_path: pemkab.path })
      .where('region_id', '=', 3671)
      .where('edition_year', '=', 2004)
      .where('id', 'not in', t.db.db.selectFrom('award_team_members').select('award_id'))
      .execute();
    // Back to drafts and out of the public: other visibilities.
    await t.db.db.updateTable('awards').set({ state: 'draft' }).where('edition_year', '=', 2005).execute();
    await t.db.db
      .updateTable('awards')
      .set({ state: 'returned', is_public: 0 })
      .where('edition_year', '=', 2006)
      .execute();
    await noDrift('region, state and flag moved');
    await t.db.db
      .deleteFrom('award_team_members')
      .where('award_id', 'in', t.db.db.selectFrom('awards').select('id').where('edition_year', '=', 1999))
      .execute();
    await t.db.db.deleteFrom('awards').where('edition_year', '=', 1999).execute();
    await noDrift('raw delete');
    await expect(
      t.db.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('awards').where('edition_year', '=', 2010).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await noDrift('rollback');
    await readersAgree('import, raw updates and deletes');
  });

  it('follows spreadsheet imports of several batches each: drafts, then verified records', async () => {
    // More rows than one insert batch on either database (write.ts: 500 SQLite, 2,500
    // PostgreSQL), through the import service from a real .xlsx and a real .csv: known and
    // free-text givers, every level and none, undated rows, rows of the region itself, team
    // awards, hidden records; each batch's groups overlap the others' and the awards already
    // counted.
    const header = ['No', 'Nama Penghargaan', 'Program', 'Tahun', 'Pemberi Penghargaan', 'Tingkat', 'Bidang',
      'Unit Kerja', 'Tgl', 'Tempat', 'Nilai', 'Skala', 'Predikat/Status', 'Keterangan', 'Publik', 'Tim']; // biome-ignore format: one header row
    const givers = ['Kemendagri', 'Kementerian Keuangan', 'BKN', 'Yayasan Peduli Kota Lestari'];
    const levels = ['Nasional', 'Provinsi', 'Internasional', null];
    const fields = ['kesehatan', 'Pelayanan Publik', 'kepegawaian'];
    const recipients = ['Dinkes', 'Puskesmas Neglasari', 'BKPSDM', 'Kota Tangerang', null];
    const sheet = (count: number, name: string): Row[] => [
      header,
      ...Array.from({ length: count }, (_, i): Row => {
        const year = 2015 + (i % 10);
        const team = recipients[i % recipients.length] === null;
        return [
          i + 1,
          // No year-like number in the title (the title's year would win over the column).
          `Penghargaan ${name} ${i.toString(36)}`,
          'Program Uji',
          year,
          givers[i % givers.length]!,
          levels[i % levels.length]!,
          fields[i % fields.length]!,
          recipients[i % recipients.length]!,
          i % 6 === 0 ? null : `${1 + (i % 28)}/${1 + (i % 12)}/${year}`,
          'Tangerang',
          null,
          null,
          null,
          null,
          i % 7 === 0 ? 'Tidak' : 'Ya',
          team ? 'Dinkes (Ketua); dr. Ani (Anggota)' : null,
        ];
      }),
    ];
    const drafts = await importAwards(t.db.db, SYSTEM_ACTOR, {
      fileName: 'banyak.xlsx',
      buffer: await xlsxOf(sheet(2_600, 'Draf Banyak')),
      regionCode: '36.71',
    });
    expect(drafts.problems).toEqual([]);
    expect(drafts).toMatchObject({ created: 2_600, state: 'draft' });
    await noDrift('an import of drafts');
    const verified = await importAwards(t.db.db, SYSTEM_ACTOR, {
      fileName: 'terverifikasi.csv',
      buffer: csvOf(sheet(1_100, 'Terverifikasi')),
      regionCode: '36.71',
      verified: true,
    });
    expect(verified.problems).toEqual([]);
    expect(verified).toMatchObject({ created: 1_100, state: 'verified' });
    await noDrift('an import of verified records');
    await readersAgree('imports');
  }, 60_000);

  it('an import that fails half-way through its writing leaves the counts as they were', async () => {
    // More rows than one insert batch holds on either database (write.ts: 500 SQLite, 2,500
    // PostgreSQL): the batches before the failing row are inserted and counted inside the
    // import's transaction, then it rolls back. The failure is the database's own (a trigger).
    const rows = Array.from({ length: 2_700 }, (_, i) => [
      i + 1,
      `Penghargaan Setengah Jalan ${i + 1}`,
      'Program Uji',
      2024,
      'Kementerian Kesehatan',
      'Nasional',
      'kesehatan',
      'Dinkes',
      `${1 + (i % 28)}/2/2024`,
      'Jakarta',
      null,
      null,
      null,
      null,
      'Ya',
    ]);
    const failing = 'Penghargaan Setengah Jalan 2650';
    const pg = testDatabaseKind() === 'postgres';
    if (pg) {
      await sql
        .raw(`create function fail_half_way() returns trigger language plpgsql as $$
          begin if new.title = '${failing}' then raise exception 'half way'; end if; return new; end $$`)
        .execute(t.db.db);
      await sql`create trigger fail_half_way before insert on awards for each row execute function fail_half_way()`.execute(
        t.db.db,
      );
    } else
      await sql
        .raw(`create trigger fail_half_way before insert on awards when new.title = '${failing}'
          begin select raise(abort, 'half way'); end`)
        .execute(t.db.db);
    try {
      const before = await kept();
      await expect(
        importAwards(t.db.db, SYSTEM_ACTOR, {
          fileName: 'setengah.csv',
          buffer: csvOf([GOOD_ROWS[2]!, ...rows]),
          verified: true,
          regionCode: '36.71',
        }),
      ).rejects.toThrow('half way');
      const written = await t.db.db
        .selectFrom('awards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('title', 'like', 'Penghargaan Setengah Jalan%')
        .executeTakeFirstOrThrow();
      expect(Number(written.n)).toBe(0);
      expect(await kept()).toEqual(before);
      await noDrift('failed import');
    } finally {
      await sql.raw(`drop trigger fail_half_way${pg ? ' on awards' : ''}`).execute(t.db.db);
      if (pg) await sql`drop function fail_half_way()`.execute(t.db.db);
    }
  }, 60_000);

  it('pages read through the kept counts say what a count over the awards says', async () => {
    const region = '36.71';
    const count = async (where: string) =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from awards where region_id = 3671
            and state = 'verified' and is_public = 1 and ${sql.raw(where)}`.execute(t.db.db)
        ).rows[0].n,
      );
    const timeline = await timelineData(t.db.db, '1993-02-28', region);
    for (const y of timeline.years)
      expect(y.count, String(y.year)).toBe(await count(`edition_year = ${y.year}`));
    const recap = await buildRecap(t.db.db, { actor: null, region, year: 2019 });
    expect(recap.total).toBe(await count('edition_year = 2019'));
    // Since the founding (1993-02-28): dated awards from the date, undated from its year.
    expect(recap.cumulative.total).toBe(
      await count(
        `edition_year <= 2019 and (received_on >= '1993-02-28' or (received_on is null and edition_year >= 1993))`,
      ),
    );
    const levels = Object.fromEntries(recap.byLevel.map((l) => [l.level ?? '-', l.count]));
    expect(levels.provinsi).toBe(await count(`edition_year = 2019 and level = 'provinsi'`));
    const home = await homeData(t.db.db, {
      locale: 'id',
      regionCode: region,
      foundedOn: '1993-02-28',
      otherLabel: 'Lainnya',
      now: new Date('2019-06-01T00:00:00Z'),
    });
    expect(home.byField.reduce((s, f) => s + f.count, 0)).toBe(await count('edition_year = 2019'));
    expect(home.byGiver.reduce((s, g) => s + g.count, 0)).toBe(await count('edition_year = 2019'));
    // A unit's subtree: its own awards and the team awards a sub-unit took part in, once each.
    const { dinkes } = t.units;
    const page = await unitPageData(t.db.db, dinkes.id, region, 'id');
    const inTree = await count(`(unit_path like '${dinkes.path}%' or id in (select m.award_id
      from award_team_members m join org_units u on u.id = m.unit_id where u.path like '${dinkes.path}%'))`);
    expect(page.total).toBe(inTree);
    expect(page.byField.reduce((s, f) => s + f.count, 0)).toBe(inTree);
    // Its running series, walked newest first by index (recap/series-walk.ts): what grouping every
    // award of the subtree says, team awards included. Each unit, both the bulk rows and the API's.
    for (const unit of Object.values(t.units)) {
      const got = await unitPageData(t.db.db, unit.id, region, 'id');
      const latest = got.byYear.at(-1)?.year ?? 0;
      const grouped = await sql<{ k: string }>`select series_key as k from awards
        where region_id = 3671 and state = 'verified' and is_public = 1 and series_key is not null
          and edition_year <= ${latest} and (unit_path like ${`${unit.path}%`} or id in (select m.award_id
          from award_team_members m join org_units u on u.id = m.unit_id where u.path like ${`${unit.path}%`}))
        group by series_key having count(distinct edition_year) >= 2
        order by max(edition_year) desc, series_key limit ${MAX_SERIES}`.execute(t.db.db);
      const keys = grouped.rows.map((r) => r.k);
      expect(keys.length, unit.path).toBeGreaterThan(0);
      expect(got.series.map((x) => x.key).sort(), unit.path).toEqual(keys.sort());
    }
    expect((await timelineData(t.db.db, null, null)).total).toBe(
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from awards where state = 'verified' and is_public = 1`.execute(t.db.db)
        ).rows[0].n,
      ),
    );
    expect(PUBLIC_SCOPE.actor).toBeNull();
  });
});
