import type { MiddlewareHandler } from 'hono';
import { enterRegionTransaction } from '../db/region-scope.ts';
import { regionSetOf } from '../services/access.ts';
import type { AppEnv } from './env.ts';

class RolledBack extends Error {}

/**
 * PostgreSQL: a signed-in request runs in one transaction as role prestasi_app with the actor's
 * regions set for that transaction only (set_config(..., true); migration 010), so row-level
 * security holds even for a query that forgot its region, and a pooled connection forgets the
 * region when the transaction ends. A request that ends in an error is rolled back. The public
 * reads verified, public records only (readableBy) and needs no region; SQLite has no row
 * security and relies on the query layer (src/db/region-scope.ts).
 */
export const regionTransaction: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.get('deps');
  const actor = c.get('actor');
  if (deps.db.kind !== 'postgres' || !actor) return next();
  try {
    await deps.db.db.transaction().execute(async (trx) => {
      await enterRegionTransaction(trx, regionSetOf(actor));
      c.set('deps', { ...deps, db: { ...deps.db, db: trx } });
      await next();
      if (c.error) throw new RolledBack();
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
};
