// Page flavour of the shared formats (src/domain/format.ts): a dash for a missing value.
import { formatDateIn, formatDateTimeIn, formatNumberIn } from '../../domain/format.ts';
import type { Locale } from '../../domain/i18n.ts';

/** '2025-12-30' → '30 Desember 2025'. Timestamps keep only their date part. */
export function formatDate(iso: string | null | undefined, locale: Locale = 'id'): string {
  return iso ? formatDateIn(locale, iso) : '—';
}

/** '2025-12-30T08:15:00.000Z' → '30 Desember 2025 15.15 WIB' (stored in UTC, shown in WIB). */
export function formatDateTime(iso: string | null | undefined, locale: Locale = 'id'): string {
  return iso ? formatDateTimeIn(locale, iso) : '—';
}

export function formatNumber(n: number | null | undefined, locale: Locale = 'id'): string {
  return n === null || n === undefined ? '—' : formatNumberIn(locale, n);
}

/** Reads a number typed the Indonesian way ('94,76') or the English way ('94.76'). */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s/g, '');
  if (!s) return null;
  // '1.234,5' → thousands dot, decimal comma; a lone comma is a decimal comma.
  const normalised = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return Number.NaN;
  return Number(normalised);
}

export function formatBytes(n: number | null | undefined, locale: Locale = 'id'): string {
  if (!n) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${formatNumber(Math.round(n / 102.4) / 10, locale)} KB`;
  return `${formatNumber(Math.round(n / 104857.6) / 10, locale)} MB`;
}
