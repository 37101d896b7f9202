// Numbers and dates the Indonesian way (94,76; 9 Oktober 2025), English when asked. The one
// place every page, export and report takes them from, so a date reads the same everywhere.

export type Locale = 'id' | 'en';

const MONTHS: Record<Locale, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

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

/**
 * '2025-10-09' → '9 Oktober 2025' (id) / '9 October 2025' (en). Timestamps keep only their date
 * part; text that does not start with an ISO date comes back unchanged.
 */
export function formatDateIn(locale: Locale, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[locale][Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

export const formatNumberId = (x: number, decimals?: number) => formatNumberIn('id', x, decimals);
export const formatNumberEn = (x: number, decimals?: number) => formatNumberIn('en', x, decimals);
export const formatDateId = (iso: string) => formatDateIn('id', iso);
export const formatDateEn = (iso: string) => formatDateIn('en', iso);
