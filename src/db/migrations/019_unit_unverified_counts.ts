import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 11, growth: the last signed-in recap that still counted the awards themselves is an
// operator's with unverified records (x79 from 10k to 1M awards). An operator reads every
// verified record plus anything of its own unit subtree (access.ts, readableBy). The verified
// part is kept by region (017); the subtree's unverified part was kept only by unit and field,
// so its givers, levels and months were counted from the awards — and an imported backlog is
// hundreds of thousands of drafts.
//
// This migration keeps three more groups, for unverified records with a unit only (the verified
// ones are read by region): 'unit_giver', 'unit_level', 'unit_received', each keyed by the unit's
// path with the giver, level or month received in `sub` (the same forms as 017's 'giver', 'level'
// and 'received' keys). A subtree then sums the groups whose key starts with its path.
//
// The SQLite triggers write a row's groups with two statements: the four every award has, then
// the unit's (017's 'unit' and these three) from a UNION ALL whose rows without a key are left
// out. (One statement for all eight, or counting each import batch through a view of the
// groups, measured no faster: 3-10% slower and the same.)

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

const KEY = 'region_id, dim, vis, key, sub, edition_year';

const vis = (r: string) =>
  `case when ${r}.state = 'verified' then case when ${r}.is_public = 1 then 'public' else 'hidden' end else ${r}.state end`;

/**
 * The groups of an award row `r`, as SQL (dim, key, sub); a group whose key is null is not kept
 * for that row. `detail`: with this migration's unit groups (false: 017's five, for down()).
 */
function groups(r: string, cast: (x: string) => string, detail = true): string[][] {
  const giver = `case when ${r}.awarding_body_id is not null then ${cast(`${r}.awarding_body_id`)} when ${r}.awarding_body_text is not null then '~' || ${r}.awarding_body_text else '' end`;
  const level = `coalesce(${r}.level, '')`;
  const month = `coalesce(substr(${r}.received_on, 1, 7), '')`;
  const kept017 = [
    ['field', `coalesce(${cast(`${r}.field_id`)}, '')`, `''`],
    ['giver', giver, `''`],
    ['level', level, `''`],
    ['received', month, `''`],
    ['unit', `${r}.unit_path`, `coalesce(${cast(`${r}.field_id`)}, '')`],
  ];
  if (!detail) return kept017;
  const ownUnverified = `case when ${r}.state <> 'verified' then ${r}.unit_path end`;
  return [
    ...kept017,
    ['unit_giver', ownUnverified, giver],
    ['unit_level', ownUnverified, level],
    ['unit_received', ownUnverified, month],
  ];
}

const sqliteCast = (x: string) => `cast(${x} as text)`;
const pgCast = (x: string) => `${x}::text`;

/** The columns whose change moves an award between groups (an update of anything else counts nothing). */
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

async function sqliteTriggers(db: AnyDb, detail: boolean): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  for (const t of ['insert', 'delete', 'update']) await run(`drop trigger if exists award_counts_${t}`);
  // Per sign: the groups every award has, then the unit's, those without a key left out.
  const apply = (r: 'new' | 'old', sign: 1 | -1) => {
    const row = ([dim, key, sub]: string[]) =>
      `(${r}.region_id, '${dim}', ${vis(r)}, ${key}, ${sub}, ${r}.edition_year, ${sign})`;
    // Named columns: SQLite names a short VALUES list's columns by their expressions, not column1…
    const select = ([dim, key, sub]: string[]) =>
      `select ${r}.region_id, '${dim}', ${vis(r)}, ${key} as key, ${sub}, ${r}.edition_year, ${sign}`;
    const all = groups(r, sqliteCast, detail);
    const unit = all.filter(([dim]) => dim.startsWith('unit'));
    return `insert into award_counts (${KEY}, n) values ${all
      .filter((g) => !unit.includes(g))
      .map(row)
      .join(', ')}
        on conflict (${KEY}) do update set n = n + excluded.n;
      insert into award_counts (${KEY}, n)
        select * from (${unit.map(select).join(' union all ')}) where key is not null
        on conflict (${KEY}) do update set n = n + excluded.n;`;
  };
  await run(`create trigger award_counts_insert after insert on awards begin ${apply('new', 1)} end`);
  await run(`create trigger award_counts_delete after delete on awards begin ${apply('old', -1)} end`);
  const changed = COUNTED.map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(`create trigger award_counts_update after update of ${COUNTED.join(', ')} on awards
    when ${changed} begin ${apply('old', -1)} ${apply('new', 1)} end`);
}

/** 017's statement-trigger function with this migration's groups (the triggers stay). */
async function postgresFunction(db: AnyDb, detail: boolean): Promise<void> {
  const lateral = groups('c', pgCast, detail)
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
  await sql
    .raw(`create or replace function award_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${upsert(`select ${cols}, 1 as d from new_rows`)};
      elsif tg_op = 'DELETE' then
        ${upsert(`select ${cols}, -1 as d from old_rows`)};
      else
        ${upsert(`select ${cols}, 1 as d from new_rows union all select ${cols}, -1 from old_rows`)};
      end if;
      return null;
    end $$`)
    .execute(db);
}

const NEW_DIMS = ['unit_giver', 'unit_level', 'unit_received'];

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  if (pg) await postgresFunction(db, true);
  else await sqliteTriggers(db, true);
  // The new groups of the awards already there, counted once.
  const cast = pg ? pgCast : sqliteCast;
  for (const [dim, key, sub] of groups('a', cast).filter(([d]) => NEW_DIMS.includes(d)))
    await sql
      .raw(`insert into award_counts (${KEY}, n)
      select a.region_id, '${dim}', ${vis('a')}, ${key}, ${sub}, a.edition_year, count(*) from awards a
      where ${key} is not null
      group by 1, 2, 3, 4, 5, 6`)
      .execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  if (pg) await postgresFunction(db, false);
  else await sqliteTriggers(db, false);
  await db.deleteFrom('award_counts').where('dim', 'in', NEW_DIMS).execute();
}
