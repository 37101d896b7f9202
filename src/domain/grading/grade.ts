// Grades a score (or a BPK opinion) by the scale version in force for the award's edition year.
// Never throws: bad input comes back as a typed error the API turns into a 422 and the CLI into
// a message on stderr.

import { bandFor, formatInterval, rangeOf } from './edges.ts';
import type { Band, Scale, ScaleVersion, Zone } from './types.ts';

export interface Grade {
  scale: string;
  version: string;
  code: string;
  label: string;
  zone: Zone | null;
}

export type GradeError =
  | {
      kind: 'no-version-for-year';
      scale: string;
      year: number;
      /** The years the scale has versions for, so the message can say what would work. */
      available: { version: string; validFromYear: number | null; validToYear: number | null }[];
      message: string;
    }
  | {
      kind: 'score-outside-bands';
      scale: string;
      version: string;
      score: number;
      min: number;
      minInclusive: boolean;
      max: number;
      maxInclusive: boolean;
      message: string;
    }
  | { kind: 'invalid-score'; scale: string; input: unknown; message: string }
  | { kind: 'invalid-year'; scale: string; input: unknown; message: string }
  | { kind: 'wrong-scale-kind'; scale: string; expected: 'numeric' | 'ordinal'; message: string }
  | { kind: 'unknown-opinion'; scale: string; input: string; valid: string[]; message: string };

export type GradeResult = { ok: true; grade: Grade } | { ok: false; error: GradeError };

const fail = (error: GradeError): GradeResult => ({ ok: false, error });

/** True when the version holds for the year (a new version re-grades the awards of these years). */
export function versionCovers(version: ScaleVersion, year: number): boolean {
  return (
    (version.validFromYear === null || version.validFromYear <= year) &&
    (version.validToYear === null || year <= version.validToYear)
  );
}

/** The version that holds for an assessment (edition) year, if any. */
export function versionInForce(scale: Scale, year: number): ScaleVersion | undefined {
  return scale.versions.find((v) => versionCovers(v, year));
}

/** The version in force for the latest year: the open-ended one, else the one ending last. */
export function latestVersion(scale: Scale): ScaleVersion | undefined {
  const end = (v: ScaleVersion) => v.validToYear ?? Number.POSITIVE_INFINITY;
  return [...scale.versions].sort((a, b) => end(b) - end(a))[0];
}

function toGrade(scale: Scale, version: ScaleVersion, band: Band): Grade {
  return {
    scale: scale.id,
    version: version.version,
    code: band.code,
    label: band.label,
    zone: band.zone ?? null,
  };
}

function noVersion(scale: Scale, year: number): GradeResult {
  const years = scale.versions.map((v) => `${v.validFromYear ?? '…'}–${v.validToYear ?? '…'}`).join(', ');
  return fail({
    kind: 'no-version-for-year',
    scale: scale.id,
    year,
    available: scale.versions.map((v) => ({
      version: v.version,
      validFromYear: v.validFromYear,
      validToYear: v.validToYear,
    })),
    message: `scale ${scale.id} has no version for ${year} (versions cover ${years})`,
  });
}

/** Grades a numeric score. `year` is the award's edition (assessment) year. */
export function gradeScore(scale: Scale, year: number, score: number): GradeResult {
  if (scale.kind !== 'numeric') {
    return fail({
      kind: 'wrong-scale-kind',
      scale: scale.id,
      expected: 'ordinal',
      message: `scale ${scale.id} grades opinions, not scores: give an opinion (${ordinalCodes(scale).join(', ')})`,
    });
  }
  if (!Number.isInteger(year)) {
    return fail({
      kind: 'invalid-year',
      scale: scale.id,
      input: year,
      message: `year must be a whole number, got ${year}`,
    });
  }
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    return fail({
      kind: 'invalid-score',
      scale: scale.id,
      input: score,
      message: `score must be a number, got ${String(score)}`,
    });
  }
  const version = versionInForce(scale, year);
  if (!version) return noVersion(scale, year);
  const band = bandFor(version, score);
  if (!band) {
    const r = rangeOf(version);
    return fail({
      kind: 'score-outside-bands',
      scale: scale.id,
      version: version.version,
      score,
      ...r,
      message: `score ${score} is outside scale ${scale.id} version ${version.version}, which grades ${formatInterval(r.min, r.minInclusive, r.max, r.maxInclusive)}`,
    });
  }
  return { ok: true, grade: toGrade(scale, version, band) };
}

function ordinalCodes(scale: Scale): string[] {
  const v = latestVersion(scale);
  return v ? [...v.bands].sort((a, b) => (b.ordinal ?? 0) - (a.ordinal ?? 0)).map((b) => b.code) : [];
}

/** Lower-case, no punctuation, single spaces; "Opini  W.T.P." → "opini wtp". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[().,;:'"]/g, '')
    .replace(/[-_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Grades an opinion on an ordinal scale (BPK): 'WTP', 'Opini WTP', 'wajar tanpa pengecualian',
 * 'WTP-DPP' all give WTP. With a year, the version in force that year; without, the latest.
 */
export function gradeOpinion(scale: Scale, opinion: string, year?: number): GradeResult {
  if (scale.kind !== 'ordinal') {
    return fail({
      kind: 'wrong-scale-kind',
      scale: scale.id,
      expected: 'numeric',
      message: `scale ${scale.id} grades scores, not opinions: give a score`,
    });
  }
  const version = year === undefined ? latestVersion(scale) : versionInForce(scale, year);
  if (!version) return noVersion(scale, year ?? Number.NaN);
  const wanted = normalise(String(opinion ?? ''));
  const stripped = wanted.replace(/^opini /, '');
  const band = version.bands.find((b) =>
    [b.code, b.label, b.name, ...(b.aliases ?? [])]
      .filter((x): x is string => typeof x === 'string')
      .map(normalise)
      .some((n) => n === wanted || n === stripped),
  );
  if (!band) {
    const valid = ordinalCodes(scale);
    return fail({
      kind: 'unknown-opinion',
      scale: scale.id,
      input: String(opinion),
      valid,
      message: `"${opinion}" is not an opinion on scale ${scale.id}: use one of ${valid.join(', ')}`,
    });
  }
  return { ok: true, grade: toGrade(scale, version, band) };
}

/** Rank of a grade within its version (1 = lowest band), for "better/worse than last year". */
export function gradeRank(scale: Scale, grade: Pick<Grade, 'version' | 'code'>): number | undefined {
  const version = scale.versions.find((v) => v.version === grade.version);
  if (!version) return undefined;
  const band = version.bands.find((b) => b.code === grade.code);
  if (!band) return undefined;
  if (band.ordinal !== undefined) return band.ordinal;
  return [...version.bands].sort((a, b) => a.lower - b.lower).indexOf(band) + 1;
}
