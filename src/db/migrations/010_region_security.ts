import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 13, isolation that a missing WHERE cannot break (PostgreSQL only; SQLite has no row
// security and relies on the query layer, src/db/region-scope.ts):
// - role prestasi_app, without BYPASSRLS, which the server switches to inside every signed-in
//   request's transaction (SET LOCAL ROLE, src/http/region-transaction.ts). Roles belong to
//   the server, not the database: created only when missing, tolerant of another database
//   creating it at the same moment (parallel test databases).
// - row-level security, ENABLEd and FORCEd, on every tenant table. As prestasi_app a row is
//   visible when its region is in `prestasi.region_ids` (a comma list, or 'all' for the
//   national reader) and writable when it is `prestasi.write_region_id`; both are set with
//   set_config(..., true), so they end with the transaction and a pooled connection cannot carry
//   them to the next request. Unset, prestasi_app sees nothing.
// - any other role is the maintenance context (the owner running migrations, the CLI, the demo
//   seed, the export worker reading through readableBy): explicit by the role it connects as.
// The table list is frozen here; the live list is src/db/tenancy.ts.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

const TENANTS = [
  'org_units',
  'users',
  'api_tokens',
  'sessions',
  'awards',
  'award_team_members',
  'evidence',
  'audit_events',
  'findings',
  'finding_sources',
  'import_batches',
  'news_sources',
  'source_items',
];

export async function up(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  const run = (s: string) => sql.raw(s).execute(db);
  await run(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'prestasi_app') then
        create role prestasi_app nologin nobypassrls;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`);
  // The owner may switch to it (a superuser always may).
  await run(`do $$ begin
      execute format('grant prestasi_app to %I', current_user);
    exception when others then null;
    end $$`);
  await run('grant usage on schema public to prestasi_app');
  await run('grant select, insert, update, delete on all tables in schema public to prestasi_app');
  await run('grant usage, select, update on all sequences in schema public to prestasi_app');
  await run(
    'alter default privileges in schema public grant select, insert, update, delete on tables to prestasi_app',
  );
  await run(
    'alter default privileges in schema public grant usage, select, update on sequences to prestasi_app',
  );

  await run(`create or replace function prestasi_region_readable(r bigint) returns boolean
    language sql stable as $$
      select case
        when current_user <> 'prestasi_app' then true
        when current_setting('prestasi.region_ids', true) = 'all' then true
        else coalesce(r = any (string_to_array(nullif(current_setting('prestasi.region_ids', true), ''), ',')::bigint[]), false)
      end
    $$`);
  await run(`create or replace function prestasi_region_writable(r bigint) returns boolean
    language sql stable as $$
      select case
        when current_user <> 'prestasi_app' then true
        else coalesce(r = nullif(current_setting('prestasi.write_region_id', true), '')::bigint, false)
      end
    $$`);
  for (const t of TENANTS) {
    await run(`alter table ${t} enable row level security`);
    await run(`alter table ${t} force row level security`);
    await run(
      `create policy ${t}_region_read on ${t} for select using (prestasi_region_readable(region_id))`,
    );
    await run(
      `create policy ${t}_region_write on ${t} for all using (prestasi_region_writable(region_id)) with check (prestasi_region_writable(region_id))`,
    );
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const t of TENANTS) {
    await sql.raw(`drop policy if exists ${t}_region_write on ${t}`).execute(db);
    await sql.raw(`drop policy if exists ${t}_region_read on ${t}`).execute(db);
    await sql.raw(`alter table ${t} no force row level security`).execute(db);
    await sql.raw(`alter table ${t} disable row level security`).execute(db);
  }
}
