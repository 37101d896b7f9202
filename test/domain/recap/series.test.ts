import { describe, expect, it } from 'vitest';
import {
  type AwardFact,
  formatChange,
  formatCumulative,
  formatStreak,
  formatTrendPoint,
  groupSeries,
  scoreTrend,
  streaks,
  streaksOf,
} from '../../../src/domain/recap/index.ts';

let n = 0;
const award = (a: Partial<AwardFact> & { editionYear: number }): AwardFact => ({ id: ++n, ...a });

// BPK opinions on Kota Tangerang's LKPD, fiscal years 2008–2024, with 2009 missing from the
// record: the run after the gap is 2010–2024 = 15 years.
const bpk = [2008, ...Array.from({ length: 15 }, (_, i) => 2010 + i)].map((y) =>
  award({
    editionYear: y,
    seriesKey: 'bpk|lkpd|36.71',
    giverCode: 'bpk',
    gradeCode: 'WTP',
    statusLabel: 'WTP',
  }),
);

const ombudsman = [
  award({ editionYear: 2021, seriesKey: 'ombudsman|36.71', score: 85.1, gradeCode: 'HIJAU', zone: 'hijau' }),
  award({ editionYear: 2022, seriesKey: 'ombudsman|36.71', score: 89.04, gradeCode: 'A', zone: 'hijau' }),
  award({ editionYear: 2023, seriesKey: 'ombudsman|36.71', score: 93.21, gradeCode: 'A', zone: 'hijau' }),
  award({
    editionYear: 2024,
    seriesKey: 'ombudsman|36.71',
    score: 94.76,
    gradeCode: 'A',
    zone: 'hijau',
    title: 'Opini Ombudsman',
  }),
];

describe('streaks', () => {
  it('WTP 15 kali berturut-turut: a missing year breaks the run', () => {
    const s = streaks(bpk, 'status');
    expect(s.runs.map((r) => [r.fromYear, r.toYear, r.length])).toEqual([
      [2008, 2008, 1],
      [2010, 2024, 15],
    ]);
    expect(s.longest).toEqual({ value: 'WTP', fromYear: 2010, toYear: 2024, length: 15 });
    expect(s.current).toEqual(s.longest);
    expect(formatStreak(s.current!)).toBe('WTP 15 kali berturut-turut');
    expect(formatStreak(s.current!, { lang: 'en' })).toBe('WTP 15 times in a row');
  });

  it('a different value breaks the run; "current" must reach the latest year', () => {
    const points = [
      { year: 2019, value: 'WDP' },
      { year: 2020, value: 'WTP' },
      { year: 2021, value: 'WTP' },
      { year: 2022, value: 'WTP' },
      { year: 2023, value: 'WDP' },
    ];
    const s = streaksOf(points);
    expect(s.longest).toEqual({ value: 'WTP', fromYear: 2020, toYear: 2022, length: 3 });
    expect(s.current).toEqual({ value: 'WDP', fromYear: 2023, toYear: 2023, length: 1 });
    expect(streaksOf(points, { value: 'WTP' }).current).toBeNull();
    expect(streaksOf(points, { value: 'WTP', asOfYear: 2022 }).current?.length).toBe(3);
    expect(streaksOf(points, { asOfYear: 2025 }).current).toBeNull();
    expect(streaksOf([]).longest).toBeNull();
  });

  it('zone streaks cross methodology versions: 4 tahun berturut-turut Zona Hijau', () => {
    const zone = streaks(ombudsman, 'zone');
    expect(zone.current).toEqual({ value: 'hijau', fromYear: 2021, toYear: 2024, length: 4 });
    expect(formatStreak(zone.current!)).toBe('4 tahun berturut-turut Zona Hijau');
    expect(formatStreak(zone.current!, { lang: 'en' })).toBe('Green Zone 4 years in a row');
    const grade = streaks(ombudsman, 'grade');
    expect(grade.current).toEqual({ value: 'A', fromYear: 2022, toYear: 2024, length: 3 });
    expect(formatStreak(grade.current!, { unit: 'tahun', label: 'Kategori A' })).toBe(
      '3 tahun berturut-turut Kategori A',
    );
  });
});

describe('series and score trend', () => {
  it('groups by series key, one point per year, oldest first', () => {
    const dup = award({ editionYear: 2024, seriesKey: 'ombudsman|36.71', score: 90 });
    const series = groupSeries([...ombudsman, ...bpk, dup, award({ editionYear: 2024 })]);
    expect(series.map((s) => [s.key, s.points.length])).toEqual([
      ['bpk|lkpd|36.71', 16],
      ['ombudsman|36.71', 4],
    ]);
    expect(series[1].points[3].score).toBe(94.76); // the higher score stands for 2024
    expect(series[1].title).toBe('Opini Ombudsman');
  });

  it('Ombudsman 93.21 → 94.76: +1.55, not 1.5499999', () => {
    const trend = scoreTrend(groupSeries(ombudsman)[0]);
    expect(trend.at(-1)).toEqual({
      year: 2024,
      score: 94.76,
      gradeCode: 'A',
      zone: 'hijau',
      previousYear: 2023,
      delta: 1.55,
      deltaPercent: 1.66,
      afterGap: false,
    });
    expect(trend[0].delta).toBeNull();
    expect(trend[1].delta).toBe(3.94);
    expect(formatTrendPoint(trend[3], 93.21)).toBe('94,76, naik 1,55 dari 93,21 (2023)');
    expect(formatTrendPoint(trend[3], 93.21, 'en')).toBe('94.76, up 1.55 from 93.21 (2023)');
  });

  it('marks a point that follows a skipped year', () => {
    const t = scoreTrend({
      points: [award({ editionYear: 2019, score: 70 }), award({ editionYear: 2021, score: 65.5 })],
    });
    expect(t[1]).toMatchObject({ previousYear: 2019, delta: -4.5, afterGap: true });
    expect(formatTrendPoint(t[1], 70)).toBe('65,5, turun 4,5 dari 70 (2019)');
  });
});

describe('formatters', () => {
  it('change and cumulative phrases', () => {
    const c = { year: 2025, count: 87, previousYear: 2024, previous: 48, delta: 39, percent: 81.25 };
    expect(formatChange(c)).toBe('87 penghargaan pada 2025, naik 39 (81,25%) dari 48 pada 2024');
    expect(formatChange(c, 'en')).toBe('87 awards in 2025, up 39 (81.25%) from 48 in 2024');
    expect(formatChange({ ...c, count: 5, previous: 0, delta: 5, percent: null })).toBe(
      '5 penghargaan pada 2025, naik 5 dari 0 pada 2024',
    );
    expect(formatCumulative(239, 1993)).toBe('239 penghargaan sejak 1993');
    expect(formatCumulative(239, 1993, 'en')).toBe('239 awards since 1993');
  });
});
