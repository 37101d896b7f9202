import { SCALES } from '../../domain/grading/catalog.ts';

// Offices write the score ("94,76") but rarely the scale's code. The giver and the title
// usually say which assessment it was: a score from the Ombudsman on "kepatuhan" is the
// compliance assessment. A scale is inferred only when exactly one fits both; the scale's
// giver comes from the grading catalog, the words that name it in a title are here.

const TITLE_WORDS: Record<string, RegExp> = {
  'ombudsman-kepatuhan': /kepatuhan|pelayanan publik|opini ombudsman|maladministrasi/i,
  'bpk-opini': /opini|\bwtp\b|wajar tanpa pengecualian|laporan keuangan|\blkpd\b/i,
  sakip: /\bsakip\b|akuntabilitas kinerja/i,
  'indeks-rb': /reformasi birokrasi|indeks rb\b/i,
  ikm: /kepuasan masyarakat|\bikm\b/i,
  spbe: /\bspbe\b|berbasis elektronik/i,
  kla: /layak anak|\bkla\b/i,
  iid: /indeks inovasi daerah|\biid\b|innovative government award|\biga\b/i,
  'sistem-merit': /sistem merit/i,
  kip: /keterbukaan informasi|badan publik informatif/i,
};

/** Givers that use a scale besides the one the catalog names (a provincial commission …). */
const ALSO_GIVEN_BY: Record<string, string[]> = {
  kip: ['ki-banten'],
  'sistem-merit': ['kemenpanrb'],
};

/** The id of the one scale the giver and title point to, or null when none or several do. */
export function inferScale(giverCode: string | null, title: string): string | null {
  if (!giverCode) return null;
  const fits = SCALES.filter(
    (s) =>
      (s.giverCode === giverCode || ALSO_GIVEN_BY[s.id]?.includes(giverCode)) &&
      TITLE_WORDS[s.id]?.test(title),
  );
  return fits.length === 1 ? fits[0].id : null;
}
