// Every band edge of every shipped scale, checked against a table copied by hand from
// shared/reference/rubrics.md (not generated from the catalogue, so drift in either fails here).
// Row: [code, lower, lowerInclusive, upper, upperInclusive, label, zone]
import { describe, expect, it } from 'vitest';
import { findScale, gradeOpinion, gradeScore, SCALE_IDS, SCALES } from '../../../src/domain/grading/index.ts';
import { AWARDING_BODIES } from '../../../src/reference/awarding-bodies.ts';

type Row = [string, number, boolean, number, boolean, string, string | null];
interface Expected {
  scale: string;
  version: string;
  /** A year the version is in force for. */
  year: number;
  step: number;
  rows: Row[];
}

const T = true;
const F = false;

const EXPECTED: Expected[] = [
  // §1a Ombudsman ≤2021: Zona Hijau 81.00–100.00, Kuning 51.00–80.99, Merah 0.00–50.99
  {
    scale: 'ombudsman-kepatuhan',
    version: '1',
    year: 2021,
    step: 0.01,
    rows: [
      ['HIJAU', 81, T, 100, T, 'Kepatuhan Tinggi', 'hijau'],
      ['KUNING', 51, T, 80.99, T, 'Kepatuhan Sedang', 'kuning'],
      ['MERAH', 0, T, 50.99, T, 'Kepatuhan Rendah', 'merah'],
    ],
  },
  // §1b Ombudsman 2022–2024: A 88–100, B 78–87.99, C 54–77.99, D 32–53.99, E 0–31.99
  {
    scale: 'ombudsman-kepatuhan',
    version: '2',
    year: 2024,
    step: 0.01,
    rows: [
      ['A', 88, T, 100, T, 'Opini Kualitas Tertinggi', 'hijau'],
      ['B', 78, T, 87.99, T, 'Opini Kualitas Tinggi', 'hijau'],
      ['C', 54, T, 77.99, T, 'Opini Kualitas Sedang', 'kuning'],
      ['D', 32, T, 53.99, T, 'Opini Kualitas Rendah', 'merah'],
      ['E', 0, T, 31.99, T, 'Opini Kualitas Terendah', 'merah'],
    ],
  },
  // §3 SAKIP: AA >90–100 … C >30–50, D 0–30
  {
    scale: 'sakip',
    version: '1',
    year: 2024,
    step: 0.01,
    rows: [
      ['AA', 90, F, 100, T, 'Sangat Memuaskan', null],
      ['A', 80, F, 90, T, 'Memuaskan', null],
      ['BB', 70, F, 80, T, 'Sangat Baik', null],
      ['B', 60, F, 70, T, 'Baik', null],
      ['CC', 50, F, 60, T, 'Cukup', null],
      ['C', 30, F, 50, T, 'Kurang', null],
      ['D', 0, T, 30, T, 'Sangat Kurang', null],
    ],
  },
  // §7c Indeks RB: same letters, D >0–30
  {
    scale: 'indeks-rb',
    version: '1',
    year: 2022,
    step: 0.01,
    rows: [
      ['AA', 90, F, 100, T, 'Sangat Memuaskan', null],
      ['A', 80, F, 90, T, 'Memuaskan', null],
      ['BB', 70, F, 80, T, 'Sangat Baik', null],
      ['B', 60, F, 70, T, 'Baik', null],
      ['CC', 50, F, 60, T, 'Cukup', null],
      ['C', 30, F, 50, T, 'Kurang', null],
      ['D', 0, F, 30, T, 'Sangat Kurang', null],
    ],
  },
  // §4 KLA: Pratama 500–600, Madya 601–700, Nindya 701–800, Utama 801–900, KLA 901–1000
  {
    scale: 'kla',
    version: '1',
    year: 2023,
    step: 1,
    rows: [
      ['KLA', 901, T, 1000, T, 'Kota/Kabupaten Layak Anak', null],
      ['UTAMA', 801, T, 900, T, 'Kategori Utama', null],
      ['NINDYA', 701, T, 800, T, 'Kategori Nindya', null],
      ['MADYA', 601, T, 700, T, 'Kategori Madya', null],
      ['PRATAMA', 500, T, 600, T, 'Kategori Pratama', null],
    ],
  },
  // §5 BPK: ordinal WTP(4) > WDP(3) > TW(2) > TMP(1)
  {
    scale: 'bpk-opini',
    version: '1',
    year: 2024,
    step: 1,
    rows: [
      ['WTP', 4, T, 4, T, 'Wajar Tanpa Pengecualian', null],
      ['WDP', 3, T, 3, T, 'Wajar Dengan Pengecualian', null],
      ['TW', 2, T, 2, T, 'Tidak Wajar', null],
      ['TMP', 1, T, 1, T, 'Tidak Menyatakan Pendapat', null],
    ],
  },
  // §6 IID: Sangat Inovatif 60.01–100, Inovatif 35–60, Kurang 0.01–34.99, TDD 0–0
  {
    scale: 'iid',
    version: '1',
    year: 2023,
    step: 0.01,
    rows: [
      ['SANGAT_INOVATIF', 60.01, T, 100, T, 'Sangat Inovatif', null],
      ['INOVATIF', 35, T, 60, T, 'Inovatif', null],
      ['KURANG_INOVATIF', 0.01, T, 34.99, T, 'Kurang Inovatif', null],
      ['TIDAK_DAPAT_DINILAI', 0, T, 0, T, 'Tidak Dapat Dinilai', null],
    ],
  },
  // §7a Sistem Merit: I 100–174 Buruk, II 175–249 Kurang, III 250–324 Baik, IV 325–400 Sangat Baik
  {
    scale: 'sistem-merit',
    version: '1',
    year: 2023,
    step: 1,
    rows: [
      ['IV', 325, T, 400, T, 'Sangat Baik', null],
      ['III', 250, T, 324, T, 'Baik', null],
      ['II', 175, T, 249, T, 'Kurang', null],
      ['I', 100, T, 174, T, 'Buruk', null],
    ],
  },
  // §7e KIP: Informatif 90–100, Menuju 80–89.99, Cukup 60–79.99, Kurang 40–59.99, Tidak 0–39.99
  {
    scale: 'kip',
    version: '1',
    year: 2021,
    step: 0.01,
    rows: [
      ['INFORMATIF', 90, T, 100, T, 'Informatif', null],
      ['MENUJU_INFORMATIF', 80, T, 89.99, T, 'Menuju Informatif', null],
      ['CUKUP_INFORMATIF', 60, T, 79.99, T, 'Cukup Informatif', null],
      ['KURANG_INFORMATIF', 40, T, 59.99, T, 'Kurang Informatif', null],
      ['TIDAK_INFORMATIF', 0, T, 39.99, T, 'Tidak Informatif', null],
    ],
  },
  // §7f IKM: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99
  {
    scale: 'ikm',
    version: '1',
    year: 2024,
    step: 0.01,
    rows: [
      ['A', 88.31, T, 100, T, 'Sangat Baik', null],
      ['B', 76.61, T, 88.3, T, 'Baik', null],
      ['C', 65, T, 76.6, T, 'Kurang Baik', null],
      ['D', 25, T, 64.99, T, 'Tidak Baik', null],
    ],
  },
  // §7b SPBE: Memuaskan 4.20–5.00 (5.00 included), Sangat Baik 3.50–<4.20, Baik 2.60–<3.50,
  // Cukup 1.80–<2.60, Kurang 0–<1.80
  {
    scale: 'spbe',
    version: '1',
    year: 2021,
    step: 0.01,
    rows: [
      ['MEMUASKAN', 4.2, T, 5, T, 'Memuaskan', null],
      ['SANGAT_BAIK', 3.5, T, 4.2, F, 'Sangat Baik', null],
      ['BAIK', 2.6, T, 3.5, F, 'Baik', null],
      ['CUKUP', 1.8, T, 2.6, F, 'Cukup', null],
      ['KURANG', 0, T, 1.8, F, 'Kurang', null],
    ],
  },
];

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function codeAt(scaleId: string, year: number, score: number): string | null {
  const r = gradeScore(findScale(scaleId)!, year, round(score));
  return r.ok ? r.grade.code : null;
}

