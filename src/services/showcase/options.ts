import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Locale } from '../../domain/i18n.ts';
import { counted } from '../recap/counters.ts';
import { PUBLIC_SCOPE } from '../recap/scope.ts';
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
  // Years and givers come from the counts the database keeps (migration 012): one row per
  // group, so the form costs the same at a thousand awards or a million.
  const scope = { ...PUBLIC_SCOPE, regionCode: regionCode ?? null };
  const [years, fields, units, giverIds] = await Promise.all([
    counted(db, scope, 'level', null, 'edition_year'),
    db
      .selectFrom('fields')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    listUnits(db, regionCode ?? undefined),
    counted(db, scope, 'giver', null, 'key'),
  ]);
  // A giver group's key is the giver's id, or '~' and the text for a giver not in the list.
  const ids = [...giverIds.keys()].filter((k) => /^\d+$/.test(k)).map(Number);
  const givers = ids.length
    ? await db
        .selectFrom('awarding_bodies as g')
        .select(['g.code', 'g.abbreviation', 'g.name'])
        .where('g.id', 'in', ids)
        .orderBy('g.abbreviation')
        .execute()
    : [];
  return {
    years: [...years.keys()].map(Number).sort((a, b) => b - a),
    fields: fields.map((f) => ({ code: f.code, name: locale === 'en' ? f.name_en : f.name_id })),
    units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    givers,
  };
}
