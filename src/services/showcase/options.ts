import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import { regionIdOrNone } from '../../domain/region-code.ts';
import { readableAwards } from '../access.ts';
import { listUnits } from '../units.ts';

export interface FilterOptions {
  years: number[];
  fields: { code: string; name: string }[];
  units: { id: number; name: string; depth: number }[];
  /** Givers that have at least one public award, by abbreviation. */
  givers: { code: string; abbreviation: string; name: string }[];
}

/** The public awards of one region (of all when null). */
function publicOf(db: Kysely<Database>, regionCode: string | null) {
  const q = readableAwards(db, null);
  return regionCode === null ? q : q.where('awards.region_id', '=', regionIdOrNone(regionCode));
}

/**
 * What the list's filter form offers: years that have public awards, active fields, the unit
 * tree of the site's region (a national database holds 20,000 units; the form offers the
 * region's own), and givers with public awards.
 */
export async function filterOptions(
  db: Kysely<Database>,
  locale: Locale,
  regionCode?: string | null,
): Promise<FilterOptions> {
  const [years, fields, units, givers] = await Promise.all([
    yearsWithPublicAwards(db, regionCode ?? null),
    db
      .selectFrom('fields')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    listUnits(db, regionCode ?? undefined),
    regionCode
      ? // A region's givers: its own few thousand public awards, grouped (an index look-up per
        // giver would walk every region's awards of a giver the region never had).
        db
          .selectFrom('awarding_bodies as g')
          .select(['g.code', 'g.abbreviation', 'g.name'])
          .where(
            'g.id',
            'in',
            publicOf(db, regionCode)
              .select('awards.awarding_body_id')
              .where('awards.awarding_body_id', 'is not', null),
          )
          .orderBy('g.abbreviation')
          .execute()
      : // Every region: one indexed look-up per giver (index awards_giver_public), not a pass over every award.
        db
          .selectFrom('awarding_bodies as g')
          .select(['g.code', 'g.abbreviation', 'g.name'])
          .where(({ exists }) =>
            exists(
              publicOf(db, null)
                .select('awards.id')
                .where('awards.awarding_body_id', '=', sql<number>`g.id`)
                .limit(1),
            ),
          )
          .orderBy('g.abbreviation')
          .execute(),
  ]);
  return {
    years,
    fields: fields.map((f) => ({ code: f.code, name: locale === 'en' ? f.name_en : f.name_id })),
    units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    givers,
  };
}

/**
 * The years that have public awards, newest first: the first and last such year, then one
 * indexed look-up per year between them (awards_region_year_list; awards_year_public for every
 * region), so the cost follows
 * the number of years, not of awards.
 */
async function yearsWithPublicAwards(db: Kysely<Database>, regionCode: string | null): Promise<number[]> {
  // A region's few thousand public awards are grouped at once.
  if (regionCode !== null)
    return (
      await publicOf(db, regionCode)
        .select('awards.edition_year')
        .groupBy('awards.edition_year')
        .orderBy('awards.edition_year', 'desc')
        .execute()
    ).map((r) => r.edition_year);
  const edge = (order: 'asc' | 'desc') =>
    publicOf(db, regionCode)
      .select('awards.edition_year')
      .orderBy('awards.edition_year', order)
      .limit(1)
      .executeTakeFirst()
      .then((r) => r?.edition_year);
  const [first, last] = await Promise.all([edge('asc'), edge('desc')]);
  if (first === undefined || last === undefined) return [];
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  const found = await Promise.all(
    years.map((year) =>
      publicOf(db, regionCode)
        .select('awards.id')
        .where('awards.edition_year', '=', year)
        .limit(1)
        .executeTakeFirst(),
    ),
  );
  return years.filter((_, i) => found[i] !== undefined);
}
