import type { Kysely } from 'kysely';

// News intake, issue 8:
// - source_items.item_title/item_published: a listed link keeps what its feed said about it —
//   the item's own title and date — so a link retried in a later round (a timeout, a 503) is
//   taken in with them, as on the first try, instead of with whatever the page alone says.
// - findings.dismissed_match_award_id: the award a curator said "not the same award" to, so the
//   review page can undo that (the match comes back, audited).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('source_items').addColumn('item_title', 'text').execute();
  await db.schema.alterTable('source_items').addColumn('item_published', 'text').execute();
  await db.schema.alterTable('findings').addColumn('dismissed_match_award_id', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('findings').dropColumn('dismissed_match_award_id').execute();
  await db.schema.alterTable('source_items').dropColumn('item_published').execute();
  await db.schema.alterTable('source_items').dropColumn('item_title').execute();
}
