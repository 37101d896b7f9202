import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadPublicFacts, type PublicFact } from './public.ts';

export interface TimelineYear {
  year: number;
  count: number;
  /** The few awards that stand out: highest level first, then the best rank. */
  highlights: PublicFact[];
}

export interface Timeline {
  /** The first year shown: the founding year, or the first award's year if earlier/unknown. */
  fromYear: number | null;
  toYear: number | null;
  total: number;
  /** Every year from `fromYear` to `toYear`, newest first, zeros included. */
  years: TimelineYear[];
}

const LEVEL_WEIGHT: Record<string, number> = {
  internasional: 5,
  nasional: 4,
  regional: 3,
  provinsi: 2,
  'kabupaten/kota': 1,
};

export function highlightOrder(a: PublicFact, b: PublicFact): number {
  return (
    (LEVEL_WEIGHT[b.level ?? ''] ?? 0) - (LEVEL_WEIGHT[a.level ?? ''] ?? 0) ||
    (a.rankPosition ?? 99) - (b.rankPosition ?? 99) ||
    (b.score ?? -1) - (a.score ?? -1) ||
    a.title.localeCompare(b.title, 'id')
  );
}

export function buildTimeline(facts: readonly PublicFact[], foundedOn: string | null, perYear = 3): Timeline {
  const byYear = new Map<number, PublicFact[]>();
  for (const f of facts) byYear.set(f.editionYear, [...(byYear.get(f.editionYear) ?? []), f]);
  const years = [...byYear.keys()];
  if (years.length === 0) return { fromYear: null, toYear: null, total: 0, years: [] };
  const founded = foundedOn ? Number(foundedOn.slice(0, 4)) : Number.POSITIVE_INFINITY;
  const fromYear = Math.min(founded, ...years);
  const toYear = Math.max(...years);
  const out: TimelineYear[] = [];
  for (let y = toYear; y >= fromYear; y--) {
    const list = byYear.get(y) ?? [];
    out.push({ year: y, count: list.length, highlights: [...list].sort(highlightOrder).slice(0, perYear) });
  }
  return { fromYear, toYear, total: facts.length, years: out };
}

export async function timelineData(
  db: Kysely<Database>,
  locale: 'id' | 'en',
  foundedOn: string | null,
): Promise<Timeline> {
  return buildTimeline(await loadPublicFacts(db, locale), foundedOn);
}
