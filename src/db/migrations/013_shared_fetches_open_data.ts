import { type Kysely, sql } from 'kysely';
import { isPostgres } from './001_initial.ts';

// Issue 13. Sources shared by several regions (a provincial outlet) without fetching twice:
// - source_fetches (shared, like articles): one row per watched address, keyed by the address
//   as it is requested (the URL without its #fragment), holding what conditional GET needs
//   (ETag, Last-Modified) and the hash of the listing those validators belong to. The watcher
//   fetches each address once per round, whatever number of regions watch it.
// - news_sources.fetch_id: each region's source subscribes to one fetch record; its settings,
//   pause, health and errors stay its own (a tenant row). news_sources.listing_hash: the listing
//   this source last read, so a source that is behind (new, resumed, or whose listing failed to
//   read) gets a full answer rather than a 304 meant for the others.
// - news_sources.etag/last_modified move to the fetch record (one fact, declared once).
// - articles_url: a link another source (of any region) already took in is not fetched again.
// Open data at national size (the same issue): the showcase's open data is read in keyset
// batches, newest edition first, on (edition_year, coalesce(received_on, K), id) where K puts a
// missing date where the database sorts NULL ('' on SQLite, '9999-99-99' on PostgreSQL; see
// services/showcase/opendata.ts, which must use the same expression). awards_open_data serves
// every region's file, awards_open_data_region one region's: each batch is a range of entries.
// Existing sources get a fetch record each (one per distinct address) and no validators: their
// first round after this is a plain GET.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

/** Frozen copy of the address rule (services/intake/watch/fetch-record.ts). */
const requested = (url: string) => {
  const u = new URL(url);
  u.hash = '';
  return u.href;
};

export async function up(db: AnyDb): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('source_fetches')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c : c.primaryKey().autoIncrement()))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('listing_hash', 'text')
    .addColumn('last_fetch_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .$call((t) => (pg ? t.addPrimaryKeyConstraint('source_fetches_pkey', ['id']) : t))
    .addUniqueConstraint('source_fetches_url_key', ['url'])
    .execute();

  await db.schema
    .alterTable('news_sources')
    .addColumn('fetch_id', pg ? 'bigint' : 'integer', (c) => (pg ? c : c.references('source_fetches.id')))
    .execute();
  await db.schema.alterTable('news_sources').addColumn('listing_hash', 'text').execute();

  const now = new Date().toISOString();
  const sources = await db.selectFrom('news_sources').select(['id', 'url']).execute();
  for (const s of sources as { id: number; url: string }[]) {
    const url = requested(s.url);
    await db
      .insertInto('source_fetches')
      .values({ url, created_at: now })
      .onConflict((oc) => oc.column('url').doNothing())
      .execute();
    const f = await db
      .selectFrom('source_fetches')
      .select('id')
      .where('url', '=', url)
      .executeTakeFirstOrThrow();
    await db.updateTable('news_sources').set({ fetch_id: f.id }).where('id', '=', s.id).execute();
  }

  if (pg) {
    // SQLite cannot make an added column NOT NULL; there the code always writes it.
    await sql`alter table news_sources alter column fetch_id set not null`.execute(db);
    await sql`alter table news_sources add constraint news_sources_fetch_fkey foreign key (fetch_id) references source_fetches (id)`.execute(
      db,
    );
    // Migration 010's default privileges cover new tables of the same owner; said here too, so
    // a database migrated by another owner still lets the request role take part in a round.
    await sql`do $$ begin
        if exists (select 1 from pg_roles where rolname = 'prestasi_app') then
          grant select, insert, update on source_fetches to prestasi_app;
          grant usage, select on sequence source_fetches_id_seq to prestasi_app;
        end if;
      end $$`.execute(db);
  }
  await db.schema.createIndex('news_sources_fetch').on('news_sources').columns(['fetch_id']).execute();
  await db.schema.alterTable('news_sources').dropColumn('etag').execute();
  await db.schema.alterTable('news_sources').dropColumn('last_modified').execute();
  await db.schema.createIndex('articles_url').on('articles').column('url').execute();

  const received = sql.raw(`(coalesce(received_on, '${pg ? '9999-99-99' : ''}'))`);
  await sql`create index awards_open_data on awards (state, is_public, edition_year, ${received}, id)`.execute(
    db,
  );
  await sql`create index awards_open_data_region on awards (region_id, state, is_public, edition_year, ${received}, id)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('awards_open_data_region').execute();
  await db.schema.dropIndex('awards_open_data').execute();
  await db.schema.dropIndex('articles_url').execute();
  await db.schema.alterTable('news_sources').addColumn('etag', 'text').execute();
  await db.schema.alterTable('news_sources').addColumn('last_modified', 'text').execute();
  await db.schema.dropIndex('news_sources_fetch').execute();
  if (isPostgres(db)) await sql`alter table news_sources drop constraint news_sources_fetch_fkey`.execute(db);
  await db.schema.alterTable('news_sources').dropColumn('listing_hash').execute();
  await db.schema.alterTable('news_sources').dropColumn('fetch_id').execute();
  await db.schema.dropTable('source_fetches').execute();
}
