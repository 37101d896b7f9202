import type { Context } from 'hono';
import type { Locale } from '../../../domain/i18n.ts';
import type { Site } from '../../../services/showcase/site.ts';
import type { AppEnv } from '../../env.ts';

/** What every showcase page needs to render: language, who the site is, where we are. */
export interface View {
  locale: Locale;
  site: Site;
  origin: string;
  path: string;
  query: URLSearchParams;
  /** Where this showcase's pages live: '' at the root, '/wilayah/36.71' for one region of many. */
  base: string;
}

/** The origin written into canonical and sharing links: PUBLIC_URL, else the request's. */
export function originOf(c: Context<AppEnv>): string {
  return c.get('deps').config.publicUrl ?? new URL(c.req.url).origin;
}

/**
 * The view of a cached page: built from the page's canonical parameters only, never the raw
 * query, so what is cached for one URL is right for every URL that shares its key.
 */
export function viewFor(
  c: Context<AppEnv>,
  site: Site,
  params: Record<string, string | number | undefined> = {},
  base = '',
): View {
  const locale = c.get('locale');
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  if (locale === 'en') query.set('lang', 'en');
  return { locale, site, origin: originOf(c), path: c.req.path, query, base };
}

/** The same page in the other language (query kept, `lang` switched). */
export function otherLanguageHref(v: View): string {
  const q = new URLSearchParams(v.query);
  if (v.locale === 'en') q.set('lang', 'id');
  else q.set('lang', 'en');
  return `${v.path}?${q.toString()}`;
}

/** Absolute URL of this page for sharing (the language stays, so a shared English link stays English). */
export function canonicalUrl(v: View): string {
  const q = new URLSearchParams(v.query);
  if (v.locale !== 'en') q.delete('lang');
  const s = q.toString();
  return `${v.origin}${v.path}${s ? `?${s}` : ''}`;
}
