import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m018 from '../../src/db/migrations/018_region_security_once.ts';
import { enterRegionTransaction } from '../../src/db/region-scope.ts';
import { TENANT_TABLES } from '../../src/db/tenancy.ts';
import { createTestDb, type TestDb, testDatabaseKind } from '../support/db.ts';
import { seedTwoRegions } from '../support/regions.ts';

// Migration 010 (its rules as migration 018 writes them, run once per query): on PostgreSQL a
// query built WITHOUT any region filter, run as the app role with one region set for the
// transaction, returns nothing of another region and cannot change it; the setting ends with
// the transaction.
describe.runIf(testDatabaseKind() === 'postgres')('row-level security per region', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await seedTwoRegions(t.db, 'Penghargaan');
  }, 60_000);
  afterAll(() => t.drop());

  /** Runs `fn` in a transaction as prestasi_app with these regions. */
  const asApp = <T>(read: string, write: string, fn: (trx: typeof t.db) => Promise<T>) =>
    t.db.transaction().execute(async (trx) => {
      await enterRegionTransaction(trx, {
        read: read === 'all' ? null : read === '' ? [] : read.split(',').map(Number),
        write: write === '' ? null : Number(write),
      });
      return fn(trx);
    });

  it('a query without a region filter sees only the regions set for the transaction', async () => {
    const regionsOf = async (read: string) =>
      asApp(read, '', async (trx) => {
        const awards = await sql<{ region_id: number }>`select region_id from awards`.execute(trx);
        const units = await trx.selectFrom('org_units').select('region_id').execute();
        const audit = await trx.selectFrom('audit_events').select('region_id').execute();
        return [...new Set([...awards.rows, ...units, ...audit].map((r) => Number(r.region_id)))].sort();
      });
    expect(await regionsOf('3671')).toEqual([3671]);
    expect(await regionsOf('3603')).toEqual([3603]);
    expect(await regionsOf('3603,3671')).toEqual([3603, 3671]);
    expect(await regionsOf('all')).toEqual([3603, 3671]);
    expect(await regionsOf('')).toEqual([]);
  });

  /** The regions whose rows each tenant table with rows shows, as prestasi_app reading `read`. */
  const visibleRegions = (read: string) =>
    asApp(read, '', async (trx) => {
      const seen: Record<string, number[]> = {};
      for (const table of ['awards', 'org_units', 'audit_events', 'award_counts', 'users'] as const) {
        const rows = await sql<{
          region_id: number;
        }>`select distinct region_id from ${sql.table(table)}`.execute(trx);
        seen[table] = rows.rows.map((r) => Number(r.region_id)).sort();
      }
      return seen;
    });

  it('each tenant table shows only the regions set, the public counts too', async () => {
    const only = (ids: number[]) => ({
      awards: ids,
      org_units: ids,
      audit_events: ids,
      award_counts: ids,
      // The seed made no user in either region.
      users: [],
    });
    expect(await visibleRegions('3671')).toEqual(only([3671]));
    expect(await visibleRegions('3603')).toEqual(only([3603]));
    expect(await visibleRegions('')).toEqual(only([]));
    expect(await visibleRegions('all')).toEqual(only([3603, 3671]));
  });

  it('a connection that never set any region sees nothing as prestasi_app', async () => {
    // A new connection: the settings are not merely empty, they were never defined (NULL).
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('role', 'prestasi_app', true)`);
      const counts = await client.query<{ awards: unknown; counts: unknown; units: unknown }>(
        `select (select count(*) from awards) as awards, (select count(*) from award_counts) as counts,
          (select count(*) from org_units) as units`,
      );
      const { awards, counts: kept, units } = counts.rows[0];
      expect([awards, kept, units].map(Number)).toEqual([0, 0, 0]);
      const changed = await client.query(`update awards set title = 'diubah'`);
      expect(changed.rowCount).toBe(0);
      await client.query('rollback');
    } finally {
      await client.end();
    }
  });

  it('one named statement, planned once on a connection, reads the regions of each transaction it runs in', async () => {
    // The pool names every query with parameters (db/database.ts), so PostgreSQL keeps its plan
    // per connection and, after a few runs, a generic one: the policies must still read each
    // run's setting, and a run as the owner (no region set: every row) must not change that.
    await t.db.connection().execute(async (conn) => {
      const regionsAs = (region: number | null) =>
        conn.transaction().execute(async (trx) => {
          if (region !== null) await enterRegionTransaction(trx, { read: [region], write: null });
          const rows = await trx
            .selectFrom('awards')
            .select('region_id')
            .where('state', '=', 'verified')
            .execute();
          return rows.map((r) => Number(r.region_id)).sort();
        });
      const order = [null, 3671, 3603, 3671, 3603, 3671, 3603, null, 3671, 3603, 3671, 3603, 3671, 3603];
      for (const [i, region] of order.entries())
        expect(await regionsAs(region), `run ${i + 1}`).toEqual(region === null ? [3603, 3671] : [region]);
      const { rows } = await sql<{
        runs: number;
        generic: number;
      }>`select generic_plans + custom_plans as runs,
          generic_plans as generic from pg_prepared_statements
        where statement = 'select "region_id" from "awards" where "state" = $1'`.execute(conn);
      expect(rows.map((r) => Number(r.runs))).toEqual([order.length]);
      expect(Number(rows[0]?.generic)).toBeGreaterThan(0);
    });
  });

  it('a query of every column still runs on a connection after a column was added to its table', async () => {
    // A named statement of `select *` would fail there ("cached plan must not change result
    // type"): the pool leaves such queries unnamed (db/database.ts).
    await t.db.connection().execute(async (conn) => {
      const titles = () => conn.selectFrom('import_batches').selectAll().where('id', '>', 0).execute();
      for (let i = 0; i < 3; i++) await titles();
      await sql`alter table import_batches add column probe_extra text`.execute(conn);
      try {
        expect(await titles()).toEqual([]);
      } finally {
        await sql`alter table import_batches drop column probe_extra`.execute(conn);
      }
    });
  });

  it('migration 018 down and up again keep the same rules', async () => {
    await m018.down(t.db);
    try {
      expect(await visibleRegions('3671')).toMatchObject({ awards: [3671], award_counts: [3671] });
      expect(await visibleRegions('')).toMatchObject({ awards: [], award_counts: [] });
    } finally {
      await m018.up(t.db);
    }
    expect(await visibleRegions('3603')).toMatchObject({ awards: [3603], award_counts: [3603] });
  });

  it("another region's rows cannot be changed or written, even without a WHERE", async () => {
    const changed = await asApp('3671', '3671', async (trx) => {
      const r = await sql`update awards set title = 'diubah'`.execute(trx);
      return Number(r.numAffectedRows);
    });
    expect(changed).toBe(1);
    const kab = await t.db.selectFrom('awards').select('title').where('region_id', '=', 3603).execute();
    expect(kab.map((a) => a.title)).toEqual(['Penghargaan 36.03']);
    await expect(
      asApp('3671', '3671', (trx) =>
        sql`insert into import_batches (region_id, file_name, sha256, rows_total, rows_created, rows_skipped, created_at)
          values (3603, 'x.csv', 'x', 0, 0, 0, 'now')`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
    // A reader with no region of its own writes nowhere.
    const deleted = await asApp('all', '', async (trx) =>
      Number((await sql`delete from evidence`.execute(trx)).numAffectedRows),
    );
    expect(deleted).toBe(0);
    // Reading a region is not writing it: a reader of 36.03 whose own region is 36.71 changes
    // no award of 36.03, and cannot move its own award there.
    const crossed = await asApp('3603,3671', '3671', async (trx) =>
      Number(
        (await sql`update awards set title = 'diubah' where region_id = 3603`.execute(trx)).numAffectedRows,
      ),
    );
    expect(crossed).toBe(0);
    await expect(
      asApp('3603,3671', '3671', (trx) =>
        sql`update awards set region_id = 3603 where region_id = 3671`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('the role and the regions end with the transaction', async () => {
    await asApp('3671', '3671', async () => null);
    const after = await sql<{ who: string; regions: string | null }>`
      select current_user as who, current_setting('prestasi.region_ids', true) as regions`.execute(t.db);
    expect(after.rows[0].who).not.toBe('prestasi_app');
    expect(after.rows[0].regions ?? '').toBe('');
  });

  it('every tenant table has row security on and forced, with its read and write policies', async () => {
    const { rows } = await sql<{ t: string; enabled: boolean; forced: boolean; policies: string[] }>`
      select c.relname as t, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        array(select p.polname::text from pg_policy p where p.polrelid = c.oid order by 1) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r'`.execute(t.db);
    for (const table of TENANT_TABLES)
      expect(rows.find((r) => r.t === table)).toEqual({
        t: table,
        enabled: true,
        forced: true,
        policies: [`${table}_region_read`, `${table}_region_write`],
      });
  });

  it('the app role cannot bypass row security', async () => {
    const role = await sql<{ rolbypassrls: boolean; rolsuper: boolean }>`
      select rolbypassrls, rolsuper from pg_roles where rolname = 'prestasi_app'`.execute(t.db);
    expect(role.rows).toEqual([{ rolbypassrls: false, rolsuper: false }]);
  });
});
