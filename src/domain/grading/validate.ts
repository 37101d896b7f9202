// Refuses a scale version whose bands do not tile their range: gaps, overlaps, inverted or
// empty bands, duplicate codes, edges finer than the version's precision. The result is data
// (problem codes plus the bands involved) so the API can answer 422 with details and a page can
// put the message next to the offending row.

import { bandName, junction, onGrid, precisionOf, sortedBands } from './edges.ts';
import type { Band, Scale, ScaleKind, ScaleVersion } from './types.ts';

export type ScaleProblemCode =
  | 'no-bands'
  | 'bad-precision'
  | 'non-finite-edge'
  | 'inverted-band'
  | 'empty-band'
  | 'edge-off-precision'
  | 'duplicate-code'
  | 'empty-code'
  | 'gap'
  | 'overlap'
  | 'ordinal-missing'
  | 'duplicate-ordinal'
  | 'bad-years'
  | 'duplicate-version'
  | 'versions-overlap'
  | 'no-versions';

export interface ScaleProblem {
  code: ScaleProblemCode;
  /** English sentence naming the bands/versions (for logs and the API's details). */
  message: string;
  /** Codes of the bands involved, lowest first. */
  bands?: string[];
  /** Versions involved (scale-level problems), or the version checked. */
  versions?: string[];
  /** The numbers the message talks about (edges, gap or overlap interval, years). */
  at?: number[];
}

export interface ValidationResult {
  ok: boolean;
  problems: ScaleProblem[];
}

const q = (b: Pick<Band, 'code' | 'name'>) => `"${bandName(b)}"`;

/** Checks one version's bands. `kind` adds the ordinal checks (every band has a distinct rank). */
export function validateVersion(version: ScaleVersion, kind: ScaleKind = 'numeric'): ValidationResult {
  const problems: ScaleProblem[] = [];
  const precision = precisionOf(version);
  const v = [version.version];

  if (!(Number.isFinite(precision) && precision > 0)) {
    problems.push({
      code: 'bad-precision',
      message: `precision must be a positive number, got ${precision}`,
      versions: v,
    });
  }
  if (!Array.isArray(version.bands) || version.bands.length === 0) {
    problems.push({ code: 'no-bands', message: `version ${version.version} has no bands`, versions: v });
    return { ok: false, problems };
  }
  if (
    version.validFromYear !== null &&
    version.validToYear !== null &&
    version.validFromYear > version.validToYear
  ) {
    problems.push({
      code: 'bad-years',
      message: `version ${version.version} starts in ${version.validFromYear} but ends in ${version.validToYear}`,
      versions: v,
      at: [version.validFromYear, version.validToYear],
    });
  }

  const seen = new Map<string, Band>();
  let edgesUsable = true;
  for (const band of version.bands) {
    if (!band.code?.trim()) {
      problems.push({
        code: 'empty-code',
        message: `a band labelled "${band.label}" has no code`,
        versions: v,
      });
    } else if (seen.has(band.code)) {
      problems.push({
        code: 'duplicate-code',
        message: `two bands have the code "${band.code}"`,
        bands: [band.code],
        versions: v,
      });
    } else {
      seen.set(band.code, band);
    }
    if (!Number.isFinite(band.lower) || !Number.isFinite(band.upper)) {
      problems.push({
        code: 'non-finite-edge',
        message: `${q(band)} has an edge that is not a number`,
        bands: [band.code],
        versions: v,
      });
      edgesUsable = false;
      continue;
    }
    if (band.lower > band.upper) {
      problems.push({
        code: 'inverted-band',
        message: `${q(band)} starts at ${band.lower} but ends at ${band.upper}: lower edge above upper edge`,
        bands: [band.code],
        versions: v,
        at: [band.lower, band.upper],
      });
      edgesUsable = false;
    } else if (band.lower === band.upper && !(band.lowerInclusive && band.upperInclusive)) {
      problems.push({
        code: 'empty-band',
        message: `${q(band)} is the single point ${band.lower} but does not include it: make both edges inclusive`,
        bands: [band.code],
        versions: v,
        at: [band.lower],
      });
    }
    if (precision > 0) {
      for (const edge of [band.lower, band.upper]) {
        if (!onGrid(edge, precision)) {
          problems.push({
            code: 'edge-off-precision',
            message: `${q(band)} has the edge ${edge}, finer than the version's precision ${precision}`,
            bands: [band.code],
            versions: v,
            at: [edge],
          });
        }
      }
    }
  }

  if (edgesUsable && precision > 0) {
    const bands = sortedBands(version.bands);
    for (let i = 0; i + 1 < bands.length; i++) {
      const a = bands[i];
      const b = bands[i + 1];
      const j = junction(a, b, precision);
      if (j.kind === 'gap') {
        problems.push({
          code: 'gap',
          message: `${q(a)} ends at ${a.upper}${a.upperInclusive ? '' : ' (exclusive)'} but ${q(b)} starts at ${b.lower}${b.lowerInclusive ? '' : ' (exclusive)'}: gap`,
          bands: [a.code, b.code],
          versions: v,
          at: [j.from, j.to],
        });
      } else if (j.kind === 'overlap') {
        problems.push({
          code: 'overlap',
          message: `${q(a)} ends at ${a.upper} but ${q(b)} starts at ${b.lower}: overlap${j.from === j.to ? ` at ${j.from}` : ` from ${j.from} to ${j.to}`}`,
          bands: [a.code, b.code],
          versions: v,
          at: [j.from, j.to],
        });
      }
    }
  }

  if (kind === 'ordinal') {
    const ranks = new Map<number, string>();
    for (const band of version.bands) {
      if (band.ordinal === undefined || !Number.isInteger(band.ordinal)) {
        problems.push({
          code: 'ordinal-missing',
          message: `${q(band)} needs a whole-number rank (ordinal) on an ordinal scale`,
          bands: [band.code],
          versions: v,
        });
      } else if (ranks.has(band.ordinal)) {
        problems.push({
          code: 'duplicate-ordinal',
          message: `"${ranks.get(band.ordinal)}" and ${q(band)} have the same rank ${band.ordinal}`,
          bands: [ranks.get(band.ordinal)!, band.code],
          versions: v,
          at: [band.ordinal],
        });
      } else {
        ranks.set(band.ordinal, bandName(band));
      }
    }
  }

  return { ok: problems.length === 0, problems };
}

