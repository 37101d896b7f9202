import { describe, expect, it } from 'vitest';
import { formatDate, formatDelta, formatNum, link } from '../../src/http/pages/showcase/format.ts';
import { parseListParams } from '../../src/http/pages/showcase/list-query.ts';
import { headlineYear, namedCounts } from '../../src/services/showcase/home.ts';
import type { FilterOptions } from '../../src/services/showcase/options.ts';
import type { PublicFact } from '../../src/services/showcase/public.ts';
import { buildTimeline } from '../../src/services/showcase/timeline.ts';

const fact = (id: number, editionYear: number, over: Partial<PublicFact> = {}): PublicFact => ({
  id,
  title: `Penghargaan ${id}`,
  editionYear,
  fieldCode: null,
  fieldName: null,
  giverCode: null,
  giverName: null,
  level: null,
  unitId: null,
  unitPath: null,
  rank: null,
  rankPosition: null,
  ...over,
});

describe('showcase formats', () => {
  it('writes numbers and dates the Indonesian way, and English when asked', () => {
    expect(formatNum(94.76, 'id')).toBe('94,76');
    expect(formatNum(1234, 'id')).toBe('1.234');
    expect(formatNum(94.76, 'en')).toBe('94.76');
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

describe('headline year and counts', () => {
  it('takes this year when it has awards, else the latest year that has', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(headlineYear([fact(1, 2024), fact(2, 2025)], now)).toBe(2025);
    expect(headlineYear([fact(1, 2025), fact(2, 2026)], now)).toBe(2026);
    // A record dated in the future does not become the headline.
    expect(headlineYear([fact(1, 2025), fact(2, 2030)], now)).toBe(2025);
    expect(headlineYear([], now)).toBe(2026);
  });

  it('counts by key with labels, largest first, and puts missing keys under "other"', () => {
    const counts = namedCounts(
      [
        fact(1, 2025, { fieldCode: 'kesehatan', fieldName: 'Kesehatan' }),
        fact(2, 2025, { fieldCode: 'kesehatan', fieldName: 'Kesehatan' }),
        fact(3, 2025, { fieldCode: 'inovasi', fieldName: 'Inovasi Daerah' }),
        fact(4, 2025),
      ],
      (f) => f.fieldCode,
      (f) => f.fieldName,
      'Lainnya',
    );
    expect(counts).toEqual([
      { key: 'kesehatan', label: 'Kesehatan', count: 2 },
      { key: 'inovasi', label: 'Inovasi Daerah', count: 1 },
      { key: '', label: 'Lainnya', count: 1 },
    ]);
  });
});

describe('timeline', () => {
  it('runs from the founding year to the latest, newest first, highlights by level then rank', () => {
    const tl = buildTimeline(
      [
        fact(1, 1995, { level: 'provinsi' }),
        fact(2, 1995, { level: 'nasional', rankPosition: 2 }),
        fact(3, 1995, { level: 'nasional', rankPosition: 1 }),
        fact(4, 1995, { level: 'internasional' }),
        fact(5, 1997),
      ],
      '1993-02-28',
      3,
    );
    expect(tl.fromYear).toBe(1993);
    expect(tl.toYear).toBe(1997);
    expect(tl.years.map((y) => [y.year, y.count])).toEqual([
      [1997, 1],
      [1996, 0],
      [1995, 4],
      [1994, 0],
      [1993, 0],
    ]);
    expect(tl.years[2].highlights.map((h) => h.id)).toEqual([4, 3, 2]);
    expect(buildTimeline([], '1993-02-28').years).toEqual([]);
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
