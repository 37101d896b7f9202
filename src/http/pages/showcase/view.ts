import type { Context } from 'hono';
import type { Site } from '../../../services/showcase/site.ts';
import type { AppEnv } from '../../env.ts';
import type { Locale } from './format.ts';
import { type Dict, dict } from './i18n.ts';

/** What every showcase page needs to render: language, words, who the site is, where we are. */
export interface View {
  locale: Locale;
  t: Dict;
  site: Site;
  origin: string;
  path: string;
  query: URLSearchParams;
}

export function viewFor(c: Context<AppEnv>, site: Site): View {
  const url = new URL(c.req.url);
  const locale = c.get('locale') === 'en' ? 'en' : 'id';
  return { locale, t: dict[locale], site, origin: url.origin, path: url.pathname, query: url.searchParams };
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
