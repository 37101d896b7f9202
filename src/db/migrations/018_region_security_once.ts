import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 11, row-level security at the cost of a WHERE: migration 010's policies call
// prestasi_region_readable(region_id) / prestasi_region_writable(region_id), SQL functions the
// planner inlines into a CASE that is evaluated for every row the query reads — the role's
// name looked up, the setting read and (for a reader of other regions) split into an array,
// per row — and whose bodies are parsed again at every planning. EXPLAIN ANALYZE of a signed-in
// recap's by-year count (1,500 rows of one region) took 0.43 ms with the policies, 0.17 ms
// without them; a whole signed-in recap spent 2.3 ms of server time against 1.4 ms.
//
// The same rules, written so that what does not depend on the row is an uncorrelated scalar
// subquery: PostgreSQL runs it once per query (an InitPlan) and each row is compared with its
// result, `region_id = $1` or `= any ($2)`, like any WHERE. The rule itself is unchanged:
// - read: any role but prestasi_app (the maintenance context), or 'all', or region_id among
//   prestasi.region_ids; unset or empty gives NULL, so nothing.
// - write (FOR ALL, and so also read): any role but prestasi_app, or region_id equal to
//   prestasi.write_region_id; unset or empty gives NULL, so nothing.
// The `::bigint[]` after the subquery makes `= any (…)` compare with the array it returns
// (without it, `any (select …)` would be the set form, each row an array). The functions of 010
// stay for any policy that names them.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

const READABLE = `(select current_user <> 'prestasi_app' or current_setting('prestasi.region_ids', true) = 'all')
  or region_id = any ((select string_to_array(nullif(current_setting('prestasi.region_ids', true), ''), ',')::bigint[])::bigint[])`;
const WRITABLE = `(select current_user <> 'prestasi_app')
  or region_id = (select nullif(current_setting('prestasi.write_region_id', true), '')::bigint)`;

/** Every table's pair of region policies (010's and 012's names), whichever tables have them
 * when this runs: a migration that came before it with tables of its own is covered too. */
async function setPolicies(db: AnyDb, readable: string, writable: string): Promise<void> {
  const { rows } = await sql<{ t: string }>`select c.relname as t from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = c.relname || '_region_read')
      and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = c.relname || '_region_write')
    order by 1`.execute(db);
  for (const { t } of rows) {
    await sql.raw(`alter policy ${t}_region_read on ${t} using (${readable})`).execute(db);
    await sql
      .raw(`alter policy ${t}_region_write on ${t} using (${writable}) with check (${writable})`)
      .execute(db);
  }
}

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await setPolicies(db, READABLE, WRITABLE);
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  await setPolicies(db, 'prestasi_region_readable(region_id)', 'prestasi_region_writable(region_id)');
}
