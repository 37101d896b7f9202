import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type CacheScope, type PublicVersions, publicVersions } from '../../../services/showcase/version.ts';
import type { AppEnv } from '../../env.ts';
import { GenerationCache } from '../../generation-cache.ts';

// Public pages are the same for every reader of a language, signed in or not, so each rendered
// page is kept in memory until the data it shows changes: one cache per app, kept by the app's
// own database handle (a signed-in request's scoped handle is new per request, so a cache kept
// by it served nobody twice). Each page names its scope: the region it is about, or
// every region (null). A region's pages are stale once that region's data changed (checked
// within a second); pages about every region take a change within a minute
// (services/showcase/version.ts has the rules). A burst of readers costs one small query per
// second instead of one render per request, and a verification in one region leaves every other
// region's pages cached.
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
  /** What the page is about, and the generation of that data it was rendered from. */
  scope: CacheScope;
  generation: number;
}

/** A page as it went out, for answering the same request again without the app (direct.ts). */
export interface DirectPage {
  scope: CacheScope;
  generation: number;
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
  generation: number;
}

const utf8 = new TextEncoder();

// Sized for a national deployment: 546 regions × the eight kinds of page a region has is ~4,400
// pages of 10–40 KB (~130 MB) for one language. A single region uses a small part of it.
export const CACHE_LIMITS = {
  entries: 12_000,
  bytes: 256 * 1024 * 1024,
  /** A body larger than this is served but not kept (it would push out hundreds of pages). */
  entryBytes: 8 * 1024 * 1024,
  keyLength: 600,
  /** Request lines remembered for the direct path; several may name one page. */
  directEntries: 16_000,
  /** How long a failed render answers for its key before it is tried again. */
  failureMs: 5000,
};
export const CACHE_CONTROL = 'public, max-age=60';

class PageCache {
  readonly pages = new GenerationCache<Entry>((e) => e.body.byteLength, CACHE_LIMITS);
  readonly inflight = new Map<string, Promise<Entry>>();
  readonly failures = new Map<string, Failure>();
  /** Request (see DirectRequest) → the page it got: see direct.ts. */
  readonly direct = new Map<string, DirectPage>();
  /** Paths whose page reads nothing from the query string but the language. */
  readonly queryFree = new Set<string>();
  /** Values derived from the data (e.g. the list's filter options), kept for their generation. */
  readonly memo = new Map<string, { generation: number; value: Promise<unknown> }>();
  /** Renders since start, for tests and the benchmark (a cache hit renders nothing). */
  renders = 0;
  /** Requests answered by the direct path (direct.ts). */
  directHits = 0;
  constructor(readonly versions: PublicVersions) {}

  /** The page kept under `key` while it is of the current generation of its data. */
  get(key: string, generation: number): Entry | undefined {
    return this.pages.get(key, generation);
  }

  put(key: string, entry: Entry) {
    if (key.length > CACHE_LIMITS.keyLength || entry.body.byteLength > CACHE_LIMITS.entryBytes) return;
    this.pages.put(key, entry);
  }
}

const caches = new WeakMap<Kysely<Database>, PageCache>();

function cacheFor(db: Kysely<Database>): PageCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new PageCache(publicVersions(db));
    caches.set(db, cache);
  }
  return cache;
}

/** How many pages are kept, their bytes, and how many renders there have been. */
export function pageCacheStats(db: Kysely<Database>) {
  const cache = cacheFor(db);
  return {
    entries: cache.pages.entries.size,
    bytes: cache.pages.bytes,
    renders: cache.renders,
    direct: cache.direct.size,
    directHits: cache.directHits,
  };
}

