import { describe, expect, it } from 'vitest';
import {
  formatDateEn,
  formatDateId,
  formatDateIn,
  formatDateTimeIn,
  formatMegabytes,
  formatNumberEn,
  formatNumberId,
  formatNumberIn,
  formatNumberUpTo,
} from '../../src/domain/format.ts';

describe('formatNumber', () => {
  it('writes decimals with a comma and thousands with a dot in Indonesian', () => {
    expect(formatNumberId(94.76)).toBe('94,76');
    expect(formatNumberId(1234)).toBe('1.234');
    expect(formatNumberId(1234567.5)).toBe('1.234.567,5');
  });

  it('writes the English way when asked', () => {
    expect(formatNumberEn(94.76)).toBe('94.76');
    expect(formatNumberEn(1234)).toBe('1,234');
    expect(formatNumberIn('en', 0.5)).toBe('0.5');
  });

  it('rounds to two decimals by default and shows whole numbers without any', () => {
    expect(formatNumberId(81.256)).toBe('81,26');
    expect(formatNumberId(87)).toBe('87');
    expect(formatNumberId(-3.5)).toBe('-3,5');
  });

  it('fixes the number of decimals when given', () => {
    expect(formatNumberId(87, 2)).toBe('87,00');
    expect(formatNumberEn(3.14159, 1)).toBe('3.1');
    expect(formatNumberIn('id', 2.5, 0)).toBe('3');
  });
});

describe('formatDate', () => {
  it('writes the day, the month by name and the year', () => {
    expect(formatDateId('2025-10-09')).toBe('9 Oktober 2025');
    expect(formatDateId('2025-12-30')).toBe('30 Desember 2025');
    expect(formatDateEn('2025-10-09')).toBe('9 October 2025');
    expect(formatDateIn('id', '2024-01-01')).toBe('1 Januari 2024');
  });

  it('gives a timestamp the date it was in WIB (UTC+7)', () => {
    expect(formatDateId('2025-12-30T16:59:00.000Z')).toBe('30 Desember 2025');
    expect(formatDateId('2025-12-30T23:15:00.000Z')).toBe('31 Desember 2025');
  });

  it('shows times in WIB with the zone named, in both languages', () => {
    expect(formatDateTimeIn('id', '2026-11-29T14:05:00.000Z')).toBe('29 November 2026 21.05 WIB');
    expect(formatDateTimeIn('en', '2026-12-31T17:30:00Z')).toBe('1 January 2027 00:30 WIB');
    expect(formatDateTimeIn('id', '2025-02-01')).toBe('1 Februari 2025');
  });

  it('returns text that is not an ISO date unchanged', () => {
    expect(formatDateId('2025')).toBe('2025');
    expect(formatDateId('kemarin')).toBe('kemarin');
    expect(formatDateEn('2025-13-01')).toBe('2025-13-01');
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
