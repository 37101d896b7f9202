// The shared fetch record of a watched address (table source_fetches, shared by every region
// like the articles): one conditional GET per round serves every region's source of it. A
// region's source subscribes to the record when registered; its settings, pause, health and
// errors stay on its own row.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso } from '../../../db/now.ts';
import type { Database } from '../../../db/schema.ts';

/** The address as requested: a #fragment never reaches the server, so it makes no second fetch. */
export function requestedUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/** Which listing a source has read: the hash of the full answer's text. */
export const listingHash = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The record of this address, made on first use (two regions registering it at once get one row). */
export async function fetchRecordFor(db: Kysely<Database>, url: string): Promise<number> {
  const key = requestedUrl(url);
  await db
    .insertInto('source_fetches')
    .values({
      url: key,
      etag: null,
      last_modified: null,
      listing_hash: null,
      last_fetch_at: null,
      last_status: null,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .execute();
  const row = await db
    .selectFrom('source_fetches')
    .select('id')
    .where('url', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** After a request: its outcome, and the validators and listing of a full answer. */
export async function noteFetch(
  db: Kysely<Database>,
  id: number,
  r:
    | { status: 'not_modified' | 'error' }
    | { status: 'ok'; etag: string | null; lastModified: string | null; listingHash: string },
): Promise<void> {
  await db
    .updateTable('source_fetches')
    .set({
      last_fetch_at: nowIso(),
      last_status: r.status,
      ...(r.status === 'ok'
        ? { etag: r.etag, last_modified: r.lastModified, listing_hash: r.listingHash }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}
