// The extractor reports every award an article says was received, including those of other
// regions named beside ours ("Kota Tangerang Selatan juga meraih …"). A pemda's record holds
// only its own: an event whose recipient names a different region is not proposed.

const REGION_NAME =
  /\b(Pemkot|Pemkab|Pemprov|Kota|Kabupaten|Kab\.|Provinsi)\s+((?:[A-Z][a-zA-Z'-]*)(?:\s+[A-Z][a-zA-Z'-]*)*)/g;

const KIND: Record<string, string> = {
  pemkot: 'kota',
  kota: 'kota',
  pemkab: 'kabupaten',
  kabupaten: 'kabupaten',
  'kab.': 'kabupaten',
  pemprov: 'provinsi',
  provinsi: 'provinsi',
};

/** 'Kota Tangerang' → 'kota tangerang'; the key regions and recipients are compared by. */
export function regionKey(kind: string, name: string): string {
  return `${KIND[kind.toLowerCase()] ?? kind.toLowerCase()} ${name.trim().toLowerCase()}`;
}

/**
 * True when the recipient names a region (Kota/Kabupaten/Provinsi/Pemkot … + proper name) and
 * none of the names is one of `ours` (keys from `regionKey`). Units ("Puskesmas Neglasari")
 * and people name no region and are kept.
 */
export function namesOtherRegion(recipient: string | null, ours: ReadonlySet<string>): boolean {
  if (!recipient) return false;
  const named = [...recipient.matchAll(REGION_NAME)].map((m) => regionKey(m[1], m[2]));
  return named.length > 0 && !named.some((k) => ours.has(k));
}
