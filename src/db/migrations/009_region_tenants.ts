import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 13, many regions in one deployment. Every tenant table gets `region_id` (bigint), the
// numeric form of the region's Kemendagri code ("36.71" -> 3671, province "36" -> 36), which
// replaces the `region_code` text of awards, org_units and news_sources (one fact, declared once).
// An existing database is backfilled in place: rows follow their parent (an award's evidence is
// the award's region), and what has no parent belongs to the first region, as before.
//
// PostgreSQL is made Citus-ready: primary keys, unique constraints and foreign keys between
// tenant tables include region_id; ids are bigint; every constraint gets a name.
// SQLite keeps `id integer primary key` (the rowid alias autoincrement needs) and gains
// region_id beside it; its tables are rebuilt (SQLite cannot drop a referenced column or add a
// NOT NULL one), following SQLite's documented twelve-step procedure.
//
// The table list is frozen here; the live list is src/db/tenancy.ts.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

const HOME = '(select r.id from regions r order by r.code limit 1)';
const viaCode = (t: string) => `(select r.id from regions r where r.code = ${t}.region_code)`;
const via = (parent: string, col: string, t: string) =>
  `(select p.region_id from ${parent} p where p.id = ${t}.${col})`;

interface Fk {
  name: string;
  cols: string[];
  ref: string;
  refCols: string[];
  cascade?: boolean;
}
interface TenantSpec {
  table: string;
  /** The region of an existing row, as an SQL expression over the table's own columns. */
  backfill: string;
  /** Unique columns besides region_id: [constraint name, columns]. */
  uniques: [string, string[]][];
  fks: Fk[];
}

const region = (t: string): Fk => ({
  name: `${t}_region_fkey`,
  cols: ['region_id'],
  ref: 'regions',
  refCols: ['id'],
});
const tenantFk = (name: string, col: string, ref: string, cascade = false): Fk => ({
  name,
  cols: ['region_id', col],
  ref,
  refCols: ['region_id', 'id'],
  cascade,
});
const sharedFk = (name: string, col: string, ref: string): Fk => ({
  name,
  cols: [col],
  ref,
  refCols: ['id'],
});

// In dependency order: a table's backfill reads the region of tables above it.
const TENANTS: TenantSpec[] = [
  {
    table: 'org_units',
    backfill: viaCode('org_units'),
    uniques: [],
    fks: [region('org_units'), tenantFk('org_units_parent_fkey', 'parent_id', 'org_units')],
  },
  {
    table: 'users',
    backfill: `coalesce(${via('org_units', 'unit_id', 'users')}, ${HOME})`,
    uniques: [['users_email_key', ['email']]],
    fks: [region('users'), tenantFk('users_unit_fkey', 'unit_id', 'org_units')],
  },
  {
    table: 'api_tokens',
    backfill: via('users', 'user_id', 'api_tokens'),
    uniques: [['api_tokens_token_hash_key', ['token_hash']]],
    fks: [region('api_tokens'), tenantFk('api_tokens_user_fkey', 'user_id', 'users')],
  },
  {
    table: 'sessions',
    backfill: via('users', 'user_id', 'sessions'),
    uniques: [],
    fks: [region('sessions'), tenantFk('sessions_user_fkey', 'user_id', 'users')],
  },
  {
    table: 'awards',
    backfill: viaCode('awards'),
    uniques: [['awards_import_key_key', ['import_key']]],
    fks: [
      region('awards'),
      tenantFk('awards_unit_fkey', 'unit_id', 'org_units'),
      sharedFk('awards_giver_fkey', 'awarding_body_id', 'awarding_bodies'),
      sharedFk('awards_field_fkey', 'field_id', 'fields'),
    ],
  },
  {
    table: 'award_team_members',
    backfill: via('awards', 'award_id', 'award_team_members'),
    uniques: [],
    fks: [
      region('award_team_members'),
      tenantFk('award_team_members_award_fkey', 'award_id', 'awards', true),
      tenantFk('award_team_members_unit_fkey', 'unit_id', 'org_units'),
    ],
  },
  {
    table: 'evidence',
    backfill: via('awards', 'award_id', 'evidence'),
    uniques: [],
    fks: [
      region('evidence'),
      tenantFk('evidence_award_fkey', 'award_id', 'awards', true),
      sharedFk('evidence_article_fkey', 'article_id', 'articles'),
    ],
  },
  {
    table: 'audit_events',
    backfill: `coalesce(
      case when audit_events.entity_type = 'award'
        then (select a.region_id from awards a where cast(a.id as text) = audit_events.entity_id) end,
      case when audit_events.entity_type = 'unit'
        then (select u.region_id from org_units u where cast(u.id as text) = audit_events.entity_id) end,
      ${via('users', 'actor_id', 'audit_events')},
      ${HOME})`,
    uniques: [],
    fks: [region('audit_events')],
  },
  {
    table: 'findings',
    backfill: `coalesce(${via('awards', 'award_id', 'findings')}, ${via('awards', 'matched_award_id', 'findings')}, ${HOME})`,
    uniques: [['findings_fingerprint_key', ['fingerprint']]],
    fks: [
      region('findings'),
      tenantFk('findings_award_fkey', 'award_id', 'awards'),
      tenantFk('findings_matched_award_fkey', 'matched_award_id', 'awards'),
    ],
  },
  {
    table: 'finding_sources',
    backfill: via('findings', 'finding_id', 'finding_sources'),
    uniques: [['finding_sources_unique', ['finding_id', 'article_id']]],
    fks: [
      region('finding_sources'),
      tenantFk('finding_sources_finding_fkey', 'finding_id', 'findings', true),
      sharedFk('finding_sources_article_fkey', 'article_id', 'articles'),
    ],
  },
  {
    table: 'import_batches',
    backfill: `coalesce(${via('users', 'created_by', 'import_batches')}, ${HOME})`,
    uniques: [],
    fks: [region('import_batches')],
  },
  {
    table: 'news_sources',
    backfill: viaCode('news_sources'),
    uniques: [['news_sources_url_key', ['url']]],
    fks: [region('news_sources')],
  },
  {
    table: 'source_items',
    backfill: via('news_sources', 'source_id', 'source_items'),
    uniques: [['source_items_unique', ['source_id', 'url']]],
    fks: [
      region('source_items'),
      tenantFk('source_items_source_fkey', 'source_id', 'news_sources', true),
      sharedFk('source_items_article_fkey', 'article_id', 'articles'),
    ],
  },
];

