// Dates and labels the Indonesian way for exported documents: "30 Desember 2025".

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** '2025-12-30' → "30 Desember 2025". */
export function formatDateId(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

export const LEVEL_LABELS: Record<string, string> = {
  internasional: 'Internasional',
  nasional: 'Nasional',
  regional: 'Regional',
  provinsi: 'Provinsi',
  'kabupaten/kota': 'Kabupaten/Kota',
};
