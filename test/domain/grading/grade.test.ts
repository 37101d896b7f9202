import { describe, expect, it } from 'vitest';
import {
  findScale,
  gradeOpinion,
  gradeRank,
  gradeScore,
  versionInForce,
} from '../../../src/domain/grading/index.ts';

const ombudsman = findScale('ombudsman-kepatuhan')!;
const bpk = findScale('bpk-opini')!;

describe('versionInForce', () => {
  it('picks the version by assessment year', () => {
    expect(versionInForce(ombudsman, 2013)?.version).toBe('1');
    expect(versionInForce(ombudsman, 2021)?.version).toBe('1');
    expect(versionInForce(ombudsman, 2022)?.version).toBe('2');
    expect(versionInForce(ombudsman, 2024)?.version).toBe('2');
    expect(versionInForce(ombudsman, 2025)).toBeUndefined();
    expect(versionInForce(findScale('sistem-merit')!, 2025)).toBeUndefined();
    expect(versionInForce(findScale('ikm')!, 2016)).toBeUndefined();
    expect(versionInForce(findScale('ikm')!, 2017)?.version).toBe('1');
  });
});

describe('gradeScore', () => {
  it('grades the seed article: 94.76 in 2024 → Kategori A, Zona Hijau', () => {
    expect(gradeScore(ombudsman, 2024, 94.76)).toEqual({
      ok: true,
      grade: {
        scale: 'ombudsman-kepatuhan',
        version: '2',
        code: 'A',
        label: 'Opini Kualitas Tertinggi',
        zone: 'hijau',
      },
    });
  });

  it('the same score grades differently under the old methodology', () => {
    const r = gradeScore(ombudsman, 2021, 80);
    expect(r.ok && r.grade).toMatchObject({ version: '1', code: 'KUNING', zone: 'kuning' });
  });

  it('returns typed errors, never throws', () => {
    const outside = gradeScore(ombudsman, 2024, 101);
    expect(outside).toMatchObject({
      ok: false,
      error: {
        kind: 'score-outside-bands',
        version: '2',
        min: 0,
        max: 100,
        minInclusive: true,
        maxInclusive: true,
      },
    });
    expect(gradeScore(ombudsman, 2030, 90)).toMatchObject({
      ok: false,
      error: { kind: 'no-version-for-year', year: 2030, available: [{ version: '1' }, { version: '2' }] },
    });
    expect(gradeScore(ombudsman, 2024, Number.NaN)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-score' },
    });
    expect(gradeScore(ombudsman, 2024.5, 90)).toMatchObject({ ok: false, error: { kind: 'invalid-year' } });
    expect(gradeScore(bpk, 2024, 4)).toMatchObject({ ok: false, error: { kind: 'wrong-scale-kind' } });
    expect(gradeScore(findScale('kla')!, 2023, 450)).toMatchObject({
      ok: false,
      error: { kind: 'score-outside-bands' },
    });
    expect(gradeScore(findScale('indeks-rb')!, 2022, 0)).toMatchObject({
      ok: false,
      error: { kind: 'score-outside-bands' },
    });
  });

  it('IID 0 is Tidak Dapat Dinilai; SPBE 5.00 is Memuaskan', () => {
    expect(gradeScore(findScale('iid')!, 2023, 0)).toMatchObject({ grade: { code: 'TIDAK_DAPAT_DINILAI' } });
    expect(gradeScore(findScale('spbe')!, 2023, 5)).toMatchObject({ grade: { code: 'MEMUASKAN' } });
  });
});

describe('gradeOpinion', () => {
  it.each([
    ['WTP', 'WTP'],
    ['wtp', 'WTP'],
    ['Opini WTP', 'WTP'],
    ['opini wtp', 'WTP'],
    ['Wajar Tanpa Pengecualian', 'WTP'],
    ['wajar tanpa pengecualian', 'WTP'],
    ['Opini Wajar Tanpa Pengecualian', 'WTP'],
    ['WTP-DPP', 'WTP'],
    ['WDP', 'WDP'],
    ['wajar dengan pengecualian', 'WDP'],
    ['Tidak Wajar', 'TW'],
    ['TMP', 'TMP'],
    ['Tidak Memberikan Pendapat', 'TMP'],
    ['disclaimer', 'TMP'],
  ])('%s → %s', (input, code) => {
    expect(gradeOpinion(bpk, input, 2024)).toMatchObject({
      ok: true,
      grade: { scale: 'bpk-opini', code, zone: null },
    });
  });

  it('refuses an unknown opinion and lists the valid ones, best first', () => {
    expect(gradeOpinion(bpk, 'Baik')).toMatchObject({
      ok: false,
      error: { kind: 'unknown-opinion', valid: ['WTP', 'WDP', 'TW', 'TMP'] },
    });
    expect(gradeOpinion(ombudsman, 'WTP')).toMatchObject({ ok: false, error: { kind: 'wrong-scale-kind' } });
  });

  it('ranks grades: WTP 4 … TMP 1; numeric bands from the bottom', () => {
    expect(gradeRank(bpk, { version: '1', code: 'WTP' })).toBe(4);
    expect(gradeRank(bpk, { version: '1', code: 'TMP' })).toBe(1);
    expect(gradeRank(ombudsman, { version: '2', code: 'A' })).toBe(5);
    expect(gradeRank(ombudsman, { version: '2', code: 'E' })).toBe(1);
  });
});