/** Look-ups by a key alone (sign-in by e-mail, token, session cookie) before the region is known. */
const GLOBAL_LOOKUPS: [string, string, string[]][] = [
  ['users_email', 'users', ['email']],
  ['api_tokens_hash', 'api_tokens', ['token_hash']],
  ['sessions_id', 'sessions', ['id']],
];

// "36.71" -> 3671, "36" -> 36: the same on both databases.
const REGION_ID_OF_CODE = `cast(replace(code, '.', '') as bigint)`;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
  for (const [name, table, cols] of GLOBAL_LOOKUPS)
    await db.schema.createIndex(name).on(table).columns(cols).execute();
  await db.schema.createIndex('org_units_region').on('org_units').column('region_id').execute();
  await db.schema
    .createIndex('awards_recap_cover')
    .on('awards')
    .columns(['region_id', 'state', 'edition_year', 'is_public', 'field_id', 'unit_path', 'series_key'])
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').column('parent_id').execute();
}

async function upPostgres(db: AnyDb): Promise<void> {
  const tenantNames = TENANTS.map((t) => t.table);
  const run = (s: string) => sql.raw(s).execute(db);

  // 1. Regions get their numeric id and parent province.
  await run(`alter table regions add column id bigint, add column parent_id bigint`);
  await run(`update regions set id = ${REGION_ID_OF_CODE}`);
  await run(
    `update regions set parent_id = cast(split_part(code, '.', 1) as bigint) where kind <> 'provinsi' and position('.' in code) > 0`,
  );
  await run(`alter table regions alter column id set not null`);

  // 2. Every foreign key that touches a tenant table or regions goes; named ones come back below.
  const touched = [...tenantNames, 'regions'];
  const { rows: fks } = await sql<{ tbl: string; name: string }>`
    select c.conrelid::regclass::text as tbl, c.conname as name from pg_constraint c
    where c.contype = 'f' and (c.conrelid::regclass::text in (${sql.join(touched)})
      or c.confrelid::regclass::text in (${sql.join(touched)}))`.execute(db);
  for (const fk of fks) await run(`alter table "${fk.tbl}" drop constraint "${fk.name}"`);
  const { rows: keys } = await sql<{ tbl: string; name: string }>`
    select c.conrelid::regclass::text as tbl, c.conname as name from pg_constraint c
    where c.contype in ('p', 'u') and c.conrelid::regclass::text in (${sql.join(touched)})`.execute(db);
  for (const k of keys) await run(`alter table "${k.tbl}" drop constraint "${k.name}"`);
  await run(`alter table regions add constraint regions_pkey primary key (id)`);
  await run(`alter table regions add constraint regions_code_key unique (code)`);

  // 3. region_id on every tenant table, backfilled in dependency order (audit events are
  // append-only: their trigger is paused for this one backfill).
  await run(`alter table audit_events disable trigger audit_events_no_change`);
  for (const t of TENANTS) {
    await run(`alter table ${t.table} add column region_id bigint`);
    await run(`update ${t.table} set region_id = ${t.backfill}`);
    await run(`alter table ${t.table} alter column region_id set not null`);
  }
  await run(`alter table audit_events enable trigger audit_events_no_change`);
  for (const t of ['org_units', 'awards', 'news_sources'])
    await run(`alter table ${t} drop column region_code`);

  // 4. Ids are bigint: every id, *_id and *_by integer column, and the sequences behind them.
  const { rows: cols } = await sql<{ tbl: string; col: string }>`
    select table_name as tbl, column_name as col from information_schema.columns
    where table_schema = current_schema() and data_type = 'integer'
      and (column_name = 'id' or column_name like '%\\_id' or column_name like '%\\_by')`.execute(db);
  for (const c of cols) await run(`alter table "${c.tbl}" alter column "${c.col}" type bigint`);
  const { rows: seqs } = await sql<{ name: string }>`
    select sequencename as name from pg_sequences where schemaname = current_schema() and data_type = 'integer'::regtype`.execute(
    db,
  );
  for (const s of seqs) await run(`alter sequence "${s.name}" as bigint`);

  // 5. Keys that include region_id, then the foreign keys, all named.
  for (const t of TENANTS) {
    await run(`alter table ${t.table} add constraint ${t.table}_pkey primary key (region_id, id)`);
    for (const [name, cols] of t.uniques)
      await run(`alter table ${t.table} add constraint ${name} unique (region_id, ${cols.join(', ')})`);
  }
  for (const t of TENANTS)
    for (const fk of t.fks)
      await run(
        `alter table ${t.table} add constraint ${fk.name} foreign key (${fk.cols.join(', ')}) references ${fk.ref} (${fk.refCols.join(', ')})${fk.cascade ? ' on delete cascade' : ''}`,
      );
}