describe('shipped catalogue', () => {
  it('ships exactly the CONFIRMED/CORROBORATED scales of issue 3', () => {
    expect([...SCALE_IDS].sort()).toEqual(
      [
        'bpk-opini',
        'iid',
        'ikm',
        'indeks-rb',
        'kip',
        'kla',
        'ombudsman-kepatuhan',
        'sakip',
        'sistem-merit',
        'spbe',
      ].sort(),
    );
    for (const s of SCALES) expect(['CONFIRMED', 'CORROBORATED']).toContain(s.confidence);
    expect(findScale('spbe')!.confidence).toBe('CORROBORATED');
    expect(findScale('bpk-opini')!.kind).toBe('ordinal');
  });

  it('names givers by their codes in the reference list of awarding bodies', () => {
    const codes = new Set(AWARDING_BODIES.map((b) => b.code));
    for (const s of SCALES) expect(codes, s.id).toContain(s.giverCode);
  });

  it('ships no Ombudsman 2025 version (its bands are UNCONFIRMED)', () => {
    const o = findScale('ombudsman-kepatuhan')!;
    expect(o.versions.map((v) => [v.validFromYear, v.validToYear])).toEqual([
      [null, 2021],
      [2022, 2024],
    ]);
    const r = gradeScore(o, 2025, 94.76);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe('no-version-for-year');
  });

  it('every version in the catalogue is covered by the reference table', () => {
    const catalogued = SCALES.flatMap((s) => s.versions.map((v) => `${s.id}@${v.version}`)).sort();
    expect(EXPECTED.map((e) => `${e.scale}@${e.version}`).sort()).toEqual(catalogued);
  });
});

