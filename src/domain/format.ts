// Numbers, dates and times the Indonesian way (94,76; 9 Oktober 2025; 21.15 WIB), English when
// asked, all from Intl. The one place every page, export and report takes them from, so a date
// reads the same everywhere.

import type { Locale } from './i18n.ts';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

// Building an Intl.NumberFormat is far slower than using one; long lists format thousands of
// numbers, so the default (up to two decimals) formatter is made once per language.
const defaultNumberFormats: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat(INTL_LOCALE.id, { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat(INTL_LOCALE.en, { maximumFractionDigits: 2 }),
};

/**
 * 94.76 → '94,76' (id) / '94.76' (en); 1234 → '1.234' / '1,234'. Up to two decimals, none for
 * whole numbers; `decimals` fixes the digits after the comma instead.
 */
export function formatNumberIn(locale: Locale, x: number, decimals?: number): string {
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
 * date comes back unchanged.
 */
export function formatDateIn(locale: Locale, iso: string): string {
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
export function formatDateTimeIn(locale: Locale, iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return formatDateIn(locale, iso);
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = dateTimeFormats[locale].formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const sep = locale === 'en' ? ':' : '.';
  return `${get('day')} ${get('month')} ${get('year')} ${get('hour')}${sep}${get('minute')} ${TIME_ZONE_LABEL}`;
}

export const formatNumberId = (x: number, decimals?: number) => formatNumberIn('id', x, decimals);
export const formatNumberEn = (x: number, decimals?: number) => formatNumberIn('en', x, decimals);
export const formatDateId = (iso: string) => formatDateIn('id', iso);
export const formatDateEn = (iso: string) => formatDateIn('en', iso);
