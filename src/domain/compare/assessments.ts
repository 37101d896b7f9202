// The recurring national assessments a region's coverage is measured against: every assessment
// of the shipped scale catalogue (BPK's opinion on the LKPD every year, SAKIP, the Ombudsman's
// compliance survey …). Each is held for every pemda of the kinds it applies to, so a region
// that has none of them on record has not reported them — it did not score zero.

import { SCALES } from '../grading/catalog.ts';
import { type Words, words } from '../i18n.ts';

export type RegionKind = 'provinsi' | 'kabupaten' | 'kota';

export const REGION_KINDS: readonly RegionKind[] = ['provinsi', 'kabupaten', 'kota'];

/** A peer group's name: the kind in the plural. */
export const REGION_KIND_WORDS: Record<RegionKind, Words> = {
  provinsi: words('Provinsi', 'Provinces'),
  kabupaten: words('Kabupaten', 'Regencies'),
  kota: words('Kota', 'Cities'),
};

export interface NationalAssessment {
  scaleId: string;
  name: string;
  giverCode: string;
  /** The kinds of pemda it assesses. */
  kinds: readonly RegionKind[];
}

/** Assessments held for kabupaten and kota only (KLA names them: Kabupaten/Kota Layak Anak). */
const LOCAL_ONLY = new Set(['kla']);

export const NATIONAL_ASSESSMENTS: readonly NationalAssessment[] = SCALES.map((s) => ({
  scaleId: s.id,
  name: s.name,
  giverCode: s.giverCode,
  kinds: LOCAL_ONLY.has(s.id) ? (['kabupaten', 'kota'] as const) : REGION_KINDS,
}));

/** The assessments a region of this kind is expected to have on record. */
export const assessmentsFor = (kind: RegionKind) =>
  NATIONAL_ASSESSMENTS.filter((a) => a.kinds.includes(kind));

/** The province of a kabupaten/kota by its Kemendagri code ('36.71' → '36'); a province is its own. */
export const provinceCodeOf = (code: string) => code.slice(0, 2);
