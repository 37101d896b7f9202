import { describe, expect, it } from 'vitest';
import {
  type AwardFact,
  changeFromPreviousYear,
  countByField,
  countByGiver,
  countByLevel,
  countByUnit,
  countByYear,
  cumulativeSince,
  inSubtree,
} from '../../../src/domain/recap/index.ts';

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

describe('counts', () => {
  it('by year, with the empty years filled when a range is given', () => {
    expect(countByYear(AWARDS)).toEqual([
      { year: 2022, count: 1 },
      { year: 2023, count: 0 },
      { year: 2024, count: 1 },
      { year: 2025, count: 6 },
    ]);
    expect(countByYear(AWARDS, { from: 2025, to: 2026 })).toEqual([
      { year: 2025, count: 6 },
      { year: 2026, count: 0 },
    ]);
    expect(countByYear([])).toEqual([]);
  });

  it('by field, level and giver; largest first; missing under null', () => {
    expect(countByField(AWARDS)).toEqual([
      { key: 'kesehatan', count: 3 },
      { key: 'kepegawaian', count: 2 },
      { key: 'pelayanan-publik', count: 1 },
      { key: 'tata-kelola', count: 1 },
      { key: null, count: 1 },
    ]);
    expect(countByLevel(AWARDS)).toEqual([
      { key: 'nasional', count: 7 },
      { key: 'provinsi', count: 1 },
    ]);
    expect(countByGiver(AWARDS)[0]).toEqual({ key: 'bkn', count: 2 });
  });
});

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
    expect(inSubtree(a, '/1/5/')).toHaveLength(1);
    expect(inSubtree(a, '/1/5')).toHaveLength(1);
  });
});

describe('change against the previous year', () => {
  it('87 in 2025 against 48 in 2024: +39, +81.25%', () => {
    const a = [
      ...Array.from({ length: 48 }, () => award({ editionYear: 2024 })),
      ...Array.from({ length: 87 }, () => award({ editionYear: 2025 })),
    ];
    expect(changeFromPreviousYear(a, 2025)).toEqual({
      year: 2025,
      count: 87,
      previousYear: 2024,
      previous: 48,
      delta: 39,
      percent: 81.25,
    });
  });

  it('previous year 0: percent is null, not Infinity', () => {
    expect(changeFromPreviousYear(AWARDS, 2024)).toEqual({
      year: 2024,
      count: 1,
      previousYear: 2023,
      previous: 0,
      delta: 1,
      percent: null,
    });
    expect(changeFromPreviousYear(AWARDS, 2023).percent).toBe(-100);
  });
});

describe('cumulative since founding', () => {
  it('counts from the founding date, with running totals', () => {
    const a = [
      award({ editionYear: 1993, receivedOn: '1993-01-15' }), // before 28 Feb 1993: not counted
      award({ editionYear: 1993, receivedOn: '1993-03-01' }),
      award({ editionYear: 1995 }),
      award({ editionYear: 1992 }),
      award({ editionYear: 2025, receivedOn: '2025-10-09' }),
      award({ editionYear: 2025, receivedOn: '2025-10-09' }),
    ];
    expect(cumulativeSince(a, '1993-02-28')).toEqual({
      since: '1993-02-28',
      total: 4,
      byYear: [
        { year: 1993, count: 1, cumulative: 1 },
        ...[1994].map((year) => ({ year, count: 0, cumulative: 1 })),
        { year: 1995, count: 1, cumulative: 2 },
        ...Array.from({ length: 2024 - 1995 }, (_, i) => ({ year: 1996 + i, count: 0, cumulative: 2 })),
        { year: 2025, count: 2, cumulative: 4 },
      ],
    });
    expect(cumulativeSince(a, '1993-02-28', 2024).total).toBe(2);
  });
});
