import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, OrgUnitRow } from '../../db/schema.ts';
import type { Scale } from '../../domain/grading/index.ts';
import { invalid } from '../errors.ts';
import { loadScale } from '../grading.ts';
import { closest } from './values.ts';

// Everything a row refers to, loaded once per import: givers (code, abbreviation, name,
// aliases), units (name, short name), fields (code, names), scales. Rows then resolve in
// memory, which is what makes 10,000 rows a second possible.

export interface GiverRef {
  id: number;
  code: string;
  abbreviation: string;
  name: string;
}

export interface UnitRef {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
}

export type Lookup<T> = { found: T } | { found: null; suggestion: string | null };

/** Lower case, letters and digits only: "Kemen-PAN RB" = "kemenpanrb". */
export const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export class ImportContext {
  private scales = new Map<string, Scale | null>();

  private constructor(
    private readonly db: Kysely<Database>,
    readonly region: { code: string; name: string; kind: string },
    private readonly givers: Map<string, GiverRef>,
    private readonly giverNames: string[],
    private readonly units: Map<string, UnitRef>,
    private readonly unitNames: string[],
    readonly unitsById: Map<number, UnitRef>,
    private readonly fields: Map<string, { id: number; code: string }>,
    private readonly fieldNames: string[],
    private readonly regionNames: Set<string>,
  ) {}

  static async load(db: Kysely<Database>, regionCode?: string | null): Promise<ImportContext> {
    let rq = db.selectFrom('regions').selectAll().orderBy('code');
    if (regionCode) rq = rq.where('code', '=', regionCode);
    const region = await rq.executeTakeFirst();
    if (!region)
      throw invalid([
        {
          message: regionCode
            ? `Wilayah ${regionCode} tidak ada`
            : 'Belum ada pemda (region); jalankan `prestasi demo` atau buat wilayah lebih dulu',
        },
      ]);
    const givers = new Map<string, GiverRef>();
    const giverNames: string[] = [];
    for (const g of await db.selectFrom('awarding_bodies').selectAll().orderBy('id').execute()) {
      const ref = { id: g.id, code: g.code, abbreviation: g.abbreviation, name: g.name };
      const names = [g.abbreviation, g.name, g.code, ...(JSON.parse(g.aliases) as string[])];
      for (const n of names) if (!givers.has(key(n))) givers.set(key(n), ref);
      giverNames.push(g.abbreviation, g.name);
    }
    const unitRows: OrgUnitRow[] = await db
      .selectFrom('org_units')
      .selectAll()
      .where('region_code', '=', region.code)
      .orderBy('id')
      .execute();
    const units = new Map<string, UnitRef>();
    const unitsById = new Map<number, UnitRef>();
    const unitNames: string[] = [];
    for (const u of unitRows) {
      const ref = { id: u.id, name: u.name, path: u.path, parentId: u.parent_id };
      unitsById.set(u.id, ref);
      for (const n of [u.name, u.short_name]) {
        if (!n) continue;
        if (!units.has(key(n))) units.set(key(n), ref);
        unitNames.push(n);
      }
    }
    const fields = new Map<string, { id: number; code: string }>();
    const fieldNames: string[] = [];
    for (const f of await db.selectFrom('fields').selectAll().where('active', '=', 1).execute()) {
      for (const n of [f.code, f.name_id, f.name_en]) fields.set(key(n), { id: f.id, code: f.code });
      fieldNames.push(f.name_id);
    }
    const regionNames = new Set(
      [region.name, `Pemerintah ${region.name}`, `Pemda ${region.name}`, `Pemkot ${region.name}`].map(key),
    );
    const bare = region.name.replace(/^(kota|kabupaten|provinsi)\s+/i, '');
    for (const prefix of ['Pemkot', 'Pemkab', 'Pemprov', 'Pemerintah Kota', 'Pemerintah Kabupaten'])
      regionNames.add(key(`${prefix} ${bare}`));
    return new ImportContext(
      db,
      { code: region.code, name: region.name, kind: region.kind },
      givers,
      giverNames,
      units,
      unitNames,
      unitsById,
      fields,
      fieldNames,
      regionNames,
    );
  }

  giver(text: string): Lookup<GiverRef> {
    const found = this.givers.get(key(text));
    return found ? { found } : { found: null, suggestion: closest(text, this.giverNames) };
  }

  unit(text: string): Lookup<UnitRef> {
    const found = this.units.get(key(text));
    return found ? { found } : { found: null, suggestion: closest(text, this.unitNames) };
  }

  isRegionName(text: string): boolean {
    return this.regionNames.has(key(text));
  }

  field(text: string): Lookup<{ id: number; code: string }> {
    const found = this.fields.get(key(text));
    return found ? { found } : { found: null, suggestion: closest(text, this.fieldNames) };
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
export function importKey(p: {
  regionCode: string;
  title: string;
  year: number;
  giver: number | string | null;
  unitId: number | null;
  date: string | null;
}): string {
  const title = p.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const giver = typeof p.giver === 'string' ? `t:${key(p.giver)}` : `g:${p.giver ?? ''}`;
  const parts = [p.regionCode, title, p.year, giver, p.unitId ?? '', p.date ?? ''].join('|');
  return createHash('sha256').update(parts).digest('hex').slice(0, 32);
}
