import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 11, growth: counts of the public record kept by the database, so a page that counts a
// region's awards reads one row per group instead of one index entry per award (migration 011
// made those counts index-only, which is cheap but still grows with the region).
//
// public_award_counts holds, for every region and edition year, how many verified public
// awards (state 'verified', is_public 1: what readableBy(null) shows) fall in each group of one
// dimension at a time:
//   dim 'field'    key: field id                     ('' none)
//   dim 'giver'    key: giver id, or '~' + the giver as typed when it is not in the list ('' neither)
//   dim 'level'    key: level                        ('' none)
//   dim 'received' key: the year of received_on      ('' undated): the count since the founding
//   dim 'unit'     key: unit_path, sub: field id     (only awards with a unit): the unit pages
// Every award with a unit is in five groups, one without in four; a group's count is the number
// of its awards, and groups whose awards are all gone stay with n = 0 (readers ask n > 0).
//
// Triggers keep it exact on every write, whatever the path (the services, the import, bulk
// INSERT … SELECT in tests and benchmarks, the demo, psql): a write and its counts commit or
// roll back together. SQLite: row triggers, an update fires only when a counted column changes.
// PostgreSQL: statement triggers over the transition tables, so a bulk insert adds each group
// once per statement. On PostgreSQL the table is a tenant table (src/db/tenancy.ts) with row
// security like the others (migration 010); the trigger runs as the writer, whose region is the
// award's, so its counts pass the same policy as the award.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

const COUNTED = [
  'state',
  'is_public',
  'region_id',
  'edition_year',
  'field_id',
  'awarding_body_id',
  'awarding_body_text',
  'level',
  'received_on',
  'unit_path',
];

/** The groups of an award row `r`, as SQL rows (dim, key, sub); the unit's only when it has one. */
const groups = (r: string, cast: (x: string) => string) => [
  ['field', `coalesce(${cast(`${r}.field_id`)}, '')`, `''`],
  [
    'giver',
    `case when ${r}.awarding_body_id is not null then ${cast(`${r}.awarding_body_id`)} when ${r}.awarding_body_text is not null then '~' || ${r}.awarding_body_text else '' end`,
    `''`,
  ],
  ['level', `coalesce(${r}.level, '')`, `''`],
  ['received', `coalesce(substr(${r}.received_on, 1, 4), '')`, `''`],
  ['unit', `${r}.unit_path`, `coalesce(${cast(`${r}.field_id`)}, '')`],
];

const visibleRow = (r: string) => `${r}.state = 'verified' and ${r}.is_public = 1`;

async function upSqlite(db: AnyDb): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  await run(`create table public_award_counts (
    region_id integer not null, dim text not null, key text not null, sub text not null,
    edition_year integer not null, n integer not null,
    primary key (region_id, dim, key, sub, edition_year)) without rowid`);
  const cast = (x: string) => `cast(${x} as text)`;
  // One statement per sign: +1 for the new row, -1 for the old one.
  const apply = (r: 'new' | 'old', sign: 1 | -1) => {
    const values = groups(r, cast)
      .filter(([dim]) => dim !== 'unit')
      .map(([dim, key, sub]) => `(${r}.region_id, '${dim}', ${key}, ${sub}, ${r}.edition_year, ${sign})`);
    const [, unitKey, unitSub] = groups(r, cast).find(([dim]) => dim === 'unit') as string[];
    return `insert into public_award_counts (region_id, dim, key, sub, edition_year, n)
        values ${values.join(', ')}
        on conflict (region_id, dim, key, sub, edition_year) do update set n = n + excluded.n;
      insert into public_award_counts (region_id, dim, key, sub, edition_year, n)
        select ${r}.region_id, 'unit', ${unitKey}, ${unitSub}, ${r}.edition_year, ${sign} where ${r}.unit_path is not null
        on conflict (region_id, dim, key, sub, edition_year) do update set n = n + excluded.n;`;
  };
  await run(`create trigger public_award_counts_insert after insert on awards
    when ${visibleRow('new')} begin ${apply('new', 1)} end`);
  await run(`create trigger public_award_counts_delete after delete on awards
    when ${visibleRow('old')} begin ${apply('old', -1)} end`);
  // An update is the old row leaving its groups and the new one joining its own.
  await run(`create trigger public_award_counts_update_old after update of ${COUNTED.join(', ')} on awards
    when ${visibleRow('old')} begin ${apply('old', -1)} end`);
  await run(`create trigger public_award_counts_update_new after update of ${COUNTED.join(', ')} on awards
    when ${visibleRow('new')} begin ${apply('new', 1)} end`);
}

