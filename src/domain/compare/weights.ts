// The weighted score of the national comparison, declared once: each award counts its level's
// weight times its rank's weight. The comparison query (services/recap/compare.ts) builds its SQL
// from these tables and the national page publishes them, so what is counted is what is shown.

/** Weight of an award by the level of its giver's assessment. Unknown level: DEFAULT_WEIGHT. */
export const LEVEL_WEIGHTS: Readonly<Record<string, number>> = {
  internasional: 5,
  nasional: 4,
  regional: 2,
  provinsi: 2,
  'kabupaten/kota': 1,
};

/** Weight by rank position (1 = first place / winner); any other or no rank: DEFAULT_WEIGHT. */
export const RANK_WEIGHTS: Readonly<Record<number, number>> = { 1: 3, 2: 2, 3: 1.5 };

export const DEFAULT_WEIGHT = 1;

/** The weight of one award: level weight × rank weight. */
export function awardWeight(
  level: string | null | undefined,
  rankPosition: number | null | undefined,
): number {
  const l = level ? (LEVEL_WEIGHTS[level] ?? DEFAULT_WEIGHT) : DEFAULT_WEIGHT;
  const r = rankPosition ? (RANK_WEIGHTS[rankPosition] ?? DEFAULT_WEIGHT) : DEFAULT_WEIGHT;
  return l * r;
}

/** Years a comparison looks back over, ending in the chosen year (five editions of most awards). */
export const COMPARISON_YEARS = 5;
