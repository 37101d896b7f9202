import { describe, expect, it } from 'vitest';
import {
  awardFieldLabel,
  gradeWords,
  LEVEL_LABELS,
  levelLabel,
  roleLabel,
  scaleWords,
} from '../../src/domain/labels.ts';
import { AWARD_LEVELS } from '../../src/reference/unit-types.ts';
import { ROLES } from '../../src/services/actor.ts';

describe('words for codes', () => {
  it('names every level and role in both languages, capitalised', () => {
    for (const level of AWARD_LEVELS)
      for (const l of ['id', 'en'] as const) expect(levelLabel(l, level)).toMatch(/^[A-Z]/);
    expect(Object.keys(LEVEL_LABELS).sort()).toEqual([...AWARD_LEVELS].sort());
    expect(levelLabel('en', 'kabupaten/kota')).toBe('Regency/City');
    expect(levelLabel('id', null)).toBe('');
    for (const r of ROLES) expect(roleLabel('id', r)).not.toBe(r);
    expect(roleLabel('id', 'viewer')).toBe('Pimpinan');
  });

  it('says grades as people say them', () => {
    expect(gradeWords('BB', 'Sangat Baik')).toBe('BB — Sangat Baik');
    expect(gradeWords('WTP', 'Wajar Tanpa Pengecualian')).toBe('WTP — Wajar Tanpa Pengecualian');
    expect(gradeWords('SANGAT_INOVATIF', 'Sangat Inovatif')).toBe('Sangat Inovatif');
    expect(gradeWords('HIJAU', 'Kepatuhan Tinggi')).toBe('Kepatuhan Tinggi');
  });

  it('names scales and columns instead of their codes', () => {
    expect(scaleWords('id', 'ikm', 1)).toBe('Indeks Kepuasan Masyarakat (IKM), versi 1');
    expect(scaleWords('en', 'sakip', '2')).toContain('version 2');
    expect(awardFieldLabel('id', 'received_on')).toBe('tanggal diterima');
    expect(awardFieldLabel('en', 'legal_basis')).toBe('legal basis');
  });
});
