import type { Context, TypedResponse } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { todayIso } from '../../domain/format.ts';
import type { Locale } from '../../domain/i18n.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { buildRecap, type Recap } from '../../services/recap/recap.ts';
import { actorRegionCode } from '../../services/regions.ts';
import { publicVersions } from '../../services/showcase/version.ts';
import { getRegion } from '../../services/units.ts';
import type { AppEnv } from '../env.ts';
import { GenerationCache } from '../generation-cache.ts';

// The public recap (GET /api/v1/recap without sign-in) is the same for every reader of a
// language, and a region's recap costs ~17 ms of CPU to count: it is kept in memory until the
// region's data changes, by the same versions as the showcase pages (services/showcase/
// version.ts: a region's change shows within a second; other regions' recaps stay cached).
// The key is what the answer means: the region, the year asked (or, when none is, the default
// year of today's year) and the language. Only the public's answer is kept. A signed-in user
// gets it too for a region it may not read (recapAsPublic); of its own regions it may read
// unpublished verified records and ask for unverified ones, so that answer is counted afresh
// and never shares an entry with the public's. Bounded by entries and bytes,
// least recently used out first; concurrent misses of one key share one count.

export const RECAP_CACHE_LIMITS = { entries: 4000, bytes: 32 * 1024 * 1024 };

interface Entry {
  generation: number;
  body: string;
}

class RecapCache extends GenerationCache<Entry> {
  readonly inflight = new Map<string, Promise<Entry>>();
  /** Recaps counted since start (a cache hit counts nothing), for tests. */
  builds = 0;
  /** The deployment's first region (a request without `region`), per deployment version. */
  first: { version: string; code: Promise<string | undefined> } | null = null;
  constructor() {
    super((e) => e.body.length, RECAP_CACHE_LIMITS);
  }
}

const caches = new WeakMap<Kysely<Database>, RecapCache>();
function cacheFor(db: Kysely<Database>): RecapCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new RecapCache();
    caches.set(db, cache);
  }
  return cache;
}

/** How many public recaps are kept and how many were counted (tests). */
export function recapCacheStats(db: Kysely<Database>) {
  const cache = cacheFor(db);
  return { entries: cache.entries.size, bytes: cache.bytes, builds: cache.builds };
}

/** The region a recap without `region` is about: the first region, as resolveScope picks it. */
async function firstRegion(db: Kysely<Database>, cache: RecapCache): Promise<string | undefined> {
  const { all } = await publicVersions(db).watch.current();
  if (cache.first?.version !== all) {
    cache.first = { version: all, code: getRegion(db).then((r) => r?.code) };
    cache.first.code.catch(() => {
      cache.first = null;
    });
  }
  return cache.first.code;
}

/** The public's recap of `region` for `year` as JSON, from the cache or counted now. */
export async function publicRecap(
  c: Context<AppEnv>,
  q: { region?: string; year?: number },
): Promise<TypedResponse<Recap, 200, 'json'>> {
  // The app's own handle: the request's is scoped to a signed-in reader's regions (and new per
  // request), and this answer is the public's, read with readableBy(null) only.
  const db = c.get('appDb');
  const locale: Locale = c.get('locale');
  const cache = cacheFor(db);
  const region = q.region ?? (await firstRegion(db, cache));
  const count = async (): Promise<string> =>
    JSON.stringify(await buildRecap(db, { actor: null, region, year: q.year }, locale));
  // No region at all: resolveScope answers with the error, nothing to keep.
  if (region === undefined) return json(c, await count());
  const generation = await publicVersions(db).generation(region);
  // Without a year the recap shows today's default year, which can move at new year.
  const key = `${region}|${q.year ?? `default:${todayIso().slice(0, 4)}`}|${locale}`;
  let entry = cache.get(key, generation);
  if (!entry) {
    const flight = `${generation}|${key}`;
    let pending = cache.inflight.get(flight);
    if (!pending) {
      cache.builds++;
      pending = count()
        .then((body) => {
          const e = { generation, body };
          cache.put(key, e);
          return e;
        })
        .finally(() => cache.inflight.delete(flight));
      cache.inflight.set(flight, pending);
    }
    entry = await pending;
  }
  return json(c, entry.body);
}

/**
 * Whether this GET /api/v1/recap is answered with the public's recap: the public's own, and a
 * signed-in reader's of a region outside its readable regions (its scoped view of that region is
 * empty; the public record of it is what anyone may see). Decided from the raw query, before the
 * request is scoped (app.ts keeps these requests on the app's handle), and again by the route.
 */
export function recapAsPublic(c: Context<AppEnv>): boolean {
  const unverified = c.req.query('includeUnverified');
  if (unverified === 'true' || unverified === '1') return false;
  const actor = c.get('actor');
  if (actor === null) return true;
  if (actor.readRegionIds === null) return false;
  const region = c.req.query('region') ?? actorRegionCode(actor);
  return region !== undefined && !actor.readRegionIds.includes(regionIdOrNone(region));
}

/** The kept text is the JSON of a Recap (what c.json would send), typed as such for the route. */
const json = (c: Context<AppEnv>, body: string) =>
  c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<Recap, 200, 'json'>;
