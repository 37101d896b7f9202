import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { listUnits, type UnitNode } from '../../../services/units.ts';
import type { Locale } from '../i18n.ts';

// Reference lists the forms offer (givers, fields, units, scales). Small tables, read per
// request: a region has tens of givers and at most a few hundred units.

export interface Giver {
  id: number;
  code: string;
  abbreviation: string;
  name: string;
  aliases: string[];
  level: string;
  validTo: string | null;
  successorId: number | null;
}

export async function loadGivers(db: Kysely<Database>): Promise<Giver[]> {
  const rows = await db.selectFrom('awarding_bodies').selectAll().orderBy('abbreviation').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    abbreviation: r.abbreviation,
    name: r.name,
    aliases: safeList(r.aliases),
    level: r.level,
    validTo: r.valid_to,
    successorId: r.successor_id,
  }));
}

function safeList(json: string): string[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

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

export async function loadFields(db: Kysely<Database>, locale: Locale) {
  const rows = await db.selectFrom('fields').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((f) => ({
    id: f.id,
    code: f.code,
    name: locale === 'en' ? f.name_en : f.name_id,
    nameId: f.name_id,
    nameEn: f.name_en,
    active: f.active === 1,
  }));
}

export async function loadScales(db: Kysely<Database>) {
  return db.selectFrom('scales').select(['id', 'name', 'kind', 'giver_code']).orderBy('name').execute();
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
