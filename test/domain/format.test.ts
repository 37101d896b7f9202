import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatMegabytes,
  formatNumber,
  formatNumberUpTo,
  formatPercent,
  parseNumber,
} from '../../src/domain/format.ts';

describe('formatNumber', () => {
  it('writes decimals with a comma and thousands with a dot in Indonesian', () => {
    expect(formatNumber(94.76)).toBe('94,76');
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
  });

  it('writes the English way when asked', () => {
    expect(formatNumber(94.76, 'en')).toBe('94.76');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(0.5, 'en')).toBe('0.5');
  });

  it('rounds to two decimals by default and shows whole numbers without any', () => {
    expect(formatNumber(81.256)).toBe('81,26');
    expect(formatNumber(87)).toBe('87');
    expect(formatNumber(-3.5)).toBe('-3,5');
  });

  it('fixes the number of decimals when given', () => {
    expect(formatNumber(87, 'id', 2)).toBe('87,00');
    expect(formatNumber(3.24159, 'en', 1)).toBe('3.2');
    expect(formatNumber(2.5, 'id', 0)).toBe('3');
  });
});

describe('formatDate', () => {
  it('writes the day, the month by name and the year', () => {
    expect(formatDate('2025-10-09')).toBe('9 Oktober 2025');
    expect(formatDate('2025-12-30')).toBe('30 Desember 2025');
    expect(formatDate('2025-10-09', 'en')).toBe('9 October 2025');
    expect(formatDate('2024-01-01', 'id')).toBe('1 Januari 2024');
  });

  it('gives a timestamp the date it was in WIB (UTC+7)', () => {
    expect(formatDate('2025-12-30T16:59:00.000Z')).toBe('30 Desember 2025');
    expect(formatDate('2025-12-30T23:15:00.000Z')).toBe('31 Desember 2025');
  });

  it('shows times in WIB with the zone named, in both languages', () => {
    expect(formatDateTime('2026-11-29T14:05:00.000Z', 'id')).toBe('29 November 2026 21.05 WIB');
    expect(formatDateTime('2026-12-31T17:30:00Z', 'en')).toBe('1 January 2027 00:30 WIB');
    expect(formatDateTime('2025-02-01', 'id')).toBe('1 Februari 2025');
  });

  it('returns text that is not an ISO date unchanged', () => {
    expect(formatDate('2025')).toBe('2025');
    expect(formatDate('kemarin')).toBe('kemarin');
    expect(formatDate('2025-13-01', 'en')).toBe('2025-13-01');
  });
});

describe('numbers up to a number of decimals, and sizes in MB', () => {
  it('drops trailing zeros and rounds past the limit', () => {
    expect(formatNumberUpTo('id', 94.765432, 6)).toBe('94,765432');
    expect(formatNumberUpTo('id', 2, 3)).toBe('2');
    expect(formatNumberUpTo('en', 1234.5, 1)).toBe('1,234.5');
    expect(formatMegabytes(10 * 1048576)).toBe('10');
    expect(formatMegabytes(1572864)).toBe('1,5');
    expect(formatMegabytes(1572864, 0)).toBe('2');
  });
});

describe('what pages show for missing values, typed numbers and file sizes', () => {
  it('shows a dash for a missing number, date or time', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined, 'en')).toBe('—');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatNumber(0)).toBe('0');
  });

  it('reads numbers typed the Indonesian or the English way', () => {
    expect(parseNumber('94,76')).toBe(94.76);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber(' 94.76 ')).toBe(94.76);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('sembilan')).toBeNaN();
  });

  it('writes sizes and percentages in the reader’s language', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(2621440, 'en')).toBe('2.5 MB');
    expect(formatBytes(0)).toBe('—');
    expect(formatPercent(81.25)).toBe('81,25%');
    expect(formatPercent(81.25, 'en')).toBe('81.25%');
  });
});
