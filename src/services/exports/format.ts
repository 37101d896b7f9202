// Labels the exported documents print for award levels.

export const LEVEL_LABELS: Record<string, string> = {
  internasional: 'Internasional',
  nasional: 'Nasional',
  regional: 'Regional',
  provinsi: 'Provinsi',
  'kabupaten/kota': 'Kabupaten/Kota',
};
