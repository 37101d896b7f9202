import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { VersionWatch } from '../../../services/showcase/version.ts';
import type { AppEnv } from '../../env.ts';

// Public pages are the same for every reader of a language, so each rendered page is kept in
// memory until the data changes. The data version is checked at most once a second
// (VersionWatch), so a change shows within a second and a burst of readers costs one small
// query per second instead of one render per request.
//
// The key is what the page *means*, never the raw URL: each route names its key (the path, a
// parsed id, the parsed list filters) and the locale is added here. Parameters a page does not
// read cannot make a new entry, so `/?x=<random>` is a cache hit, not a render. The cache is
// bounded by entries and bytes (least recently used go first); concurrent misses of one key
// share one render; a render that fails is remembered briefly, so a failing page is not
// rebuilt on every request.

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

/** A page as it went out, for answering the same request again without the app (direct.ts). */
export interface DirectPage {
  status: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /**
   * The headers to write, as node:http's flat [name, value, …] list, made once when the page
   * is remembered rather than on every request: every header the app sent, with the length
   * (for the full page), without the type (for a 304).
   */
  head: string[];
  notModifiedHead: string[];
}

interface Failure {
  error: unknown;
  at: number;
}

const utf8 = new TextEncoder();

export const CACHE_LIMITS = {
  entries: 2000,
  bytes: 64 * 1024 * 1024,
  /** A body larger than this is served but not kept (it would push out hundreds of pages). */
  entryBytes: 8 * 1024 * 1024,
  keyLength: 600,
  /** Request lines remembered for the direct path; several may name one page. */
  directEntries: 4000,
  /** How long a failed render answers for its key before it is tried again. */
  failureMs: 5000,
};
export const CACHE_CONTROL = 'public, max-age=60';

class PageCache {
  version: string | null = null;
  readonly pages = new Map<string, Entry>();
  bytes = 0;
  readonly inflight = new Map<string, Promise<Entry>>();
  readonly failures = new Map<string, Failure>();
  /** Request (see DirectRequest) → the page it got: see direct.ts. */
  readonly direct = new Map<string, DirectPage>();
  /** Paths whose page reads nothing from the query string but the language. */
  readonly queryFree = new Set<string>();
  /** Values derived from the data (e.g. the list's filter options), kept for this version. */
  readonly memo = new Map<string, Promise<unknown>>();
  /** Renders since start, for tests and the benchmark (a cache hit renders nothing). */
  renders = 0;
  /** Requests answered by the direct path (direct.ts). */
  directHits = 0;
  constructor(readonly watch: VersionWatch) {}

  reset(version: string) {
    this.version = version;
    this.pages.clear();
    this.bytes = 0;
    this.failures.clear();
    this.memo.clear();
    this.direct.clear();
    this.queryFree.clear();
  }

  get(key: string): Entry | undefined {
    const entry = this.pages.get(key);
    if (entry) {
      // Keep recently used pages: move to the end of the insertion order.
      this.pages.delete(key);
      this.pages.set(key, entry);
    }
    return entry;
  }

