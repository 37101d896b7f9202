import { describe, expect, it } from 'vitest';
import { type AwardFact, changeOf, countByUnit } from '../../../src/domain/recap/index.ts';

let n = 0;
const award = (a: Partial<AwardFact> & { editionYear: number }): AwardFact => ({ id: ++n, ...a });

// Pemkot (1) → Dinas Kesehatan (5) → Puskesmas Neglasari (12), Puskesmas Cibodas (13);
// Pemkot (1) → BKPSDM (6).
const AWARDS: AwardFact[] = [
  award({
    editionYear: 2024,
    fieldCode: 'kesehatan',
    level: 'nasional',
    giverCode: 'kemenkes',
    unitPath: '/1/5/12/',
  }),
  award({
    editionYear: 2025,
    fieldCode: 'kesehatan',
    level: 'provinsi',
    giverCode: 'pemprov-banten',
    unitPath: '/1/5/13/',
  }),
  award({
    editionYear: 2025,
    fieldCode: 'kesehatan',
    level: 'nasional',
    giverCode: 'kemenkes',
    unitPath: '/1/5/',
  }),
  award({
    editionYear: 2025,
    fieldCode: 'kepegawaian',
    level: 'nasional',
    giverCode: 'bkn',
    unitPath: '/1/6/',
  }),
  award({
    editionYear: 2025,
    fieldCode: 'kepegawaian',
    level: 'nasional',
    giverCode: 'bkn',
    unitPath: '/1/6/',
  }),
  award({
    editionYear: 2025,
    fieldCode: 'tata-kelola',
    level: 'nasional',
    giverCode: 'ombudsman',
    unitPath: '/1/',
  }),
  // A team award: Puskesmas Neglasari and BKPSDM together, one record.
  award({
    editionYear: 2025,
    fieldCode: 'pelayanan-publik',
    level: 'nasional',
    giverCode: 'kemenpanrb',
    unitPaths: ['/1/5/12/', '/1/6/'],
  }),
  award({ editionYear: 2022, fieldCode: null, level: 'nasional', giverCode: 'bpk' }),
];

describe('unit roll-up', () => {
  it('counts each subtree, a team award once per subtree', () => {
    const rows = countByUnit(AWARDS, [
      { id: 1, path: '/1/', name: 'Pemerintah Kota Tangerang' },
      { id: 5, path: '/1/5/', name: 'Dinas Kesehatan' },
      { id: 12, path: '/1/5/12/', name: 'Puskesmas Neglasari' },
      { id: 13, path: '/1/5/13/', name: 'Puskesmas Cibodas' },
      { id: 6, path: '/1/6/', name: 'BKPSDM' },
      { id: 7, path: '/1/7/', name: 'Dinas Sosial' },
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.name, [r.direct, r.total]]));
    expect(by).toEqual({
      'Pemerintah Kota Tangerang': [1, 7], // 8 awards, one has no unit; the team award once
      'Dinas Kesehatan': [1, 4],
      'Puskesmas Neglasari': [2, 2],
      'Puskesmas Cibodas': [1, 1],
      BKPSDM: [3, 3],
      'Dinas Sosial': [0, 0],
    });
    expect(rows[0].name).toBe('Pemerintah Kota Tangerang');
  });

  it('without a unit list, derives the tree from the paths', () => {
    const rows = countByUnit(AWARDS);
    expect(rows.find((r) => r.path === '/1/5/')).toEqual({ unitId: '5', path: '/1/5/', direct: 1, total: 4 });
  });

  it('does not mistake /1/50/ for a child of /1/5/', () => {
    const a = [
      award({ editionYear: 2025, unitPath: '/1/50/' }),
      award({ editionYear: 2025, unitPath: '/1/5/' }),
    ];
    expect(countByUnit(a).find((r) => r.path === '/1/5/')?.total).toBe(1);
  });
});

describe('change against the previous year', () => {
  it('87 in 2025 against 48 in 2024: +39, +81.25%', () => {
    expect(changeOf(2025, 87, 48)).toEqual({
      year: 2025,
      count: 87,
      previousYear: 2024,
      previous: 48,
      delta: 39,
      percent: 81.25,
    });
  });

  it('previous year 0: percent is null, not Infinity', () => {
    expect(changeOf(2024, 1, 0)).toEqual({
      year: 2024,
      count: 1,
      previousYear: 2023,
      previous: 0,
      delta: 1,
      percent: null,
    });
    expect(changeOf(2023, 0, 1).percent).toBe(-100);
  });
});
