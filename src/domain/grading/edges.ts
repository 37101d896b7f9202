// Edge arithmetic shared by validation and grading, so that what the validator calls
// "contiguous" is exactly what the grader can grade without a hole.

import { type Band, DEFAULT_PRECISION, type ScaleVersion } from './types.ts';

/** Relative tolerance for comparing edges written in decimal but stored as binary floats. */
const EPS = 1e-9;

export function precisionOf(version: Pick<ScaleVersion, 'precision'>): number {
  return version.precision ?? DEFAULT_PRECISION;
}

export function sameEdge(a: number, b: number, precision: number): boolean {
  return Math.abs(a - b) <= precision * EPS * 1000;
}

/** True when `x` is a whole number of precision steps (87.99 at 0.01 yes, 87.995 no). */
export function onGrid(x: number, precision: number): boolean {
  const steps = x / precision;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

export type Junction =
  | { kind: 'contiguous' }
  | { kind: 'gap'; from: number; to: number }
  | { kind: 'overlap'; from: number; to: number };

/**
 * How band `a` (below) meets band `b` (above, i.e. b.lower >= a.lower).
 * - same edge, exactly one side inclusive → contiguous ("80–90" then ">90");
 * - same edge, both inclusive → overlap (the edge belongs to both);
 * - same edge, neither inclusive → gap (the edge belongs to none);
 * - b starts one precision step after a ends, both inclusive → contiguous (87.99 | 88.00);
 * - anything wider → gap; b starting before a ends → overlap.
 */
export function junction(a: Band, b: Band, precision: number): Junction {
  if (sameEdge(a.upper, b.lower, precision)) {
    if (a.upperInclusive && b.lowerInclusive) return { kind: 'overlap', from: b.lower, to: a.upper };
    if (!a.upperInclusive && !b.lowerInclusive) return { kind: 'gap', from: a.upper, to: b.lower };
    return { kind: 'contiguous' };
  }
  if (a.upper > b.lower) return { kind: 'overlap', from: b.lower, to: Math.min(a.upper, b.upper) };
  const steps = (b.lower - a.upper) / precision;
  if (a.upperInclusive && b.lowerInclusive && Math.abs(steps - 1) < 1e-6) return { kind: 'contiguous' };
  return { kind: 'gap', from: a.upper, to: b.lower };
}

/** Bands from lowest to highest (by lower edge, then upper edge). */
export function sortedBands(bands: readonly Band[]): Band[] {
  return [...bands].sort((x, y) => x.lower - y.lower || x.upper - y.upper);
}

export function contains(band: Band, x: number, precision: number): boolean {
  const aboveLower = sameEdge(x, band.lower, precision) ? band.lowerInclusive : x > band.lower;
  const belowUpper = sameEdge(x, band.upper, precision) ? band.upperInclusive : x < band.upper;
  return aboveLower && belowUpper;
}

/**
 * The band a score falls in, reading a one-step junction (87.99 | 88.00) as "the lower band runs
 * up to where the upper band starts". Undefined when the score lies outside every band.
 */
export function bandFor(version: ScaleVersion, score: number): Band | undefined {
  const precision = precisionOf(version);
  const bands = sortedBands(version.bands);
  // Scan from the top so that, on a malformed version with overlaps, the higher band wins
  // consistently; valid versions have no overlaps and the order does not matter.
  for (let i = bands.length - 1; i >= 0; i--) {
    const band = bands[i];
    if (contains(band, score, precision)) return band;
    const next = bands[i + 1];
    if (
      next &&
      band.upperInclusive &&
      next.lowerInclusive &&
      score > band.upper &&
      score < next.lower &&
      junction(band, next, precision).kind === 'contiguous'
    ) {
      return band;
    }
  }
  return undefined;
}

/** Overall range of a version: lowest lower edge and highest upper edge with their inclusiveness. */
export function rangeOf(version: ScaleVersion): {
  min: number;
  minInclusive: boolean;
  max: number;
  maxInclusive: boolean;
} {
  const bands = sortedBands(version.bands);
  if (bands.length === 0)
    return { min: Number.NaN, minInclusive: false, max: Number.NaN, maxInclusive: false };
  const lowest = bands[0];
  const highest = bands.reduce((h, b) =>
    b.upper > h.upper || (b.upper === h.upper && b.upperInclusive) ? b : h,
  );
  return {
    min: lowest.lower,
    minInclusive: lowest.lowerInclusive,
    max: highest.upper,
    maxInclusive: highest.upperInclusive,
  };
}

/** "[88, 100]", "(80, 90]" — interval notation for messages. */
export function formatInterval(
  lower: number,
  lowerInclusive: boolean,
  upper: number,
  upperInclusive: boolean,
): string {
  return `${lowerInclusive ? '[' : '('}${lower}, ${upper}${upperInclusive ? ']' : ')'}`;
}

export function bandName(band: Pick<Band, 'code' | 'name'>): string {
  return band.name ?? band.code;
}
