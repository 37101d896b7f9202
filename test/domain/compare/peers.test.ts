import { describe, expect, it } from 'vitest';
import {
  assessmentsFor,
  awardWeight,
  comparePeers,
  NATIONAL_ASSESSMENTS,
  type RegionTally,
} from '../../../src/domain/compare/index.ts';
import { seriesStreaks } from '../../../src/domain/recap/index.ts';

const tally = (code: string, kind: RegionTally['kind'], over: Partial<RegionTally> = {}): RegionTally => ({
  code,
  name: `Daerah ${code}`,
  kind,
  firstYear: 2000,
  awards: 0,
  achievements: 0,
  score: 0,
  assessments: [],
  streak: null,
  ...over,
});

describe('fair comparison of regions', () => {
  it('weighs an award by level times rank, with 1 for anything not declared', () => {
    expect(awardWeight('internasional', 1)).toBe(15);
    expect(awardWeight('nasional', null)).toBe(4);
    expect(awardWeight('provinsi', 3)).toBe(3);
    expect(awardWeight(null, 7)).toBe(1);
    expect(awardWeight('antah-berantah', 2)).toBe(2);
  });

  it('ranks within peer groups only, ties sharing a rank, not-reported last and unranked', () => {
    const groups = comparePeers([
      tally('36.71', 'kota', { score: 10, achievements: 3, awards: 5 }),
      tally('36.03', 'kabupaten', { score: 50, achievements: 9, awards: 9 }),
      tally('36.74', 'kota', { score: 10, achievements: 3, awards: 5, name: 'Awal' }),
      tally('36.72', 'kota', { score: 2, achievements: 1, awards: 1 }),
      tally('32.73', 'kota', { firstYear: null, name: 'Belum' }),
      tally('36.02', 'kabupaten'),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['kabupaten', 'kota']);
    const kota = groups[1];
    expect(kota.regions.map((r) => [r.code, r.rank, r.reported])).toEqual([
      ['36.74', 1, true],
      ['36.71', 1, true],
      ['36.72', 3, true],
      ['32.73', null, false],
    ]);
    expect(kota.reported).toBe(3);
    // A region with a record but nothing in the window is a ranked zero, not "not reported".
    expect(groups[0].regions.map((r) => [r.code, r.rank, r.score])).toEqual([
      ['36.03', 1, 50],
      ['36.02', 2, 0],
    ]);
  });

  it('measures coverage against the assessments held for the region kind', () => {
    const [kota] = comparePeers([tally('36.71', 'kota', { assessments: ['bpk-opini', 'kla', 'sakip'] })]);
    expect(kota.regions[0].coverage).toEqual({ have: 3, of: NATIONAL_ASSESSMENTS.length });
    const [prov] = comparePeers([tally('36', 'provinsi', { assessments: ['bpk-opini', 'kla'] })]);
    expect(prov.regions[0].coverage).toEqual({ have: 1, of: assessmentsFor('provinsi').length });
    expect(assessmentsFor('provinsi').length).toBe(NATIONAL_ASSESSMENTS.length - 1);
  });

  it('counts a recurring opinion as one run of years, broken by another opinion or a gap', () => {
    const point = (year: number, status: string) => ({ id: year, editionYear: year, statusLabel: status });
    const s = seriesStreaks([point(2019, 'WDP'), point(2020, 'WTP'), point(2021, 'WTP'), point(2022, 'WTP')]);
    expect(s.current).toEqual({ value: 'WTP', fromYear: 2020, toYear: 2022, length: 3 });
    const gap = seriesStreaks([point(2020, 'WTP'), point(2022, 'WTP')]);
    expect(gap.current?.length).toBe(1);
    // A series without status, zone or grade repeats by being received.
    const plain = seriesStreaks([
      { id: 1, editionYear: 2024 },
      { id: 2, editionYear: 2025 },
    ]);
    expect(plain.current).toMatchObject({ value: 'received', length: 2 });
  });
});
