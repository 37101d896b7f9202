import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { listFields } from '../../../services/fields.ts';
import { type Giver, listGivers } from '../../../services/givers.ts';
import { listUnits, type UnitNode } from '../../../services/units.ts';

// Reference lists the forms offer (givers, fields, units, scales) come from their services;
// what is here only shapes them for a form: the giver a person typed, units as options.

export { listScaleNames as loadScales } from '../../../services/scales/read.ts';
export type { Giver };

/** Every giver, renamed and dissolved ones included (the form resolves old names too). */
export const loadGivers = (db: Kysely<Database>): Promise<Giver[]> => listGivers(db);

/** Every field, retired ones included (a list filter still finds their awards); forms keep the active. */
export const loadFields = (db: Kysely<Database>, locale: string) => listFields(db, locale, true);

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The giver a person typed: its code, abbreviation, name or any alias, ignoring case. */
export function resolveGiver(givers: Giver[], typed: string): Giver | undefined {
  const needle = norm(typed.replace(/\s+—\s+.*$/, ''));
  if (!needle) return undefined;
  return givers.find(
    (g) =>
      norm(g.code) === needle ||
      norm(g.abbreviation) === needle ||
      norm(g.name) === needle ||
      g.aliases.some((a) => norm(a) === needle),
  );
}

/** Givers whose code, abbreviation, name or alias contains the text (for the look-up). */
export function searchGivers(givers: Giver[], typed: string, limit = 8): Giver[] {
  const needle = norm(typed);
  if (needle.length < 2) return [];
  return givers
    .filter((g) => [g.code, g.abbreviation, g.name, ...g.aliases].some((s) => norm(s).includes(needle)))
    .slice(0, limit);
}

/** Units as select options, indented by depth; `withinPath` keeps one subtree (operators). */
export async function unitOptions(db: Kysely<Database>, withinPath?: string | null) {
  const units = await listUnits(db);
  return units
    .filter((u) => u.active && (!withinPath || u.path.startsWith(withinPath)))
    .map((u) => ({ value: String(u.id), label: `${'\u00a0\u00a0'.repeat(u.depth)}${unitLabel(u)}` }));
}

export const unitLabel = (u: Pick<UnitNode, 'name' | 'shortName'>) =>
  u.shortName && u.shortName !== u.name ? `${u.name} (${u.shortName})` : u.name;
