import type { Insertable, Kysely } from 'kysely';
// The catalog alone, not domain/grading/index.ts: its validation schemas (zod) are not needed to
// load the shipped scales at every start.
import { SCALES } from '../domain/grading/catalog.ts';
import type { Scale, ScaleVersion } from '../domain/grading/types.ts';
import { nowIso } from './now.ts';
import type { Database, ScaleTable } from './schema.ts';

// The shipped grading scales are reference data like givers and fields: loaded on every start,
// adding only what the database lacks (admins add their own versions through the scales service).

/** Adds shipped scales and versions that the database does not have yet. */
export async function loadBuiltinScales(db: Kysely<Database>): Promise<void> {
  const now = nowIso();
  for (const scale of SCALES) {
    const exists = await db.selectFrom('scales').select('id').where('id', '=', scale.id).executeTakeFirst();
    if (!exists) {
      await db
        .insertInto('scales')
        .values(scaleRow(scale, true, now))
        .execute();
    }
    const have = new Set(
      (
        await db.selectFrom('scale_versions').select('version').where('scale_id', '=', scale.id).execute()
      ).map((v) => v.version),
    );
    for (const v of scale.versions) {
      if (have.has(v.version)) continue;
      await db
        .insertInto('scale_versions')
        .values(versionRow(scale.id, v, now))
        .execute();
    }
  }
}

/** The scales row of a scale; `builtin` ones ship with Prestasi, the others an admin added. */
export function scaleRow(scale: Scale, builtin: boolean, now = nowIso()): Insertable<ScaleTable> {
  return {
    id: scale.id,
    name: scale.name,
    giver_code: scale.giverCode,
    kind: scale.kind,
    confidence: scale.confidence,
    description: scale.unit ?? null,
    builtin: builtin ? 1 : 0,
    created_at: now,
  };
}

export function versionRow(scaleId: string, v: ScaleVersion, now = nowIso()) {
  return {
    scale_id: scaleId,
    version: v.version,
    valid_from_year: v.validFromYear,
    valid_to_year: v.validToYear,
    precision: v.precision ?? 0.01,
    legal_basis: v.legalBasis,
    source: v.source,
    bands_json: JSON.stringify({ title: v.title ?? null, bands: v.bands, notes: v.notes ?? [] }),
    created_at: now,
  };
}