async function upPostgres(db: AnyDb): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  await run(`create table public_award_counts (
    region_id bigint not null, dim text not null, key text not null, sub text not null,
    edition_year integer not null, n bigint not null,
    constraint public_award_counts_pkey primary key (region_id, dim, key, sub, edition_year))`);
  const cast = (x: string) => `${x}::text`;
  // The groups of a set of rows `changed(region_id, …, d)`, d = +1 or -1, summed per group; an
  // update that moves nothing nets to zero and writes nothing. Sorted, so two writers lock
  // counter rows in the same order.
  const lateral = groups('c', cast)
    .map(([dim, key, sub]) => `('${dim}', ${key}, ${sub})`)
    .join(', ');
  const upsert = (
    changed: string,
  ) => `insert into public_award_counts (region_id, dim, key, sub, edition_year, n)
      select c.region_id, g.dim, g.key, g.sub, c.edition_year, sum(c.d)
      from (${changed}) c cross join lateral (values ${lateral}) g(dim, key, sub)
      where ${visibleRow('c')} and g.key is not null
      group by c.region_id, g.dim, g.key, g.sub, c.edition_year
      having sum(c.d) <> 0
      order by 1, 2, 3, 4, 5
      on conflict (region_id, dim, key, sub, edition_year)
      do update set n = public_award_counts.n + excluded.n`;
  const cols = COUNTED.join(', ');
  await run(`create function public_award_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${upsert(`select ${cols}, 1 as d from new_rows`)};
      elsif tg_op = 'DELETE' then
        ${upsert(`select ${cols}, -1 as d from old_rows`)};
      else
        ${upsert(`select ${cols}, 1 as d from new_rows union all select ${cols}, -1 from old_rows`)};
      end if;
      return null;
    end $$`);
  await run(`create trigger public_award_counts_insert after insert on awards
    referencing new table as new_rows for each statement execute function public_award_counts_apply()`);
  await run(`create trigger public_award_counts_delete after delete on awards
    referencing old table as old_rows for each statement execute function public_award_counts_apply()`);
  await run(`create trigger public_award_counts_update after update on awards
    referencing old table as old_rows new table as new_rows for each statement execute function public_award_counts_apply()`);
  // A tenant table like the others (migration 010's list is frozen; the live one is tenancy.ts).
  await run('alter table public_award_counts enable row level security');
  await run('alter table public_award_counts force row level security');
  await run(`create policy public_award_counts_region_read on public_award_counts for select
    using (prestasi_region_readable(region_id))`);
  await run(`create policy public_award_counts_region_write on public_award_counts for all
    using (prestasi_region_writable(region_id)) with check (prestasi_region_writable(region_id))`);
  await run(`do $$ begin
      if exists (select 1 from pg_roles where rolname = 'prestasi_app') then
        grant select, insert, update, delete on public_award_counts to prestasi_app;
      end if;
    end $$`);
}

/** The counts of the awards already there: the same groups, counted once. */
async function backfill(db: AnyDb, pg: boolean): Promise<void> {
  const cast = pg ? (x: string) => `${x}::text` : (x: string) => `cast(${x} as text)`;
  for (const [dim, key, sub] of groups('a', cast))
    await sql
      .raw(`insert into public_award_counts (region_id, dim, key, sub, edition_year, n)
      select a.region_id, '${dim}', ${key}, ${sub}, a.edition_year, count(*) from awards a
      where ${visibleRow('a')} and ${key} is not null
      group by 1, 2, 3, 4, 5`)
      .execute(db);
}

/** The table, its triggers and its counts (migration 017's down() restores them with this). */
export async function createPublicAwardCounts(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  await (pg ? upPostgres(db) : upSqlite(db));
  await backfill(db, pg);
}

/** The table, its triggers and (PostgreSQL) their function (migration 017 replaces them). */
export async function dropPublicAwardCounts(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  for (const t of ['insert', 'delete', 'update', 'update_old', 'update_new'])
    await sql.raw(`drop trigger if exists public_award_counts_${t}${pg ? ' on awards' : ''}`).execute(db);
  if (pg) await sql`drop function if exists public_award_counts_apply()`.execute(db);
  await db.schema.dropTable('public_award_counts').execute();
}

export async function up(db: AnyDb): Promise<void> {
  await createPublicAwardCounts(db);
  // A unit page's newest awards (showcase/unit.ts): each unit's newest public awards in order,
  // a page's worth of entries per unit, instead of sorting every award of the subtree. The
  // coalesce must stay identical to the ORDER BY there.
  // A signed-in list in its default order (newest received first, every state: awards/read.ts
  // SORT_EXPRESSIONS.receivedOn, the same expression): a page read in order instead of a sort
  // of the region's every award (2.3 s per page at 1M before).
  // The same filtered by year (the year comes first: an ordered walk of the region's awards
  // filtering one year read 160,000 entries at 1M before reaching that year's first).
  for (const [name, year] of [
    ['awards_region_received', ''],
    ['awards_region_year_received', 'edition_year, '],
  ])
    await sql
      .raw(
        `create index ${name} on awards (region_id, ${year}(coalesce(received_on, cast(edition_year as text) || '-12-31')), id)`,
      )
      .execute(db);
  await sql`create index awards_unit_public_latest on awards (region_id, unit_path, state, is_public, edition_year, (coalesce(received_on, '')), id)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('awards_unit_public_latest').execute();
  await db.schema.dropIndex('awards_region_received').execute();
  await db.schema.dropIndex('awards_region_year_received').execute();
  await dropPublicAwardCounts(db);
}
