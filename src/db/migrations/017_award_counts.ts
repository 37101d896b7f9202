import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';
import { createPublicAwardCounts, dropPublicAwardCounts } from './012_public_award_counts.ts';

// Issue 11, growth: counts kept for every reader, not only the public. Migration 012 kept the
// public's view (verified, public) only, so a signed-in recap or dashboard counted the awards
// themselves and grew with the record (recap API x31, dashboard x132 from 10k to 1M awards).
//
// award_counts holds the same groups as public_award_counts did — per region, edition year and
// one dimension at a time (field, giver, level, received, unit; see migration 012 for the keys),
// except that 'received' is keyed by the month received ('2024-03'; '' undated), not its year:
// the count since the founding date and "received so far this year against the same days of
// last year" (the dashboard) then sum whole months and read only the one month they split from
// the awards. (Keyed by the whole date they read no award, but a bulk write then touches a
// group per distinct date: PostgreSQL's statement trigger took 20–70% longer per 2,500-row
// insert than migration 012's; by month it is as before.) And one more key column, `vis`, the
// visibility of the counted awards:
//   'public'   verified and is_public = 1 (what the public reads)
//   'hidden'   verified and not public
//   'draft' | 'submitted' | 'returned'   the other states, by name
// so a reader sums the visibilities it may see: the public 'public'; a signed-in reader of
// verified records 'public' + 'hidden'; one that asks for unverified ones too, all of them
// (src/services/recap/counters.ts). Every award is now counted, in exactly one visibility.
//
// Triggers as in 012 (SQLite: row triggers; PostgreSQL: statement triggers over the transition
// tables; a tenant table with row security; the writer's region is the award's). `vis` sits
// after `dim` in the key so one dimension of a region is one range whatever the visibilities.

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

const KEY = 'region_id, dim, vis, key, sub, edition_year';

const vis = (r: string) =>
  `case when ${r}.state = 'verified' then case when ${r}.is_public = 1 then 'public' else 'hidden' end else ${r}.state end`;

/** The groups of an award row `r`, as SQL (dim, key, sub); the unit's key is null without a unit. */
const groups = (r: string, cast: (x: string) => string) => [
  ['field', `coalesce(${cast(`${r}.field_id`)}, '')`, `''`],
  [
    'giver',
    `case when ${r}.awarding_body_id is not null then ${cast(`${r}.awarding_body_id`)} when ${r}.awarding_body_text is not null then '~' || ${r}.awarding_body_text else '' end`,
    `''`,
  ],
  ['level', `coalesce(${r}.level, '')`, `''`],
  ['received', `coalesce(substr(${r}.received_on, 1, 7), '')`, `''`],
  ['unit', `${r}.unit_path`, `coalesce(${cast(`${r}.field_id`)}, '')`],
];

async function upSqlite(db: AnyDb): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  await run(`create table award_counts (
    region_id integer not null, dim text not null, vis text not null, key text not null, sub text not null,
    edition_year integer not null, n integer not null,
    primary key (${KEY})) without rowid`);
  const cast = (x: string) => `cast(${x} as text)`;
  // Two statements per sign (+1 for the new row, -1 for the old): four groups always, the
  // unit's only with a unit. A row trigger costs per statement, so they stay few.
  const apply = (r: 'new' | 'old', sign: 1 | -1) => {
    const values = groups(r, cast)
      .filter(([dim]) => dim !== 'unit')
      .map(
        ([dim, key, sub]) =>
          `(${r}.region_id, '${dim}', ${vis(r)}, ${key}, ${sub}, ${r}.edition_year, ${sign})`,
      );
    const [, unitKey, unitSub] = groups(r, cast).find(([dim]) => dim === 'unit') as string[];
    return `insert into award_counts (${KEY}, n) values ${values.join(', ')}
        on conflict (${KEY}) do update set n = n + excluded.n;
      insert into award_counts (${KEY}, n)
        select ${r}.region_id, 'unit', ${vis(r)}, ${unitKey}, ${unitSub}, ${r}.edition_year, ${sign}
        where ${r}.unit_path is not null
        on conflict (${KEY}) do update set n = n + excluded.n;`;
  };
  await run(`create trigger award_counts_insert after insert on awards begin ${apply('new', 1)} end`);
  await run(`create trigger award_counts_delete after delete on awards begin ${apply('old', -1)} end`);
  // An update is the old row leaving its groups and the new one joining its own; only when a
  // counted value changed (an edit of the title, or a SET that rewrites the same values, does not).
  const changed = COUNTED.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(`create trigger award_counts_update after update of ${COUNTED.join(', ')} on awards
    when ${changed} begin ${apply('old', -1)} ${apply('new', 1)} end`);
}

