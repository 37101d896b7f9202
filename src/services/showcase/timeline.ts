import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Highlight, recapHighlights } from '../recap/highlights.ts';
import { recapByYear, recapLatestYear } from '../recap/queries.ts';
import { PUBLIC_SCOPE } from '../recap/scope.ts';

export interface TimelineYear {
  year: number;
  count: number;
  /** The few awards that stand out: highest level first, then the best rank. */
  highlights: Highlight[];
}

export interface Timeline {
  /** The first year shown: the founding year, or the first award's year if earlier/unknown. */
  fromYear: number | null;
  toYear: number | null;
  total: number;
  /** Every year from `fromYear` to `toYear`, newest first, zeros included. */
  years: TimelineYear[];
}

/** The region's history year by year: counts grouped in SQL, a few highlights per year. */
export async function timelineData(
  db: Kysely<Database>,
  foundedOn: string | null,
  regionCode: string | null,
  perYear = 3,
): Promise<Timeline> {
  const scope = { ...PUBLIC_SCOPE, regionCode };
  const toYear = await recapLatestYear(db, scope);
  if (toYear === null) return { fromYear: null, toYear: null, total: 0, years: [] };
  const counts = await recapByYear(db, scope, toYear);
  const founded = foundedOn ? Number(foundedOn.slice(0, 4)) : Number.POSITIVE_INFINITY;
  const fromYear = Math.min(founded, counts[0]?.year ?? toYear);
  const countOf = new Map(counts.map((c) => [c.year, c.count]));
  const years: TimelineYear[] = [];
  for (let year = toYear; year >= fromYear; year--) {
    const count = countOf.get(year) ?? 0;
    years.push({ year, count, highlights: count ? await recapHighlights(db, scope, year, perYear) : [] });
  }
  return { fromYear, toYear, total: counts.reduce((sum, c) => sum + c.count, 0), years };
}
