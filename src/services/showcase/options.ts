import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/format.ts';
import { readableAwards } from '../access.ts';
import { listUnits } from '../units.ts';

export interface FilterOptions {
  years: number[];
  fields: { code: string; name: string }[];
  units: { id: number; name: string; depth: number }[];
  /** Givers that have at least one public award, by abbreviation. */
  givers: { code: string; abbreviation: string; name: string }[];
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
    readableAwards(db, null)
      .select('awards.edition_year')
      .distinct()
      .orderBy('awards.edition_year', 'desc')
      .execute(),
    db
      .selectFrom('fields')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    listUnits(db, regionCode ?? undefined),
    readableAwards(db, null)
      .innerJoin('awarding_bodies as g', 'g.id', 'awards.awarding_body_id')
      .select(['g.code', 'g.abbreviation', 'g.name'])
      .distinct()
      .orderBy('g.abbreviation')
      .execute(),
  ]);
  return {
    years: years.map((y) => y.edition_year),
    fields: fields.map((f) => ({ code: f.code, name: locale === 'en' ? f.name_en : f.name_id })),
    units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    givers,
  };
}