for (const e of EXPECTED) {
  describe(`${e.scale} version ${e.version} (edges from rubrics.md)`, () => {
    const scale = findScale(e.scale)!;
    const version = scale.versions.find((v) => v.version === e.version)!;

    it('has the reference bands, edges, inclusiveness, labels and zones', () => {
      const actual = [...version.bands]
        .sort((a, b) => b.lower - a.lower)
        .map(
          (b): Row => [b.code, b.lower, b.lowerInclusive, b.upper, b.upperInclusive, b.label, b.zone ?? null],
        );
      expect(actual).toEqual(e.rows);
      expect(version.precision ?? 0.01).toBe(e.step);
    });

    if (scale.kind === 'ordinal') {
      it.each(e.rows)('%s grades by opinion code and has rank = its point', (code, lower) => {
        const r = gradeOpinion(scale, code, e.year);
        expect(r.ok && r.grade.code).toBe(code);
        expect(version.bands.find((b) => b.code === code)!.ordinal).toBe(lower);
      });
      return;
    }

    it.each(e.rows)(
      '%s: lower edge %s (inclusive %s), upper edge %s (inclusive %s)',
      (code, lo, loInc, up, upInc) => {
        const s = e.step;
        // lower edge
        if (loInc) expect(codeAt(e.scale, e.year, lo)).toBe(code);
        else {
          expect(codeAt(e.scale, e.year, lo)).not.toBe(code);
          expect(codeAt(e.scale, e.year, lo + s)).toBe(code);
        }
        // upper edge
        if (upInc) expect(codeAt(e.scale, e.year, up)).toBe(code);
        else {
          expect(codeAt(e.scale, e.year, up)).not.toBe(code);
          expect(codeAt(e.scale, e.year, up - s)).toBe(code);
        }
        // just outside, one precision step beyond each edge
        expect(codeAt(e.scale, e.year, lo - s)).not.toBe(code);
        expect(codeAt(e.scale, e.year, up + s)).not.toBe(code);
      },
    );

    it('grades nothing below the lowest or above the highest edge', () => {
      const lowest = e.rows[e.rows.length - 1];
      const highest = e.rows[0];
      const below = lowest[2] ? lowest[1] - e.step : lowest[1];
      const above = highest[4] ? highest[3] + e.step : highest[3];
      for (const x of [below, above]) {
        const r = gradeScore(scale, e.year, round(x));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.kind).toBe('score-outside-bands');
      }
    });
  });
}

describe('one-step junctions (87.99 | 88.00) belong to the lower band', () => {
  it.each([
    ['ombudsman-kepatuhan', 2024, 87.995, 'B'],
    ['ombudsman-kepatuhan', 2021, 80.995, 'KUNING'],
    ['kip', 2021, 39.995, 'TIDAK_INFORMATIF'],
    ['kip', 2021, 89.999, 'MENUJU_INFORMATIF'],
    ['iid', 2023, 60.005, 'INOVATIF'],
    ['kla', 2023, 600.5, 'PRATAMA'],
    ['sistem-merit', 2023, 174.5, 'I'],
    ['sistem-merit', 2023, 249.5, 'II'],
    ['ikm', 2024, 88.305, 'B'],
  ] as const)('%s %i: %d → %s', (scale, year, score, code) => {
    expect(codeAt(scale, year, score)).toBe(code);
  });
});

describe('published results from rubrics.md grade as published', () => {
  it.each([
    ['ombudsman-kepatuhan', 2022, 89.59, 'A'],
    ['ombudsman-kepatuhan', 2022, 87.43, 'B'],
    ['ombudsman-kepatuhan', 2022, 79.8, 'B'],
    ['ombudsman-kepatuhan', 2022, 73.88, 'C'],
    ['ombudsman-kepatuhan', 2022, 58.99, 'C'],
    ['ombudsman-kepatuhan', 2023, 78.23, 'B'],
    ['ombudsman-kepatuhan', 2023, 73.08, 'C'],
    ['ombudsman-kepatuhan', 2024, 88.42, 'A'],
    ['ombudsman-kepatuhan', 2024, 87.06, 'B'],
    ['ombudsman-kepatuhan', 2024, 78.09, 'B'],
    ['ombudsman-kepatuhan', 2024, 94.76, 'A'],
    ['ombudsman-kepatuhan', 2023, 93.21, 'A'],
    ['iid', 2022, 53.23, 'INOVATIF'],
    ['iid', 2022, 37.06, 'INOVATIF'],
    ['sistem-merit', 2023, 253.5, 'III'],
    ['sistem-merit', 2023, 257.5, 'III'],
    ['sistem-merit', 2023, 375.5, 'IV'],
    ['sistem-merit', 2023, 392, 'IV'],
  ] as const)('%s %i: %d → %s', (scale, year, score, code) => {
    expect(codeAt(scale, year, score)).toBe(code);
  });

  it('Kendari 2022 58.99 is Kategori C, Zona Kuning, opini kualitas sedang', () => {
    const r = gradeScore(findScale('ombudsman-kepatuhan')!, 2022, 58.99);
    expect(r).toEqual({
      ok: true,
      grade: {
        scale: 'ombudsman-kepatuhan',
        version: '2',
        code: 'C',
        label: 'Opini Kualitas Sedang',
        zone: 'kuning',
      },
    });
  });
});
