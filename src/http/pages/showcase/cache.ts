import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { VersionWatch } from '../../../services/showcase/version.ts';
import type { AppEnv } from '../../env.ts';

// Public pages are the same for every reader of a language, so each rendered page is kept in
// memory per (locale, path, query) until the data changes. The data version is checked at most
// once a second (VersionWatch), so a change shows within a second and a burst of readers costs
// one small query per second instead of one render per request.

export interface Rendered {
  body: string;
  type: string;
  status: 200 | 404;
  /** Extra headers such as Content-Disposition for downloads. */
  headers?: Record<string, string>;
}

interface Entry extends Omit<Rendered, 'body'> {
  /** Encoded once: a cache hit writes the bytes without converting the string again. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

const utf8 = new TextEncoder();

const MAX_ENTRIES = 2000;
const MAX_KEY = 600;
export const CACHE_CONTROL = 'public, max-age=60';

class PageCache {
  version: string | null = null;
  readonly pages = new Map<string, Entry>();
  constructor(readonly watch: VersionWatch) {}
}

const caches = new WeakMap<Kysely<Database>, PageCache>();

function cacheFor(db: Kysely<Database>): PageCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new PageCache(new VersionWatch(db));
    caches.set(db, cache);
  }
  return cache;
}

/** A strong validator: the hash of the exact bytes sent. */
export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function cacheKey(c: Context<AppEnv>): string {
  const url = c.req.url;
  const q = url.indexOf('?');
  if (q < 0) return `${c.get('locale')}|${c.req.path}|`;
  // Same filters in another order are the same page.
  const params = [...new URLSearchParams(url.slice(q + 1))].sort(
    ([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y),
  );
  return `${c.get('locale')}|${c.req.path}|${new URLSearchParams(params).toString()}`;
}

/** Serves a page from the cache (rendering it on a miss) with ETag, Cache-Control and 304s. */
export async function servePage(c: Context<AppEnv>, render: () => Promise<Rendered>): Promise<Response> {
  const db = c.get('deps').db.db;
  const cache = cacheFor(db);
  const version = await cache.watch.current();
  if (version !== cache.version) {
    cache.pages.clear();
    cache.version = version;
  }
  const key = cacheKey(c);
  let entry = cache.pages.get(key);
  if (entry) {
    // Keep recently used pages: move to the end of the insertion order.
    cache.pages.delete(key);
    cache.pages.set(key, entry);
  } else {
    const r = await render();
    entry = { ...r, body: utf8.encode(r.body) as Uint8Array<ArrayBuffer>, etag: etagOf(r.body) };
    if (key.length <= MAX_KEY && cache.version === version) {
      cache.pages.set(key, entry);
      if (cache.pages.size > MAX_ENTRIES) cache.pages.delete(cache.pages.keys().next().value!);
    }
  }
  return respond(c, entry);
}

function respond(c: Context<AppEnv>, e: Entry): Response {
  const headers: Record<string, string> = {
    ETag: e.etag,
    'Cache-Control': CACHE_CONTROL,
    // The language may come from the `lang` cookie, so a shared cache must key on it.
    Vary: 'Cookie',
    ...e.headers,
  };
  if (e.status === 200 && matches(c.req.header('if-none-match'), e.etag)) {
    return c.body(null, 304, headers);
  }
  headers['Content-Type'] = e.type;
  return c.body(e.body, e.status, headers);
}
