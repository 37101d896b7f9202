import type { Kysely } from 'kysely';

// News intake, issue 8 (second half):
// - finding_sources.slots_json: where, in that source's article, each filled slot of the event
//   was read (offsets) and how sure the reading is — per source, because offsets index one
//   article's text. Null for sources stored before this migration (the page falls back to the quote).
// - finding_sources.offer_dismissed_at/_by: a curator said "not evidence" to a source offered as
//   evidence of the finding's award (a late report of an award accepted earlier); it stops being offered.
// - source_items.attempts/retry_at: a listed link that failed for a passing reason (timeout,
//   network, 429/5xx) is tried again after a back-off instead of being written off; retry_at null
//   means final (taken in, or failed for good).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('finding_sources').addColumn('slots_json', 'text').execute();
  await db.schema.alterTable('finding_sources').addColumn('offer_dismissed_at', 'text').execute();
  await db.schema.alterTable('finding_sources').addColumn('offer_dismissed_by', 'integer').execute();
  await db.schema
    .alterTable('source_items')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('source_items').addColumn('retry_at', 'text').execute();
  await db.schema
    .createIndex('source_items_retry')
    .on('source_items')
    .columns(['source_id', 'retry_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('source_items_retry').execute();
  await db.schema.alterTable('source_items').dropColumn('retry_at').execute();
  await db.schema.alterTable('source_items').dropColumn('attempts').execute();
  await db.schema.alterTable('finding_sources').dropColumn('offer_dismissed_by').execute();
  await db.schema.alterTable('finding_sources').dropColumn('offer_dismissed_at').execute();
  await db.schema.alterTable('finding_sources').dropColumn('slots_json').execute();
}
