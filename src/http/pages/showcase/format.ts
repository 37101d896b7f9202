// Numbers and dates the Indonesian way (94,76; 9 Oktober 2025), English when asked.

export type Locale = 'id' | 'en';

const numberFormats = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const dateFormats = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export const formatNum = (x: number, locale: Locale) => numberFormats[locale].format(x);

/** '2025-10-09' → "9 Oktober 2025"; anything that is not an ISO date is shown as it is. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormats[locale].format(d);
}

/** "+39 (81,25%)" / "−3 (−5%)": a signed change for the headline. */
export function formatDelta(delta: number, percent: number | null, locale: Locale): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const pct = percent === null ? '' : ` (${sign}${formatNum(Math.abs(percent), locale)}%)`;
  return `${sign}${formatNum(Math.abs(delta), locale)}${pct}`;
}

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
