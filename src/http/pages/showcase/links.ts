// Links inside the showcase that keep the reader's language (and the region being read).
import type { Locale } from '../../../domain/i18n.ts';

/**
 * Builds an internal link that keeps the reader's language: English readers get `lang=en`.
 * Empty values are dropped so shared URLs stay short.
 */
export function link(path: string, locale: Locale, params: Record<string, string | number | undefined> = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  if (locale === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * A link inside the showcase being read: the region's pages live under its base
 * ('/wilayah/36.71'), a single-region install's at the root (base ''). Keeps the language.
 */
export function href(
  v: { base: string; locale: Locale },
  path: string,
  params: Record<string, string | number | undefined> = {},
) {
  return link(pathIn(v, path), v.locale, params);
}

/** The path of a showcase page under the base being read ('/penghargaan' → '/wilayah/36.71/penghargaan'). */
export const pathIn = (v: { base: string }, path: string) =>
  v.base ? (path === '/' ? v.base : `${v.base}${path}`) : path;
