import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one. Services open
 * their own transaction so that each is atomic alone, yet a larger use case (accepting a news
 * finding creates an award, its evidence and the decision) can make them one unit.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
