// Numbers, dates and times the Indonesian way (94,76; 9 Oktober 2025; 21.15 WIB), English when
// asked, all from Intl (month names included: no hand-made month table anywhere). The one
// formatting module: every page, the showcase, exports, reports and the CLI take them from here,
// so a date reads the same everywhere.

import type { Locale } from './i18n.ts';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

// Building an Intl.NumberFormat is far slower than using one; long lists format thousands of
// numbers, so the default (up to two decimals) formatter is made once per language.
const defaultNumberFormats: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat(INTL_LOCALE.id, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { maximumFractionDigits: 2 }),
};

/** What a page shows where a value is missing. */
export const MISSING = '—';

/**
 * 94.76 → '94,76' (id) / '94.76' (en); 1234 → '1.234' / '1,234'. Up to two decimals, none for
 * whole numbers; `decimals` fixes the digits after the comma instead. Missing → '—'.
 */
export function formatNumber(x: number | null | undefined, locale: Locale = 'id', decimals?: number): string {
  if (x === null || x === undefined) return MISSING;
  if (decimals === undefined) return defaultNumberFormats[locale].format(x);
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(x);
}

/** Up to `maxDecimals` digits after the comma, none for whole numbers: 2.35 → '2,35'; 2 → '2'. */
export function formatNumberUpTo(locale: Locale, x: number, maxDecimals: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: maxDecimals }).format(x);
}

/** 81.25 → '81,25%' / '81.25%'. */
export const formatPercent = (x: number, locale: Locale = 'id') => `${formatNumber(x, locale)}%`;

/** '+39 (+81,25%)' / '−3 (−5%)' / '±0': a signed change for a headline. */
export function formatDelta(delta: number, percent: number | null, locale: Locale = 'id'): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const pct = percent === null ? '' : ` (${sign}${formatNumber(Math.abs(percent), locale)}%)`;
  return `${sign}${formatNumber(Math.abs(delta), locale)}${pct}`;
}

/** A size in megabytes for messages about limits: 10485760 → '10'; 1572864 → '1,5'. */
export const formatMegabytes = (bytes: number, maxDecimals = 1, locale: Locale = 'id') =>
  formatNumberUpTo(locale, bytes / 1048576, maxDecimals);

// Every time is shown in the region's clock: the first regions are all on WIB (UTC+7).
export const TIME_ZONE = 'Asia/Jakarta';
export const TIME_ZONE_LABEL = 'WIB';

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(INTL_LOCALE.id, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};
const dateTimeOptions: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat(INTL_LOCALE.id, dateTimeOptions),
  en: new Intl.DateTimeFormat(INTL_LOCALE.en, dateTimeOptions),
};
const wibDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** Today's date in the region's clock, '2026-11-29' (a UTC date would be yesterday before 07.00 WIB). */
export const todayIso = (at: Date = new Date()): string => wibDateFormat.format(at);

/**
 * '2025-10-09' → '9 Oktober 2025' (id) / '9 October 2025' (en). A timestamp gives the date it
 * was in WIB ('2025-12-31T20:00:00Z' → '1 Januari 2026'); text that does not start with an ISO
 * date comes back unchanged; missing → '—'.
 */
export function formatDate(iso: string | null | undefined, locale: Locale = 'id'): string {
  if (!iso) return MISSING;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = iso.length > 10 && iso[10] === 'T' ? wibDateFormat.format(new Date(iso)) : iso.slice(0, 10);
  const at = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? iso : dateFormats[locale].format(at);
}

/**
 * '2026-11-29T14:15:00.000Z' → '29 November 2026 21.15 WIB' (id) / '29 November 2026 21:15 WIB'
 * (en): stored in UTC, read in the region's clock with the zone named. A plain date has no time.
 */
export function formatDateTime(iso: string | null | undefined, locale: Locale = 'id'): string {
  if (!iso) return MISSING;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return formatDate(iso, locale);
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = dateTimeFormats[locale].formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const sep = locale === 'en' ? ':' : '.';
  return `${get('day')} ${get('month')} ${get('year')} ${get('hour')}${sep}${get('minute')} ${TIME_ZONE_LABEL}`;
}

/** Reads a number typed the Indonesian way ('94,76', '1.234,5') or the English way ('94.76'). */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '');
  if (!s) return null;
  // '1.234,5' → thousands dot, decimal comma; a lone comma is a decimal comma.
  const normalised = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

/** 1536 → '1,5 KB'; 2621440 → '2,5 MB'; nothing → '—'. */
export function formatBytes(n: number | null | undefined, locale: Locale = 'id'): string {
  if (!n) return MISSING;
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${formatNumber(Math.round(n / 102.4) / 10, locale)} KB`;
  return `${formatNumber(Math.round(n / 104857.6) / 10, locale)} MB`;
}