/** Forgets every cached page and recap of this database, so the next request renders (benchmarks). */
export function dropCachedPages(db: Kysely<Database>) {
  publicVersions(db).dropAll();
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
 * A value computed once per generation of the data of `scope` and shared by every request until
 * that data changes (the list's filter options: every list URL needs them to be parsed).
 */
export async function memoised<T>(
  c: Context<AppEnv>,
  scope: CacheScope,
  name: string,
  load: () => Promise<T>,
): Promise<T> {
  const cache = cacheFor(c.get('appDb'));
  const generation = await cache.versions.generation(scope);
  const key = `${scope ?? ''}|${name}`;
  const kept = cache.memo.get(key);
  if (kept?.generation === generation) return kept.value as Promise<T>;
  const value = load();
  cache.memo.delete(key);
  if (cache.memo.size >= CACHE_LIMITS.entries) cache.memo.delete(cache.memo.keys().next().value!);
  cache.memo.set(key, { generation, value });
  value.catch(() => {
    if (cache.memo.get(key)?.value === value) cache.memo.delete(key);
  });
  return value;
}

/**
 * Serves the page named `pageKey` from the cache (rendering it on a miss) with ETag,
 * Cache-Control and 304s. `scope` is the region the page shows (its code), or null for a page
 * about every region: the page is kept until that data changes. `pageKey` must contain
 * everything the render reads from the request other than the locale, and nothing else.
 * `query: 'ignored'` says the page reads nothing from the query string (but the language), so
 * the direct path may answer it for any query string.
 */
export async function servePage(
  c: Context<AppEnv>,
  scope: CacheScope,
  pageKey: string,
  render: () => Promise<Rendered>,
  opts: { query: 'read' | 'ignored' } = { query: 'read' },
): Promise<Response> {
  const cache = cacheFor(c.get('appDb'));
  const generation = await cache.versions.generation(scope);
  const key = cacheKey(c, pageKey);
  let entry = cache.get(key, generation);
  if (!entry) {
    const failed = cache.failures.get(key);
    if (failed?.generation === generation && Date.now() - failed.at < CACHE_LIMITS.failureMs)
      throw failed.error;
    // Concurrent misses of one key and generation share one render.
    const flight = `${generation}|${key}`;
    let pending = cache.inflight.get(flight);
    if (!pending) {
      cache.renders++;
      pending = render()
        .then((r) => {
          const e: Entry = {
            ...r,
            body: utf8.encode(r.body) as Uint8Array<ArrayBuffer>,
            etag: etagOf(r.body),
            scope,
            generation,
          };
          cache.put(key, e);
          return e;
        })
        .catch((error: unknown) => {
          if (cache.failures.size >= CACHE_LIMITS.entries) cache.failures.clear();
          cache.failures.set(key, { error, at: Date.now(), generation });
          throw error;
        })
        .finally(() => cache.inflight.delete(flight));
      cache.inflight.set(flight, pending);
    }
    entry = await pending;
  }
  return respond(c, entry, opts.query === 'ignored');
}

/** Responses that came out of the cache, so the server can remember them by request line. */
const fromCache = new WeakMap<Response, { cache: PageCache; entry: Entry; queryFree: boolean }>();

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
 * Only while the generation of the data it was rendered from is current, and never a response
 * setting a cookie. The app's own headers (security headers included) are kept as they were sent.
 */
export function rememberDirect(req: DirectRequest, res: Response): void {
  const tag = fromCache.get(res);
  if (!tag || res.headers.has('set-cookie')) return;
  const { scope, generation } = tag.entry;
  if (tag.cache.versions.lastGeneration(scope) !== generation) return;
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
    scope,
    generation,
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
 * The page remembered for this request while the generation of its data is known to be
 * current (the versions read within the last second), else undefined: the app then answers
 * and re-checks. A page that reads no query parameter is found by its path whatever the query
 * string holds, so `/?x=<random>` is answered here too.
 */
export function directPage(db: Kysely<Database>, req: DirectRequest): DirectPage | undefined {
  const cache = caches.get(db);
  if (!cache) return undefined;
  const page = cache.direct.get(cache.queryFree.has(req.path) ? req.byPath() : req.exact);
  if (!page || cache.versions.peekGeneration(page.scope) !== page.generation) return undefined;
  cache.directHits++;
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
  let res: Response;
  if (e.status === 200 && matches(c.req.header('if-none-match'), e.etag)) {
    res = c.body(null, 304, headers);
  } else {
    headers['Content-Type'] = e.type;
    res = c.body(e.body, e.status, headers);
  }
  fromCache.set(res, { cache: cacheFor(c.get('appDb')), entry: e, queryFree });
  return res;
}
