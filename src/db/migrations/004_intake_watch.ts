import type { CreateTableBuilder, Kysely } from 'kysely';
import { isPostgres } from './001_initial.ts';

// News intake, issue 8:
// - other_region_events: award events an article reports for a region that is not ours (or for
//   no region, in an article that is not about ours). They never become findings, but are kept
//   with their article so a curator can see what was set aside and why.
// - news_sources: feeds, sitemaps and "berita" list pages watched for new articles, with the
//   state conditional GET needs (ETag/Last-Modified) and their health.
// - source_items: every link a source listed, once, with the article it became or the error
//   that stopped it; a link seen before is never fetched again.
// - article_bands: each article's MinHash LSH keys (services/intake/minhash.ts), so articles
//   that republish the same release are found by one indexed look-up.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

// biome-ignore lint/suspicious/noExplicitAny: same
type Table = CreateTableBuilder<any, any>;

const withId = (db: AnyDb, t: Table): Table =>
  isPostgres(db)
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('other_region_events'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text')
    .addColumn('region_name', 'text')
    .addColumn('proposal_json', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('other_region_events_article')
    .on('other_region_events')
    .column('article_id')
    .execute();

  await withId(db, db.schema.createTable('news_sources'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text')
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_fetch_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_fetch_at', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('source_items'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('news_sources.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id'))
    .addColumn('error', 'text')
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('source_items_unique', ['source_id', 'url'])
    .execute();
  await db.schema.createIndex('source_items_article').on('source_items').column('article_id').execute();

  await db.schema
    .createTable('article_bands')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('band', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_bands_band').on('article_bands').column('band').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('article_bands').execute();
  await db.schema.dropTable('source_items').execute();
  await db.schema.dropTable('news_sources').execute();
  await db.schema.dropTable('other_region_events').execute();
}