async function upSqlite(db: AnyDb): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  const master = async (where: string) =>
    (
      await sql<{
        name: string;
        sql: string;
      }>`select name, sql from sqlite_master where ${sql.raw(where)}`.execute(db)
    ).rows;

  await run('pragma foreign_keys = off');
  await run('begin');
  try {
    // Regions: code stays unique; id (the numeric code) becomes the key. parent_id is the
    // gazetteer's province, which need not be a tenant itself: no foreign key.
    await run(`create table regions__new ("id" integer primary key, "code" text not null unique, "name" text not null,
      "kind" text not null, "parent_id" integer, "founded_on" text, "emblem_url" text,
      "created_at" text not null)`);
    await run(`insert into regions__new (id, code, name, kind, parent_id, founded_on, emblem_url, created_at)
      select ${REGION_ID_OF_CODE}, code, name, kind,
        case when kind <> 'provinsi' and instr(code, '.') > 0 then cast(substr(code, 1, instr(code, '.') - 1) as integer) end,
        founded_on, emblem_url, created_at from regions`);
    await run('drop table regions');
    await run('alter table regions__new rename to regions');

    for (const t of TENANTS) {
      const [table] = await master(`type = 'table' and name = '${t.table}'`);
      const extras = await master(
        `type in ('index', 'trigger') and tbl_name = '${t.table}' and sql is not null`,
      );
      const cols = (
        await sql<{ name: string }>`select name from pragma_table_info(${t.table})`.execute(db)
      ).rows
        .map((c) => c.name)
        .filter((c) => c !== 'region_code');
      await run(rewriteCreate(table.sql, t));
      const list = cols.map((c) => `"${c}"`).join(', ');
      await run(
        `insert into "${t.table}__new" (${list}, "region_id") select ${list}, ${t.backfill} from "${t.table}"`,
      );
      await run(`drop table "${t.table}"`);
      await run(`alter table "${t.table}__new" rename to "${t.table}"`);
      // Indexes on region_code are rebuilt on region_id by up().
      for (const e of extras) if (!e.sql.includes('region_code')) await run(e.sql);
    }
    const broken = await sql`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0)
      throw new Error(
        `009_region_tenants: foreign keys broken after the rebuild: ${JSON.stringify(broken.rows)}`,
      );
    await run('commit');
  } catch (err) {
    await run('rollback');
    throw err;
  } finally {
    await run('pragma foreign_keys = on');
  }
}

/** The table's own CREATE statement, renamed, with region_id, and uniques that include it. */
function rewriteCreate(create: string, t: TenantSpec): string {
  const replace = (s: string, from: string | RegExp, to: string) => {
    const out = s.replace(from, to);
    if (out === s)
      throw new Error(`009_region_tenants: ${t.table} has no ${String(from)}; unexpected schema`);
    return out;
  };
  let s = replace(create, `"${t.table}" (`, `"${t.table}__new" (`);
  s = s.replace(/"region_code" text not null references "regions" \("code"\), /, '');
  s = replace(
    s,
    /\("id" (integer primary key autoincrement|text primary key), /,
    `("id" $1, "region_id" integer not null references "regions" ("id"), `,
  );
  for (const [name, cols] of t.uniques) {
    if (cols.length === 1) {
      s = replace(s, new RegExp(`("${cols[0]}" text( not null)?) unique`), '$1');
      s = replace(s, /\)$/, `, constraint "${name}" unique ("region_id", "${cols[0]}"))`);
    } else s = replace(s, `constraint "${name}" unique (`, `constraint "${name}" unique ("region_id", `);
  }
  return s;
}

export async function down(): Promise<void> {
  throw new Error('009_region_tenants cannot be undone; restore a backup instead');
}
