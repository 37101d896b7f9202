import { describe, expect, it } from 'vitest';
import {
  type Band,
  findScale,
  type Scale,
  type ScaleVersion,
  validateNewVersion,
  validateScale,
  validateVersion,
} from '../../../src/domain/grading/index.ts';

const band = (
  code: string,
  lower: number,
  upper: number,
  lowerInclusive = true,
  upperInclusive = true,
): Band => ({
  code,
  name: `Kategori ${code}`,
  label: code,
  lower,
  lowerInclusive,
  upper,
  upperInclusive,
});

const version = (bands: Band[], extra: Partial<ScaleVersion> = {}): ScaleVersion => ({
  version: 'x',
  validFromYear: 2025,
  validToYear: null,
  legalBasis: 'test',
  source: 'test',
  bands,
  ...extra,
});

describe('validateVersion', () => {
  it('accepts contiguous bands at two-decimal precision', () => {
    expect(validateVersion(version([band('A', 88, 100), band('B', 78, 87.99)]))).toEqual({
      ok: true,
      problems: [],
    });
  });

  it('names both bands of a gap', () => {
    const r = validateVersion(version([band('A', 88.5, 100), band('B', 78, 87.99)]));
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'gap',
        bands: ['B', 'A'],
        message: '"Kategori B" ends at 87.99 but "Kategori A" starts at 88.5: gap',
        at: [87.99, 88.5],
      }),
    ]);
  });

  it('a one-step junction is a gap when the precision is finer than the step', () => {
    // 87.99 | 88.00 is contiguous at 0.01 but leaves 87.991–87.999 uncovered at 0.001.
    const r = validateVersion(version([band('A', 88, 100), band('B', 78, 87.99)], { precision: 0.001 }));
    expect(r.problems.map((p) => p.code)).toEqual(['gap']);
  });

  it('names both bands of an overlap', () => {
    const r = validateVersion(version([band('A', 85, 100), band('B', 78, 87.99)]));
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'overlap', bands: ['B', 'A'], at: [85, 87.99] }),
    ]);
    expect(r.problems[0].message).toContain(
      '"Kategori B" ends at 87.99 but "Kategori A" starts at 85: overlap',
    );
  });

  it('a shared edge inclusive on both sides is an overlap at that point; exclusive on both a gap', () => {
    expect(validateVersion(version([band('A', 90, 100), band('B', 80, 90)])).problems[0]).toMatchObject({
      code: 'overlap',
      at: [90, 90],
    });
    expect(
      validateVersion(version([band('A', 90, 100, false), band('B', 80, 90, true, false)])).problems[0],
    ).toMatchObject({
      code: 'gap',
      bands: ['B', 'A'],
    });
    expect(validateVersion(version([band('A', 90, 100, false), band('B', 80, 90)])).ok).toBe(true);
  });

  it('refuses duplicate codes, inverted and empty bands, edges finer than the precision', () => {
    const r = validateVersion(version([band('A', 100, 90), band('A', 50, 50, false), band('C', 0, 49.995)]));
    expect(r.problems.map((p) => p.code).sort()).toEqual(
      ['duplicate-code', 'edge-off-precision', 'empty-band', 'inverted-band'].sort(),
    );
    expect(r.problems.find((p) => p.code === 'duplicate-code')!.bands).toEqual(['A']);
  });

  it('refuses a version without bands, a bad precision, years the wrong way round', () => {
    expect(validateVersion(version([])).problems[0].code).toBe('no-bands');
    expect(validateVersion(version([band('A', 0, 1)], { precision: 0 })).problems[0].code).toBe(
      'bad-precision',
    );
    expect(
      validateVersion(version([band('A', 0, 1)], { validFromYear: 2024, validToYear: 2022 })).problems[0]
        .code,
    ).toBe('bad-years');
  });

  it('requires distinct whole-number ranks on ordinal scales', () => {
    const r = validateVersion(
      version(
        [{ ...band('WTP', 2, 2), ordinal: 2 }, { ...band('WDP', 1, 1), ordinal: 2 }, band('TW', 0, 0)],
        {
          precision: 1,
        },
      ),
      'ordinal',
    );
    expect(r.problems.map((p) => p.code).sort()).toEqual(['duplicate-ordinal', 'ordinal-missing']);
  });
});

describe('validateScale / validateNewVersion', () => {
  const ombudsman = findScale('ombudsman-kepatuhan')!;

  it('refuses versions of one scale that claim the same year', () => {
    const scale: Scale = {
      ...ombudsman,
      versions: [
        ...ombudsman.versions,
        { ...ombudsman.versions[1], version: '3', validFromYear: 2024, validToYear: null },
      ],
    };
    const r = validateScale(scale);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'versions-overlap', versions: ['2', '3'], at: [2024, 2024] }),
    ]);
  });

  it('accepts a 2025 version added after the catalogue and refuses a duplicate name', () => {
    const v2025: ScaleVersion = {
      ...ombudsman.versions[1],
      version: '3',
      validFromYear: 2025,
      validToYear: null,
    };
    expect(validateNewVersion(ombudsman, v2025)).toEqual({ ok: true, problems: [] });
    expect(validateNewVersion(ombudsman, { ...v2025, version: '2' }).problems.map((p) => p.code)).toEqual([
      'duplicate-version',
    ]);
  });

  it('refuses an open-ended version that overlaps every year before 2021', () => {
    const r = validateNewVersion(ombudsman, { ...ombudsman.versions[0], version: 'old', validToYear: 2019 });
    expect(r.problems[0]).toMatchObject({ code: 'versions-overlap', versions: ['1', 'old'], at: [2019] });
  });
});

describe('schemas', () => {
  it('every shipped scale parses with the admin schema', async () => {
    const { SCALES, scaleSchema } = await import('../../../src/domain/grading/index.ts');
    for (const s of SCALES) expect(scaleSchema.safeParse(s).success).toBe(true);
    expect(scaleSchema.safeParse({ ...SCALES[0], id: 'Bad Id' }).success).toBe(false);
  });
});
