// Kinds of perangkat daerah and their units (PP 18/2016 as summarised in rubrics.md §8d).
export const UNIT_TYPES = [
  'PEMDA',
  'SEKRETARIAT_DAERAH',
  'BAGIAN',
  'SEKRETARIAT_DPRD',
  'INSPEKTORAT',
  'DINAS',
  'BADAN',
  'SATPOL_PP',
  'KECAMATAN',
  'KELURAHAN',
  'UPTD',
  'PUSKESMAS',
  'RSUD',
  'LAINNYA',
] as const;

export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  PEMDA: 'Pemerintah Daerah',
  SEKRETARIAT_DAERAH: 'Sekretariat Daerah',
  BAGIAN: 'Bagian',
  SEKRETARIAT_DPRD: 'Sekretariat DPRD',
  INSPEKTORAT: 'Inspektorat',
  DINAS: 'Dinas',
  BADAN: 'Badan',
  SATPOL_PP: 'Satpol PP',
  KECAMATAN: 'Kecamatan',
  KELURAHAN: 'Kelurahan',
  UPTD: 'UPTD',
  PUSKESMAS: 'Puskesmas',
  RSUD: 'RSUD',
  LAINNYA: 'Lainnya',
};

export const AWARD_LEVELS = ['internasional', 'nasional', 'regional', 'provinsi', 'kabupaten/kota'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
