import { describe, expect, it } from 'vitest';
import { columnName, fieldName } from '../../src/domain/awards/fields.ts';
import { gradeWords, LEVEL_LABELS, levelLabel, roleLabel, scaleWords } from '../../src/domain/labels.ts';
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
    // Column names come from the award field catalogue, the short name where it has one.
    expect(columnName('received_on', 'id')).toBe('Tanggal diterima');
    expect(columnName('legal_basis', 'id')).toBe('Dasar hukum');
    expect(columnName('legal_basis', 'en')).toBe('Legal basis');
    expect(columnName('grade_zone', 'id')).toBe('Predikat');
    expect(columnName('unit_id', 'en')).toBe('Recipient');
    expect(columnName('no_such_column', 'id')).toBe('no_such_column');
    expect(fieldName('awardingBody', 'en')).toBe('Awarding body');
    expect(fieldName('place', 'id')).toBe('Tempat');
  });
});
