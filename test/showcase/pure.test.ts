import { describe, expect, it } from 'vitest';
import { formatDate, formatDelta, formatNumber } from '../../src/domain/format.ts';
import { link } from '../../src/http/pages/showcase/links.ts';
import { parseListParams } from '../../src/http/pages/showcase/list-query.ts';
import type { FilterOptions } from '../../src/services/showcase/options.ts';

describe('showcase formats', () => {
  it('writes numbers and dates the Indonesian way, and English when asked', () => {
    expect(formatNumber(94.76, 'id')).toBe('94,76');
    expect(formatNumber(1234, 'id')).toBe('1.234');
    expect(formatNumber(94.76, 'en')).toBe('94.76');
    expect(formatDate('2025-10-09', 'id')).toBe('9 Oktober 2025');
    expect(formatDate('2025-12-30', 'en')).toBe('30 December 2025');
    expect(formatDate('bukan tanggal', 'id')).toBe('bukan tanggal');
    expect(formatDelta(39, 81.25, 'id')).toBe('+39 (+81,25%)');
    expect(formatDelta(-3, null, 'id')).toBe('−3');
  });

  it('keeps English readers in English and drops empty parameters from links', () => {
    expect(link('/penghargaan', 'id', { tahun: 2025, bidang: '' })).toBe('/penghargaan?tahun=2025');
    expect(link('/penghargaan', 'en', { tahun: 2025 })).toBe('/penghargaan?tahun=2025&lang=en');
    expect(link('/', 'id')).toBe('/');
  });
});

describe('list parameters', () => {
  const options: FilterOptions = {
    years: [2025, 2024],
    fields: [{ code: 'kesehatan', name: 'Kesehatan' }],
    units: [{ id: 7, name: 'Dinas Kesehatan', depth: 1 }],
    givers: [{ code: 'bkn', abbreviation: 'BKN', name: 'Badan Kepegawaian Negara' }],
  };
  const parse = (q: Record<string, string>) => parseListParams((n) => q[n], options);

  it('turns Indonesian URL parameters into the list query', () => {
    const p = parse({
      tahun: '2025',
      bidang: 'kesehatan',
      tingkat: 'nasional',
      unit: '7',
      pemberi: 'bkn',
      q: ' spm ',
      hal: '2',
    });
    expect(p.ignored).toEqual([]);
    expect(p.query).toMatchObject({
      year: 2025,
      field: 'kesehatan',
      level: 'nasional',
      unit: 7,
      giver: 'bkn',
      q: 'spm',
      page: 2,
    });
  });

  it('ignores and names what it does not understand', () => {
    const p = parse({
      tahun: '20x5',
      bidang: 'sihir',
      tingkat: 'galaksi',
      unit: '99',
      pemberi: 'nasa',
      hal: '0',
    });
    expect(p.ignored).toEqual(['tahun', 'bidang', 'tingkat', 'unit', 'pemberi', 'hal']);
    expect(p.query).toMatchObject({ year: undefined, field: undefined, unit: undefined, page: 1 });
  });
});
