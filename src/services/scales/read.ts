// Scales as the API shows them: every version with its bands, years in force, legal basis,
// source and how sure we are of the numbers (confidence).

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ZONE_COLORS } from '../../domain/grading/index.ts';
import type { Scale } from '../../domain/grading/types.ts';
import { notFound } from '../errors.ts';
import { loadAllScales, loadScale } from '../grading.ts';

export interface ScaleView extends Scale {
  builtin: boolean;
}

/** Bands get their zone colour filled in, so charts need no second look-up. */
function view(scale: Scale, builtin: boolean): ScaleView {
  return {
    ...scale,
    builtin,
    versions: scale.versions.map((v) => ({
      ...v,
      bands: v.bands.map((b) => ({ ...b, color: b.color ?? (b.zone ? ZONE_COLORS[b.zone] : undefined) })),
    })),
  };
}

export async function listScales(db: Kysely<Database>): Promise<ScaleView[]> {
  return (await loadAllScales(db)).map(({ builtin, ...s }) => view(s, builtin));
}

/** Scales by name, as options for a form: id, name, kind and the giver that owns it. */
export function listScaleNames(db: Kysely<Database>) {
  return db.selectFrom('scales').select(['id', 'name', 'kind', 'giver_code']).orderBy('name').execute();
}

export async function getScale(db: Kysely<Database>, id: string): Promise<ScaleView> {
  const scale = await loadScale(db, id);
  if (!scale) throw notFound('Skala', id);
  const row = await db.selectFrom('scales').select('builtin').where('id', '=', id).executeTakeFirstOrThrow();
  return view(scale, row.builtin === 1);
}
