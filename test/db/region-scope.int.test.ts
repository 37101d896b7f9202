import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionScope, RegionScopeViolation, readList, withRegions } from '../../src/db/region-scope.ts';
import { toErrorBody } from '../../src/http/errors.ts';
import { readableAwards } from '../../src/services/access.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { runExport } from '../../src/services/exports/off-thread.ts';
import { keptIn } from '../../src/services/recap/counters.ts';
import { createTestDb, type TestDb, testDatabaseKind } from '../support/db.ts';
import { seedTwoRegions } from '../support/regions.ts';

// The query layer's region scope (src/db/region-scope.ts) on both databases: reads of tenant
// tables are confined, and a row can be neither created in nor moved to another region; work
// outside a request (the export worker) runs confined too, under row-level security on PostgreSQL.
describe('the region scope of the query layer', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedTwoRegions(t.db, 'Draf', 'draft');
  }, 60_000);
  afterAll(() => t.drop());

  const kab = () => t.db.withPlugin(new RegionScope({ read: [3603], write: 3603 }));
  const row = (region: number) => ({
    region_id: region,
    file_name: 'x.csv',
    sha256: 'x',
    rows_total: 0,
    rows_created: 0,
    rows_skipped: 0,
    created_at: new Date().toISOString(),
  });

  it('refuses an insert into another region, or without a region, before it runs', async () => {
    await expect(kab().insertInto('import_batches').values(row(3671)).execute()).rejects.toBeInstanceOf(
      RegionScopeViolation,
    );
    await expect(
      kab()
        .insertInto('import_batches')
        .values([row(3603), row(3671)])
        .execute(),
    ).rejects.toBeInstanceOf(RegionScopeViolation);
    const { region_id: _, ...noRegion } = row(3603);
    await expect(
      kab()
        .insertInto('import_batches')
        .values(noRegion as never)
        .execute(),
    ).rejects.toBeInstanceOf(RegionScopeViolation);
    // Built from a SELECT: its region cannot be checked, so it is refused too.
    await expect(
      kab()
        .insertInto('import_batches')
        .columns([
          'region_id',
          'file_name',
          'sha256',
          'rows_total',
          'rows_created',
          'rows_skipped',
          'created_at',
        ])
        .expression((eb) =>
          eb
            .selectFrom('import_batches')
            .select([
              'region_id',
              'file_name',
              'sha256',
              'rows_total',
              'rows_created',
              'rows_skipped',
              'created_at',
            ]),
        )
        .execute(),
    ).rejects.toBeInstanceOf(RegionScopeViolation);
    const own = await kab().insertInto('import_batches').values(row(3603)).returning('id').executeTakeFirst();
    expect(own?.id).toBeGreaterThan(0);
    const kinds = await t.db.selectFrom('import_batches').select('region_id').execute();
    expect(kinds.map((r) => Number(r.region_id))).toEqual([3603]);
  });

  it('refuses to move a row to another region, and changes only its own region without a WHERE', async () => {
    await expect(kab().updateTable('awards').set({ region_id: 3671 }).execute()).rejects.toBeInstanceOf(
      RegionScopeViolation,
    );
    const changed = await kab().updateTable('awards').set({ place: 'Tigaraksa' }).executeTakeFirst();
    expect(Number(changed.numUpdatedRows)).toBe(1);
    const places = await t.db
      .selectFrom('awards')
      .select(['region_id', 'place'])
      .orderBy('region_id')
      .execute();
    expect(places.map((p) => [Number(p.region_id), p.place])).toEqual([
      [3603, 'Tigaraksa'],
      [3671, 'Jakarta'],
    ]);
  });

  it("states a reader's regions once in its SQL when its own rule already does, and adds them otherwise", async () => {
    const viewer = { ...SYSTEM_ACTOR, id: 1, role: 'viewer' as const, regionId: 3603, readRegionIds: [3603] };
    const times = (text: string, ref: string) => text.split(`"${ref}"."region_id" in (`).length - 1;
    // readableBy (awards) and the kept counts (award_counts) name the same list as the plugin.
    const list = readableAwards(kab(), viewer).select('awards.title');
    expect(times(list.compile().sql, 'awards')).toBe(1);
    expect((await list.execute()).map((a) => a.title)).toEqual(['Draf 36.03']);
    const kept = keptIn(kab(), readList(viewer.readRegionIds), 'level').select('c.n');
    expect(times(kept.compile().sql, 'c')).toBe(1);
    // A term that does not confine the query (under OR, or other regions) leaves the plugin's own.
    const either = kab()
      .selectFrom('awards')
      .select('title')
      .where((eb) => eb.or([eb('awards.region_id', 'in', [3603]), eb('awards.state', '=', 'draft')]));
    expect(times(either.compile().sql, 'awards')).toBe(2);
    expect((await either.execute()).map((a) => a.title)).toEqual(['Draf 36.03']);
    const wider = kab().selectFrom('awards').select('title').where('awards.region_id', 'in', [3603, 3671]);
    expect(times(wider.compile().sql, 'awards')).toBe(2);
    expect((await wider.execute()).map((a) => a.title)).toEqual(['Draf 36.03']);
  });

  it('a refused write answers 403, not 500', () => {
    expect(toErrorBody(new RegionScopeViolation('awards'))?.status).toBe(403);
    const rls = Object.assign(new Error('new row violates row-level security policy for table "awards"'), {
      code: '42501',
    });
    expect(toErrorBody(rls)?.status).toBe(403);
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'withRegions on PostgreSQL runs as the app role: raw SQL without a region sees one region only',
    async () => {
      const seen = await withRegions(t, { read: [3603], write: null }, async (scoped) => {
        const who = await sql<{ u: string }>`select current_user as u`.execute(scoped);
        const rows = await sql<{ region_id: number }>`select region_id from awards`.execute(scoped);
        return { who: who.rows[0]!.u, regions: rows.rows.map((r) => Number(r.region_id)) };
      });
      expect(seen).toEqual({ who: 'prestasi_app', regions: [3603] });
    },
  );

  it("an export is confined to the regions it is given, whatever the actor's own rule says", async () => {
    // A reader whose own rule reads every region (the national role), confined to Kabupaten
    // Tangerang: the worker's connection sees only 36.03.
    const nation = { ...SYSTEM_ACTOR, id: 1, role: 'nasional' as const, regionId: 3671, readRegionIds: null };
    const { body } = await runExport(
      t,
      'awards',
      { actor: nation, filters: {}, format: 'json', dialect: 'standard' },
      { read: [3603], write: null },
    );
    const titles = (JSON.parse(await new Response(body).text()).items as { title: string }[]).map(
      (a) => a.title,
    );
    expect(titles).toEqual(['Draf 36.03']);
  });
});
