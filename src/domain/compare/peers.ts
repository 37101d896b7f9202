// Fair comparison of regions: a kota is compared with kota, a kabupaten with kabupaten, a
// provinsi with provinsi (their budgets, duties and the awards open to them differ). A region with
// nothing on record has not reported — it is listed apart, without a rank, never as a zero. A
// recurring award (WTP every year) counts once in the score, with its streak beside it.

import { assessmentsFor, REGION_KINDS, type RegionKind } from './assessments.ts';

/** What the recap counted for one region over the comparison window (services/recap/compare.ts). */
export interface RegionTally {
  code: string;
  name: string;
  kind: RegionKind;
  /** First edition year with a verified public award up to the window's end; null: none at all. */
  firstYear: number | null;
  /** Verified public awards in the window, each counted (the raw count). */
  awards: number;
  /** Awards outside any series plus one per series: a recurring award is one achievement. */
  achievements: number;
  /** Σ level weight × rank weight, a series counted once at its best weight (domain/compare/weights.ts). */
  score: number;
  /** Recurring national assessments (scale ids) with at least one record in the window. */
  assessments: readonly string[];
  /** The longest streak still running at the window's end (or the year before), if any. */
  streak: { title: string | null; value: string; length: number; fromYear: number; toYear: number } | null;
}

export interface ComparedRegion extends RegionTally {
  /** False: nothing on record up to the window's end ("belum melapor"). */
  reported: boolean;
  /** Rank within the peer group (ties share a rank); null when not reported. */
  rank: number | null;
  coverage: { have: number; of: number };
}

export interface PeerGroup {
  kind: RegionKind;
  regions: ComparedRegion[];
  reported: number;
}

/** Is there anything on record? Decided once, here. */
export const hasReported = (t: Pick<RegionTally, 'firstYear'>) => t.firstYear !== null;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'id');

/**
 * Groups regions by kind (provinsi, kabupaten, kota; empty groups left out) and ranks each group
 * by weighted score, then achievements, then raw count. Ties share a rank (1, 2, 2, 4). Regions
 * that have not reported come last, by name, unranked.
 */
export function comparePeers(tallies: readonly RegionTally[]): PeerGroup[] {
  return REGION_KINDS.map((kind) => {
    const rows = tallies
      .filter((t) => t.kind === kind)
      .map((t): ComparedRegion => {
        const expected = assessmentsFor(kind).map((a) => a.scaleId);
        return {
          ...t,
          reported: hasReported(t),
          rank: null,
          coverage: { have: expected.filter((id) => t.assessments.includes(id)).length, of: expected.length },
        };
      });
    const reported = rows
      .filter((r) => r.reported)
      .sort(
        (a, b) => b.score - a.score || b.achievements - a.achievements || b.awards - a.awards || byName(a, b),
      );
    reported.forEach((r, i) => {
      const prev = reported[i - 1];
      r.rank =
        prev && prev.score === r.score && prev.achievements === r.achievements && prev.awards === r.awards
          ? prev.rank
          : i + 1;
    });
    const silent = rows.filter((r) => !r.reported).sort(byName);
    return { kind, regions: [...reported, ...silent], reported: reported.length };
  }).filter((g) => g.regions.length > 0);
}
