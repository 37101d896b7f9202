import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import {
  type DetectorOptions,
  detectFromCookie,
  detectFromHeader,
  detectFromQuery,
  languageDetector,
} from 'hono/language';
import { DEFAULT_LOCALE, LOCALES, type Locale, toLocale } from '../domain/i18n.ts';
import type { AppEnv } from './env.ts';

// Which language a request is answered in, declared once and applied by Hono's own language
// middleware (app.ts) and, for the pages the server answers before the app (direct.ts), by the
// same Hono detectors over the raw request. In order:
//   1. `?lang=en` / `?lang=id` — the language switch links; it also sets the cookie (pages/index.ts);
//   2. the `lang` cookie — the reader's last choice;
//   3. Indonesian. The browser's Accept-Language is deliberately not read: Prestasi is a
//      pemda's own record, Bahasa Indonesia first, and many Indonesian officials' phones are set
//      to English; English is one click away and then remembered.
// The query comes before the cookie so that a switch link takes effect on the very request
// that sets the new cookie. Case is ignored and regional variants count (`EN`, `en-GB` → en);
// an unknown value (`?lang=xx`) is skipped and the next source decides.

export const LANGUAGE_RULE: DetectorOptions = {
  order: ['querystring', 'cookie'],
  lookupQueryString: 'lang',
  lookupCookie: 'lang',
  lookupFromHeaderKey: 'accept-language',
  lookupFromPathIndex: 0,
  supportedLanguages: [...LOCALES],
  fallbackLanguage: DEFAULT_LOCALE,
  ignoreCase: true,
  // The cookie is written only when the reader chooses (pages/index.ts): a Set-Cookie on every
  // answer would keep public pages out of every cache.
  caches: false,
  cookieOptions: {},
  debug: false,
};

const detectors = { querystring: detectFromQuery, cookie: detectFromCookie, header: detectFromHeader };

/** The middleware: sets `c.get('language')` by LANGUAGE_RULE, and `locale` typed as a Locale. */
export function detectLanguage(): MiddlewareHandler<AppEnv> {
  const detect = languageDetector(LANGUAGE_RULE);
  return (c, next) =>
    detect(c, async () => {
      c.set('locale', toLocale(c.get('language')));
      await next();
    });
}

/** The language the query string asks for (`?lang=EN` → 'en'), or undefined when it names none. */
export const askedLanguage = (c: Context): Locale | undefined =>
  detectFromQuery(c, LANGUAGE_RULE) as Locale | undefined;

/**
 * LANGUAGE_RULE for a raw Node request (the direct path has no Hono context): the same Hono
 * detectors, given the three things they read — the query string, the Cookie header and the
 * Accept-Language header.
 */
export function languageOfRequest(req: IncomingMessage): Locale {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const query = q < 0 ? '' : url.slice(q + 1);
  const accept = header(req, 'accept-language') ?? '';
  const cookie = header(req, 'cookie') ?? '';
  // The answer depends only on these parts, so it is remembered by them: running the detectors
  // costs about 6 µs, a look-up well under one, and the direct path is there to be fast. A query
  // without "lang" or an escape cannot name a language; cookies without "lang" are left out.
  const key = `${/lang|%/i.test(query) ? query : ''}\n${cookie.match(LANG_COOKIES)?.join(';') ?? ''}\n${accept}`;
  let lang = remembered.get(key);
  if (lang === undefined) {
    lang = detect(query, cookie, accept);
    if (remembered.size >= 1000) remembered.clear();
    remembered.set(key, lang);
  }
  return lang;
}

const LANG_COOKIES = /[^;]*lang[^;]*/gi;
const remembered = new Map<string, Locale>();

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function detect(query: string, cookie: string, accept: string): Locale {
  const params = new URLSearchParams(query);
  const headers: Record<string, string> = { cookie, 'accept-language': accept };
  const get = (name: string) => headers[name.toLowerCase()] || undefined;
  const view = {
    req: {
      query: (name: string) => params.get(name) ?? undefined,
      header: get,
      raw: { headers: { get: (name: string) => get(name) ?? null } },
    },
  } as unknown as Context;
  for (const source of LANGUAGE_RULE.order) {
    const found = detectors[source as keyof typeof detectors]?.(view, LANGUAGE_RULE);
    if (found) return toLocale(found);
  }
  return DEFAULT_LOCALE;
}
