import type { MiddlewareHandler } from 'hono';
import { RegionScope } from '../db/region-scope.ts';
import { regionSetOf } from '../services/access.ts';
import type { AppEnv } from './env.ts';

/**
 * After `identify`: a signed-in request's services get a database handle that reads only the
 * actor's regions and changes only its own (src/db/region-scope.ts), whatever their WHERE says.
 * The public reads verified, public records of every region (readableBy decides what).
 */
export const scopeToRegion: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = c.get('actor');
  if (!actor) return next();
  const deps = c.get('deps');
  const scope = new RegionScope(regionSetOf(actor));
  c.set('deps', { ...deps, db: { ...deps.db, db: deps.db.db.withPlugin(scope) } });
  return next();
};