async function upPostgres(db: AnyDb): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  await run(`create table award_counts (
    region_id bigint not null, dim text not null, vis text not null, key text not null, sub text not null,
    edition_year integer not null, n bigint not null,
    constraint award_counts_pkey primary key (${KEY}))`);
  const cast = (x: string) => `${x}::text`;
  // The groups of a set of rows `changed(…, d)`, d = +1 or -1, summed per group; an update that
  // moves nothing nets to zero and writes nothing. Sorted, so two writers lock counter rows in
  // the same order.
  const lateral = groups('c', cast)
    .map(([dim, key, sub]) => `('${dim}', ${key}, ${sub})`)
    .join(', ');
  const upsert = (changed: string) => `insert into award_counts (${KEY}, n)
      select c.region_id, g.dim, ${vis('c')}, g.key, g.sub, c.edition_year, sum(c.d)
      from (${changed}) c cross join lateral (values ${lateral}) g(dim, key, sub)
      where g.key is not null
      group by 1, 2, 3, 4, 5, 6
      having sum(c.d) <> 0
      order by 1, 2, 3, 4, 5, 6
      on conflict (${KEY}) do update set n = award_counts.n + excluded.n`;
  const cols = COUNTED.join(', ');
  await run(`create function award_counts_apply() returns trigger language plpgsql as $$
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
  await run(`create trigger award_counts_insert after insert on awards
    referencing new table as new_rows for each statement execute function award_counts_apply()`);
  await run(`create trigger award_counts_delete after delete on awards
    referencing old table as old_rows for each statement execute function award_counts_apply()`);
  await run(`create trigger award_counts_update after update on awards
    referencing old table as old_rows new table as new_rows for each statement execute function award_counts_apply()`);
  await run('alter table award_counts enable row level security');
  await run('alter table award_counts force row level security');
  await run(`create policy award_counts_region_read on award_counts for select
    using (prestasi_region_readable(region_id))`);
  await run(`create policy award_counts_region_write on award_counts for all
    using (prestasi_region_writable(region_id)) with check (prestasi_region_writable(region_id))`);
  await run(`do $$ begin
      if exists (select 1 from pg_roles where rolname = 'prestasi_app') then
        grant select, insert, update, delete on award_counts to prestasi_app;
      end if;
    end $$`);
}

/** The counts of the awards already there: the same groups, counted once. */
async function backfill(db: AnyDb, pg: boolean): Promise<void> {
  const cast = pg ? (x: string) => `${x}::text` : (x: string) => `cast(${x} as text)`;
  for (const [dim, key, sub] of groups('a', cast))
    await sql
      .raw(`insert into award_counts (${KEY}, n)
      select a.region_id, '${dim}', ${vis('a')}, ${key}, ${sub}, a.edition_year, count(*) from awards a
      where ${key} is not null
      group by 1, 2, 3, 4, 5, 6`)
      .execute(db);
}

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  await dropPublicAwardCounts(db);
  await (pg ? upPostgres(db) : upSqlite(db));
  await backfill(db, pg);
  // The dashboard's work queues (services/awards/queues.ts): the first few waiting records of a
  // region in the order shown, from an index holding only the waiting ones (their number comes
  // from award_counts), instead of every submitted record read and sorted on each render. The
  // state is a column too: SQLite (no statistics) takes the index with the most equalities, and
  // without it walked awards_region_updated through the whole region looking for returned ones.
  await sql`create index awards_submitted_queue on awards (region_id, state, submitted_at, id) where state = 'submitted'`.execute(
    db,
  );
  await sql`create index awards_returned_queue on awards (region_id, state, updated_at, id) where state = 'returned'`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('awards_submitted_queue').execute();
  await db.schema.dropIndex('awards_returned_queue').execute();
  const pg = isPostgres(db);
  for (const t of ['insert', 'delete', 'update'])
    await sql.raw(`drop trigger if exists award_counts_${t}${pg ? ' on awards' : ''}`).execute(db);
  if (pg) await sql`drop function if exists award_counts_apply()`.execute(db);
  await db.schema.dropTable('award_counts').execute();
  await createPublicAwardCounts(db);
}
