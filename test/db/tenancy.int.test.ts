import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLES, SHARED_TABLES, TENANT_TABLES } from '../../src/db/tenancy.ts';
import { createTestDb, type TestDb, testDatabaseKind } from '../support/db.ts';

// The schema against the tenant table list (src/db/tenancy.ts), read from the catalog. On
// PostgreSQL this is the Citus-readiness check: a national operator distributes every tenant
// table by region_id and replicates the shared ones, which needs exactly what is asserted here.
describe(`tenant tables in the ${testDatabaseKind()} catalog`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.drop());

  const tenant = new Set<string>(TENANT_TABLES);

  it('lists every table once, as tenant, shared or local', async () => {
    const rows =
      t.kind === 'postgres'
        ? (
            await sql<{
              name: string;
            }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(t.db)
          ).rows
        : (
            await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)
          ).rows;
    const listed = [...TENANT_TABLES, ...SHARED_TABLES, ...LOCAL_TABLES];
    expect(new Set(listed).size).toBe(listed.length);
    expect(rows.map((r) => r.name).sort()).toEqual([...listed].sort());
  });

  it('gives every tenant table a NOT NULL region_id, and no shared table one', async () => {
    for (const table of [...TENANT_TABLES, ...SHARED_TABLES]) {
      const cols =
        t.kind === 'postgres'
          ? (
              await sql<{ name: string; notnull: boolean; type: string }>`
                select column_name as name, is_nullable = 'NO' as notnull, data_type as type
                from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(
                t.db,
              )
            ).rows
          : (
              await sql<{ name: string; notnull: number; type: string }>`
                select name, "notnull", type from pragma_table_info(${table})`.execute(t.db)
            ).rows;
      const region = cols.find((c) => c.name === 'region_id');
      if (tenant.has(table)) {
        expect(region, table).toBeDefined();
        expect(Boolean(region?.notnull), table).toBe(true);
        if (t.kind === 'postgres') expect(region?.type, table).toBe('bigint');
      } else expect(region, table).toBeUndefined();
    }
  });

  it.runIf(testDatabaseKind() === 'postgres')(
    'keys, unique constraints and foreign keys include region_id; ids are bigint; all named',
    async () => {
      const { rows: constraints } = await sql<{
        tbl: string;
        name: string;
        type: string;
        cols: string[];
        ref: string | null;
        refcols: string[] | null;
      }>`
        select c.conrelid::regclass::text as tbl, c.conname as name, c.contype as type,
          array(select a.attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a
            on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[] as cols,
          case when c.contype = 'f' then c.confrelid::regclass::text end as ref,
          case when c.contype = 'f' then array(select a.attname from unnest(c.confkey) with ordinality k(n, i)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)::text[] end as refcols
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = current_schema() and c.contype in ('p', 'u', 'f')`.execute(t.db);
      for (const table of TENANT_TABLES) {
        const own = constraints.filter((c) => c.tbl === table);
        const pk = own.find((c) => c.type === 'p');
        expect(pk?.cols, `${table} primary key`).toContain('region_id');
        for (const c of own.filter((c) => c.type === 'u')) expect(c.cols, c.name).toContain('region_id');
        for (const c of own.filter((c) => c.type === 'f' && c.ref !== null && tenant.has(c.ref))) {
          expect(c.cols[0], c.name).toBe('region_id');
          expect(c.refcols?.[0], c.name).toBe('region_id');
        }
        // Named after the table and what they are, never left to chance.
        for (const c of own)
          expect(c.name, c.name).toMatch(new RegExp(`^${table}_[a-z_]*(pkey|key|fkey|unique)$`));
      }
      // A reference (shared) table may not point at a distributed (tenant) one.
      const sharedToTenant = constraints.filter(
        (c) => c.type === 'f' && !tenant.has(c.tbl) && c.ref !== null && tenant.has(c.ref),
      );
      expect(sharedToTenant.map((c) => c.name)).toEqual([]);

      const { rows: narrow } = await sql<{ tbl: string; col: string }>`
        select table_name as tbl, column_name as col from information_schema.columns
        where table_schema = current_schema() and data_type in ('integer', 'smallint')
          and (column_name = 'id' or column_name like '%\\_id' or column_name like '%\\_by')`.execute(t.db);
      expect(narrow.filter((c) => !c.tbl.startsWith('kysely_'))).toEqual([]);

      const { rows: security } = await sql<{ tbl: string; enabled: boolean; forced: boolean }>`
        select relname as tbl, relrowsecurity as enabled, relforcerowsecurity as forced from pg_class
        where relnamespace = current_schema()::regnamespace and relkind = 'r'`.execute(t.db);
      for (const r of security)
        expect({ table: r.tbl, enabled: r.enabled, forced: r.forced }).toEqual({
          table: r.tbl,
          enabled: tenant.has(r.tbl),
          forced: tenant.has(r.tbl),
        });
    },
  );
});
