import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { languageOfRequest } from './language.ts';
import { type DirectRequest, directPage, etagMatches, rememberDirect } from './pages/showcase/cache.ts';

// Public pages answered before the app (issue 11: a cached page or its 304 cost a full trip
// through the request adapter and every middleware, 0.2–0.6 of a bare node:http server).
// The first time a request is answered from the page cache, the server remembers the exact
// request — method GET, Host, the language and the URL as sent — with the bytes and
// headers the app sent. The same request again is written straight to the socket while the
// data version is current; a page that reads nothing from the query string (the home page, an
// award, a unit) is remembered by its path, so any query string gets it. Nothing is remembered that the app did not send itself from the
// page cache, and nothing with an Authorization header (a bad token must still get its 401).

/** How the cache names this request, or null when it must go through the app. */
export function directRequest(req: IncomingMessage): DirectRequest | null {
  if (req.method !== 'GET' || req.headers.authorization !== undefined) return null;
  const url = req.url ?? '';
  const host = req.headers.host ?? '';
  // The language by the app's own rule (language.ts): query, then cookie.
  const lang = languageOfRequest(req);
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  return {
    exact: `${host}|${lang}|${url}`,
    path,
    byPath: () => `${host}|${lang}|${path}`,
  };
}

/** Writes the remembered page for `req` and returns true, or returns false (the app answers). */
export function serveDirect(db: Kysely<Database>, req: IncomingMessage, res: ServerResponse): boolean {
  const r = directRequest(req);
  if (r === null) return false;
  const page = directPage(db, r);
  if (!page) return false;
  if (page.status === 200 && etagMatches(req.headers['if-none-match'], page.etag)) {
    res.writeHead(304, page.notModifiedHead);
    res.end();
  } else {
    res.writeHead(page.status, page.head);
    res.end(page.body);
  }
  return true;
}

/** After the app answered `req`: remember it when it came from the page cache. */
export function afterApp(req: IncomingMessage, res: Response): void {
  const r = directRequest(req);
  if (r !== null) rememberDirect(r, res);
}
