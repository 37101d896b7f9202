// Words for the codes the database keeps: what a person reads instead of 'kabupaten/kota',
// 'viewer', 'received_on' or 'SAKIP BB'. Pages, exports and reports all take them from here,
// in Bahasa Indonesia and English.

import { findScale } from './grading/catalog.ts';
import { type Locale, tr, type Words } from './i18n.ts';

export const LEVEL_LABELS: Record<string, Words> = {
  internasional: { id: 'Internasional', en: 'International' },
  nasional: { id: 'Nasional', en: 'National' },
  regional: { id: 'Regional', en: 'Regional' },
  provinsi: { id: 'Provinsi', en: 'Provincial' },
  'kabupaten/kota': { id: 'Kabupaten/Kota', en: 'Regency/City' },
};

export const ROLE_LABELS: Record<string, Words> = {
  admin: { id: 'Admin', en: 'Administrator' },
  verifikator: { id: 'Verifikator', en: 'Verifier' },
  operator: { id: 'Operator OPD', en: 'Unit operator' },
  kurator: { id: 'Kurator berita', en: 'News curator' },
  viewer: { id: 'Pimpinan', en: 'Leadership' },
  provinsi: { id: 'Pembaca provinsi', en: 'Province reader' },
  nasional: { id: 'Pembaca nasional', en: 'National reader' },
};

/** Where an award stands in its workflow. */
export const AWARD_STATE_LABELS: Record<string, Words> = {
  draft: { id: 'Draf', en: 'Draft' },
  submitted: { id: 'Menunggu verifikasi', en: 'Awaiting verification' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
};

/** Where a news finding stands in the curator's queue. */
export const FINDING_STATE_LABELS: Record<string, Words> = {
  pending: { id: 'Menunggu', en: 'Pending' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  merged: { id: 'Digabung', en: 'Merged' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
};

const pick = (table: Record<string, Words>, code: string, locale: Locale) => table[code]?.[locale] ?? code;

/** 'kabupaten/kota' → 'Kabupaten/Kota' / 'Regency/City'; null → ''. */
export const levelLabel = (locale: Locale, level: string | null | undefined) =>
  level ? pick(LEVEL_LABELS, level, locale) : '';

/** 'viewer' → 'Pimpinan' / 'Leadership'. */
export const roleLabel = (locale: Locale, role: string) => pick(ROLE_LABELS, role, locale);

/** 'submitted' → 'Menunggu verifikasi' / 'Awaiting verification'. */
export const stateLabel = (locale: Locale, state: string) => pick(AWARD_STATE_LABELS, state, locale);

/** 'pending' → 'Menunggu' / 'Pending'. */
export const findingStateLabel = (locale: Locale, state: string) => pick(FINDING_STATE_LABELS, state, locale);

/**
 * A grade as people say it: SAKIP 'BB' + 'Sangat Baik' → 'BB — Sangat Baik', BPK 'WTP' →
 * 'WTP — Wajar Tanpa Pengecualian'. Long codes ('SANGAT_INOVATIF', 'HIJAU') only repeat the
 * label or its zone, so those read as the label alone.
 */
export function gradeWords(code: string | null | undefined, label: string | null | undefined): string {
  if (!label) return code ?? '';
  if (!code || !/^[A-Z]{1,4}$/.test(code) || label.toUpperCase() === code) return label;
  return `${code} — ${label}`;
}

/** 'sakip', 2 → 'SAKIP (Sistem Akuntabilitas …), versi 2' / '…, version 2'; unknown ids stay. */
export function scaleWords(locale: Locale, scaleId: string, version?: number | string | null): string {
  const name = findScale(scaleId)?.name ?? scaleId;
  if (!version) return name;
  return `${name}, ${tr(locale, 'versi', 'version')} ${version}`;
}