  put(key: string, entry: Entry) {
    const size = entry.body.byteLength;
    if (key.length > CACHE_LIMITS.keyLength || size > CACHE_LIMITS.entryBytes) return;
    this.pages.set(key, entry);
    this.bytes += size;
    while (this.pages.size > CACHE_LIMITS.entries || this.bytes > CACHE_LIMITS.bytes) {
      const [oldKey, old] = this.pages.entries().next().value!;
      this.pages.delete(oldKey);
      this.bytes -= old.body.byteLength;
    }
  }
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

async function currentCache(c: Context<AppEnv>): Promise<PageCache> {
  const cache = cacheFor(c.get('deps').db.db);
  const version = await cache.watch.current();
  if (version !== cache.version) cache.reset(version);
  return cache;
}

/** The data version the cached pages belong to (checked at most once a second). */
export async function currentDataVersion(c: Context<AppEnv>): Promise<string> {
  return (await currentCache(c)).version ?? '';
}

/** How many pages are kept, their bytes, and how many renders there have been. */
export function pageCacheStats(db: Kysely<Database>) {
  const cache = cacheFor(db);
  return {
    entries: cache.pages.size,
    bytes: cache.bytes,
    renders: cache.renders,
    direct: cache.direct.size,
    directHits: cache.directHits,
  };
}

/** Forgets every cached page of this database, so the next request renders (benchmarks). */
export function dropCachedPages(db: Kysely<Database>) {
  const cache = cacheFor(db);
  cache.reset(`dropped-${cache.renders}-${Date.now()}`);
}

/** A strong validator: the hash of the exact bytes sent. */
export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The full cache key: the language, the host written into sharing links (unless PUBLIC_URL
 * fixes it) and what the route says the page is. The Host header is read as is: parsing the
 * URL on every hit would cost more than the look-up.
 */
export function cacheKey(c: Context<AppEnv>, pageKey: string): string {
  const host = c.get('deps').config.publicUrl ? '' : (c.req.header('host') ?? '');
  return `${c.get('locale')}|${host}|${pageKey}`;
}

/**
 * A value computed once per data version and shared by every request until the data changes
 * (the list's filter options: every list URL needs them to be parsed).
 */
export async function memoised<T>(c: Context<AppEnv>, name: string, load: () => Promise<T>): Promise<T> {
  const cache = await currentCache(c);
  let value = cache.memo.get(name) as Promise<T> | undefined;
  if (!value) {
    value = load();
    cache.memo.set(name, value);
    value.catch(() => cache.memo.delete(name));
  }
  return value;
}

/**
 * Serves the page named `pageKey` from the cache (rendering it on a miss) with ETag,
 * Cache-Control and 304s. `pageKey` must contain everything the render reads from the request
 * other than the locale, and nothing else. `query: 'ignored'` says the page reads nothing from
 * the query string (but the language), so the direct path may answer it for any query string.
 */
export async function servePage(
  c: Context<AppEnv>,
  pageKey: string,
  render: () => Promise<Rendered>,
  opts: { query: 'read' | 'ignored' } = { query: 'read' },
): Promise<Response> {
  const cache = await currentCache(c);
  const version = cache.version;
  const key = cacheKey(c, pageKey);
  let entry = cache.get(key);
  if (!entry) {
    const failed = cache.failures.get(key);
    if (failed && Date.now() - failed.at < CACHE_LIMITS.failureMs) throw failed.error;
    let pending = cache.inflight.get(key);
    if (!pending) {
      cache.renders++;
      pending = render()
        .then((r) => {
          const e: Entry = {
            ...r,
            body: utf8.encode(r.body) as Uint8Array<ArrayBuffer>,
            etag: etagOf(r.body),
          };
          if (cache.version === version) cache.put(key, e);
          return e;
        })
        .catch((error: unknown) => {
          if (cache.version === version) {
            if (cache.failures.size >= CACHE_LIMITS.entries) cache.failures.clear();
            cache.failures.set(key, { error, at: Date.now() });
          }
          throw error;
        })
        .finally(() => cache.inflight.delete(key));
      cache.inflight.set(key, pending);
    }
    entry = await pending;
  }
  return respond(c, entry, opts.query === 'ignored');
}

/** Responses that came out of the cache, so the server can remember them by request line. */
const fromCache = new WeakMap<
  Response,
  { cache: PageCache; entry: Entry; version: string | null; queryFree: boolean }
>();

/** How the direct path names a request (built by direct.ts from the raw Node request). */
export interface DirectRequest {
  /** Host, language and the URL exactly as sent. */
  exact: string;
  /** The path alone, without the query string. */
  path: string;
  /** Host, language and path: the name of a page that reads nothing else from the URL. */
  byPath: () => string;
}

/**
 * After the app answered: when the response is a cached page, remember it under the exact
 * request `requestKey`, so the same request next time is answered before the app (direct.ts).
 * Only while the data version it was rendered for is current, and never a response setting a
 * cookie. The app's own headers (security headers included) are kept as they were sent.
 */
export function rememberDirect(req: DirectRequest, res: Response): void {
  const tag = fromCache.get(res);
  if (!tag || tag.cache.version !== tag.version || res.headers.has('set-cookie')) return;
  const { direct, queryFree } = tag.cache;
  if (tag.queryFree && queryFree.size < CACHE_LIMITS.directEntries) queryFree.add(req.path);
  const key = queryFree.has(req.path) ? req.byPath() : req.exact;
  if (key.length > CACHE_LIMITS.keyLength) return;
  const notModifiedHead: string[] = [];
  res.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-type') notModifiedHead.push(name, value);
  });
  direct.delete(key);
  direct.set(key, {
    status: tag.entry.status,
    body: tag.entry.body,
    etag: tag.entry.etag,
    head: [
      ...notModifiedHead,
      'content-type',
      tag.entry.type,
      'content-length',
      String(tag.entry.body.byteLength),
    ],
    notModifiedHead,
  });
  if (direct.size > CACHE_LIMITS.directEntries) direct.delete(direct.keys().next().value!);
}

/**
 * The page remembered for this request while the data version is known to be current
 * (checked within the last second), else undefined: the app then answers and re-checks.
 * A page that reads no query parameter is found by its path whatever the query string holds,
 * so `/?x=<random>` is answered here too.
 */
export function directPage(db: Kysely<Database>, req: DirectRequest): DirectPage | undefined {
  const cache = caches.get(db);
  if (!cache || cache.version === null || cache.watch.peek() !== cache.version) return undefined;
  const page = cache.direct.get(cache.queryFree.has(req.path) ? req.byPath() : req.exact);
  if (page) cache.directHits++;
  return page;
}

/** True when If-None-Match names this ETag (or is `*`). */
export const etagMatches = matches;

function respond(c: Context<AppEnv>, e: Entry, queryFree: boolean): Response {
  const headers: Record<string, string> = {
    ETag: e.etag,
    'Cache-Control': CACHE_CONTROL,
    // The language may come from the `lang` cookie (language.ts), so a shared cache keys on it.
    Vary: 'Cookie',
    ...e.headers,
  };
  const version = cacheFor(c.get('deps').db.db).version;
  let res: Response;
  if (e.status === 200 && matches(c.req.header('if-none-match'), e.etag)) {
    res = c.body(null, 304, headers);
  } else {
    headers['Content-Type'] = e.type;
    res = c.body(e.body, e.status, headers);
  }
  fromCache.set(res, { cache: cacheFor(c.get('deps').db.db), entry: e, version, queryFree });
  return res;
}
