import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso } from '../../db/now.ts';
import type { Database, OrgUnitRow } from '../../db/schema.ts';
import type { Scale } from '../../domain/grading/index.ts';
import { FIELDS } from '../../reference/fields.ts';
import { UNIT_ACRONYMS } from '../../reference/unit-acronyms.ts';
import { invalid } from '../errors.ts';
import { loadScale } from '../grading.ts';
import { getRegion } from '../units.ts';
import { fieldVariants, giverVariants, key, type Lookup, NameIndex, unitVariantsFor } from './names.ts';

// Everything a row refers to, loaded once per import: givers (code, abbreviation, name,
// aliases), units (name, short name), fields (code, names), scales. Rows then resolve in
// memory, which is what makes 10,000 rows a second possible.

export interface GiverRef {
  id: number;
  code: string;
  abbreviation: string;
  name: string;
  /** When the body existed (a renamed ministry stops on the day of its rename). */
  valid_from: string | null;
  valid_to: string | null;
  successorName: string | null;
}

export interface UnitRef {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
}

export interface FieldRef {
  id: number;
  code: string;
  name: string;
}

export type { Lookup };

export class ImportContext {
  private scales = new Map<string, Scale | null>();
  /** Today (YYYY-MM-DD) for the no-future-date rule, read once per import. */
  readonly today = nowIso().slice(0, 10);
  private readonly unitVariants: (text: string) => Iterable<string>;

  private constructor(
    readonly db: Kysely<Database>,
    readonly region: { id: number; code: string; name: string; kind: string },
    private readonly givers: NameIndex<GiverRef>,
    private readonly units: NameIndex<UnitRef>,
    readonly unitsById: Map<number, UnitRef>,
    private readonly fields: NameIndex<FieldRef>,
    private readonly regionNames: Set<string>,
  ) {
    const acronyms = new Map(Object.entries(UNIT_ACRONYMS).map(([a, names]) => [key(a), names]));
    this.unitVariants = unitVariantsFor(region.name, acronyms);
  }

  static async load(db: Kysely<Database>, regionCode?: string | null): Promise<ImportContext> {
    const region = await getRegion(db, regionCode);
    if (!region)
      throw invalid([
        {
          message: regionCode
            ? `Wilayah ${regionCode} tidak ada`
            : 'Belum ada pemda (region); jalankan `prestasi demo` atau buat wilayah lebih dulu',
        },
      ]);
    const givers = new NameIndex<GiverRef>();
    const giverRows = await db.selectFrom('awarding_bodies').selectAll().orderBy('id').execute();
    const giverName = new Map(giverRows.map((g) => [g.id, g.name]));
    for (const g of giverRows) {
      const ref = {
        id: g.id,
        code: g.code,
        abbreviation: g.abbreviation,
        name: g.name,
        valid_from: g.valid_from,
        valid_to: g.valid_to,
        successorName: g.successor_id ? (giverName.get(g.successor_id) ?? null) : null,
      };
      givers.add(g.abbreviation, ref);
      givers.add(g.name, ref);
      for (const n of [g.code, ...(JSON.parse(g.aliases) as string[])]) givers.add(n, ref, false);
    }
    const unitRows: OrgUnitRow[] = await db
      .selectFrom('org_units')
      .selectAll()
      .where('region_id', '=', region.id)
      .orderBy('id')
      .execute();
    const units = new NameIndex<UnitRef>();
    const unitsById = new Map<number, UnitRef>();
    // Short names first: "Dinkes" is the unit whose short name it is, not an acronym guess.
    for (const u of unitRows) {
      const ref = { id: u.id, name: u.name, path: u.path, parentId: u.parent_id };
      unitsById.set(u.id, ref);
      if (u.short_name) units.add(u.short_name, ref);
    }
    for (const u of unitRows) units.add(u.name, unitsById.get(u.id)!);
    const fields = new NameIndex<FieldRef>();
    const aliases = new Map(FIELDS.map((f) => [f.code, f.aliases ?? []]));
    for (const f of await db.selectFrom('fields').selectAll().where('active', '=', 1).execute()) {
      const ref = { id: f.id, code: f.code, name: f.name_id };
      fields.add(f.name_id, ref);
      for (const n of [f.code, f.name_en, ...(aliases.get(f.code) ?? [])]) fields.add(n, ref, false);
    }
    const regionNames = new Set(
      [region.name, `Pemerintah ${region.name}`, `Pemda ${region.name}`, `Pemkot ${region.name}`].map(key),
    );
    const bare = region.name.replace(/^(kota|kabupaten|provinsi)\s+/i, '');
    for (const prefix of ['Pemkot', 'Pemkab', 'Pemprov', 'Pemerintah Kota', 'Pemerintah Kabupaten'])
      regionNames.add(key(`${prefix} ${bare}`));
    return new ImportContext(
      db,
      { id: region.id, code: region.code, name: region.name, kind: region.kind },
      givers,
      units,
      unitsById,
      fields,
      regionNames,
    );
  }

  giver(text: string): Lookup<GiverRef> {
    // Words alone never pick a giver: two ministries share most of their words.
    return this.givers.find(text, giverVariants, 0);
  }

  unit(text: string): Lookup<UnitRef> {
    // The region's own name ("Kota Tangerang") is the pemda as recipient, not a word match
    // on the Pemkot unit — unless a unit is named exactly so.
    if (this.isRegionName(text)) {
      const exact = this.units.has(text);
      return exact ? { found: exact } : { found: null, suggestion: null, nearSpelling: false };
    }
    return this.units.find(text, this.unitVariants, 2);
  }

  isRegionName(text: string): boolean {
    return this.regionNames.has(key(text));
  }

  field(text: string): Lookup<FieldRef> {
    return this.fields.find(text, fieldVariants, 1);
  }

  async scale(id: string): Promise<Scale | null> {
    const k = id.trim().toLowerCase();
    if (!this.scales.has(k)) this.scales.set(k, (await loadScale(this.db, k)) ?? null);
    return this.scales.get(k)!;
  }
}

/**
 * The identity of an award for idempotent imports: the same title, year, giver, recipient unit
 * and date give the same key, however the cells were spelled (case, spaces, "Kemendagri" or
 * "Kementerian Dalam Negeri").
 */
export function importKey(p: ImportKeyParts): string {
  // One-shot hash: a Hash object per row showed in the import's profile.
  return hash('sha256', importKeyText(p), 'hex').slice(0, 32);
}

export interface ImportKeyParts {
  regionCode: string;
  title: string;
  year: number;
  giver: number | string | null;
  unitId: number | null;
  date: string | null;
}

/** What the key is a hash of: equal texts, equal keys. Enough to compare rows in memory. */
export function importKeyText(p: ImportKeyParts): string {
  const title = p.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const giver = typeof p.giver === 'string' ? `t:${key(p.giver)}` : `g:${p.giver ?? ''}`;
  return [p.regionCode, title, p.year, giver, p.unitId ?? '', p.date ?? ''].join('|');
}
