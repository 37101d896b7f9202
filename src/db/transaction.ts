import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

let savepoints = 0;

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one. Services open
 * their own transaction so that each is atomic alone, yet a larger use case (accepting a news
 * finding creates an award, its evidence and the decision) can make them one unit. Inside a
 * caller's transaction (on PostgreSQL every signed-in request runs in one, see
 * src/http/region-transaction.ts) the service gets a savepoint: its failure undoes only its own
 * work, and a caller may retry it (a unique key taken by a parallel request).
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(fn);
  const trx = db as Transaction<Database>;
  const name = sql.id(`sp_${++savepoints}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const out = await fn(trx);
    await sql`release savepoint ${name}`.execute(trx);
    return out;
  } catch (err) {
    await sql`rollback to savepoint ${name}`.execute(trx);
    throw err;
  }
}
