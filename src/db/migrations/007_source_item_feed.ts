import type { Kysely } from 'kysely';

// News intake, issue 8: a listed link keeps what its feed said about it — the item's own title
// and date — so a link retried in a later round (a timeout, a 503) is taken in with them, as it
// would have been on the first try, instead of with whatever the page alone says.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('source_items').addColumn('item_title', 'text').execute();
  await db.schema.alterTable('source_items').addColumn('item_published', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('source_items').dropColumn('item_published').execute();
  await db.schema.alterTable('source_items').dropColumn('item_title').execute();
}