const yearsText = (x: ScaleVersion) => `${x.validFromYear ?? '…'}–${x.validToYear ?? '…'}`;

/** Checks every version of a scale and that no two versions claim the same year. */
export function validateScale(scale: Scale): ValidationResult {
  const problems: ScaleProblem[] = [];
  if (!scale.versions?.length) {
    problems.push({ code: 'no-versions', message: `scale ${scale.id} has no versions` });
    return { ok: false, problems };
  }
  const names = new Set<string>();
  for (const version of scale.versions) {
    if (names.has(version.version)) {
      problems.push({
        code: 'duplicate-version',
        message: `scale ${scale.id} has two versions named "${version.version}"`,
        versions: [version.version],
      });
    }
    names.add(version.version);
    problems.push(...validateVersion(version, scale.kind).problems);
  }
  problems.push(...versionOverlaps(scale.versions));
  return { ok: problems.length === 0, problems };
}

/** Problems if `candidate` were added to `existing` versions (for an admin adding a version). */
export function validateNewVersion(scale: Scale, candidate: ScaleVersion): ValidationResult {
  const problems = [...validateVersion(candidate, scale.kind).problems];
  if (scale.versions.some((x) => x.version === candidate.version)) {
    problems.push({
      code: 'duplicate-version',
      message: `scale ${scale.id} already has a version named "${candidate.version}"`,
      versions: [candidate.version],
    });
  }
  problems.push(
    ...versionOverlaps([...scale.versions, candidate]).filter((p) => p.versions?.includes(candidate.version)),
  );
  return { ok: problems.length === 0, problems };
}

function versionOverlaps(versions: readonly ScaleVersion[]): ScaleProblem[] {
  const problems: ScaleProblem[] = [];
  const from = (x: ScaleVersion) => x.validFromYear ?? Number.NEGATIVE_INFINITY;
  const to = (x: ScaleVersion) => x.validToYear ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < versions.length; i++) {
    for (let k = i + 1; k < versions.length; k++) {
      const a = versions[i];
      const b = versions[k];
      if (from(a) <= to(b) && from(b) <= to(a)) {
        const start = Math.max(from(a), from(b));
        const end = Math.min(to(a), to(b));
        problems.push({
          code: 'versions-overlap',
          message: `versions "${a.version}" (${yearsText(a)}) and "${b.version}" (${yearsText(b)}) both hold for ${start === end ? start : `${Number.isFinite(start) ? start : '…'}–${Number.isFinite(end) ? end : '…'}`}`,
          versions: [a.version, b.version],
          at: [start, end].filter(Number.isFinite),
        });
      }
    }
  }
  return problems;
}
